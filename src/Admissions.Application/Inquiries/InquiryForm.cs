using Admissions.Application.Common;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using FluentValidation;
using Riok.Mapperly.Abstractions;

namespace Admissions.Application.Inquiries;

/// <summary>The intake form as a coordinator fills it in (and as the public API receives it).</summary>
public sealed class InquiryForm
{
    public string CallerName { get; set; } = "";
    public string? CallerPhone { get; set; }
    public string? CallerEmail { get; set; }
    public string? CallerState { get; set; }
    public CallerRelationship CallerRelationship { get; set; } = CallerRelationship.Self;

    public string PatientFirstName { get; set; } = "";
    public string PatientLastName { get; set; } = "";
    public DateOnly? PatientDateOfBirth { get; set; }
    public Sex PatientSex { get; set; } = Sex.Unknown;
    public string? PatientPhone { get; set; }
    public string? PatientState { get; set; }

    public InquirySource Source { get; set; } = InquirySource.Phone;
    public string? ReferralSource { get; set; }

    /// <summary>The referral organisation the inquiry is attributed to (the referral reports count by it).</summary>
    public Guid? ReferralOrganisationId { get; set; }

    /// <summary>The facility the inquiry belongs to; chosen at intake (none: the coordinator's facility), changed afterwards by its own command.</summary>
    public Guid? FacilityId { get; set; }

    public SubstanceConcerns Substances { get; set; }
    public MentalHealthConcerns MentalHealthConcerns { get; set; }
    public Urgency Urgency { get; set; } = Urgency.Routine;
    public string? Notes { get; set; }

    public bool IsDualDiagnosis => Substances != SubstanceConcerns.None && MentalHealthConcerns != MentalHealthConcerns.None;

    /// <summary>
    /// After a save conflict: the fields this person changed keep their typing, the fields they left
    /// alone take what the other editor saved, so saving again overwrites nothing by accident.
    /// </summary>
    public static InquiryForm Rebase(InquiryForm mine, InquiryForm original, InquiryForm saved)
    {
        var rebased = new InquiryForm();
        foreach (var property in typeof(InquiryForm).GetProperties().Where(p => p.CanWrite))
        {
            var untouched = Equals(property.GetValue(mine), property.GetValue(original));
            property.SetValue(rebased, property.GetValue(untouched ? saved : mine));
        }

        return rebased;
    }
}

public sealed class InquiryFormValidator : AbstractValidator<InquiryForm>
{
    public const int OldestPlausibleAge = 110;

    public InquiryFormValidator(IFacilityCalendar calendar)
    {
        RuleFor(f => f.CallerName).NotEmpty().WithMessage("Enter the caller's name.")
            .MaximumLength(100).WithMessage(f => TooLong("The caller's name", f.CallerName, 100))
            .PlainLine();
        RuleFor(f => f.CallerPhone).Must(BeAPhoneNumber).When(f => !string.IsNullOrWhiteSpace(f.CallerPhone))
            .WithMessage("Enter a 10-digit US phone number, e.g. (555) 201-4477.");
        RuleFor(f => f.PatientPhone).Must(BeAPhoneNumber).When(f => !string.IsNullOrWhiteSpace(f.PatientPhone))
            .WithMessage("Enter a 10-digit US phone number, e.g. (555) 201-4477.");
        RuleFor(f => f.CallerEmail).EmailAddress().When(f => !string.IsNullOrWhiteSpace(f.CallerEmail))
            .WithMessage("Enter an email address like name@example.com.")
            .MaximumLength(200);
        RuleFor(f => f.CallerPhone)
            .Must((form, _) => HasAWayToReach(form))
            .WithMessage("Give at least one way to reach someone: a caller phone, a patient phone or an email.");

        RuleFor(f => f.PatientFirstName).NotEmpty().WithMessage("Enter the prospective patient's first name.")
            .MaximumLength(100).WithMessage(f => TooLong("The first name", f.PatientFirstName, 100))
            .PlainLine();
        RuleFor(f => f.PatientLastName).MaximumLength(100).WithMessage(f => TooLong("The last name", f.PatientLastName, 100)).PlainLine();
        RuleFor(f => f.PatientDateOfBirth)
            .Must(dob => dob <= calendar.Organisation.Today).When(f => f.PatientDateOfBirth is not null)
            .WithMessage("Date of birth cannot be in the future.")
            .Must(dob => dob > calendar.Organisation.Today.AddYears(-OldestPlausibleAge)).When(f => f.PatientDateOfBirth is not null)
            .WithMessage($"Check the date of birth: that would make the patient older than {OldestPlausibleAge}.");
        RuleFor(f => f.PatientState).Must(s => UsStates.TryParse(s, out _)).When(f => !string.IsNullOrWhiteSpace(f.PatientState))
            .WithMessage("Choose a US state: type its name or code (Florida or FL).");
        RuleFor(f => f.CallerState).Must(s => UsStates.TryParse(s, out _)).When(f => !string.IsNullOrWhiteSpace(f.CallerState))
            .WithMessage("Choose a US state: type its name or code (Florida or FL).");

        RuleFor(f => f.ReferralSource).NotEmpty().When(f => f.Source == InquirySource.Referral && f.ReferralOrganisationId is null)
            .WithMessage("Name who referred this person, or choose the referring organisation.");
        RuleFor(f => f.ReferralSource).MaximumLength(200).WithMessage(f => TooLong("The referral source", f.ReferralSource, 200)).PlainLine();
        RuleFor(f => f.Notes).MaximumLength(4000).WithMessage(f => TooLong("Notes", f.Notes, 4000))
            .PlainText();
        RuleFor(f => f.CallerRelationship).IsInEnum();
        RuleFor(f => f.PatientSex).IsInEnum();
        RuleFor(f => f.Source).IsInEnum();
        RuleFor(f => f.Urgency).IsInEnum();
        RuleFor(f => f.Substances).IsInEnum().WithMessage("Choose substances from the list.");
        RuleFor(f => f.MentalHealthConcerns).IsInEnum().WithMessage("Choose mental-health concerns from the list.");
    }

    /// <summary>Says how far over: pasted text is never cut silently, so the person needs to know how much to remove.</summary>
    private static string TooLong(string what, string? text, int limit) =>
        $"{what} is limited to {limit:N0} characters; this is {text?.Length ?? 0:N0} ({(text?.Length ?? 0) - limit:N0} over).";

    private static bool BeAPhoneNumber(string? value) => PhoneNumber.TryNormalize(value, out _);

    private static bool HasAWayToReach(InquiryForm form) =>
        PhoneNumber.TryNormalize(form.CallerPhone, out _)
        || PhoneNumber.TryNormalize(form.PatientPhone, out _)
        || !string.IsNullOrWhiteSpace(form.CallerEmail);
}

[Mapper]
public static partial class InquiryFormMapper
{
    [MapperIgnoreSource(nameof(InquiryForm.IsDualDiagnosis))]
    [MapperIgnoreSource(nameof(InquiryForm.ReferralOrganisationId))]
    [MapperIgnoreSource(nameof(InquiryForm.FacilityId))]
    private static partial InquiryDetails MapToDetails(InquiryForm form);

    [MapperIgnoreSource(nameof(InquiryDetails.IsDualDiagnosis))]
    [MapperIgnoreTarget(nameof(InquiryForm.ReferralOrganisationId))]
    [MapperIgnoreTarget(nameof(InquiryForm.FacilityId))]
    private static partial InquiryForm MapToForm(InquiryDetails details);

    public static InquiryForm ToForm(this InquiryDetails details) => MapToForm(details);

    /// <summary>The form as the inquiry stands, including what lives outside its details.</summary>
    public static InquiryForm ToForm(this Inquiry inquiry)
    {
        var form = MapToForm(inquiry.Details);
        form.ReferralOrganisationId = inquiry.ReferralOrganisationId;
        form.FacilityId = inquiry.FacilityId;
        return form;
    }

    /// <summary>A tidied copy, for keeping what was opened apart from what is being edited.</summary>
    public static InquiryForm Copy(this InquiryForm form)
    {
        var copy = MapToForm(form.ToDetails());
        copy.ReferralOrganisationId = form.ReferralOrganisationId;
        copy.FacilityId = form.FacilityId;
        return copy;
    }

    /// <summary>The names of the fields that differ, as a person would call them.</summary>
    public static IReadOnlyList<string> ChangedFields(InquiryForm before, InquiryForm after) =>
        [.. InquiryDetails.ChangedFields(before.ToDetails(), after.ToDetails()),
            .. before.ReferralOrganisationId == after.ReferralOrganisationId ? Array.Empty<string>() : ["Referral organisation"]];

    /// <summary>Trims what people type and stores phones in one readable format.</summary>
    public static InquiryDetails ToDetails(this InquiryForm form)
    {
        var details = MapToDetails(form);
        return details with
        {
            CallerName = details.CallerName.Trim(),
            CallerPhone = Tidy(details.CallerPhone, formatPhone: true),
            CallerEmail = Tidy(details.CallerEmail)?.ToLowerInvariant(),
            PatientFirstName = details.PatientFirstName.Trim(),
            PatientLastName = details.PatientLastName.Trim(),
            PatientPhone = Tidy(details.PatientPhone, formatPhone: true),
            PatientState = State(details.PatientState),
            // The patient calling for themselves is where the patient is.
            CallerState = details.CallerRelationship == CallerRelationship.Self ? null : State(details.CallerState),
            ReferralSource = Tidy(details.ReferralSource),
            Notes = Tidy(details.Notes),
        };

        // A local function: a string-to-string method on the mapper would become Mapperly's mapping for every string.
        static string? State(string? typed) => UsStates.TryParse(typed, out var code) ? code : Tidy(typed)?.ToUpperInvariant();
    }

    private static string? Tidy(string? value, bool formatPhone = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return formatPhone && PhoneNumber.TryNormalize(value, out var digits) ? PhoneNumber.Format(digits) : value.Trim();
    }
}
