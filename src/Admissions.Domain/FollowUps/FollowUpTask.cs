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

    /// <summary>A title is one line in a list; a longer one (a payer's pend reason, say) is cut with an ellipsis.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>Snoozing further than this is putting the work off, not snoozing it.</summary>
    public static readonly TimeSpan MaxSnooze = TimeSpan.FromDays(30);

    /// <summary>A safety call is never snoozed; a clinician or manager may push it by at most this, with a reason, at a time.</summary>
    public static readonly TimeSpan MaxSafetyPush = TimeSpan.FromMinutes(15);

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid InquiryId { get; init; }
    public FollowUpKind Kind { get; init; }
    public string? Notes { get; init; }

    // Set once by whoever creates the task, then changed only by Snooze, Push, Claim, AssignTo and Escalate.
    private string _title = "";
    private TaskPriority _priority;
    private DateTimeOffset _dueAt;
    private string? _assigneeId;
    private string? _assigneeName;

    public string Title { get => _title; init => _title = Fit(value); }

    public DateTimeOffset DueAt { get => _dueAt; init => _dueAt = value; }

    /// <summary>Null: the task is in the team queue.</summary>
    public string? AssigneeId { get => _assigneeId; init => _assigneeId = value; }
    public string? AssigneeName { get => _assigneeName; init => _assigneeName = value; }
    public TaskPriority Priority { get => _priority; init => _priority = value; }
    public FollowUpState State { get; private set; }

    /// <summary>The safety alert a safety call or clinician review answers; its disposition closes the task.</summary>
    public Guid? SafetyAlertId { get; init; }

    /// <summary>How many times the task was escalated since it was made, and when last.</summary>
    public int EscalationCount { get; private set; }
    public DateTimeOffset? LastEscalatedAt { get; private set; }
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

    /// <summary>A suicide-risk call: completed only by a safety disposition, never snoozed or cancelled.</summary>
    public bool IsSafetyCall => Kind == FollowUpKind.SafetyCall;

    public bool IsOverdue(DateTimeOffset now) => State == FollowUpState.Open && DueAt <= now;

    public void Complete(string outcome, DateTimeOffset at, Actor? by = null)
    {
        EnsureOpen("complete");
        if (IsSafetyCall)
        {
            throw new DomainRuleException("A safety call is completed only by recording the safety disposition on the inquiry.");
        }

        CompleteWithDisposition(outcome, at, by);
    }

    /// <summary>Closes the task because its safety alert got a disposition (the one way a safety call is done).</summary>
    public void CompleteWithDisposition(string outcome, DateTimeOffset at, Actor? by = null)
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
        if (IsSafetyCall)
        {
            throw new DomainRuleException("A safety call cannot be cancelled; it ends when a clinician records the safety disposition.");
        }

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
        if (IsSafetyCall)
        {
            throw new DomainRuleException(
                $"A safety call cannot be snoozed. Record the safety disposition, or a clinician or manager can push it by up to {MaxSafetyPush.TotalMinutes:0} minutes with a reason.");
        }

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

    /// <summary>
    /// Moves a safety call's due time by at most <see cref="MaxSafetyPush"/> from now or from when it is due, whichever is
    /// later: time to finish a call in progress, never a way to put it off.
    /// </summary>
    public void PushSafetyCall(TimeSpan by, string reason, DateTimeOffset now)
    {
        EnsureOpen("push");
        if (!IsSafetyCall)
        {
            throw new DomainRuleException("Only a safety call is pushed; snooze other tasks.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Say why the safety call needs more time.");
        }

        if (by <= TimeSpan.Zero || by > MaxSafetyPush)
        {
            throw new DomainRuleException($"A safety call can be pushed by 1 to {MaxSafetyPush.TotalMinutes:0} minutes at a time.");
        }

        _dueAt = (_dueAt > now ? _dueAt : now) + by;
        SnoozeCount++;
        SnoozeReason = Limit(reason);
        SnoozedAt = now;
    }

    /// <summary>Gives an open task to someone (null: the team queue), e.g. to whoever is on call now.</summary>
    public void AssignTo(Actor? owner)
    {
        EnsureOpen("assign");
        _assigneeId = owner?.Id;
        _assigneeName = owner?.Name;
    }

    /// <summary>
    /// The same task, more urgent: optionally a new title, priority and owner. Counted and timed, so a job that escalates
    /// once per period can tell whether this period's escalation was already made.
    /// </summary>
    public void Escalate(DateTimeOffset at, string? title = null, TaskPriority? priority = null, Actor? owner = null)
    {
        EnsureOpen("escalate");
        if (!string.IsNullOrWhiteSpace(title))
        {
            _title = Fit(title);
        }

        _priority = priority ?? _priority;
        if (owner is not null)
        {
            AssignTo(owner);
        }

        EscalationCount++;
        LastEscalatedAt = at;
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

    private static string Fit(string title) =>
        title.Length <= MaxTitleLength ? title : string.Concat(title.AsSpan(0, MaxTitleLength - 1), "…");
}
