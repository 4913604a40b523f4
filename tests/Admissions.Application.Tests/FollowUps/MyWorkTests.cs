using Admissions.Application.FollowUps;
using Admissions.Domain.FollowUps;

namespace Admissions.Application.Tests.FollowUps;

public class MyWorkTests
{
    private static async Task<Guid> TaskAsync(TestHost host, Guid inquiryId, string title, TimeSpan dueIn, TestUser? assignee, TaskPriority priority = TaskPriority.Normal) =>
        await host.SendAsync(host.Manager, new CreateTask(inquiryId, title, host.Clock.GetUtcNow() + dueIn, assignee?.Id, priority));

    [Fact]
    public async Task My_open_tasks_come_overdue_first_most_urgent_first_then_by_due_time_with_the_patient()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        await TaskAsync(host, inquiryId, "later", TimeSpan.FromHours(5), host.Coordinator);
        await TaskAsync(host, inquiryId, "soon", TimeSpan.FromHours(2), host.Coordinator);
        await TaskAsync(host, inquiryId, "overdue normal", TimeSpan.FromMinutes(10), host.Coordinator);
        await TaskAsync(host, inquiryId, "overdue urgent", TimeSpan.FromMinutes(30), host.Coordinator, TaskPriority.Urgent);
        await TaskAsync(host, inquiryId, "not mine", TimeSpan.FromMinutes(5), host.Coordinator2);
        await TaskAsync(host, inquiryId, "team", TimeSpan.FromMinutes(5), null);
        var done = await TaskAsync(host, inquiryId, "done", TimeSpan.FromMinutes(5), host.Coordinator);
        await host.SendAsync(host.Coordinator, new CompleteTask(done, "Finished"));
        host.Clock.Advance(TimeSpan.FromHours(1));

        var work = await host.SendAsync(host.Coordinator, new GetMyWork());

        Assert.Equal(["overdue urgent", "overdue normal", "soon", "later"], work.Page.Items.Select(i => i.Title));
        Assert.Equal([true, true, false, false], work.Page.Items.Select(i => i.IsOverdue));
        Assert.Equal(4, work.Page.TotalCount);
        var first = work.Page.Items[0];
        Assert.Equal(("INQ-2026-000001", "Alex Lopez", "Morgan Reyes"), (first.InquiryNumber, first.PatientName, first.CreatedByName));
        Assert.Equal(new TaskCounts(4, 2, 1), work.Counts);
    }

    [Fact]
    public async Task The_team_queue_holds_the_unassigned_open_tasks()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        await TaskAsync(host, inquiryId, "team 1", TimeSpan.FromHours(1), null);
        await TaskAsync(host, inquiryId, "team 2", TimeSpan.FromHours(2), null);
        await TaskAsync(host, inquiryId, "mine", TimeSpan.FromHours(1), host.Coordinator);

        var team = await host.SendAsync(host.Coordinator2, new GetMyWork(WorkView.TeamQueue));

        Assert.Equal(["team 1", "team 2"], team.Page.Items.Select(i => i.Title));
        Assert.All(team.Page.Items, i => Assert.Null(i.AssigneeId));
    }

    [Fact]
    public async Task Pages_split_the_list_and_count_all_of_it()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        for (var i = 1; i <= 5; i++)
        {
            await TaskAsync(host, inquiryId, $"task {i}", TimeSpan.FromHours(i), host.Coordinator);
        }

        var second = await host.SendAsync(host.Coordinator, new GetMyWork(WorkView.Mine) { Page = new(1, 2) });

        Assert.Equal(["task 3", "task 4"], second.Page.Items.Select(i => i.Title));
        Assert.Equal(5, second.Page.TotalCount);
    }

    [Fact]
    public async Task The_counts_for_the_nav_bar_are_mine_and_the_team_queue()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        await TaskAsync(host, inquiryId, "a", TimeSpan.FromMinutes(1), host.Coordinator);
        await TaskAsync(host, inquiryId, "b", TimeSpan.FromHours(3), host.Coordinator);
        await TaskAsync(host, inquiryId, "c", TimeSpan.FromHours(3), null);
        host.Clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(new TaskCounts(2, 1, 1), await host.SendAsync(host.Coordinator, new GetTaskCounts()));
        Assert.Equal(new TaskCounts(0, 0, 1), await host.SendAsync(host.Coordinator2, new GetTaskCounts()));
    }

    [Fact]
    public async Task Reading_my_work_is_audited()
    {
        await using var host = await TestHost.StartAsync();

        await host.SendAsync(host.Coordinator, new GetMyWork());

        var cells = await host.AllCellsAsync("AuditEntries");
        Assert.Contains("MyWork", cells);
    }
}
