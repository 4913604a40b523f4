using Admissions.Domain.Care;
using Admissions.Domain.Common;

namespace Admissions.Domain.Insurance;

public enum AuthorizationStatus
{
    Requested,
    Certified,
    Partial,
    Pended,
    Denied,
    Cancelled,
}

/// <summary>How the request reached the payer: X12 278 through the clearinghouse, a payer portal, or a call.</summary>
public enum AuthorizationChannel
{
    Electronic,
    Portal,
    Phone,
}

public enum AuthorizationNoteKind
{
    General,
    PeerToPeer,
    Appeal,
}

/// <summary>A note on an authorization (peer-to-peer, appeal); appended, never edited.</summary>
public sealed record AuthorizationNote(AuthorizationNoteKind Kind, string Text, string ByName, DateTimeOffset At);

/// <summary>
/// A prior authorization for a level of care, tracked by utilization review to the day:
/// what was asked, what the payer decided, for which dates, and when the next review is due.
/// </summary>
public sealed class PriorAuthorization : AggregateRoot, IInquiryRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid InquiryId { get; init; }
    public Guid PolicyId { get; init; }
    public Guid PayerId { get; init; }
    public string PayerName { get; init; } = "";
    public LevelOfCare Level { get; init; }
    public string ServiceType { get; init; } = "";
    public DateOnly AdmissionDate { get; init; }
    public int RequestedDays { get; init; }
    public string Diagnoses { get; init; } = "";
    public AuthorizationChannel Channel { get; init; }
    public string TraceNumber { get; init; } = "";
    public DateTimeOffset RequestedAt { get; init; }
    public string RequestedById { get; init; } = "";
    public string RequestedByName { get; init; } = "";

    public AuthorizationStatus Status { get; private set; }
    public string? CertificationNumber { get; private set; }
    public int? ApprovedDays { get; private set; }
    public DateOnly? ApprovedFrom { get; private set; }
    public DateOnly? ApprovedTo { get; private set; }
    public DateOnly? NextReviewOn { get; private set; }
    public string? ReasonCode { get; private set; }
    public string? DenialReason { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public int Rechecks { get; private set; }
    public DateTimeOffset? NextRecheckAt { get; private set; }

    /// <summary>Why the electronic request could not be sent or answered, when it could not.</summary>
    public string? Problem { get; private set; }
    public List<AuthorizationNote> Notes { get; init; } = [];

    public bool IsDecided => Status is AuthorizationStatus.Certified or AuthorizationStatus.Partial or AuthorizationStatus.Denied or AuthorizationStatus.Cancelled;

    public static PriorAuthorization Request(
        InsurancePolicy policy, LevelOfCare level, string serviceType, DateOnly admissionDate, int requestedDays,
        string diagnoses, AuthorizationChannel channel, string traceNumber, Actor by, DateTimeOffset at)
    {
        if (requestedDays is < 1 or > 365)
        {
            throw new DomainRuleException("Requested days must be between 1 and 365.");
        }

        return new PriorAuthorization
        {
            InquiryId = policy.InquiryId,
            PolicyId = policy.Id,
            PayerId = policy.PayerId,
            PayerName = policy.PayerName,
            Level = level,
            ServiceType = serviceType,
            AdmissionDate = admissionDate,
            RequestedDays = requestedDays,
            Diagnoses = diagnoses,
            Channel = channel,
            TraceNumber = traceNumber,
            RequestedAt = at,
            RequestedById = by.Id,
            RequestedByName = by.Name,
            Status = AuthorizationStatus.Requested,
        };
    }

    /// <summary>Records the payer's decision, whether it came as a 278 response or from a portal or call.</summary>
    public void RecordDecision(AuthorizationDecision decision, DateTimeOffset at)
    {
        if (Status == AuthorizationStatus.Cancelled)
        {
            throw new DomainRuleException("This authorization was cancelled.");
        }

        if (decision.Status is AuthorizationStatus.Certified or AuthorizationStatus.Partial
            && (decision.ApprovedFrom is { } from && decision.ApprovedTo is { } to && to < from))
        {
            throw new DomainRuleException("The approved end date is before the start date.");
        }

        Status = decision.Status;
        CertificationNumber = Clean(decision.CertificationNumber) ?? CertificationNumber;
        ApprovedDays = decision.ApprovedDays;
        ApprovedFrom = decision.ApprovedFrom;
        ApprovedTo = decision.ApprovedTo;
        NextReviewOn = decision.NextReviewOn ?? DefaultNextReview(decision);
        ReasonCode = Clean(decision.ReasonCode);
        DenialReason = Clean(decision.DenialReason);
        DecidedAt = decision.Status == AuthorizationStatus.Pended ? null : at;
        Problem = null;
        NextRecheckAt = null;
    }

    public void RecheckAt(DateTimeOffset at, string? problem = null)
    {
        Rechecks++;
        NextRecheckAt = at;
        Problem = problem;
    }

    public void ReportProblem(string problem)
    {
        Problem = problem;
        NextRecheckAt = null;
    }

    public void Cancel(string reason, Actor by, DateTimeOffset at)
    {
        if (Status == AuthorizationStatus.Cancelled)
        {
            throw new DomainRuleException("This authorization is already cancelled.");
        }

        Status = AuthorizationStatus.Cancelled;
        DecidedAt = at;
        NextRecheckAt = null;
        NextReviewOn = null;
        AddNote(AuthorizationNoteKind.General, $"Cancelled: {reason}", by, at);
    }

    public void AddNote(AuthorizationNoteKind kind, string text, Actor by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Notes.Add(new AuthorizationNote(kind, text.Trim(), by.Name, at));
    }

    /// <summary>Concurrent review is due the day before the last certified day.</summary>
    private static DateOnly? DefaultNextReview(AuthorizationDecision decision) =>
        decision.Status is AuthorizationStatus.Certified or AuthorizationStatus.Partial && decision.ApprovedTo is { } to
            ? to.AddDays(-1)
            : null;

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string Describe(AuthorizationStatus status) => status switch
    {
        AuthorizationStatus.Requested => "Requested",
        AuthorizationStatus.Certified => "Certified",
        AuthorizationStatus.Partial => "Partially certified",
        AuthorizationStatus.Pended => "Pended",
        AuthorizationStatus.Denied => "Not certified",
        AuthorizationStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };
}

/// <summary>A payer's decision on an authorization request.</summary>
public sealed record AuthorizationDecision(
    AuthorizationStatus Status,
    string? CertificationNumber,
    int? ApprovedDays,
    DateOnly? ApprovedFrom,
    DateOnly? ApprovedTo,
    DateOnly? NextReviewOn,
    string? ReasonCode,
    string? DenialReason);
