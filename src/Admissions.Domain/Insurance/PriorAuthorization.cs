using Admissions.Domain.Care;
using Admissions.Domain.Common;

namespace Admissions.Domain.Insurance;

/// <summary>
/// A prior authorization for a level of care, tracked by utilization review to the day:
/// what was asked, what the payer decided, for which dates, and when the next review is due.
/// </summary>
public sealed partial class PriorAuthorization : AggregateRoot, IInquiryRecord
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

    /// <summary>What the payer asked for when it pended the request (e.g. additional information required).</summary>
    public string? PendedReason { get; private set; }

    /// <summary>When the payer first pended the request; cleared once it decides.</summary>
    public DateTimeOffset? PendedAt { get; private set; }

    /// <summary>Why the electronic request could not be sent or answered, when it could not.</summary>
    public string? Problem { get; private set; }
    public List<AuthorizationNote> Notes { get; init; } = [];
    public List<AuthorizationReview> Reviews { get; init; } = [];

    /// <summary>The authorization of the level before, when this one was opened from it at a step-down.</summary>
    public Guid? PreviousAuthorizationId { get; private set; }

    /// <summary>Opened (at a step-down) but not sent to the payer yet: utilization review checks it and sends it.</summary>
    public bool AwaitingSubmission { get; private set; }

    /// <summary>The day the stay this authorization covers ended (discharge or step-down); no more reviews are due.</summary>
    public DateOnly? StayEndedOn { get; private set; }

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

    /// <summary>
    /// Records the payer's decision, whether it came as a 278 response or from a portal or call. A certification is
    /// one consistent set (the approved days run from the first to the last approved day, the next review falls
    /// inside them); a denial or a pend carries no approved days and no review.
    /// </summary>
    public void RecordDecision(AuthorizationDecision decision, Actor by, DateTimeOffset at)
    {
        if (Status == AuthorizationStatus.Cancelled)
        {
            throw new DomainRuleException("This authorization was cancelled.");
        }

        DateOnly? review = null;
        if (IsCertification(decision.Status))
        {
            if (decision is not { ApprovedDays: { } days, ApprovedFrom: { } from, ApprovedTo: { } to })
            {
                throw new DomainRuleException("A certification needs the approved days and the first and last approved day.");
            }

            if (to < from)
            {
                throw new DomainRuleException("The approved end date is before the start date.");
            }

            if (LastDay(from, days) != to)
            {
                throw new DomainRuleException(
                    $"{days} approved days from {Day(from)} end on {Day(LastDay(from, days))}, not {Day(to)}.");
            }

            review = decision.NextReviewOn ?? DefaultNextReview(from, to);
            EnsureInsideCoverage(review.Value, from, to);
        }
        else if (decision.ApprovedDays is not null || decision.ApprovedFrom is not null || decision.ApprovedTo is not null)
        {
            throw new DomainRuleException($"A decision of \"{Describe(decision.Status).ToLowerInvariant()}\" has no approved days.");
        }
        else if (decision.NextReviewOn is not null)
        {
            throw new DomainRuleException("Only a certified stay has a next review.");
        }

        Status = decision.Status;
        CertificationNumber = Clean(decision.CertificationNumber) ?? CertificationNumber;
        ApprovedDays = decision.ApprovedDays;
        ApprovedFrom = decision.ApprovedFrom;
        ApprovedTo = decision.ApprovedTo;
        NextReviewOn = review;
        ReasonCode = Clean(decision.ReasonCode);
        DenialReason = decision.Status == AuthorizationStatus.Denied ? Clean(decision.DenialReason) : null;
        var pended = decision.Status == AuthorizationStatus.Pended;
        PendedReason = pended ? Clean(decision.PendedReason) ?? PendedReason : null;
        PendedAt = pended ? PendedAt ?? at : null;
        DecidedAt = pended ? null : at;
        Problem = null;
        NextRecheckAt = null;
        Reviews.Add(new AuthorizationReview(AuthorizationReviewKind.Decision, Status, RequestedDays, ApprovedDays, ApprovedTo, NextReviewOn,
            Clean(decision.CertificationNumber), DenialReason ?? PendedReason, by.Name, at));
    }

    /// <summary>The last covered day of <paramref name="days"/> approved days from <paramref name="from"/> (both ends counted).</summary>
    public static DateOnly LastDay(DateOnly from, int days) => from.AddDays(days - 1);

    public static bool IsCertification(AuthorizationStatus status) => status is AuthorizationStatus.Certified or AuthorizationStatus.Partial;

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

    /// <summary>
    /// The next level's authorization at a step-down, opened from this one: same policy, payer and diagnoses, the new level
    /// from the step-down day, requested and waiting for utilization review to send it.
    /// </summary>
    public PriorAuthorization OpenNext(
        LevelOfCare level, string serviceType, DateOnly from, int requestedDays, AuthorizationChannel channel, string traceNumber, Actor by, DateTimeOffset at)
    {
        if (requestedDays is < 1 or > 365)
        {
            throw new DomainRuleException("Requested days must be between 1 and 365.");
        }

        var next = new PriorAuthorization
        {
            InquiryId = InquiryId,
            PolicyId = PolicyId,
            PayerId = PayerId,
            PayerName = PayerName,
            Level = level,
            ServiceType = serviceType,
            AdmissionDate = from,
            RequestedDays = requestedDays,
            Diagnoses = Diagnoses,
            Channel = channel,
            TraceNumber = traceNumber,
            RequestedAt = at,
            RequestedById = by.Id,
            RequestedByName = by.Name,
            Status = AuthorizationStatus.Requested,
            PreviousAuthorizationId = Id,
            AwaitingSubmission = true,
        };
        next.AddNote(AuthorizationNoteKind.General,
            $"Opened at the step-down from the {LevelsOfCare.Describe(Level)} authorization{(CertificationNumber is { } cert ? $" {cert}" : "")} ({TraceNumber}); not sent to the payer yet.",
            by, at);
        return next;
    }

    /// <summary>Utilization review sent the opened request (a 278 by the job, or by portal or phone).</summary>
    public void MarkSent()
    {
        if (!AwaitingSubmission)
        {
            throw new DomainRuleException("This authorization request was already sent.");
        }

        AwaitingSubmission = false;
    }

    /// <summary>The stay ended on <paramref name="day"/> (discharge or step-down): no review is due any more.</summary>
    public void EndStay(DateOnly day, string why, Actor by, DateTimeOffset at)
    {
        if (StayEndedOn is not null)
        {
            return;
        }

        StayEndedOn = day;
        NextReviewOn = null;
        AddNote(AuthorizationNoteKind.General, $"Stay ended {Day(day)}: {why}.", by, at);
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

    private static string Day(DateOnly day) => day.ToString("MM/dd/yyyy", System.Globalization.CultureInfo.InvariantCulture);

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
