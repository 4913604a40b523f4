using Admissions.Application.Care;
using Admissions.Application.Common;
using Admissions.Domain.Auditing;
using Admissions.Domain.Care;
using Admissions.Domain.Inquiries;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.Care;

public class ClinicalIntakeTests
{
    private static readonly DimensionRatingsForm AllOne = new(1, 1, 1, 1, 1, 1);

    private static async Task<Guid> InquiryAsync(TestHost host) => (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;

    private static SubstanceUseForm Alcohol(TestHost host, bool seizures = false) => new()
    {
        Substance = SubstanceConcerns.Alcohol,
        Route = SubstanceRoute.Oral,
        Frequency = UseFrequency.Daily,
        Amount = "a fifth of vodka",
        LastUse = host.Clock.GetUtcNow().AddHours(-6),
        YearsOfUse = 12,
        PriorSeizures = seizures,
        PriorTreatmentEpisodes = 2,
    };

    private static Task<string> SaveAsync(TestHost host, Guid inquiryId, string? version, params SubstanceUseForm[] substances) =>
        host.SendAsync(host.Coordinator, new SaveClinicalIntake(inquiryId, version, substances, "Lisinopril 10 mg", "Hypertension", Pregnant: false));

    [Fact]
    public async Task An_inquiry_without_an_intake_reads_empty_and_suggests_its_flagged_substances()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);

        var intake = await host.SendAsync(host.Coordinator, new GetClinicalIntake(inquiryId));

        Assert.Empty(intake.Substances);
        Assert.Null(intake.Version);
        Assert.Null(intake.Pregnant);
        Assert.Equal([SubstanceConcerns.Alcohol], intake.Suggested);
    }

    [Fact]
    public async Task Saving_keeps_every_detail_records_it_on_the_timeline_and_stops_suggesting_the_substance()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);

        var version = await SaveAsync(host, inquiryId, null, Alcohol(host, seizures: true));

        var intake = await host.SendAsync(host.Clinician, new GetClinicalIntake(inquiryId));
        Assert.Equal(version, intake.Version);
        var alcohol = Assert.Single(intake.Substances);
        Assert.Equal(Alcohol(host, seizures: true).ToSubstanceUse(), alcohol);
        Assert.Equal(("Lisinopril 10 mg", "Hypertension", false), (intake.Medications, intake.MedicalConditions, intake.Pregnant));
        Assert.Equal((host.Coordinator.Name, TestHost.StartTime), (intake.UpdatedByName, intake.UpdatedAt));
        Assert.Empty(intake.Suggested);
        var activity = await host.QueryAsync(db => db.InquiryActivities.SingleAsync(a => a.InquiryId == inquiryId && a.Kind == ActivityKind.LevelOfCare));
        Assert.Equal("Substance use recorded: Alcohol", activity.Summary);
        Assert.Contains(inquiryId, host.Live.InquiriesChanged);
    }

    [Fact]
    public async Task A_second_save_replaces_the_entries()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        var first = await SaveAsync(host, inquiryId, null, Alcohol(host));

        await SaveAsync(host, inquiryId, first, new SubstanceUseForm { Substance = SubstanceConcerns.Fentanyl, Route = SubstanceRoute.Smoked });

        var intake = await host.SendAsync(host.Clinician, new GetClinicalIntake(inquiryId));
        Assert.Equal(SubstanceConcerns.Fentanyl, Assert.Single(intake.Substances).Substance);
        Assert.Equal([SubstanceConcerns.Alcohol], intake.Suggested);
    }

    [Fact]
    public async Task A_save_over_someone_elses_newer_save_is_a_conflict_and_keeps_theirs()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        var opened = await SaveAsync(host, inquiryId, null, Alcohol(host));
        await SaveAsync(host, inquiryId, opened, Alcohol(host, seizures: true));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => SaveAsync(host, inquiryId, opened, Alcohol(host)));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => SaveAsync(host, inquiryId, null, Alcohol(host)));

        var intake = await host.SendAsync(host.Clinician, new GetClinicalIntake(inquiryId));
        Assert.True(Assert.Single(intake.Substances).PriorSeizures);
    }

    [Fact]
    public async Task Two_first_saves_at_once_leave_one_intake_and_one_conflict()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            try
            {
                await SaveAsync(host, inquiryId, null, Alcohol(host));
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        }));

        Assert.Equal(1, results.Count(saved => saved));
        Assert.Equal(1, await host.QueryAsync(db => db.ClinicalIntakes.CountAsync(i => i.InquiryId == inquiryId)));
    }

    [Fact]
    public async Task Invalid_entries_are_refused_with_messages_a_person_can_act_on()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => SaveAsync(host, inquiryId, null,
            Alcohol(host) with { LastUse = host.Clock.GetUtcNow().AddMinutes(5), YearsOfUse = 81, Amount = new string('x', 201) },
            Alcohol(host),
            new SubstanceUseForm { Substance = SubstanceConcerns.Alcohol | SubstanceConcerns.Cocaine }));

        var messages = error.Errors.SelectMany(e => e.Value).ToList();
        Assert.Contains("The last use of Alcohol cannot be in the future.", messages);
        Assert.Contains("Years of Alcohol use are 0 to 80.", messages);
        Assert.Contains("Keep the amount of Alcohol to 200 characters.", messages);
        Assert.Contains("Alcohol is listed twice; keep one entry per substance.", messages);
        Assert.Contains("Choose one substance for each entry.", messages);
        Assert.Equal(0, await host.QueryAsync(db => db.ClinicalIntakes.CountAsync()));
    }

    [Fact]
    public async Task Reading_the_intake_is_audited_and_refused_to_utilization_review()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);

        await host.SendAsync(host.Clinician, new GetClinicalIntake(inquiryId));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.BusinessDevelopment, new GetClinicalIntake(inquiryId)));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            host.SendAsync(host.UtilizationReview, new SaveClinicalIntake(inquiryId, null, [], null, null, null)));

        var read = await host.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditAction.View && e.EntityType == nameof(ClinicalIntake)));
        Assert.Equal((inquiryId.ToString(), host.Clinician.Id), (read.EntityId, read.UserId));
    }

    [Fact]
    public async Task Current_alcohol_use_with_prior_seizures_moves_the_recommendation_to_withdrawal_management()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        var before = await host.SendAsync(host.Clinician, new RecommendLevelOfCare(inquiryId, new ClinicalPictureForm(), AllOne));
        Assert.Equal("1", before.Recommendation.Level.Code);

        await SaveAsync(host, inquiryId, null, Alcohol(host, seizures: true));
        var after = await host.SendAsync(host.Clinician, new RecommendLevelOfCare(inquiryId, new ClinicalPictureForm(), AllOne));

        Assert.Equal("3.7-WM", after.Recommendation.Level.Code);
        Assert.Equal(LevelOfCare.WithdrawalManagement, after.Recommendation.CareSetting);
        Assert.Contains(after.Recommendation.Reasons, r => r.Reason.Contains("current alcohol use with a history of withdrawal seizures", StringComparison.Ordinal));
        var overview = await host.SendAsync(host.Clinician, new GetLevelOfCare(inquiryId));
        Assert.Equal(["Alcohol, daily, a fifth of vodka, last use 6 h ago, prior seizures, 2 prior treatment episodes"], overview.SubstanceSummary);
    }

    [Fact]
    public async Task The_decision_reads_the_intake_and_an_old_last_use_no_longer_counts_as_current()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        await SaveAsync(host, inquiryId, null, Alcohol(host, seizures: true) with { LastUse = host.Clock.GetUtcNow().AddDays(-30) });

        var decided = await host.SendAsync(host.Clinician, new DecideLevelOfCare(inquiryId, new ClinicalPictureForm(), AllOne));

        Assert.Equal("1", decided.LevelCode);
    }

    [Fact]
    public async Task A_pregnant_patient_using_fentanyl_gets_the_obstetric_warning()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        await host.SendAsync(host.Clinician, new SaveClinicalIntake(inquiryId, null,
            [new SubstanceUseForm { Substance = SubstanceConcerns.Fentanyl, Route = SubstanceRoute.Smoked, LastUse = host.Clock.GetUtcNow().AddHours(-10) }],
            null, null, Pregnant: true));

        var view = await host.SendAsync(host.Clinician, new RecommendLevelOfCare(inquiryId, new ClinicalPictureForm(), AllOne));

        Assert.Contains(view.Recommendation.Warnings, w => w.StartsWith("Pregnant with opioid use", StringComparison.Ordinal));
    }
}
