using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;

namespace Admissions.Application.Inquiries;

public sealed record InquiryListItem(
    Guid Id,
    string Number,
    string PatientName,
    string CallerName,
    string? Phone,
    InquiryStage Stage,
    InquirySource Source,
    Urgency Urgency,
    string? AssignedCoordinatorName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FirstContactAt,
    DateTimeOffset LastActivityAt,
    bool IsDualDiagnosis,
    bool PossibleDuplicate);

public sealed record ActivityItem(
    Guid Id, ActivityKind Kind, DateTimeOffset OccurredAt, string ActorName, string Summary, string? Text,
    ContactChannel? Channel, ContactOutcome? Outcome);

public sealed record TaskItem(
    Guid Id, FollowUpKind Kind, string Title, DateTimeOffset DueAt, string? AssigneeName, TaskPriority Priority, FollowUpState State,
    Guid? SafetyAlertId, int SnoozeCount)
{
    public bool IsSafetyCall => Kind == FollowUpKind.SafetyCall;
}

public sealed record InquiryDetail(
    Guid Id,
    string Number,
    string Version,
    InquiryForm Form,
    InquiryStage Stage,
    NotAdmittedReason? NotAdmittedReason,
    DateTimeOffset StageChangedAt,
    DateTimeOffset CreatedAt,
    string CreatedByName,
    DateTimeOffset? FirstContactAt,
    DateTimeOffset SpeedToLeadDueAt,
    DateTimeOffset LastActivityAt,
    string? AssignedCoordinatorId,
    string? AssignedCoordinatorName,
    Guid? PossibleDuplicateOfId,
    string? PossibleDuplicateOfNumber,
    string? ReferralOrganisationName,
    IReadOnlyList<InquiryStage> NextStages,
    bool CanReopen,
    IReadOnlyList<ActivityItem> Activities,
    IReadOnlyList<TaskItem> OpenTasks,
    IReadOnlyList<DuplicateMatch>? EarlierStays = null,
    string? FacilityName = null)
{
    /// <summary>The person's closed inquiries from before this one: a returning patient, welcomed with their history.</summary>
    public IReadOnlyList<DuplicateMatch> Returning => EarlierStays ?? [];
}

public static class InquiryVersion
{
    public static string Encode(byte[] version) => Convert.ToBase64String(version);

    public static byte[] Decode(string version)
    {
        try
        {
            return Convert.FromBase64String(version);
        }
        catch (FormatException)
        {
            return [];
        }
    }
}
