using Admissions.Domain.Common;
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

    private static readonly Actor Casey = new("u-casey", "Casey Nguyen");

    [Fact]
    public void Completing_a_done_task_again_is_refused()
    {
        var task = NewTask();
        task.Complete("Reached the caller", Due, Casey);

        var error = Assert.Throws<DomainRuleException>(() => task.Complete("Again", Due.AddMinutes(1), Casey));
        Assert.Equal("This task is already done; there is nothing to complete.", error.Message);
    }

    [Fact]
    public void Completing_without_an_outcome_is_refused()
    {
        Assert.Throws<DomainRuleException>(() => NewTask().Complete("  ", Due, Casey));
    }

    [Fact]
    public void Completing_records_who_closed_it()
    {
        var task = NewTask();

        task.Complete("  Left voicemail  ", Due, Casey);

        Assert.Equal("Left voicemail", task.Outcome);
        Assert.Equal(Casey.Id, task.ClosedById);
        Assert.Equal(Casey.Name, task.ClosedByName);
    }

    [Fact]
    public void Snoozing_moves_the_due_time_and_counts()
    {
        var task = NewTask();

        task.Snooze(Due.AddHours(1), "Caller asked for after lunch", Due);
        task.Snooze(Due.AddHours(2), "Still in a meeting", Due.AddHours(1));

        Assert.Equal(Due.AddHours(2), task.DueAt);
        Assert.Equal(2, task.SnoozeCount);
        Assert.Equal("Still in a meeting", task.SnoozeReason);
        Assert.Equal(Due.AddHours(1), task.SnoozedAt);
        Assert.False(task.IsOverdue(Due.AddHours(1)));
    }

    [Fact]
    public void Snoozing_into_the_past_is_refused()
    {
        var error = Assert.Throws<DomainRuleException>(() => NewTask().Snooze(Due.AddMinutes(-1), "Oops", Due));
        Assert.Equal("Snooze until a time in the future.", error.Message);
    }

    [Fact]
    public void Snoozing_without_a_reason_or_beyond_thirty_days_is_refused()
    {
        Assert.Throws<DomainRuleException>(() => NewTask().Snooze(Due.AddHours(1), "", Due));
        Assert.Throws<DomainRuleException>(() => NewTask().Snooze(Due.AddDays(31), "Much later", Due));
    }

    [Fact]
    public void A_cancelled_task_cannot_be_snoozed_or_completed()
    {
        var task = NewTask();
        task.Cancel("Duplicate inquiry", Due, Casey);

        Assert.Equal(FollowUpState.Cancelled, task.State);
        Assert.Equal("Duplicate inquiry", task.Outcome);
        Assert.Throws<DomainRuleException>(() => task.Snooze(Due.AddHours(1), "Later", Due));
        Assert.Throws<DomainRuleException>(() => task.Complete("Done", Due, Casey));
        Assert.False(task.IsOverdue(Due.AddDays(1)));
    }

    [Fact]
    public void Claiming_takes_a_team_queue_task_once()
    {
        var task = NewTask();
        Assert.True(task.IsInTeamQueue);

        task.Claim(Casey);

        Assert.Equal(Casey.Id, task.AssigneeId);
        Assert.False(task.IsInTeamQueue);
        var error = Assert.Throws<DomainRuleException>(() => task.Claim(new Actor("u-jordan", "Jordan Patel")));
        Assert.Equal("Casey Nguyen already took this task.", error.Message);
    }
}
