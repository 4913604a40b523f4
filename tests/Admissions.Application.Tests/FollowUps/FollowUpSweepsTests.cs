using Admissions.Application.Common;
using Admissions.Application.FollowUps;
using Admissions.Application.Inquiries;
using Admissions.Application.Insurance;
using Admissions.Application.Tests.Insurance;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;

namespace Admissions.Application.Tests.FollowUps;

public class FollowUpSweepsTests
{
    private static Task<List<FollowUpTask>> TasksAsync(TestHost host, FollowUpKind kind) =>
        host.QueryAsync(db => db.FollowUpTasks.AsNoTracking().Where(t => t.Kind == kind).OrderBy(t => t.CreatedAt).ToListAsync());

    private static Task<List<string>> NotifiedAsync(TestHost host) =>
        host.QueryAsync(db => db.Notifications.AsNoTracking().Select(n => n.UserId).ToListAsync());

    // ---- Speed to lead, second clock ----

    [Fact]
    public async Task A_new_inquiry_schedules_the_escalation_after_fifteen_minutes()
    {
        await using var host = await TestHost.StartAsync();

        var id = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;

        Assert.Equal(new ScheduledCheck(id, TestHost.StartTime.AddMinutes(15)), Assert.Single(host.Scheduler.Escalations));
    }

    [Fact]
    public async Task Still_nobody_reached_after_the_second_delay_tells_the_managers_and_adds_an_urgent_task_once()
    {
        await using var host = await TestHost.StartAsync();
        var id = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        host.Clock.SetUtcNow(host.Scheduler.Escalations[0].RunAt);

        var first = await host.SendAsSystemAsync(new EscalateSpeedToLead(id));
        var again = await host.SendAsSystemAsync(new EscalateSpeedToLead(id));

        Assert.Equal(new SpeedToLeadOutcome(true, "escalated"), first);
        Assert.Equal(new SpeedToLeadOutcome(false, "already escalated"), again);
        var task = Assert.Single(await TasksAsync(host, FollowUpKind.SpeedToLead));
        Assert.Equal(("Escalated: INQ-2026-000001 still not reached after 15 min", TaskPriority.Urgent), (task.Title, task.Priority));
        Assert.Equal([host.Manager.Id], await NotifiedAsync(host));
        var notification = await host.QueryAsync(db => db.Notifications.SingleAsync());
        Assert.Equal("Still not reached: INQ-2026-000001", notification.Title);
    }

    [Fact]
    public async Task The_check_and_the_escalation_leave_one_task_that_becomes_urgent_with_a_new_title_and_owner()
    {
        await using var host = await TestHost.StartAsync();
        var id = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        host.Clock.SetUtcNow(host.Scheduler.Checks[0].RunAt);
        await host.SendAsSystemAsync(new CheckSpeedToLead(id));
        var checkedTask = Assert.Single(await TasksAsync(host, FollowUpKind.SpeedToLead));
        // Assigned after the first check: the escalated task goes to the coordinator now named on the inquiry.
        await host.SendAsync(host.Manager, new AssignInquiry(id, host.Coordinator2.Id));
        host.Clock.SetUtcNow(host.Scheduler.Escalations[0].RunAt);

        var outcome = await host.SendAsSystemAsync(new EscalateSpeedToLead(id));

        Assert.Equal(new SpeedToLeadOutcome(true, "escalated"), outcome);
        var task = Assert.Single(await TasksAsync(host, FollowUpKind.SpeedToLead));
        Assert.Equal(checkedTask.Id, task.Id);
        Assert.Equal((TaskPriority.High, "Call back INQ-2026-000001: no contact after 5 min"), (checkedTask.Priority, checkedTask.Title));
        Assert.Equal(
            (TaskPriority.Urgent, "Escalated: INQ-2026-000001 still not reached after 15 min", host.Coordinator2.Id, 1),
            (task.Priority, task.Title, task.AssigneeId, task.EscalationCount));
        var escalation = await host.QueryAsync(db => db.Notifications.Where(n => n.Title == "Still not reached: INQ-2026-000001").Select(n => n.UserId).ToListAsync());
        Assert.Equal(new[] { host.Manager.Id, host.Coordinator2.Id }.Order(), escalation.Order());
    }

    [Fact]
    public async Task A_caller_reached_before_the_second_delay_is_not_escalated()
    {
        await using var host = await TestHost.StartAsync();
        var id = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        await host.SendAsync(host.Coordinator, new LogContactAttempt(id, ContactChannel.Call, ContactOutcome.Reached, null));

        var outcome = await host.SendAsSystemAsync(new EscalateSpeedToLead(id));

        Assert.Equal(new SpeedToLeadOutcome(false, "caller already reached"), outcome);
        Assert.Empty(await NotifiedAsync(host));
    }

    // ---- Unworked inquiries ----

    [Fact]
    public async Task An_open_inquiry_silent_for_a_day_gets_one_task_for_its_coordinator()
    {
        await using var host = await TestHost.StartAsync();
        var id = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        await host.SendAsync(host.Manager, new AssignInquiry(id, host.Coordinator2.Id));
        host.Clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(new SweepOutcome(0), await host.SendAsSystemAsync(new FlagUnworkedInquiries()));
        host.Clock.Advance(TimeSpan.FromHours(2));

        var first = await host.SendAsSystemAsync(new FlagUnworkedInquiries());
        host.Clock.Advance(TimeSpan.FromMinutes(15));
        var again = await host.SendAsSystemAsync(new FlagUnworkedInquiries());

        Assert.Equal((1, 0), (first.TasksCreated, again.TasksCreated));
        var task = Assert.Single(await TasksAsync(host, FollowUpKind.UnworkedInquiry));
        Assert.Equal(("Work INQ-2026-000001: no activity for 25 h", host.Coordinator2.Id), (task.Title, task.AssigneeId));
    }

    [Fact]
    public async Task A_new_silence_after_someone_worked_the_inquiry_makes_a_new_task()
    {
        await using var host = await TestHost.StartAsync();
        var id = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        host.Clock.Advance(TimeSpan.FromHours(25));
        await host.SendAsSystemAsync(new FlagUnworkedInquiries());
        await host.SendAsync(host.Coordinator, new AddInquiryNote(id, "Left a message with the mother"));
        host.Clock.Advance(TimeSpan.FromHours(25));

        var outcome = await host.SendAsSystemAsync(new FlagUnworkedInquiries());

        Assert.Equal(1, outcome.TasksCreated);
        var tasks = await TasksAsync(host, FollowUpKind.UnworkedInquiry);
        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t => Assert.True(t.IsInTeamQueue));
    }

    [Fact]
    public async Task A_closed_inquiry_is_never_flagged_as_unworked()
    {
        await using var host = await TestHost.StartAsync();
        var id = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        await host.SendAsync(host.Coordinator, new MoveInquiryStage(id, InquiryStage.NotAdmitted, NotAdmittedReason.Invalid));
        host.Clock.Advance(TimeSpan.FromDays(3));

        Assert.Equal(new SweepOutcome(0), await host.SendAsSystemAsync(new FlagUnworkedInquiries()));
    }

    // ---- Verifications stuck ----

    [Fact]
    public async Task A_verification_pending_longer_than_four_hours_is_escalated_to_the_managers_once()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuranceSetup.InsuredAsync(host);
        var checkId = await InsuranceSetup.RequestVerificationAsync(host, insured);
        host.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, (await host.SendAsSystemAsync(new EscalateStaleVerifications())).TasksCreated);
        host.Clock.Advance(TimeSpan.FromHours(1.5));

        var first = await host.SendAsSystemAsync(new EscalateStaleVerifications());
        var again = await host.SendAsSystemAsync(new EscalateStaleVerifications());

        Assert.Equal((1, 0), (first.TasksCreated, again.TasksCreated));
        var task = Assert.Single(await TasksAsync(host, FollowUpKind.VerificationEscalation));
        Assert.Equal(EscalateStaleVerificationsHandler.TaskKey(checkId), task.UniqueKey);
        Assert.Equal(("VOB for INQ-2026-000001 with Aetna stuck 4 h: electronic verification still pending", TaskPriority.High),
            (task.Title, task.Priority));
        Assert.True(task.IsInTeamQueue);
        Assert.Equal([host.Manager.Id], await NotifiedAsync(host));
    }

    // ---- Concurrent reviews ----

    [Fact]
    public async Task A_concurrent_review_two_days_out_gives_utilization_review_one_task()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuranceSetup.InsuredAsync(host);
        var admission = DateOnly.FromDateTime(TestHost.StartTime.UtcDateTime);
        var authorizationId = await host.SendAsync(host.UtilizationReview, new RequestAuthorization(insured.InquiryId, new AuthorizationRequestForm
        {
            PolicyId = insured.PolicyId,
            AdmissionDate = admission,
            RequestedDays = 7,
            Diagnoses = "F10.20",
            Channel = AuthorizationChannel.Portal,
        }));
        await host.SendAsync(host.UtilizationReview, new RecordAuthorizationDecision(authorizationId, new AuthorizationDecisionForm
        {
            CertificationNumber = "PORTAL-1",
            ApprovedDays = 5,
            ApprovedFrom = admission,
            ApprovedTo = admission.AddDays(4),
        }));
        var reviewOn = admission.AddDays(3);
        Assert.Equal(0, (await host.SendAsSystemAsync(new RemindAuthorizationReviews())).TasksCreated);
        host.Clock.Advance(TimeSpan.FromDays(1));

        var first = await host.SendAsSystemAsync(new RemindAuthorizationReviews());
        host.Clock.Advance(TimeSpan.FromHours(1));
        var again = await host.SendAsSystemAsync(new RemindAuthorizationReviews());

        Assert.Equal((1, 0), (first.TasksCreated, again.TasksCreated));
        var task = Assert.Single(await host.QueryAsync(db => db.FollowUpTasks.AsNoTracking()
            .Where(t => t.UniqueKey == RemindAuthorizationReviewsHandler.TaskKey(authorizationId, reviewOn)).ToListAsync()));
        Assert.Equal((host.UtilizationReview.Id, "Concurrent review for INQ-2026-000001 with Aetna on Mar 13"), (task.AssigneeId, task.Title));
        // 9 AM on the review day in Los Angeles, not midnight UTC (5 PM the day before there).
        Assert.Equal(new DateTimeOffset(2026, 3, 13, 9, 0, 0, TimeSpan.FromHours(-7)), task.DueAt);
        Assert.Equal([host.UtilizationReview.Id], await NotifiedAsync(host));
    }

    // ---- A job that fails ----

    [Fact]
    public async Task A_job_that_fails_part_way_saves_nothing_and_leaves_the_inquiry_untouched()
    {
        var staff = new Mock<IStaffDirectory>();
        staff.Setup(s => s.UserIdsInRoleAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("The staff directory is unavailable."));
        await using var host = await TestHost.StartAsync(services =>
        {
            services.RemoveAll<IStaffDirectory>();
            services.AddSingleton(staff.Object);
        });
        var id = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        var before = await host.QueryAsync(db => db.Inquiries.AsNoTracking().Select(i => new { i.Version, i.LastActivityAt }).SingleAsync());
        host.Clock.SetUtcNow(host.Scheduler.Escalations[0].RunAt);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.SendAsSystemAsync(new EscalateSpeedToLead(id)));

        Assert.Equal("The staff directory is unavailable.", error.Message);
        Assert.Empty(await host.QueryAsync(db => db.FollowUpTasks.ToListAsync()));
        Assert.Empty(await NotifiedAsync(host));
        var after = await host.QueryAsync(db => db.Inquiries.AsNoTracking().Select(i => new { i.Version, i.LastActivityAt }).SingleAsync());
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.LastActivityAt, after.LastActivityAt);
    }
}
