using Admissions.Domain.FollowUps;

namespace Admissions.Domain.Tests.FollowUps;

public class FollowUpTaskTests
{
    private static readonly DateTimeOffset Due = new(2026, 3, 2, 9, 5, 0, TimeSpan.FromHours(-5));

    private static FollowUpTask NewTask() => new()
    {
        InquiryId = new Guid("0195a0b2-0000-7000-8000-000000000001"),
        Kind = FollowUpKind.SpeedToLead,
        Title = "Call within 5 minutes",
        DueAt = Due,
        CreatedAt = Due.AddMinutes(-5),
        UniqueKey = "speed-to-lead:0195a0b2-0000-7000-8000-000000000001",
    };

    [Fact]
    public void A_new_task_is_open_with_no_outcome()
    {
        var task = NewTask();

        Assert.Equal(FollowUpState.Open, task.State);
        Assert.Null(task.CompletedAt);
        Assert.Null(task.Outcome);
    }

    [Fact]
    public void An_open_task_is_not_overdue_before_its_due_time()
    {
        Assert.False(NewTask().IsOverdue(Due.AddSeconds(-1)));
    }

    [Fact]
    public void An_open_task_is_overdue_from_its_due_time()
    {
        var task = NewTask();

        Assert.True(task.IsOverdue(Due));
        Assert.True(task.IsOverdue(Due.AddHours(1)));
    }

    [Fact]
    public void Completing_a_task_records_the_outcome_and_time()
    {
        var task = NewTask();
        var at = Due.AddMinutes(2);

        task.Complete("Reached the caller", at);

        Assert.Equal(FollowUpState.Done, task.State);
        Assert.Equal("Reached the caller", task.Outcome);
        Assert.Equal(at, task.CompletedAt);
    }

    [Fact]
    public void A_completed_task_is_never_overdue()
    {
        var task = NewTask();
        task.Complete("Reached the caller", Due.AddMinutes(10));

        Assert.False(task.IsOverdue(Due.AddDays(1)));
    }
}
