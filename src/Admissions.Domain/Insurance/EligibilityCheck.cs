using Admissions.Domain.Care;
using Admissions.Domain.Common;

namespace Admissions.Domain.Insurance;

/// <summary>Where a verification of benefits stands. "Not requested" is the absence of a check.</summary>
public enum VerificationState
{
    Pending,
    Completed,
    NeedsManual,
    AwaitingApproval,
    Failed,
}

public enum VerificationMethod
{
    Electronic,
    Phone,
}

/// <summary>What the payer said about one level of care, in the words a coordinator reads aloud.</summary>
public sealed record LevelBenefits
{
    public LevelOfCare Level { get; init; }
    public string ServiceType { get; init; } = "";
    public bool? Covered { get; init; }
    public bool? InNetwork { get; init; }
    public bool? AuthorizationRequired { get; init; }
    public decimal? Deductible { get; init; }
    public decimal? DeductibleRemaining { get; init; }
    public decimal? OutOfPocketMax { get; init; }
    public decimal? OutOfPocketRemaining { get; init; }

    /// <summary>The patient's share as a fraction: 0.2 is 20%.</summary>
    public decimal? Coinsurance { get; init; }
    public decimal? Copay { get; init; }

    /// <summary>How often the copay applies: the 271's EB06 time period code (7 day, 27 visit, 36 admission…).</summary>
    public string? CopayPeriod { get; init; }
    public decimal? DayLimit { get; init; }
    public decimal? VisitLimit { get; init; }
    public string? CarveOutName { get; init; }
    public string? CarveOutPhone { get; init; }
    public string? Notes { get; init; }

    /// <summary>Whether the payer gave any figure an estimate can be built on.</summary>
    public bool HasCostSharing =>
        Deductible is not null || DeductibleRemaining is not null || OutOfPocketMax is not null || OutOfPocketRemaining is not null
        || Coinsurance is not null || Copay is not null;
}

/// <summary>The outcome of a verification: coverage, plan and the benefits per level asked.</summary>
public sealed record VerificationResult
{
    public bool CoverageActive { get; init; }
    public string? PlanName { get; init; }
    public string? InsuranceType { get; init; }
    public DateOnly? PlanBegin { get; init; }
    public DateOnly? PlanEnd { get; init; }
    public string? CarveOutName { get; init; }
    public string? CarveOutPhone { get; init; }
    public List<LevelBenefits> Levels { get; init; } = [];
}

/// <summary>
/// A verification of benefits (VOB) for one policy: sent electronically as a 270 by a job and
/// retried while the payer cannot answer, or done by phone and approved by a manager.
/// </summary>
public sealed class EligibilityCheck : AggregateRoot, IInquiryRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid InquiryId { get; init; }
    public Guid PolicyId { get; init; }
    public Guid PayerId { get; init; }
    public string PayerName { get; init; } = "";
    public VerificationMethod Method { get; private set; }
    public VerificationState State { get; private set; }
    public List<LevelOfCare> Levels { get; init; } = [];
    public string TraceNumber { get; init; } = "";
    public DateTimeOffset RequestedAt { get; init; }
    public string RequestedById { get; init; } = "";
    public string RequestedByName { get; init; } = "";
    public int Attempts { get; private set; }
    public DateTimeOffset? NextAttemptAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>AAA reject reason or a clearinghouse problem, when the payer did not verify.</summary>
    public string? ProblemCode { get; private set; }
    public string? Problem { get; private set; }
    public VerificationResult? Result { get; private set; }

    public string? PayerRepName { get; private set; }
    public string? CallReference { get; private set; }
    public string? EnteredById { get; private set; }
    public string? EnteredByName { get; private set; }
    public string? ApprovedByName { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }

    public bool IsOpen => State is VerificationState.Pending or VerificationState.NeedsManual or VerificationState.AwaitingApproval;

    public static EligibilityCheck Request(InsurancePolicy policy, IEnumerable<LevelOfCare> levels, string traceNumber, Actor by, DateTimeOffset at)
    {
        var asked = levels.Distinct().Order().ToList();
        if (asked.Count == 0)
        {
            throw new DomainRuleException("Choose at least one level of care to verify.");
        }

        return new EligibilityCheck
        {
            InquiryId = policy.InquiryId,
            PolicyId = policy.Id,
            PayerId = policy.PayerId,
            PayerName = policy.PayerName,
            Levels = asked,
            TraceNumber = traceNumber,
            RequestedAt = at,
            RequestedById = by.Id,
            RequestedByName = by.Name,
            Method = VerificationMethod.Electronic,
            State = VerificationState.Pending,
        };
    }

    /// <summary>A check that never goes to the clearinghouse: the coordinator calls the payer.</summary>
    public static EligibilityCheck RequestByPhone(InsurancePolicy policy, IEnumerable<LevelOfCare> levels, string traceNumber, string reason, Actor by, DateTimeOffset at)
    {
        var check = Request(policy, levels, traceNumber, by, at);
        check.Method = VerificationMethod.Phone;
        check.State = VerificationState.NeedsManual;
        check.Problem = reason;
        return check;
    }

    public void RecordAttempt(DateTimeOffset at)
    {
        EnsureState(VerificationState.Pending);
        Attempts++;
        NextAttemptAt = null;
    }

    public void RetryAt(DateTimeOffset at, string code, string problem)
    {
        EnsureState(VerificationState.Pending);
        NextAttemptAt = at;
        ProblemCode = code;
        Problem = problem;
    }

    public void Complete(VerificationResult result, DateTimeOffset at)
    {
        EnsureState(VerificationState.Pending);
        Result = result;
        State = VerificationState.Completed;
        CompletedAt = at;
        ProblemCode = null;
        Problem = null;
    }

    /// <summary>The payer answered but someone has to call (carve-out, missing behavioural detail).</summary>
    public void NeedPhoneVerification(VerificationResult? partial, string reason)
    {
        EnsureState(VerificationState.Pending);
        Result = partial;
        Method = VerificationMethod.Phone;
        State = VerificationState.NeedsManual;
        Problem = reason;
    }

    public void Fail(string? code, string problem, DateTimeOffset at)
    {
        EnsureState(VerificationState.Pending);
        State = VerificationState.Failed;
        ProblemCode = code;
        Problem = problem;
        CompletedAt = at;
        NextAttemptAt = null;
    }

    public void EnterPhoneResult(VerificationResult result, string payerRepName, string callReference, Actor by)
    {
        // A failed electronic check ends in a phone call too: its results land on the same check.
        if (State is not (VerificationState.NeedsManual or VerificationState.AwaitingApproval or VerificationState.Failed))
        {
            throw new DomainRuleException("Only a verification waiting for a phone call, or one that failed, can take phone results.");
        }

        Method = VerificationMethod.Phone;
        Result = result;
        PayerRepName = payerRepName.Trim();
        CallReference = callReference.Trim();
        EnteredById = by.Id;
        EnteredByName = by.Name;
        State = VerificationState.AwaitingApproval;
        CompletedAt = null;
    }

    public void Approve(Actor by, DateTimeOffset at)
    {
        EnsureState(VerificationState.AwaitingApproval);
        if (by.Id == EnteredById)
        {
            throw new DomainRuleException("Another manager must approve a phone verification you entered yourself.");
        }

        ApprovedByName = by.Name;
        ApprovedAt = at;
        State = VerificationState.Completed;
        CompletedAt = at;
        Problem = null;
    }

    /// <summary>Sends a phone verification back to the coordinator with what to fix.</summary>
    public void ReturnForCorrection(string reason)
    {
        EnsureState(VerificationState.AwaitingApproval);
        State = VerificationState.NeedsManual;
        Problem = reason;
    }

    private void EnsureState(VerificationState expected)
    {
        if (State != expected)
        {
            throw new DomainRuleException($"This can only be done while the verification is “{Describe(expected)}”; it is “{Describe(State)}”.");
        }
    }

    public static string Describe(VerificationState state) => state switch
    {
        VerificationState.Pending => "Pending",
        VerificationState.Completed => "Completed",
        VerificationState.NeedsManual => "Needs phone VOB",
        VerificationState.AwaitingApproval => "Awaiting approval",
        VerificationState.Failed => "Failed",
        _ => state.ToString(),
    };
}
