using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Admissions.Application.Inquiries;
using Admissions.Domain.Inquiries;

namespace Admissions.Web.Api;

/// <summary>
/// An inquiry as a web form or call-tracking system sends it: the public contract, kept apart from the staff
/// intake form so that what integrators see is exactly what they may send. Unknown fields are refused, so a
/// misspelt one is not silently dropped.
/// </summary>
[Description("An inquiry from a web form or a call-tracking system. Fields not listed here are refused.")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record IntakeRequest
{
    [Required]
    [Description("Who called or filled in the form (at most 100 characters; no control or text-direction characters).")]
    public string CallerName { get; init; } = "";

    [Description("A 10-digit US phone number in any format. At least one of callerPhone, patientPhone or callerEmail is required.")]
    public string? CallerPhone { get; init; }

    [Description("An email address to reach the caller.")]
    public string? CallerEmail { get; init; }

    [Description("The caller's relationship to the person who needs care.")]
    public CallerRelationship CallerRelationship { get; init; } = CallerRelationship.Self;

    [Description("The US state the caller is in, as its two-letter code, when they are not the person who needs care: texts to them follow its hours.")]
    public string? CallerState { get; init; }

    [Required]
    [Description("The first name of the person who needs care (at most 100 characters).")]
    public string PatientFirstName { get; init; } = "";

    [Description("The last name of the person who needs care (at most 100 characters).")]
    public string? PatientLastName { get; init; }

    [Description("Date of birth, yyyy-MM-dd.")]
    public DateOnly? PatientDateOfBirth { get; init; }

    public Sex PatientSex { get; init; } = Sex.Unknown;

    [Description("A 10-digit US phone number for the person who needs care.")]
    public string? PatientPhone { get; init; }

    [Description("The US state the person lives in, as its two-letter code.")]
    public string? PatientState { get; init; }

    [Description("How the inquiry reached us.")]
    public InquirySource Source { get; init; } = InquirySource.Phone;

    [Description("Who referred the person (required when source is Referral).")]
    public string? ReferralSource { get; init; }

    [Description("The substances the caller mentioned; leave out or send [] for none.")]
    public IReadOnlyList<SubstanceConcerns> Substances { get; init; } = [];

    [Description("The mental-health concerns the caller mentioned; leave out or send [] for none.")]
    public IReadOnlyList<MentalHealthConcerns> MentalHealthConcerns { get; init; } = [];

    public Urgency Urgency { get; init; } = Urgency.Routine;

    [Description("Anything else the caller said (at most 4,000 characters).")]
    public string? Notes { get; init; }

    public InquiryForm ToForm() => new()
    {
        CallerName = CallerName,
        CallerPhone = CallerPhone,
        CallerEmail = CallerEmail,
        CallerState = CallerState,
        CallerRelationship = CallerRelationship,
        PatientFirstName = PatientFirstName,
        PatientLastName = PatientLastName ?? "",
        PatientDateOfBirth = PatientDateOfBirth,
        PatientSex = PatientSex,
        PatientPhone = PatientPhone,
        PatientState = PatientState,
        Source = Source,
        ReferralSource = ReferralSource,
        Substances = Substances.Aggregate(SubstanceConcerns.None, (all, one) => all | one),
        MentalHealthConcerns = MentalHealthConcerns.Aggregate(Domain.Inquiries.MentalHealthConcerns.None, (all, one) => all | one),
        Urgency = Urgency,
        Notes = Notes,
    };
}

[Description("The inquiry that was opened (or, for a repeated Idempotency-Key, the one opened the first time).")]
public sealed record IntakeResponse(
    Guid Id,
    [property: Description("The inquiry number to quote, e.g. INQ-2026-000123.")] string Number,
    DateTimeOffset CreatedAt,
    [property: Description("Where to ask how the inquiry stands.")] string StatusUrl);
