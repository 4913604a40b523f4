using Admissions.Application.FollowUps;
using Admissions.Application.Inquiries;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.FollowUps;

public class SpeedToLeadTests
{
    /// <summary>Creates an inquiry and moves the clock to when its scheduled check is due.</summary>
    private static async Task<Guid> CreateAndWaitForTheCheckAsync(TestHost host, string? assignTo = null)
    {
        var id = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        if (assignTo is not null)
        {
            await host.SendAsync(host.Manager, new AssignInquiry(id, assignTo));
        }

        var check = Assert.Single(host.Scheduler.Checks);
        Assert.Equal(id, check.InquiryId);
        host.Clock.SetUtcNow(check.RunAt);
        return id;
    }

    private static Task<List<FollowUpTask>> Tasks(TestHost host) => host.QueryAsync(db => db.FollowUpTasks.ToListAsync());

    private static Task<List<string>> NotifiedUsers(TestHost host) =>
        host.QueryAsync(db => db.Notifications.OrderBy(n => n.UserId).Select(n => n.UserId).ToListAsync());

    [Fact]
    public async Task An_unassigned_inquiry_nobody_reached_gets_a_high_priority_task_and_every_coordinator_and_manager_is_told()
    {
        await using var host = await TestHost.StartAsync();
        var id = await CreateAndWaitForTheCheckAsync(host);

        var outcome = await host.SendAsSystemAsync(new CheckSpeedToLead(id));

        Assert.Equal(new SpeedToLeadOutcome(true, "escalated"), outcome);
        var task = Assert.Single(await Tasks(host));
        Assert.Equal(id, task.InquiryId);
        Assert.Equal(FollowUpKind.SpeedToLead, task.Kind);
        Assert.Equal(TaskPriority.High, task.Priority);
        Assert.Equal(FollowUpState.Open, task.State);
        Assert.Null(task.AssigneeId);
        Assert.Equal(TestHost.StartTime.AddMinutes(5), task.DueAt);
        Assert.Equal("Call back INQ-2026-000001: no contact after 5 min", task.Title);

        string[] expected = [.. new[] { host.Manager.Id, host.Coordinator.Id, host.Coordinator2.Id }.Order()];
        Assert.Equal(expected, await NotifiedUsers(host));
        var notification = await host.QueryAsync(db => db.Notifications.FirstAsync());
        Assert.Equal("Speed to lead missed: INQ-2026-000001", notification.Title);
        Assert.Equal($"/inquiries/{id}", notification.Link);
        Assert.Null(notification.ReadAt);
        Assert.Equal(expected, Assert.Single(host.Live.Calls).Order());
    }

    [Fact]
    public async Task An_assigned_inquiry_nobody_reached_goes_to_its_coordinator_and_the_managers_only()
    {
        await using var host = await TestHost.StartAsync();
        var id = await CreateAndWaitForTheCheckAsync(host, assignTo: host.Coordinator2.Id);

        await host.SendAsSystemAsync(new CheckSpeedToLead(id));

        var task = Assert.Single(await Tasks(host));
        Assert.Equal(host.Coordinator2.Id, task.AssigneeId);
        Assert.Equal("Jordan Patel", task.AssigneeName);
        string[] expected = [.. new[] { host.Manager.Id, host.Coordinator2.Id }.Order()];
        Assert.Equal(expected, await NotifiedUsers(host));
        Assert.Equal(expected, Assert.Single(host.Live.Calls).Order());
    }

    [Fact]
    public async Task The_task_shows_on_the_inquiry_page()
    {
        await using var host = await TestHost.StartAsync();
        var id = await CreateAndWaitForTheCheckAsync(host);
        await host.SendAsSystemAsync(new CheckSpeedToLead(id));

        var detail = await host.SendAsync(host.Coordinator, new GetInquiry(id));

        var task = Assert.Single(detail.OpenTasks);
        Assert.Equal(FollowUpKind.SpeedToLead, task.Kind);
        Assert.Equal(TaskPriority.High, task.Priority);
    }

    [Fact]
    public async Task Running_the_check_again_changes_nothing()
    {
        await using var host = await TestHost.StartAsync();
        var id = await CreateAndWaitForTheCheckAsync(host);
        await host.SendAsSystemAsync(new CheckSpeedToLead(id));
        host.Clock.Advance(TimeSpan.FromMinutes(1));

        var again = await host.SendAsSystemAsync(new CheckSpeedToLead(id));

        Assert.Equal(new SpeedToLeadOutcome(false, "already escalated"), again);
        Assert.Single(await Tasks(host));
        var notified = await NotifiedUsers(host);
        Assert.Equal(3, notified.Count);
        Assert.Equal(notified.Distinct(), notified);
        Assert.Single(host.Live.Calls);
    }

    [Fact]
    public async Task Two_checks_running_at_once_still_make_one_task_and_one_notification_per_person()
    {
        await using var host = await TestHost.StartAsync();
        var id = await CreateAndWaitForTheCheckAsync(host);

        var outcomes = await Task.WhenAll(
            Task.Run(() => host.SendAsSystemAsync(new CheckSpeedToLead(id))),
            Task.Run(() => host.SendAsSystemAsync(new CheckSpeedToLead(id))));

        Assert.Single(outcomes, o => o.Escalated);
        Assert.Single(outcomes, o => o == new SpeedToLeadOutcome(false, "already escalated"));
        Assert.Single(await Tasks(host));
        Assert.Equal(new[] { host.Manager.Id, host.Coordinator.Id, host.Coordinator2.Id }.Order(), await NotifiedUsers(host));
        Assert.Single(host.Live.Calls);
    }

    [Fact]
    public async Task A_caller_already_reached_needs_no_escalation()
    {
        await using var host = await TestHost.StartAsync();
        var id = await CreateAndWaitForTheCheckAsync(host);
        await host.SendAsync(host.Coordinator, new LogContactAttempt(id, ContactChannel.Call, ContactOutcome.Reached, null));

        var outcome = await host.SendAsSystemAsync(new CheckSpeedToLead(id));

        Assert.Equal(new SpeedToLeadOutcome(false, "caller already reached"), outcome);
        Assert.Empty(await Tasks(host));
        Assert.Empty(await NotifiedUsers(host));
        Assert.Empty(host.Live.Calls);
    }

    [Fact]
    public async Task An_unanswered_call_does_not_stop_the_escalation()
    {
        await using var host = await TestHost.StartAsync();
        var id = await CreateAndWaitForTheCheckAsync(host);
        await host.SendAsync(host.Coordinator, new LogContactAttempt(id, ContactChannel.Call, ContactOutcome.LeftVoicemail, null));

        var outcome = await host.SendAsSystemAsync(new CheckSpeedToLead(id));

        Assert.True(outcome.Escalated);
        Assert.Single(await Tasks(host));
    }

    [Fact]
    public async Task A_closed_inquiry_needs_no_escalation()
    {
        await using var host = await TestHost.StartAsync();
        var id = await CreateAndWaitForTheCheckAsync(host);
        await host.SendAsync(host.Coordinator, new MoveInquiryStage(id, InquiryStage.NotAdmitted, NotAdmittedReason.Invalid));

        var outcome = await host.SendAsSystemAsync(new CheckSpeedToLead(id));

        Assert.Equal(new SpeedToLeadOutcome(false, "inquiry closed"), outcome);
        Assert.Empty(await Tasks(host));
        Assert.Empty(await NotifiedUsers(host));
        Assert.Empty(host.Live.Calls);
    }

    [Fact]
    public async Task A_check_for_an_inquiry_that_does_not_exist_does_nothing()
    {
        await using var host = await TestHost.StartAsync();

        var outcome = await host.SendAsSystemAsync(new CheckSpeedToLead(Guid.NewGuid()));

        Assert.Equal(new SpeedToLeadOutcome(false, "inquiry no longer exists"), outcome);
        Assert.Empty(await Tasks(host));
    }

    [Fact]
    public async Task The_escalation_is_audited_as_the_system()
    {
        await using var host = await TestHost.StartAsync();
        var id = await CreateAndWaitForTheCheckAsync(host);

        await host.SendAsSystemAsync(new CheckSpeedToLead(id));

        var task = Assert.Single(await Tasks(host));
        var entry = await host.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.EntityType == nameof(FollowUpTask)));
        Assert.Equal(task.Id.ToString(), entry.EntityId);
        Assert.Equal("system", entry.UserId);
        Assert.Equal(Domain.Auditing.AuditAction.Create, entry.Action);
    }
}
