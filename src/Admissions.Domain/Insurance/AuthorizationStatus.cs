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

/// <summary>A payer's decision on an authorization request.</summary>
public sealed record AuthorizationDecision(
    AuthorizationStatus Status,
    string? CertificationNumber,
    int? ApprovedDays,
    DateOnly? ApprovedFrom,
    DateOnly? ApprovedTo,
    DateOnly? NextReviewOn,
    string? ReasonCode,
    string? DenialReason,
    string? PendedReason = null);
