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
    public void A_title_longer_than_a_list_line_is_cut_with_an_ellipsis_when_made_and_when_escalated()
    {
        var reason = new string('r', 300);
        var made = new FollowUpTask { InquiryId = Guid.CreateVersion7(), Kind = FollowUpKind.AuthorizationReview, Title = reason, DueAt = Due, CreatedAt = Due, UniqueKey = "long" };

        Assert.Equal(FollowUpTask.MaxTitleLength, made.Title.Length);
        Assert.EndsWith("r…", made.Title, StringComparison.Ordinal);

        made.Escalate(Due.AddMinutes(1), "Escalated: " + reason);
        Assert.Equal(FollowUpTask.MaxTitleLength, made.Title.Length);
        Assert.StartsWith("Escalated: rrr", made.Title, StringComparison.Ordinal);

        made.Escalate(Due.AddMinutes(2), new string('e', FollowUpTask.MaxTitleLength));
        Assert.Equal(new string('e', FollowUpTask.MaxTitleLength), made.Title);
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

    // ---- Safety calls ----

    private static FollowUpTask SafetyCall() => new()
    {
        InquiryId = new Guid("0195a0b2-0000-7000-8000-000000000002"),
        Kind = FollowUpKind.SafetyCall,
        Title = "Safety call within 15 minutes",
        DueAt = Due,
        Priority = TaskPriority.Urgent,
        CreatedAt = Due.AddMinutes(-15),
    };

    [Fact]
    public void A_safety_call_is_never_snoozed_cancelled_or_completed_with_an_outcome_only_by_its_disposition()
    {
        var task = SafetyCall();
        var by = new Actor("u-riley", "Dr. Riley Brooks");

        Assert.Throws<DomainRuleException>(() => task.Snooze(Due.AddDays(1), "Mom says he is asleep", Due.AddMinutes(-10)));
        Assert.Throws<DomainRuleException>(() => task.Complete("Not needed any more", Due, by));
        Assert.Throws<DomainRuleException>(() => task.Cancel("Not needed any more", Due, by));
        Assert.Equal((FollowUpState.Open, Due), (task.State, task.DueAt));

        task.CompleteWithDisposition("Disposition: Crisis line given", Due, by);
        Assert.Equal((FollowUpState.Done, "u-riley"), (task.State, task.ClosedById));
    }

    [Theory]
    [InlineData(-10, 15, 15)] // due in 10 min: 15 more from the due time
    [InlineData(20, 5, 25)] // 20 min overdue: 5 more from now
    public void A_push_adds_at_most_15_minutes_to_the_later_of_now_and_the_due_time(int minutesPastDue, int push, int expectedFromDue)
    {
        var task = SafetyCall();

        task.PushSafetyCall(TimeSpan.FromMinutes(push), "On the phone with the patient", Due.AddMinutes(minutesPastDue));

        Assert.Equal(Due.AddMinutes(expectedFromDue), task.DueAt);
        Assert.Equal((1, "On the phone with the patient"), (task.SnoozeCount, task.SnoozeReason));
    }

    [Theory]
    [InlineData(16, "Busy")]
    [InlineData(0, "Busy")]
    [InlineData(10, " ")]
    public void A_push_beyond_15_minutes_without_a_reason_or_of_nothing_is_refused(int push, string reason)
    {
        var task = SafetyCall();

        Assert.Throws<DomainRuleException>(() => task.PushSafetyCall(TimeSpan.FromMinutes(push), reason, Due.AddMinutes(-5)));
        Assert.Equal(Due, task.DueAt);
    }

    [Fact]
    public void Only_a_safety_call_is_pushed()
    {
        Assert.Throws<DomainRuleException>(() => NewTask().PushSafetyCall(TimeSpan.FromMinutes(5), "Busy", Due));
    }

    [Fact]
    public void Escalating_keeps_one_task_with_a_new_title_priority_and_owner_and_counts()
    {
        var task = NewTask();

        task.Escalate(Due.AddMinutes(10), "Escalated: still not reached after 15 min", TaskPriority.Urgent, new Actor("u-casey", "Casey Nguyen"));

        Assert.Equal(("Escalated: still not reached after 15 min", TaskPriority.Urgent, "u-casey", 1, Due.AddMinutes(10)),
            (task.Title, task.Priority, task.AssigneeId, task.EscalationCount, task.LastEscalatedAt));
    }
}
