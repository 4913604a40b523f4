using Admissions.Application.Care;
using Admissions.Domain.Care;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.Care;

public class MentalHealthPlacementTests
{
    private static async Task<Guid> MentalHealthOnlyAsync(TestHost host) =>
        (await host.CreateInquiryAsync(TestForms.Valid(f =>
        {
            f.Substances = SubstanceConcerns.None;
            f.MentalHealthConcerns = MentalHealthConcerns.Depression | MentalHealthConcerns.Anxiety;
        }))).InquiryId!.Value;

    [Fact]
    public async Task A_mental_health_only_placement_records_locus_and_the_rationale()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await MentalHealthOnlyAsync(host);

        var result = await host.SendAsync(host.Clinician, new DecideMentalHealthPlacement(inquiryId, CriteriaSet.Locus, null, "5",
            LevelOfCare.MentalHealthResidential, "Severe depression with passive ideation; failed outpatient"));

        Assert.Equal(("LOCUS 5", LevelOfCare.MentalHealthResidential, true), (result.LevelCode, result.CareSetting, result.IsAdmitting));
        var overview = await host.SendAsync(host.Clinician, new GetLevelOfCare(inquiryId));
        Assert.True(overview.IsMentalHealthOnly);
        var decision = Assert.Single(overview.Decisions);
        Assert.Equal((CriteriaSet.Locus, "LOCUS level 5"), (decision.Criteria, decision.Label));
        Assert.Null(decision.Level);
        var timeline = await host.QueryAsync(db => db.InquiryActivities.AsNoTracking().Where(a => a.InquiryId == inquiryId).Select(a => a.Summary).ToListAsync());
        Assert.Contains("Admitting level of care LOCUS level 5 (Mental-health residential), mental health under LOCUS", timeline);
    }

    [Fact]
    public async Task Asam_levels_are_not_forced_onto_a_mental_health_only_inquiry()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await MentalHealthOnlyAsync(host);

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(host.Clinician,
            new DecideLevelOfCare(inquiryId, new ClinicalPictureForm(), new DimensionRatingsForm(1, 1, 1, 1, 1, 1))));

        Assert.StartsWith("This inquiry is about mental health only: ASAM levels are for substance use.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_substance_use_recorded_the_placement_is_decided_under_asam()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(host.Clinician,
            new DecideMentalHealthPlacement(inquiryId, CriteriaSet.PayerCriteria, "Plan guideline", "Residential", LevelOfCare.MentalHealthResidential, "why")));

        Assert.StartsWith("Substance use is recorded for this inquiry", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payer_criteria_placement_survives_the_round_trip_through_the_database()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await MentalHealthOnlyAsync(host);

        await host.SendAsync(host.Clinician, new DecideMentalHealthPlacement(inquiryId, CriteriaSet.PayerCriteria, " Carelon behavioral criteria ", "PHP",
            LevelOfCare.PartialHospitalization, "Needs daily structure"));

        var history = await host.QueryAsync(db => db.LevelOfCareHistories.AsNoTracking().SingleAsync(h => h.InquiryId == inquiryId));
        var decision = Assert.Single(history.Decisions);
        Assert.Equal((CriteriaSet.PayerCriteria, "Carelon behavioral criteria", "PHP", "Needs daily structure"),
            (decision.Criteria, decision.CriteriaName, decision.CriteriaLevel, decision.Rationale));
        Assert.Equal(LevelOfCare.PartialHospitalization, history.AdmittingCareSetting);
    }
}
