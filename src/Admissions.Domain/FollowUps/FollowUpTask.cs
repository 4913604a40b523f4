using Admissions.Domain.Common;

namespace Admissions.Domain.FollowUps;

public enum FollowUpKind
{
    SpeedToLead,
    Callback,
    General,
    InsuranceCorrection,
    PhoneVerification,
    AuthorizationReview,
    SafetyCall,
    ClinicianReview,
    NoShow,
    UnworkedInquiry,
    VerificationEscalation,
}

public enum FollowUpState
{
    Open,
    Done,
    Cancelled,
}

public enum TaskPriority
{
    Normal,
    High,
    Urgent,
}

/// <summary>
/// Work someone owes an inquiry. Jobs create tasks with a <see cref="UniqueKey"/> so that a
/// retried job finds the task it already made instead of making another. A task with no assignee
/// sits in the team queue until someone claims it.
/// </summary>
public sealed class FollowUpTask : AggregateRoot
{
    public const int MaxTextLength = 1000;

    /// <summary>Snoozing further than this is putting the work off, not snoozing it.</summary>
    public static readonly TimeSpan MaxSnooze = TimeSpan.FromDays(30);

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid InquiryId { get; init; }
    public FollowUpKind Kind { get; init; }
    public string Title { get; init; } = "";
    public string? Notes { get; init; }

    // Set once by whoever creates the task, then changed only by Snooze and Claim.
    private DateTimeOffset _dueAt;
    private string? _assigneeId;
    private string? _assigneeName;

    public DateTimeOffset DueAt { get => _dueAt; init => _dueAt = value; }

    /// <summary>Null: the task is in the team queue.</summary>
    public string? AssigneeId { get => _assigneeId; init => _assigneeId = value; }
    public string? AssigneeName { get => _assigneeName; init => _assigneeName = value; }
    public TaskPriority Priority { get; init; }
    public FollowUpState State { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The person who created the task, or <see cref="Actor.System"/> for jobs.</summary>
    public string CreatedById { get; init; } = Actor.System.Id;
    public string CreatedByName { get; init; } = Actor.System.Name;
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>What came of the work (done) or why it is no longer needed (cancelled).</summary>
    public string? Outcome { get; private set; }
    public string? ClosedById { get; private set; }
    public string? ClosedByName { get; private set; }
    public int SnoozeCount { get; private set; }
    public string? SnoozeReason { get; private set; }
    public DateTimeOffset? SnoozedAt { get; private set; }
    public string? UniqueKey { get; init; }

    public bool IsInTeamQueue => AssigneeId is null;

    public bool IsOverdue(DateTimeOffset now) => State == FollowUpState.Open && DueAt <= now;

    public void Complete(string outcome, DateTimeOffset at, Actor? by = null)
    {
        EnsureOpen("complete");
        if (string.IsNullOrWhiteSpace(outcome))
        {
            throw new DomainRuleException("Say what came of the task before completing it.");
        }

        Close(FollowUpState.Done, outcome, at, by);
    }

    public void Cancel(string reason, DateTimeOffset at, Actor by)
    {
        EnsureOpen("cancel");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Say why the task is no longer needed.");
        }

        Close(FollowUpState.Cancelled, reason, at, by);
    }

    /// <summary>Moves the due time later; the count and the last reason stay on the task, each snooze goes on the timeline.</summary>
    public void Snooze(DateTimeOffset until, string reason, DateTimeOffset now)
    {
        EnsureOpen("snooze");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Say why the task is snoozed.");
        }

        if (until <= now)
        {
            throw new DomainRuleException("Snooze until a time in the future.");
        }

        if (until - now > MaxSnooze)
        {
            throw new DomainRuleException($"A task can be snoozed for at most {MaxSnooze.TotalDays:0} days; cancel it if the work is no longer needed.");
        }

        _dueAt = until;
        SnoozeCount++;
        SnoozeReason = Limit(reason);
        SnoozedAt = now;
    }

    /// <summary>Takes a task from the team queue.</summary>
    public void Claim(Actor by)
    {
        EnsureOpen("claim");
        if (AssigneeId == by.Id)
        {
            throw new DomainRuleException("This task is already yours.");
        }

        if (AssigneeId is not null)
        {
            throw new DomainRuleException($"{AssigneeName} already took this task.");
        }

        _assigneeId = by.Id;
        _assigneeName = by.Name;
    }

    /// <summary>Its owner left: the task goes back to the team queue for someone else to take.</summary>
    public void ReturnToTeamQueue()
    {
        EnsureOpen("hand back");
        _assigneeId = null;
        _assigneeName = null;
    }

    private void EnsureOpen(string action)
    {
        if (State != FollowUpState.Open)
        {
            throw new DomainRuleException($"This task is already {(State == FollowUpState.Done ? "done" : "cancelled")}; there is nothing to {action}.");
        }
    }

    private void Close(FollowUpState state, string outcome, DateTimeOffset at, Actor? by)
    {
        State = state;
        Outcome = Limit(outcome);
        CompletedAt = at;
        ClosedById = (by ?? Actor.System).Id;
        ClosedByName = (by ?? Actor.System).Name;
    }

    private static string Limit(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= MaxTextLength ? trimmed : trimmed[..MaxTextLength];
    }
}
