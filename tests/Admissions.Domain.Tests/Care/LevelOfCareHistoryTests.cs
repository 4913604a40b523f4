using Admissions.Domain.Care;
using Admissions.Domain.Common;
using static Admissions.Domain.Tests.Care.CareTestData;

namespace Admissions.Domain.Tests.Care;

public class LevelOfCareHistoryTests
{
    private static readonly Guid InquiryId = new("0195a0b2-0000-7000-8000-000000000042");
    private static readonly LevelOfCareRecommendation Withdrawal = Recommend(Quiet with { CiwaArTotal = 18 }, AllOnes);
    private static readonly LevelOfCareRecommendation Residential = Recommend(Quiet, Ratings(d5: 3));
    private static readonly LevelOfCareRecommendation Iop = Recommend(Quiet, Ratings(d4: 2));

    [Fact]
    public void A_new_history_has_no_admitting_or_current_level()
    {
        var history = new LevelOfCareHistory(InquiryId);

        Assert.Equal(InquiryId, history.InquiryId);
        Assert.Null(history.Admitting);
        Assert.Null(history.Current);
        Assert.Empty(history.Decisions);
    }

    [Fact]
    public void Accepting_the_recommendation_records_the_admitting_level()
    {
        var history = new LevelOfCareHistory(InquiryId);

        var decision = history.Decide(Withdrawal, Clinician, Now);

        Assert.Same(decision, history.Admitting);
        Assert.Same(decision, history.Current);
        Assert.True(decision.IsAdmitting);
        Assert.False(decision.IsOverride);
        Assert.Null(decision.OverrideReason);
        Assert.Equal("3.7-WM", decision.Level!.Code);
        Assert.Equal(LevelOfCare.WithdrawalManagement, decision.CareSetting);
        Assert.Equal(AsamEdition.Third, decision.Edition);
        Assert.Equal(AllOnes, decision.Ratings);
        Assert.Same(Withdrawal, decision.Recommendation);
        Assert.Equal(Clinician, decision.DecidedBy);
        Assert.Equal(Now, decision.DecidedAt);
        Assert.Equal(7, decision.Id.Version);
    }

    [Fact]
    public void An_override_keeps_the_chosen_level_the_setting_and_the_reason()
    {
        var history = new LevelOfCareHistory(InquiryId);
        var chosen = AsamLevels.Parse(AsamEdition.Third, "3.5");

        var decision = history.Decide(Residential, Clinician, Now, new LevelOfCareOverride(chosen, LevelOfCare.MentalHealthResidential, "  Trauma focus needed  "));

        Assert.True(decision.IsOverride);
        Assert.Equal("Trauma focus needed", decision.OverrideReason);
        Assert.Equal(chosen, decision.Level);
        Assert.Equal(LevelOfCare.MentalHealthResidential, decision.CareSetting);
        Assert.Equal("3.5", decision.Recommendation!.Level.Code);
        Assert.Equal(LevelOfCare.Residential, decision.Recommendation.CareSetting);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void An_override_without_a_reason_is_rejected(string? reason)
    {
        var chosen = AsamLevels.Parse(AsamEdition.Third, "3.5");

        Assert.Throws<DomainRuleException>(() => new LevelOfCareOverride(chosen, LevelOfCare.Residential, reason!));
    }

    [Fact]
    public void Overriding_with_the_recommended_level_and_setting_is_rejected()
    {
        var history = new LevelOfCareHistory(InquiryId);

        Assert.Throws<DomainRuleException>(() =>
            history.Decide(Withdrawal, Clinician, Now, new LevelOfCareOverride(Withdrawal.Level, LevelOfCare.WithdrawalManagement, "Agree")));
        Assert.Empty(history.Decisions);
    }

    [Fact]
    public void Overriding_with_a_level_from_another_edition_is_rejected()
    {
        var history = new LevelOfCareHistory(InquiryId);
        var fourth = AsamLevels.Parse(AsamEdition.Fourth, "3.5");

        Assert.Throws<DomainRuleException>(() =>
            history.Decide(Withdrawal, Clinician, Now, new LevelOfCareOverride(fourth, LevelOfCare.Residential, "Prefer residential")));
    }

    [Fact]
    public void The_admitting_level_is_decided_once()
    {
        var history = new LevelOfCareHistory(InquiryId);
        history.Decide(Withdrawal, Clinician, Now);

        Assert.Throws<DomainRuleException>(() => history.Decide(Residential, Clinician, Now.AddHours(1)));
        Assert.Single(history.Decisions);
    }

    [Fact]
    public void A_change_needs_an_admitting_decision_first()
    {
        var history = new LevelOfCareHistory(InquiryId);

        Assert.Throws<DomainRuleException>(() => history.Change(Residential, Clinician, Now));
    }

    [Fact]
    public void Changes_are_appended_and_the_admitting_level_stays()
    {
        var history = new LevelOfCareHistory(InquiryId);
        var admitting = history.Decide(Withdrawal, Clinician, Now);

        var stepDown = history.Change(Residential, Clinician, Now.AddDays(5));
        var later = history.Change(Iop, Clinician, Now.AddDays(30), new LevelOfCareOverride(AsamLevels.Parse(AsamEdition.Third, "2.5"), LevelOfCare.PartialHospitalization, "Needs daily structure"));

        Assert.Equal([admitting, stepDown, later], history.Decisions);
        Assert.Same(admitting, history.Admitting);
        Assert.Same(later, history.Current);
        Assert.False(stepDown.IsAdmitting);
        Assert.False(later.IsAdmitting);
        Assert.Equal("3.7-WM", history.Admitting!.Level!.Code);
        Assert.Equal("2.5", history.Current!.Level!.Code);
    }

    [Fact]
    public void A_change_dated_before_the_current_decision_is_rejected()
    {
        var history = new LevelOfCareHistory(InquiryId);
        history.Decide(Withdrawal, Clinician, Now);

        Assert.Throws<DomainRuleException>(() => history.Change(Residential, Clinician, Now.AddMinutes(-1)));
        Assert.Single(history.Decisions);
    }

    [Fact]
    public void Decisions_cannot_be_edited_through_the_history()
    {
        var history = new LevelOfCareHistory(InquiryId);
        history.Decide(Withdrawal, Clinician, Now);

        var decisions = Assert.IsAssignableFrom<ICollection<LevelOfCareDecision>>(history.Decisions);
        Assert.True(decisions.IsReadOnly);
    }

    [Fact]
    public void A_hospital_recommendation_is_accepted_with_no_program_setting()
    {
        var history = new LevelOfCareHistory(InquiryId);
        var safetyFirst = Recommend(Quiet with { CssrsRisk = Admissions.Domain.Screening.SuicideRisk.High }, AllOnes, AsamEdition.Fourth);

        var decision = history.Decide(safetyFirst, Clinician, Now);

        Assert.Equal("4.0", decision.Level!.Code);
        Assert.Null(decision.CareSetting);
        Assert.Equal(AsamEdition.Fourth, decision.Edition);
    }
}
