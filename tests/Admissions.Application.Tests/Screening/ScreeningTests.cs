using Admissions.Application.Common;
using Admissions.Application.Screening;
using Admissions.Domain.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Screening;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.Screening;

public class ScreeningTests
{
    private static Dictionary<string, int> Phq9(int each, int item9 = 0)
    {
        var answers = Enumerable.Range(1, 8).ToDictionary(n => $"q{n}", _ => each);
        answers["q9"] = item9;
        return answers;
    }

    private static async Task<Guid> InquiryAsync(TestHost host) => (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;

    private static Task<SaveScreeningResult> SaveAsync(
        TestHost host, Guid inquiryId, InstrumentCode instrument, Dictionary<string, int> answers, bool complete, Guid? screeningId = null,
        TestUser? user = null) =>
        host.SendAsync(user ?? host.Coordinator, new SaveScreening(inquiryId, screeningId, instrument, answers, complete));

    [Fact]
    public async Task A_partial_save_keeps_a_draft_with_the_running_total_and_no_band()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);

        var saved = await SaveAsync(host, inquiryId, InstrumentCode.Phq9, new() { ["q1"] = 2, ["q2"] = 3 }, complete: false);

        Assert.Equal(ScreeningStatus.Draft, saved.Status);
        Assert.Equal(5, saved.Total);
        Assert.Null(saved.BandLabel);
        Assert.False(saved.IsComplete);
        var overview = await host.SendAsync(host.Coordinator, new GetScreenings(inquiryId));
        var latest = Assert.Single(overview.Latest);
        Assert.Equal(2, latest.Answers.Count);
        Assert.Equal(ScreeningStatus.Draft, latest.Status);
        Assert.False(overview.HasOpenSafetyAlert);
        Assert.Empty(await host.QueryAsync(db => db.SafetyAlerts.ToListAsync()));
    }

    [Fact]
    public async Task Completing_a_draft_scores_the_band_and_puts_it_on_the_timeline()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        var draft = await SaveAsync(host, inquiryId, InstrumentCode.Phq9, new() { ["q1"] = 2 }, complete: false);

        var completed = await SaveAsync(host, inquiryId, InstrumentCode.Phq9, Phq9(each: 2), complete: true, draft.ScreeningId);

        Assert.Equal(draft.ScreeningId, completed.ScreeningId);
        Assert.Equal(ScreeningStatus.Completed, completed.Status);
        Assert.Equal(16, completed.Total);
        Assert.Equal("Moderately severe", completed.BandLabel);
        var activities = await host.QueryAsync(db => db.InquiryActivities.Where(a => a.InquiryId == inquiryId && a.Kind == ActivityKind.Screening).ToListAsync());
        Assert.Contains(activities, a => a.Summary.Contains("PHQ-9", StringComparison.Ordinal) && a.Summary.Contains("Moderately severe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Completing_with_unanswered_items_is_refused_and_names_them()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);

        var error = await Assert.ThrowsAsync<DomainRuleException>(() =>
            SaveAsync(host, inquiryId, InstrumentCode.Phq9, new() { ["q1"] = 1, ["q2"] = 1 }, complete: true));

        Assert.Contains("3, 4, 5, 6, 7, 8, 9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_is_a_new_version_and_the_old_one_is_kept_superseded()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        var first = await SaveAsync(host, inquiryId, InstrumentCode.Phq9, Phq9(each: 1), complete: true);

        var correction = await SaveAsync(host, inquiryId, InstrumentCode.Phq9, Phq9(each: 0), complete: true, first.ScreeningId);

        Assert.NotEqual(first.ScreeningId, correction.ScreeningId);
        Assert.Equal(2, correction.VersionNumber);
        Assert.Equal(0, correction.Total);
        var overview = await host.SendAsync(host.Coordinator, new GetScreenings(inquiryId));
        Assert.Equal(correction.ScreeningId, Assert.Single(overview.Latest).Id);
        Assert.Equal(2, overview.History.Count);
        var old = Assert.Single(overview.History, s => s.Id == first.ScreeningId);
        Assert.True(old.IsSuperseded);
        Assert.Equal(8, old.Total);
        Assert.Equal(ScreeningStatus.Completed, old.Status);
        Assert.Equal(first.ScreeningId, overview.History.Single(s => s.Id == correction.ScreeningId).SupersedesId);
    }

    [Fact]
    public async Task A_completed_screening_cannot_be_saved_back_to_a_draft()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        var first = await SaveAsync(host, inquiryId, InstrumentCode.Phq9, Phq9(each: 1), complete: true);

        await Assert.ThrowsAsync<DomainRuleException>(() =>
            SaveAsync(host, inquiryId, InstrumentCode.Phq9, Phq9(each: 0), complete: false, first.ScreeningId));
    }

    [Fact]
    public async Task Phq9_item_9_on_a_partial_save_raises_one_immediate_alert_an_urgent_task_and_notifications()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);

        var saved = await SaveAsync(host, inquiryId, InstrumentCode.Phq9, new() { ["q9"] = 1 }, complete: false);

        Assert.Equal(ScreeningStatus.Draft, saved.Status);
        Assert.Equal(AlertLevel.Immediate, saved.SafetyLevel);
        var alert = Assert.Single(await host.QueryAsync(db => db.SafetyAlerts.ToListAsync()));
        Assert.Equal(AlertLevel.Immediate, alert.Level);
        Assert.True(alert.IsOpen);
        Assert.Equal(saved.ScreeningId, alert.ScreeningId);
        var task = Assert.Single(await host.QueryAsync(db => db.FollowUpTasks.Where(t => t.InquiryId == inquiryId && t.Kind == FollowUpKind.SafetyCall).ToListAsync()));
        Assert.Equal(TaskPriority.Urgent, task.Priority);
        Assert.Equal("Safety call within 15 minutes", task.Title);
        Assert.Equal(TestHost.StartTime.AddMinutes(15), task.DueAt);
        var notified = await host.QueryAsync(db => db.Notifications.Where(n => n.Title.StartsWith("Safety alert")).Select(n => n.UserId).ToListAsync());
        Assert.Contains(host.Clinician.Id, notified);
        Assert.Contains(host.Manager.Id, notified);
        Assert.DoesNotContain(host.Coordinator.Id, notified);
        Assert.Contains(host.Live.Calls, call => call.Contains(host.Clinician.Id));
        Assert.Contains(inquiryId, host.Live.InquiriesChanged);
        Assert.Contains(await host.QueryAsync(db => db.InquiryActivities.Where(a => a.InquiryId == inquiryId).ToListAsync()),
            a => a.Kind == ActivityKind.Safety);
        Assert.True((await host.SendAsync(host.Coordinator, new GetScreenings(inquiryId))).HasOpenSafetyAlert);

        // Saving again (and completing) does not raise it again.
        await SaveAsync(host, inquiryId, InstrumentCode.Phq9, new() { ["q1"] = 1, ["q9"] = 2 }, complete: false, saved.ScreeningId);
        await SaveAsync(host, inquiryId, InstrumentCode.Phq9, Phq9(each: 1, item9: 2), complete: true, saved.ScreeningId);

        Assert.Single(await host.QueryAsync(db => db.SafetyAlerts.ToListAsync()));
        Assert.Single(await host.QueryAsync(db => db.FollowUpTasks.Where(t => t.Kind == FollowUpKind.SafetyCall).ToListAsync()));
        Assert.Equal(notified.Count, await host.QueryAsync(db => db.Notifications.CountAsync(n => n.Title.StartsWith("Safety alert"))));
    }

    [Fact]
    public async Task Cssrs_high_risk_raises_an_immediate_alert()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);

        var saved = await SaveAsync(host, inquiryId, InstrumentCode.Cssrs,
            new() { ["q1"] = 1, ["q2"] = 1, ["q3"] = 1, ["q4"] = 1, ["q5"] = 0, ["q6"] = 0 }, complete: true);

        Assert.Equal(SuicideRisk.High, saved.SuicideRisk);
        var alert = Assert.Single(await host.QueryAsync(db => db.SafetyAlerts.ToListAsync()));
        Assert.Equal(AlertLevel.Immediate, alert.Level);
        Assert.Contains("high", alert.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cssrs_moderate_risk_flags_the_inquiry_for_clinician_review_without_blocking()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);

        var saved = await SaveAsync(host, inquiryId, InstrumentCode.Cssrs,
            new() { ["q1"] = 1, ["q2"] = 1, ["q3"] = 1, ["q4"] = 0, ["q5"] = 0, ["q6"] = 0 }, complete: true);

        Assert.Equal(AlertLevel.ClinicianReview, saved.SafetyLevel);
        var overview = await host.SendAsync(host.Clinician, new GetScreenings(inquiryId));
        Assert.True(overview.NeedsClinicianReview);
        Assert.False(overview.HasOpenSafetyAlert);
        var task = Assert.Single(await host.QueryAsync(db => db.FollowUpTasks.Where(t => t.Kind == FollowUpKind.ClinicianReview).ToListAsync()));
        Assert.NotEqual(TaskPriority.Urgent, task.Priority);
        Assert.Empty(await host.QueryAsync(db => db.FollowUpTasks.Where(t => t.Kind == FollowUpKind.SafetyCall).ToListAsync()));
    }

    [Fact]
    public async Task A_clinicians_disposition_closes_the_alert_and_the_safety_call_task()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        var saved = await SaveAsync(host, inquiryId, InstrumentCode.Phq9, new() { ["q9"] = 3 }, complete: false);
        host.Clock.Advance(TimeSpan.FromMinutes(6));

        await host.SendAsync(host.Clinician, new RecordSafetyDisposition(saved.RaisedAlertId!.Value, SafetyDisposition.CrisisLineGiven, "Gave 988; patient safe with sister."));

        var overview = await host.SendAsync(host.Coordinator, new GetScreenings(inquiryId));
        Assert.False(overview.HasOpenSafetyAlert);
        var alert = Assert.Single(overview.Alerts);
        Assert.Equal(SafetyDisposition.CrisisLineGiven, alert.Disposition);
        Assert.Equal(host.Clinician.Name, alert.ResolvedByName);
        Assert.Equal(TestHost.StartTime.AddMinutes(6), alert.ResolvedAt);
        var task = Assert.Single(await host.QueryAsync(db => db.FollowUpTasks.Where(t => t.Kind == FollowUpKind.SafetyCall).ToListAsync()));
        Assert.Equal(FollowUpState.Done, task.State);
        await Assert.ThrowsAsync<DomainRuleException>(() =>
            host.SendAsync(host.Clinician, new RecordSafetyDisposition(alert.Id, SafetyDisposition.SafeToContinue, "Again")));

        // Going on with the same screening (and correcting it) does not raise the answered alert again.
        var completed = await SaveAsync(host, inquiryId, InstrumentCode.Phq9, Phq9(each: 0, item9: 3), complete: true, saved.ScreeningId);
        await SaveAsync(host, inquiryId, InstrumentCode.Phq9, Phq9(each: 1, item9: 3), complete: true, completed.ScreeningId);
        Assert.Single(await host.QueryAsync(db => db.SafetyAlerts.ToListAsync()));
        Assert.False((await host.SendAsync(host.Coordinator, new GetScreenings(inquiryId))).HasOpenSafetyAlert);
    }

    [Fact]
    public async Task A_new_screening_after_a_resolved_alert_raises_a_new_one()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        var first = await SaveAsync(host, inquiryId, InstrumentCode.Phq9, new() { ["q9"] = 1 }, complete: false);
        await host.SendAsync(host.Clinician, new RecordSafetyDisposition(first.RaisedAlertId!.Value, SafetyDisposition.SafeToContinue, "Passive thoughts, safety plan in place."));

        var second = await SaveAsync(host, inquiryId, InstrumentCode.Phq9, new() { ["q9"] = 2 }, complete: false);

        Assert.NotNull(second.RaisedAlertId);
        Assert.True((await host.SendAsync(host.Coordinator, new GetScreenings(inquiryId))).HasOpenSafetyAlert);
    }

    [Fact]
    public async Task A_coordinator_cannot_record_a_disposition_and_a_note_is_required()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        var saved = await SaveAsync(host, inquiryId, InstrumentCode.Phq9, new() { ["q9"] = 1 }, complete: false);
        var alertId = saved.RaisedAlertId!.Value;

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            host.SendAsync(host.Coordinator, new RecordSafetyDisposition(alertId, SafetyDisposition.SafeToContinue, "Fine")));
        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            host.SendAsync(host.Manager, new RecordSafetyDisposition(alertId, SafetyDisposition.SafeToContinue, " ")));
        Assert.Contains(nameof(RecordSafetyDisposition.Note), error.Errors.Keys);
        Assert.True((await host.SendAsync(host.Coordinator, new GetScreenings(inquiryId))).HasOpenSafetyAlert);
    }

    [Fact]
    public async Task Unknown_items_values_and_unasked_items_are_refused_with_clear_messages()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            SaveAsync(host, inquiryId, InstrumentCode.Phq9, new() { ["q10"] = 1, ["q1"] = 7 }, complete: false));
        var messages = error.Errors[nameof(SaveScreening.Answers)];
        Assert.Contains(messages, m => m.Contains("'q10' is not an item of", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("Item 1", StringComparison.Ordinal) && m.Contains("does not allow 7", StringComparison.Ordinal));

        var skipped = await Assert.ThrowsAsync<RequestValidationException>(() =>
            SaveAsync(host, inquiryId, InstrumentCode.Cssrs, new() { ["q2"] = 0, ["q3"] = 1 }, complete: false));
        Assert.Contains(skipped.Errors[nameof(SaveScreening.Answers)], m => m.Contains("asked only when 'q2'", StringComparison.Ordinal));
        Assert.Empty(await host.QueryAsync(db => db.Screenings.ToListAsync()));
    }

    [Fact]
    public async Task Business_development_can_neither_save_nor_read_screenings()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            SaveAsync(host, inquiryId, InstrumentCode.Gad7, [], complete: false, user: host.BusinessDevelopment));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.BusinessDevelopment, new GetScreenings(inquiryId)));
        await Assert.ThrowsAsync<ForbiddenException>(() => SaveAsync(host, inquiryId, InstrumentCode.Gad7, [], complete: false, user: host.UtilizationReview));
    }
}
