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
/// retried job finds the task it already made instead of making another.
/// </summary>
public sealed class FollowUpTask
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid InquiryId { get; init; }
    public FollowUpKind Kind { get; init; }
    public string Title { get; init; } = "";
    public DateTimeOffset DueAt { get; init; }
    public string? AssigneeId { get; init; }
    public string? AssigneeName { get; init; }
    public TaskPriority Priority { get; init; }
    public FollowUpState State { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public string? Outcome { get; private set; }
    public string? UniqueKey { get; init; }

    public bool IsOverdue(DateTimeOffset now) => State == FollowUpState.Open && DueAt <= now;

    public void Complete(string outcome, DateTimeOffset at)
    {
        State = FollowUpState.Done;
        Outcome = outcome;
        CompletedAt = at;
    }
}
