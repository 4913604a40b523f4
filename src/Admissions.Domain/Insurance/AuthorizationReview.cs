namespace Admissions.Domain.Insurance;

public enum AuthorizationReviewKind
{
    Decision,
    ConcurrentReview,
    Extension,
}

/// <summary>
/// One step of an authorization's review history (a decision, a concurrent review, an extension), appended in order:
/// the current-state columns say where the authorization stands, this says how it got there.
/// </summary>
public sealed record AuthorizationReview(
    AuthorizationReviewKind Kind,
    AuthorizationStatus Status,
    int? DaysRequested,
    int? DaysApproved,
    DateOnly? LastCoveredDay,
    DateOnly? NextReviewOn,
    string? PayerReference,
    string? Reason,
    string ReviewerName,
    DateTimeOffset At);

/// <summary>Days of an approved stay used (the admission day through today) and left (after today through the last covered day).</summary>
public sealed record CoverageDays(int Used, int Left);
