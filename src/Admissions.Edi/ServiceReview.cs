namespace Admissions.Edi;

/// <summary>
/// A 278 request for review (005010X217), admission review by default: UMO (NM1*X3), requester
/// (NM1*FA), subscriber (and dependent), and one patient event (2000E) with TRN*1, UM, DTP*435,
/// HI (first code ABK principal, the rest ABF) and HSD.
/// </summary>
/// <remarks>
/// Segments X12 lets a request leave out have "absent" values that read and write symmetrically:
/// no TRN*1 is an empty <see cref="TraceNumber"/> and <see cref="TraceOriginator"/>, no DTP*435 is
/// an <see cref="AdmissionDate"/> of <see cref="DateOnly.MinValue"/>, no HSD is an empty
/// <see cref="QuantityQualifier"/> with a <see cref="Quantity"/> of 0, no UM04 an empty
/// <see cref="FacilityCode"/>.
/// </remarks>
public sealed record ServiceReviewRequest(
    string ControlNumber,
    string Reference,
    Party ReviewOrganization,
    Party Requester,
    RequestedMember Subscriber,
    RequestedMember? Dependent,
    string TraceNumber,
    string TraceOriginator,
    string RequestCategory,
    string CertificationType,
    string ServiceType,
    string FacilityCode,
    DateOnly AdmissionDate,
    IReadOnlyList<string> Diagnoses,
    string QuantityQualifier,
    decimal Quantity) : X12Transaction("278", ControlNumber, Reference)
{
    /// <summary>
    /// A 278 inquiry (005010X215) asks the status of a review already requested instead of requesting it again:
    /// the same loops, written under the X215 implementation guide.
    /// </summary>
    public bool Inquiry { get; init; }

    /// <summary>REF*BB in 2000E: the payer's authorization or reference number for the review, when it gave one.</summary>
    public string? ReviewReference { get; init; }
}

/// <summary>A 278 response: the UMO's decisions on each patient event and service.</summary>
public sealed record ServiceReviewResponse(
    string ControlNumber,
    string? Reference,
    ResponseParty ReviewOrganization,
    ResponseParty Requester,
    ReviewedMember? Subscriber,
    ReviewedMember? Dependent,
    IReadOnlyList<ServiceReviewDecision> Decisions) : X12Transaction("278", ControlNumber, Reference);

/// <summary>A subscriber or dependent as a 278 response names them, with their AAA errors.</summary>
public sealed record ReviewedMember(
    string? MemberId,
    string? LastName,
    string? FirstName,
    DateOnly? BirthDate,
    IReadOnlyList<RequestError> Errors);

/// <summary>
/// The decision in one 2000E (Level "EV") or 2000F (Level "SS") loop: HCR01 action code,
/// HCR02 certification number, HCR03 reason; DTP*AAH certified dates (D8 the begin date, RD8
/// both); HSD certified quantity; UM03 service type; TRN*2 the requester's trace numbers.
/// </summary>
public sealed record ServiceReviewDecision(
    string Level,
    IReadOnlyList<string> TraceNumbers,
    string? ActionCode,
    string? CertificationNumber,
    string? ReasonCode,
    DateOnly? CertifiedBegin,
    DateOnly? CertifiedEnd,
    string? QuantityQualifier,
    decimal? Quantity,
    string? ServiceType,
    IReadOnlyList<RequestError> Errors)
{
    /// <summary>UM01 request category (AR admission review, HS health services review, SC referral…).</summary>
    public string? RequestCategory { get; init; }

    /// <summary>UM02 certification type (I initial, R renewal, S revised…).</summary>
    /// <remarks>
    /// UM01 and UM02 are mandatory in X12: without them the writer sends AR (EV) or HS (SS) and I.
    /// </remarks>
    public string? CertificationType { get; init; }
}
