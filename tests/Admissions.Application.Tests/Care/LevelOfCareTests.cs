using Admissions.Application.Care;
using Admissions.Application.Common;
using Admissions.Application.Screening;
using Admissions.Domain.Auditing;
using Admissions.Domain.Care;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Screening;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.Care;

public class LevelOfCareTests
{
    private static readonly DimensionRatingsForm AllOne = new(1, 1, 1, 1, 1, 1);

    private static async Task<Guid> InquiryAsync(TestHost host) => (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;

    /// <summary>CIWA-Ar answers adding up to <paramref name="total"/>, filling items in catalog order.</summary>
    private static Dictionary<string, int> Ciwa(int total)
    {
        var answers = new Dictionary<string, int>();
        var remaining = total;
        foreach (var item in InstrumentCatalog.Default.Get(InstrumentCode.CiwaAr).Items)
        {
            var answer = Math.Min(remaining, item.AllowedAnswers.Max());
            answers[item.Id] = answer;
            remaining -= answer;
        }

        return answers;
    }

    private static Task<DecideLevelOfCareResult> DecideAsync(
        TestHost host, Guid inquiryId, TestUser? user = null, string? overrideCode = null, string? reason = null) =>
        host.SendAsync(user ?? host.Clinician, new DecideLevelOfCare(inquiryId, new ClinicalPictureForm(), AllOne, AsamEdition.Third, overrideCode, reason));

    [Fact]
    public async Task Recommend_reads_the_latest_completed_ciwa_ar_and_not_a_draft()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        await Screening.ScreeningArrival.ArriveAsync(host, inquiryId);
        var first = await host.SendAsync(host.Clinician, new RecordObservation(inquiryId, null, InstrumentCode.CiwaAr, Ciwa(10), Complete: true, ObservedInPerson: true));
        var corrected = await host.SendAsync(host.Clinician, new RecordObservation(inquiryId, first.ScreeningId, InstrumentCode.CiwaAr, Ciwa(20), Complete: true, ObservedInPerson: true));
        Assert.Equal(20, corrected.Total);

        var view = await host.SendAsync(host.Clinician, new RecommendLevelOfCare(inquiryId, new ClinicalPictureForm(), AllOne));

        Assert.Equal(20, view.Screenings.CiwaArTotal);
        Assert.Equal("3.7-WM", view.Recommendation.Level.Code);
        Assert.Equal(LevelOfCare.WithdrawalManagement, view.Recommendation.CareSetting);
        Assert.Contains(view.Recommendation.Reasons, r => r.Reason.Contains("CIWA-Ar 20", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_first_decision_is_the_admitting_one_and_goes_on_the_timeline()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);

        var decided = await DecideAsync(host, inquiryId);

        Assert.True(decided.IsAdmitting);
        Assert.Equal("1", decided.LevelCode);
        Assert.False(decided.IsOverride);
        var overview = await host.SendAsync(host.Clinician, new GetLevelOfCare(inquiryId));
        var admitting = Assert.Single(overview.Decisions);
        Assert.Same(admitting, overview.Admitting);
        Assert.Equal(host.Clinician.Name, admitting.DecidedBy.Name);
        Assert.NotEmpty(admitting.Recommendation!.Reasons);
        var activities = await host.QueryAsync(db => db.InquiryActivities.Where(a => a.InquiryId == inquiryId && a.Kind == ActivityKind.LevelOfCare).ToListAsync());
        Assert.Contains(activities, a => a.Summary.Contains("Admitting level of care ASAM 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_later_decision_is_appended_as_a_change_and_the_admitting_one_is_kept()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        var first = await DecideAsync(host, inquiryId);

        var second = await DecideAsync(host, inquiryId, host.Manager, overrideCode: "3.5", reason: "No safe place to stay at home");

        Assert.False(second.IsAdmitting);
        Assert.True(second.IsOverride);
        var overview = await host.SendAsync(host.Clinician, new GetLevelOfCare(inquiryId));
        Assert.Equal(2, overview.Decisions.Count);
        Assert.Equal(first.DecisionId, overview.Admitting!.Id);
        Assert.True(overview.Admitting.IsAdmitting);
        Assert.Equal(second.DecisionId, overview.Current!.Id);
        Assert.Equal("3.5", overview.Current.Level!.Code);
        Assert.Equal("1", overview.Current.Recommendation!.Level.Code);
        Assert.Equal("No safe place to stay at home", overview.Current.OverrideReason);
        Assert.Equal(LevelOfCare.Residential, overview.Current.CareSetting);
    }

    [Fact]
    public async Task An_override_without_a_reason_is_refused()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => DecideAsync(host, inquiryId, overrideCode: "3.5", reason: " "));

        Assert.Contains(nameof(DecideLevelOfCare.OverrideReason), error.Errors.Keys);
        Assert.Empty((await host.SendAsync(host.Clinician, new GetLevelOfCare(inquiryId))).Decisions);
    }

    [Fact]
    public async Task Ratings_out_of_range_are_refused()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);

        await Assert.ThrowsAsync<RequestValidationException>(() =>
            host.SendAsync(host.Clinician, new RecommendLevelOfCare(inquiryId, new ClinicalPictureForm(), AllOne with { Relapse = 5 })));
    }

    [Fact]
    public async Task A_coordinator_can_read_but_cannot_decide_or_ask_for_a_recommendation()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);

        await Assert.ThrowsAsync<ForbiddenException>(() => DecideAsync(host, inquiryId, host.Coordinator));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            host.SendAsync(host.Coordinator, new RecommendLevelOfCare(inquiryId, new ClinicalPictureForm(), AllOne)));
        Assert.Empty((await host.SendAsync(host.Coordinator, new GetLevelOfCare(inquiryId))).Decisions);
    }

    [Fact]
    public async Task Reading_the_level_of_care_is_audited()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        await DecideAsync(host, inquiryId);

        await host.SendAsync(host.UtilizationReview, new GetLevelOfCare(inquiryId));

        var reads = await host.QueryAsync(db => db.AuditEntries
            .Where(e => e.Action == AuditAction.View && e.EntityType == nameof(LevelOfCareHistory) && e.EntityId == inquiryId.ToString())
            .ToListAsync());
        Assert.Single(reads);
    }
}
