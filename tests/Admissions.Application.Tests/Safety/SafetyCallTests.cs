using Admissions.Application.Common;
using Admissions.Application.FollowUps;
using Admissions.Application.Notifications;
using Admissions.Application.Placement;
using Admissions.Application.Safety;
using Admissions.Application.Screening;
using Admissions.Domain.Auditing;
using Admissions.Domain.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Messaging;
using Admissions.Domain.Screening;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.Safety;

/// <summary>
/// The suicide-risk clock cannot be defeated: a safety call always has an owner (the on-call clinician) or sits at the top of
/// the team queue with everyone told; it is never snoozed, cancelled or completed with a generic outcome; a clinician or
/// manager may push it by at most 15 minutes; and until a disposition is recorded it is escalated every 15 minutes.
/// </summary>
public class SafetyCallTests
{
    // TestHost.StartTime, 2026-03-10 14:00 UTC, is a Tuesday, 7:00 AM Pacific daylight time.
    private static readonly TimeOnly SevenAm = new(7, 0);

    private static async Task<(Guid InquiryId, Guid AlertId, FollowUpTask Task)> RaiseAsync(TestHost host, int person = 1)
    {
        var inquiryId = (await host.CreateInquiryAsync(TestForms.Person(person, "Alex", "Lopez"))).InquiryId!.Value;
        var saved = await host.SendAsync(host.Coordinator, new SaveScreening(inquiryId, null, InstrumentCode.Phq9, new Dictionary<string, int> { ["q9"] = 1 }, false));
        return (inquiryId, saved.RaisedAlertId!.Value, await TaskAsync(host, inquiryId, FollowUpKind.SafetyCall));
    }

    private static Task<FollowUpTask> TaskAsync(TestHost host, Guid inquiryId, FollowUpKind kind) =>
        host.QueryAsync(db => db.FollowUpTasks.AsNoTracking().SingleAsync(t => t.InquiryId == inquiryId && t.Kind == kind));

    private static async Task<Guid> FacilityAsync(TestHost host) =>
        await host.SendAsync(host.Admin, new SaveFacility(null, new FacilityForm { Name = "Riverbend", TimeZoneId = "America/Los_Angeles" }));

    private static Task<IReadOnlyList<Guid>> OnCallAsync(TestHost host, Guid facilityId, DayOfWeek day, TimeOnly from, TimeOnly to) =>
        host.SendAsync(host.Admin, new AddOnCallShifts(facilityId, [day], from, to, host.Clinician.Id));

    private static Task<List<string>> TimelineAsync(TestHost host, Guid inquiryId) =>
        host.QueryAsync(db => db.InquiryActivities.Where(a => a.InquiryId == inquiryId).OrderBy(a => a.OccurredAt).Select(a => a.Summary + " | " + a.Text).ToListAsync());

    // ---- Who owns it ----

    [Fact]
    public async Task With_nobody_on_call_the_safety_call_sits_at_the_top_of_the_team_queue_and_every_clinician_and_manager_is_told()
    {
        await using var host = await TestHost.StartAsync();
        var older = (await host.CreateInquiryAsync(TestForms.Person(3, "Jamie", "Carter"))).InquiryId!.Value;
        await host.SendAsync(host.Coordinator, new CreateTask(older, "Send the packet", host.Clock.GetUtcNow(), null));
        host.Clock.Advance(TimeSpan.FromHours(1));

        var (inquiryId, _, task) = await RaiseAsync(host);

        Assert.Null(task.AssigneeId);
        Assert.Equal((TaskPriority.Urgent, host.Clock.GetUtcNow().AddMinutes(15)), (task.Priority, task.DueAt));
        var queue = await host.SendAsync(host.Coordinator, new GetMyWork(WorkView.TeamQueue));
        Assert.Equal([FollowUpKind.SafetyCall, FollowUpKind.General], queue.Page.Items.Select(i => i.Kind));
        var notified = await host.QueryAsync(db => db.Notifications.Where(n => n.Title.StartsWith("Safety alert")).ToListAsync());
        Assert.Equal(new[] { host.Clinician.Id, host.Manager.Id }.Order(), notified.Select(n => n.UserId).Order());
        Assert.All(notified, n => Assert.True(n.IsUrgent));
        Assert.Contains(await TimelineAsync(host, inquiryId), line => line.Contains("Nobody is on call", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_on_call_clinician_owns_the_safety_call()
    {
        await using var host = await TestHost.StartAsync();
        var facilityId = await FacilityAsync(host);
        await OnCallAsync(host, facilityId, DayOfWeek.Tuesday, new TimeOnly(6, 0), new TimeOnly(18, 0));

        var (inquiryId, _, task) = await RaiseAsync(host);

        Assert.Equal((host.Clinician.Id, host.Clinician.Name), (task.AssigneeId, task.AssigneeName));
        Assert.Contains(await TimelineAsync(host, inquiryId), line => line.Contains($"Owner: {host.Clinician.Name} (on call, Riverbend)", StringComparison.Ordinal));
        var mine = await host.SendAsync(host.Clinician, new GetMyWork());
        Assert.True(Assert.Single(mine.Page.Items).IsSafetyCall);
    }

    [Fact]
    public async Task A_safety_call_goes_to_the_inquirys_own_facilitys_on_call_before_anyone_elses()
    {
        await using var host = await TestHost.StartAsync();
        var alpha = await host.SendAsync(host.Admin, new SaveFacility(null, new FacilityForm { Name = "Alpha House", TimeZoneId = "America/Los_Angeles" }));
        var bravo = await host.SendAsync(host.Admin, new SaveFacility(null, new FacilityForm { Name = "Bravo Lodge", TimeZoneId = "America/Los_Angeles" }));
        await host.SendAsync(host.Admin, new SetOnCallFallback(alpha, host.Clinician.Id));
        await OnCallAsync(host, bravo, DayOfWeek.Tuesday, new TimeOnly(6, 0), new TimeOnly(18, 0));
        var noOneAtCharlie = await host.SendAsync(host.Admin, new SaveFacility(null, new FacilityForm { Name = "Charlie Center", TimeZoneId = "America/Los_Angeles" }));

        async Task<List<string>> RaiseAtAsync(Guid facilityId, int person)
        {
            var form = TestForms.Person(person, "Alex", "Lopez");
            form.FacilityId = facilityId;
            var inquiryId = (await host.CreateInquiryAsync(form)).InquiryId!.Value;
            await host.SendAsync(host.Coordinator, new SaveScreening(inquiryId, null, InstrumentCode.Phq9, new Dictionary<string, int> { ["q9"] = 1 }, false));
            return await TimelineAsync(host, inquiryId);
        }

        // Alpha's own fallback, though someone is on a shift at Bravo; Bravo's shift for Bravo; Charlie has nobody, so anyone on call.
        Assert.Contains(await RaiseAtAsync(alpha, 1), line => line.Contains($"Owner: {host.Clinician.Name} (on call as the fallback, Alpha House)", StringComparison.Ordinal));
        Assert.Contains(await RaiseAtAsync(bravo, 2), line => line.Contains($"Owner: {host.Clinician.Name} (on call, Bravo Lodge)", StringComparison.Ordinal));
        Assert.Contains(await RaiseAtAsync(noOneAtCharlie, 3), line => line.Contains($"Owner: {host.Clinician.Name} (on call, Bravo Lodge)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_overnight_shift_covers_the_early_morning_and_outside_every_shift_the_fallback_owns_it()
    {
        await using var host = await TestHost.StartAsync();
        var facilityId = await FacilityAsync(host);
        // Monday 6 PM until Tuesday 8 AM: 7 AM on Tuesday is inside it.
        var overnight = await OnCallAsync(host, facilityId, DayOfWeek.Monday, new TimeOnly(18, 0), new TimeOnly(8, 0));
        var first = await RaiseAsync(host);
        Assert.Equal(host.Clinician.Id, first.Task.AssigneeId);

        await host.SendAsync(host.Admin, new RemoveOnCallShift(Assert.Single(overnight)));
        await host.SendAsync(host.Admin, new SetOnCallFallback(facilityId, host.Clinician.Id));
        var second = await RaiseAsync(host, person: 2);

        Assert.Equal(host.Clinician.Id, second.Task.AssigneeId);
        Assert.Contains(await TimelineAsync(host, second.InquiryId), line => line.Contains("on call as the fallback", StringComparison.Ordinal));
        var schedule = await host.SendAsync(host.Admin, new GetOnCallSchedule(facilityId));
        Assert.Equal($"{host.Clinician.Name} (on call as the fallback, Riverbend)", schedule.OnCallNow);
    }

    [Fact]
    public async Task Two_people_are_never_on_call_at_once_and_only_clinicians_can_be()
    {
        await using var host = await TestHost.StartAsync();
        var facilityId = await FacilityAsync(host);
        await OnCallAsync(host, facilityId, DayOfWeek.Friday, new TimeOnly(17, 0), new TimeOnly(8, 0));

        var overlap = await Assert.ThrowsAsync<RequestValidationException>(() =>
            host.SendAsync(host.Admin, new AddOnCallShifts(facilityId, [DayOfWeek.Saturday], new TimeOnly(7, 0), new TimeOnly(12, 0), host.Clinician.Id)));
        var coordinator = await Assert.ThrowsAsync<RequestValidationException>(() =>
            host.SendAsync(host.Admin, new AddOnCallShifts(facilityId, [DayOfWeek.Monday], new TimeOnly(8, 0), new TimeOnly(17, 0), host.Coordinator.Id)));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            host.SendAsync(host.Manager, new AddOnCallShifts(facilityId, [DayOfWeek.Monday], SevenAm, new TimeOnly(9, 0), host.Clinician.Id)));

        Assert.Equal("Sat 7:00 AM – 12:00 PM overlaps Fri 5:00 PM – Sat 8:00 AM (Dr. Riley Brooks): one person is on call at a time.",
            Assert.Single(overlap.Errors[nameof(AddOnCallShifts.Days)]));
        Assert.Contains(nameof(AddOnCallShifts.ClinicianId), coordinator.Errors.Keys);
        Assert.Single((await host.SendAsync(host.Admin, new GetOnCallSchedule(facilityId))).Shifts);
    }

    // ---- What cannot be done to it ----

    [Fact]
    public async Task Nobody_can_snooze_cancel_or_complete_a_safety_call_with_a_generic_outcome()
    {
        await using var host = await TestHost.StartAsync();
        var (_, _, task) = await RaiseAsync(host);

        foreach (var user in new[] { host.Admin, host.Manager, host.Clinician, host.Coordinator })
        {
            var snooze = await Assert.ThrowsAsync<DomainRuleException>(() =>
                host.SendAsync(user, new SnoozeTask(task.Id, host.Clock.GetUtcNow().AddDays(1), "Mom says he is asleep")));
            Assert.StartsWith("A safety call cannot be snoozed.", snooze.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(user, new CompleteTask(task.Id, "Not needed any more")));
            await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(user, new CancelTask(task.Id, "Not needed any more")));
        }

        var after = await host.QueryAsync(db => db.FollowUpTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id));
        Assert.Equal((FollowUpState.Open, task.DueAt, 0), (after.State, after.DueAt, after.SnoozeCount));
    }

    [Fact]
    public async Task A_clinician_or_manager_may_push_it_by_at_most_15_minutes_with_a_reason_on_the_timeline_and_in_the_audit_log()
    {
        await using var host = await TestHost.StartAsync();
        var (inquiryId, _, task) = await RaiseAsync(host);

        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.Coordinator, new PushSafetyCall(task.Id, 10, "On the phone")));
        var tooFar = await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(host.Clinician, new PushSafetyCall(task.Id, 20, "On the phone")));
        Assert.Equal("Push a safety call by 1 to 15 minutes at a time.", Assert.Single(tooFar.Errors[nameof(PushSafetyCall.Minutes)]));
        await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(host.Clinician, new PushSafetyCall(task.Id, 10, " ")));

        await host.SendAsync(host.Clinician, new PushSafetyCall(task.Id, 10, "On the phone with the patient now"));
        Assert.Equal(task.DueAt.AddMinutes(10), (await TaskAsync(host, inquiryId, FollowUpKind.SafetyCall)).DueAt);

        // Overdue: a push counts from now, never from a due time long past.
        host.Clock.Advance(TimeSpan.FromMinutes(40));
        await host.SendAsync(host.Manager, new PushSafetyCall(task.Id, 15, "Mobile crisis on the way"));
        var pushed = await TaskAsync(host, inquiryId, FollowUpKind.SafetyCall);
        Assert.Equal((host.Clock.GetUtcNow().AddMinutes(15), 2, FollowUpState.Open), (pushed.DueAt, pushed.SnoozeCount, pushed.State));

        var timeline = await TimelineAsync(host, inquiryId);
        Assert.Contains(timeline, line => line.StartsWith("Safety call pushed by 10 min (pushed 1×): On the phone with the patient now", StringComparison.Ordinal));
        Assert.Contains(timeline, line => line.StartsWith("Safety call pushed by 15 min (pushed 2×): Mobile crisis on the way", StringComparison.Ordinal));
        var audited = await host.QueryAsync(db => db.AuditEntries
            .Where(e => e.EntityType == nameof(FollowUpTask) && e.EntityId == task.Id.ToString() && e.Action == AuditAction.Update).ToListAsync());
        Assert.Equal([host.Clinician.Id, host.Manager.Id], audited.OrderBy(e => e.OccurredAt).Select(e => e.UserId));
        Assert.All(audited, e => Assert.Contains("DueAt", e.Fields, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_the_safety_disposition_completes_it_and_only_a_clinician_manager_or_admin_records_it()
    {
        await using var host = await TestHost.StartAsync();
        var (inquiryId, alertId, task) = await RaiseAsync(host);

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            host.SendAsync(host.Coordinator, new RecordSafetyDisposition(alertId, SafetyDisposition.CrisisLineGiven, "Gave 988")));
        await host.SendAsync(host.Clinician, new RecordSafetyDisposition(alertId, SafetyDisposition.CrisisLineGiven, "Gave 988 and agreed a safety plan."));

        var done = await host.QueryAsync(db => db.FollowUpTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id));
        Assert.Equal((FollowUpState.Done, "Disposition: Crisis line given", host.Clinician.Id), (done.State, done.Outcome, done.ClosedById));
        Assert.Contains(await TimelineAsync(host, inquiryId), line => line.StartsWith("Safety disposition: Crisis line given", StringComparison.Ordinal));
    }

    // ---- The escalation clock ----

    [Fact]
    public async Task Not_cleared_in_15_minutes_the_on_call_clinician_and_every_manager_are_told_in_the_app_by_email_and_by_text_every_15_minutes()
    {
        await using var host = await TestHost.StartAsync();
        var facilityId = await FacilityAsync(host);
        await OnCallAsync(host, facilityId, DayOfWeek.Tuesday, new TimeOnly(6, 0), new TimeOnly(18, 0));
        await using (var db = host.CreateDbContext())
        {
            var clinician = await db.Users.SingleAsync(u => u.Id == host.Clinician.Id);
            clinician.PhoneNumber = "+15552010199";
            await db.SaveChangesAsync();
        }

        var (inquiryId, alertId, task) = await RaiseAsync(host);
        var raised = host.Clock.GetUtcNow();

        host.Clock.SetUtcNow(raised.AddMinutes(14));
        Assert.Equal(0, (await host.SendAsSystemAsync(new EscalateSafetyCalls())).Escalated);

        host.Clock.SetUtcNow(raised.AddMinutes(15));
        Assert.Equal(1, (await host.SendAsSystemAsync(new EscalateSafetyCalls())).Escalated);
        host.Clock.SetUtcNow(raised.AddMinutes(16));
        Assert.Equal(0, (await host.SendAsSystemAsync(new EscalateSafetyCalls())).Escalated);

        var first = await host.QueryAsync(db => db.Notifications.Where(n => n.Title.StartsWith("SAFETY:")).ToListAsync());
        Assert.Equal(new[] { host.Clinician.Id, host.Manager.Id }.Order(), first.Select(n => n.UserId).Order());
        Assert.All(first, n => Assert.True(n.IsUrgent));
        Assert.Equal("SAFETY: no disposition on INQ-2026-000001 after 15 min", first[0].Title);
        var messages = await host.QueryAsync(db => db.OutboundMessages.Where(m => m.TemplateKey == MessageTemplates.SafetyEscalation)
            .Select(m => new { m.Channel, m.Recipient, m.Audience, m.Body }).ToListAsync());
        Assert.Equal(
            new[] { (MessageChannel.Email, "clinician@test.local"), (MessageChannel.Email, "manager@test.local"), (MessageChannel.Sms, "+15552010199") }.Order(),
            messages.Select(m => (m.Channel, m.Recipient)).Order());
        Assert.All(messages, m => Assert.Equal(MessageAudience.Staff, m.Audience));
        Assert.DoesNotContain(messages, m => m.Body.Contains(TestForms.PatientLastName, StringComparison.Ordinal));
        Assert.Equal(1, host.Outbox.Signals);

        // Two runs at the same moment of the next period: one escalation between them.
        host.Clock.SetUtcNow(raised.AddMinutes(30));
        var together = await Task.WhenAll(host.SendAsSystemAsync(new EscalateSafetyCalls()), host.SendAsSystemAsync(new EscalateSafetyCalls()));
        Assert.Equal(1, together.Sum(o => o.Escalated));
        Assert.Equal(4, await host.QueryAsync(db => db.Notifications.CountAsync(n => n.Title.StartsWith("SAFETY:"))));
        Assert.Equal(6, await host.QueryAsync(db => db.OutboundMessages.CountAsync(m => m.TemplateKey == MessageTemplates.SafetyEscalation)));
        var timeline = await TimelineAsync(host, inquiryId);
        Assert.Contains(timeline, line => line.StartsWith("Safety call escalated (1st): no disposition 15 min after the alert", StringComparison.Ordinal));
        Assert.Contains(timeline, line => line.StartsWith("Safety call escalated (2nd): no disposition 30 min after the alert", StringComparison.Ordinal));

        // The disposition stops the clock.
        await host.SendAsync(host.Clinician, new RecordSafetyDisposition(alertId, SafetyDisposition.EmergencyReferral911or988, "Called 988 with the caller."));
        host.Clock.SetUtcNow(raised.AddMinutes(45));
        Assert.Equal(0, (await host.SendAsSystemAsync(new EscalateSafetyCalls())).Escalated);
        Assert.Equal(2, (await host.QueryAsync(db => db.FollowUpTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id))).EscalationCount);
    }

    [Fact]
    public async Task A_push_moves_the_next_escalation_to_the_new_due_time_and_an_unowned_call_goes_to_whoever_is_on_call_by_then()
    {
        await using var host = await TestHost.StartAsync();
        var (_, _, task) = await RaiseAsync(host);
        var raised = host.Clock.GetUtcNow();
        Assert.Null(task.AssigneeId);

        // The clinician comes on shift at 7:10 AM, after the alert and before it is escalated.
        var facilityId = await FacilityAsync(host);
        await OnCallAsync(host, facilityId, DayOfWeek.Tuesday, new TimeOnly(7, 10), new TimeOnly(18, 0));
        host.Clock.SetUtcNow(raised.AddMinutes(15));
        await host.SendAsSystemAsync(new EscalateSafetyCalls());
        var escalated = await host.QueryAsync(db => db.FollowUpTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id));
        Assert.Equal(host.Clinician.Id, escalated.AssigneeId);

        host.Clock.SetUtcNow(raised.AddMinutes(16));
        await host.SendAsync(host.Clinician, new PushSafetyCall(task.Id, 10, "Calling the patient back now"));
        host.Clock.SetUtcNow(raised.AddMinutes(25));
        Assert.Equal(0, (await host.SendAsSystemAsync(new EscalateSafetyCalls())).Escalated);
        host.Clock.SetUtcNow(raised.AddMinutes(26));
        Assert.Equal(1, (await host.SendAsSystemAsync(new EscalateSafetyCalls())).Escalated);
    }

    [Fact]
    public async Task The_bell_marks_safety_notifications_urgent()
    {
        await using var host = await TestHost.StartAsync();
        await RaiseAsync(host);
        await host.CreateInquiryAsync(TestForms.Person(3, "Jamie", "Carter"));

        var bell = await host.SendAsync(host.Manager, new GetMyNotifications());

        Assert.True(Assert.Single(bell.Items, n => n.Title.StartsWith("Safety alert", StringComparison.Ordinal)).IsUrgent);
    }

    // ---- C-SSRS moderate ----

    [Fact]
    public async Task Cssrs_moderate_gives_the_on_call_clinician_a_snoozable_review_due_in_30_minutes()
    {
        await using var host = await TestHost.StartAsync();
        var facilityId = await FacilityAsync(host);
        await OnCallAsync(host, facilityId, DayOfWeek.Tuesday, new TimeOnly(6, 0), new TimeOnly(18, 0));
        var inquiryId = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;

        await host.SendAsync(host.Coordinator, new SaveScreening(inquiryId, null, InstrumentCode.Cssrs,
            new Dictionary<string, int> { ["q1"] = 1, ["q2"] = 1, ["q3"] = 1, ["q4"] = 0, ["q5"] = 0, ["q6"] = 0 }, true));

        var review = await TaskAsync(host, inquiryId, FollowUpKind.ClinicianReview);
        Assert.Equal((host.Clinician.Id, TaskPriority.High, host.Clock.GetUtcNow().AddMinutes(30)), (review.AssigneeId, review.Priority, review.DueAt));
        Assert.Equal("Clinician review of C-SSRS answers within 30 minutes", review.Title);
        await host.SendAsync(host.Clinician, new SnoozeTask(review.Id, host.Clock.GetUtcNow().AddHours(1), "Reviewing after this admission"));
        Assert.Equal(1, (await TaskAsync(host, inquiryId, FollowUpKind.ClinicianReview)).SnoozeCount);
    }
}
