namespace Admissions.Edi;

/// <summary>
/// A 270 eligibility inquiry (005010X279A1). The trace number goes in TRN*1 of the patient's
/// loop (the dependent's when there is one) and comes back as TRN*2 in the 271.
/// One EQ per service type code unless <see cref="CombineServiceTypes"/> is set.
/// </summary>
/// <remarks>
/// Segments X12 lets a 270 leave out have "absent" values that read and write symmetrically:
/// no TRN*1 is an empty <see cref="TraceNumber"/> and <see cref="TraceOriginator"/>, no DTP*291
/// is a <see cref="ServiceDate"/> of <see cref="DateOnly.MinValue"/>. A 270 read back has
/// <see cref="CombineServiceTypes"/> set when an EQ carries more than one code.
/// </remarks>
public sealed record EligibilityRequest(
    string ControlNumber,
    string Reference,
    Party Payer,
    Party Provider,
    RequestedMember Subscriber,
    RequestedMember? Dependent,
    string TraceNumber,
    string TraceOriginator,
    DateOnly ServiceDate,
    IReadOnlyList<string> ServiceTypes,
    bool CombineServiceTypes = false) : X12Transaction("270", ControlNumber, Reference);

/// <summary>A 271 eligibility response.</summary>
public sealed record EligibilityResponse(
    string ControlNumber,
    string? Reference,
    ResponseParty Payer,
    ResponseParty Receiver,
    IReadOnlyList<SubscriberResult> Subscribers) : X12Transaction("271", ControlNumber, Reference);

/// <summary>
/// A member loop of a 271 (2000C or 2000D with their 2100/2110/2120 loops). Trace numbers are the
/// inquirer's (TRN*2); the dates are the 2100 loop's (DTP before the first EB), a D8 date setting
/// the begin date and an RD8 range both. AAA errors anywhere in the loop are the member's.
/// </summary>
public record MemberResult(
    IReadOnlyList<string> TraceNumbers,
    string? MemberId,
    string? LastName,
    string? FirstName,
    DateOnly? BirthDate,
    string? Gender,
    DateOnly? PlanBegin,
    DateOnly? PlanEnd,
    DateOnly? EligibilityBegin,
    DateOnly? EligibilityEnd,
    IReadOnlyList<RequestError> Errors,
    IReadOnlyList<Benefit> Benefits);

/// <summary>A subscriber loop (2000C) and the dependents under it (2000D).</summary>
public sealed record SubscriberResult(
    IReadOnlyList<string> TraceNumbers,
    string? MemberId,
    string? LastName,
    string? FirstName,
    DateOnly? BirthDate,
    string? Gender,
    DateOnly? PlanBegin,
    DateOnly? PlanEnd,
    DateOnly? EligibilityBegin,
    DateOnly? EligibilityEnd,
    IReadOnlyList<RequestError> Errors,
    IReadOnlyList<Benefit> Benefits,
    IReadOnlyList<MemberResult> Dependents)
    : MemberResult(TraceNumbers, MemberId, LastName, FirstName, BirthDate, Gender, PlanBegin, PlanEnd,
        EligibilityBegin, EligibilityEnd, Errors, Benefits);

/// <summary>One EB segment (EB01–EB12) with its MSG lines and 2120 related entities.</summary>
public sealed record Benefit(
    string Code,
    string? CoverageLevel,
    IReadOnlyList<string> ServiceTypes,
    string? InsuranceType,
    string? PlanDescription,
    string? TimePeriod,
    decimal? Amount,
    decimal? Percent,
    string? QuantityQualifier,
    decimal? Quantity,
    string? AuthorizationRequired,
    string? InNetwork,
    IReadOnlyList<string> Messages,
    IReadOnlyList<BenefitEntity> Entities);

/// <summary>A 2120 related entity: NM101 entity code, NM103 name, NM109 id, first PER TE number.</summary>
public sealed record BenefitEntity(string EntityCode, string? Name, string? Id, string? Phone);
