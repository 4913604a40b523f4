using Admissions.Application.Common;
using Admissions.Application.FollowUps;
using Admissions.Domain.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.FollowUps;

public class TaskCommandsTests
{
    private static async Task<(Guid InquiryId, Guid TaskId)> TaskAsync(TestHost host, TestUser? assignee, TestUser? creator = null)
    {
        var inquiryId = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        var taskId = await host.SendAsync(creator ?? host.Coordinator,
            new CreateTask(inquiryId, "Send the intake packet", host.Clock.GetUtcNow().AddHours(1), assignee?.Id, TaskPriority.Normal, "By email"));
        return (inquiryId, taskId);
    }

    private static Task<FollowUpTask> LoadAsync(TestHost host, Guid taskId) =>
        host.QueryAsync(db => db.FollowUpTasks.AsNoTracking().SingleAsync(t => t.Id == taskId));

    private static Task<List<InquiryActivity>> TaskTimelineAsync(TestHost host, Guid inquiryId) =>
        host.QueryAsync(db => db.InquiryActivities.AsNoTracking()
            .Where(a => a.InquiryId == inquiryId && a.Kind == ActivityKind.Task).OrderBy(a => a.OccurredAt).ToListAsync());

    [Fact]
    public async Task A_person_creates_a_task_on_an_inquiry_for_a_colleague_and_it_goes_on_the_timeline()
    {
        await using var host = await TestHost.StartAsync();

        var (inquiryId, taskId) = await TaskAsync(host, host.Coordinator2);

        var task = await LoadAsync(host, taskId);
        Assert.Equal((FollowUpKind.General, "Send the intake packet", "By email"), (task.Kind, task.Title, task.Notes));
        Assert.Equal((host.Coordinator2.Id, "Jordan Patel"), (task.AssigneeId, task.AssigneeName));
        Assert.Equal((host.Coordinator.Id, host.Coordinator.Name), (task.CreatedById, task.CreatedByName));
        Assert.Equal(TestHost.StartTime.AddHours(1), task.DueAt);
        var entry = Assert.Single(await TaskTimelineAsync(host, inquiryId));
        Assert.Equal("Task for Jordan Patel: Send the intake packet", entry.Summary);
        Assert.Contains(host.Live.TasksChanged, ids => ids.Contains(host.Coordinator2.Id));
    }

    [Fact]
    public async Task A_task_without_an_assignee_goes_to_the_team_queue()
    {
        await using var host = await TestHost.StartAsync();

        var (_, taskId) = await TaskAsync(host, null);

        var task = await LoadAsync(host, taskId);
        Assert.True(task.IsInTeamQueue);
        Assert.Contains(host.Live.TasksChanged, ids => ids.Contains(null));
    }

    [Fact]
    public async Task A_task_cannot_go_to_someone_who_does_not_work_inquiries()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(host.Coordinator,
            new CreateTask(inquiryId, "Call", host.Clock.GetUtcNow().AddHours(1), host.BusinessDevelopment.Id)));

        Assert.Equal("Quinn Foster does not work inquiries; choose someone else or the team queue.", error.Message);
    }

    [Fact]
    public async Task Completing_a_task_needs_an_outcome_and_records_it_on_the_timeline()
    {
        await using var host = await TestHost.StartAsync();
        var (inquiryId, taskId) = await TaskAsync(host, host.Coordinator);
        host.Clock.Advance(TimeSpan.FromMinutes(20));

        var missing = await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(host.Coordinator, new CompleteTask(taskId, " ")));
        await host.SendAsync(host.Coordinator, new CompleteTask(taskId, "Packet sent"));

        Assert.Equal("Say what came of the task.", Assert.Single(missing.Errors["Outcome"]));
        var task = await LoadAsync(host, taskId);
        Assert.Equal((FollowUpState.Done, "Packet sent", host.Coordinator.Id), (task.State, task.Outcome, task.ClosedById));
        Assert.Equal(TestHost.StartTime.AddMinutes(20), task.CompletedAt);
        Assert.Equal("Task done: Send the intake packet — Packet sent", (await TaskTimelineAsync(host, inquiryId))[^1].Summary);
        Assert.Contains(inquiryId, host.Live.InquiriesChanged);
    }

    [Fact]
    public async Task Completing_a_done_task_again_is_refused_with_a_message()
    {
        await using var host = await TestHost.StartAsync();
        var (_, taskId) = await TaskAsync(host, host.Coordinator);
        await host.SendAsync(host.Coordinator, new CompleteTask(taskId, "Packet sent"));

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(host.Coordinator, new CompleteTask(taskId, "Again")));

        Assert.Equal("This task is already done; there is nothing to complete.", error.Message);
    }

    [Fact]
    public async Task Two_people_completing_the_same_task_at_once_close_it_once()
    {
        await using var host = await TestHost.StartAsync();
        var (inquiryId, taskId) = await TaskAsync(host, null);

        var results = await Task.WhenAll(
            Task.Run(async () => await Record(() => host.SendAsync(host.Coordinator, new CompleteTask(taskId, "Reached them")))),
            Task.Run(async () => await Record(() => host.SendAsync(host.Coordinator2, new CompleteTask(taskId, "Reached them too")))));

        Assert.Single(results, r => r is null);
        Assert.IsType<DomainRuleException>(Assert.Single(results, r => r is not null));
        Assert.Single(await TaskTimelineAsync(host, inquiryId), a => a.Summary.StartsWith("Task done", StringComparison.Ordinal));
    }

    private static async Task<Exception?> Record(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    [Fact]
    public async Task A_coordinator_cannot_close_a_colleagues_task_but_a_manager_can()
    {
        await using var host = await TestHost.StartAsync();
        var (_, taskId) = await TaskAsync(host, host.Coordinator2);

        var error = await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.Coordinator, new CompleteTask(taskId, "Done")));
        await host.SendAsync(host.Manager, new CancelTask(taskId, "Caller withdrew"));

        Assert.Equal("This task belongs to Jordan Patel. Ask them or a manager.", error.Message);
        var task = await LoadAsync(host, taskId);
        Assert.Equal((FollowUpState.Cancelled, "Caller withdrew", host.Manager.Id), (task.State, task.Outcome, task.ClosedById));
    }

    [Fact]
    public async Task Snoozing_moves_the_due_time_keeps_the_reason_and_says_so_on_the_timeline()
    {
        await using var host = await TestHost.StartAsync();
        var (inquiryId, taskId) = await TaskAsync(host, host.Coordinator);

        await host.SendAsync(host.Coordinator, new SnoozeTask(taskId, TestHost.StartTime.AddHours(3), "Caller at work until 5"));

        var task = await LoadAsync(host, taskId);
        Assert.Equal((TestHost.StartTime.AddHours(3), 1, "Caller at work until 5"), (task.DueAt, task.SnoozeCount, task.SnoozeReason));
        Assert.Equal("Task snoozed by 3 h: Send the intake packet — Caller at work until 5", (await TaskTimelineAsync(host, inquiryId))[^1].Summary);
        Assert.Empty(host.Scheduler.CallbackReminders);
    }

    [Fact]
    public async Task Snoozing_into_the_past_or_without_a_reason_is_refused()
    {
        await using var host = await TestHost.StartAsync();
        var (_, taskId) = await TaskAsync(host, host.Coordinator);

        var past = await Assert.ThrowsAsync<DomainRuleException>(() =>
            host.SendAsync(host.Coordinator, new SnoozeTask(taskId, TestHost.StartTime.AddMinutes(-5), "Later")));
        var noReason = await Assert.ThrowsAsync<RequestValidationException>(() =>
            host.SendAsync(host.Coordinator, new SnoozeTask(taskId, TestHost.StartTime.AddHours(1), "")));

        Assert.Equal("Snooze until a time in the future.", past.Message);
        Assert.Equal("Say why the task is snoozed.", Assert.Single(noReason.Errors["Reason"]));
        Assert.Equal(TestHost.StartTime.AddHours(1), (await LoadAsync(host, taskId)).DueAt);
    }

    [Fact]
    public async Task Claiming_takes_a_team_queue_task_and_a_second_claim_is_refused()
    {
        await using var host = await TestHost.StartAsync();
        var (inquiryId, taskId) = await TaskAsync(host, null);

        await host.SendAsync(host.Coordinator2, new ClaimTask(taskId));
        var error = await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(host.Coordinator, new ClaimTask(taskId)));

        var task = await LoadAsync(host, taskId);
        Assert.Equal(host.Coordinator2.Id, task.AssigneeId);
        Assert.Equal("Jordan Patel already took this task.", error.Message);
        Assert.Equal("Task taken from the team queue: Send the intake packet", (await TaskTimelineAsync(host, inquiryId))[^1].Summary);
        Assert.Contains(host.Live.TasksChanged, ids => ids.Contains(null) && ids.Contains(host.Coordinator2.Id));
    }

    [Fact]
    public async Task Business_development_cannot_touch_tasks()
    {
        await using var host = await TestHost.StartAsync();
        var (_, taskId) = await TaskAsync(host, null);

        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.BusinessDevelopment, new ClaimTask(taskId)));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.BusinessDevelopment, new GetMyWork()));
    }

    [Fact]
    public async Task Tasks_can_go_to_everyone_who_works_inquiries_but_not_business_development()
    {
        await using var host = await TestHost.StartAsync();

        var assignees = await host.SendAsync(host.Coordinator, new ListTaskAssignees());

        Assert.Equal(
            new[] { host.Admin, host.Manager, host.Coordinator, host.Coordinator2, host.Clinician, host.UtilizationReview }.Select(u => u.Id).Order(),
            assignees.Select(a => a.Id).Order());
    }

    [Fact]
    public async Task An_unknown_task_is_not_found()
    {
        await using var host = await TestHost.StartAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => host.SendAsync(host.Coordinator, new CompleteTask(Guid.NewGuid(), "Done")));
    }
}
