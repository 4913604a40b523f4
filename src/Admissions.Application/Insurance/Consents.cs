using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Admissions.Application.Insurance;

/// <summary>What the consent form captures; the patient signs by typing their full name.</summary>
public sealed class ConsentForm
{
    public List<Guid> RecipientPayerIds { get; set; } = [];
    public DisclosurePurpose Purposes { get; set; } = DisclosurePurpose.Payment;
    public string Information { get; set; } = ConsentDefaults.Information;
    public DateOnly? ExpiresOn { get; set; }
    public string? ExpiryEvent { get; set; }
    public string? SignedName { get; set; }
    public bool PatientConfirmed { get; set; }
}

public static class ConsentDefaults
{
    public const string Information =
        "Name, date of birth, sex, insurance identifiers, dates of service, the level of care requested, and diagnoses needed to verify benefits and obtain authorization";

    /// <summary>The notice every Part 2 disclosure carries (42 CFR 2.32).</summary>
    public const string RedisclosureNotice =
        "This record which has been disclosed to you is protected by federal confidentiality rules (42 CFR part 2). " +
        "These rules prohibit you from using or disclosing this record, or testimony that describes the information contained in this record, " +
        "in any civil, criminal, administrative, or legislative proceedings by any Federal, State, or local authority, against the patient, " +
        "unless authorized by the consent of the patient, except as provided at 42 CFR 2.12(c)(5) or as authorized by a court in accordance with " +
        "42 CFR 2.64 or 2.65. In addition, the Federal rules prohibit you from making any other use or disclosure of this record unless at least one " +
        "of the following applies: further use or disclosure is expressly permitted by the written consent of the individual whose information is " +
        "being disclosed in this record or as otherwise permitted by 42 CFR part 2; you are a covered entity or business associate and have received " +
        "the record for treatment, payment, or health care operations; or you have received the record from an individual or entity that is a " +
        "covered entity or business associate and the record was disclosed for treatment, payment, or health care operations.";
}

[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.UtilizationReview)]
public sealed record CaptureConsent(Guid InquiryId, ConsentForm Form) : ICommand<Guid>;

public sealed class ConsentFormValidator : AbstractValidator<ConsentForm>
{
    public ConsentFormValidator(IFacilityCalendar calendar)
    {
        RuleFor(f => f.RecipientPayerIds).NotEmpty().WithMessage("Choose at least one payer the patient agrees we may disclose to.");
        RuleFor(f => f.Purposes).Must(p => p != DisclosurePurpose.None && p <= (DisclosurePurpose.Payment | DisclosurePurpose.Treatment | DisclosurePurpose.HealthCareOperations))
            .WithMessage("Choose at least one purpose.");
        RuleFor(f => f.Information).NotEmpty().WithMessage("Describe what information may be disclosed.").MaximumLength(1000);
        RuleFor(f => f.ExpiresOn).NotNull().When(f => string.IsNullOrWhiteSpace(f.ExpiryEvent))
            .WithMessage("Give an expiry date or the event that ends the consent.");
        RuleFor(f => f.ExpiresOn).Must(d => d is null || d.Value >= calendar.Organisation.Today)
            .WithMessage("The expiry date cannot be in the past.");
        RuleFor(f => f.ExpiryEvent).MaximumLength(200);
        RuleFor(f => f.SignedName).NotEmpty().WithMessage("The patient signs by typing their full name.").MaximumLength(202);
        RuleFor(f => f.PatientConfirmed).Equal(true).WithMessage("Confirm the patient read (or was read) the consent and signed it.");
    }
}

public sealed class CaptureConsentValidator : AbstractValidator<CaptureConsent>
{
    public CaptureConsentValidator(IFacilityCalendar calendar) => RuleFor(c => c.Form).NotNull().SetValidator(new ConsentFormValidator(calendar));
}

public sealed class CaptureConsentHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock, IOptions<InsuranceOptions> options)
    : ICommandHandler<CaptureConsent, Guid>
{
    public async ValueTask<Guid> Handle(CaptureConsent command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var inquiry = await InquiryChanges.LoadAsync(db, command.InquiryId, cancellationToken);
        var form = command.Form;
        var recipients = await db.Payers.Where(p => form.RecipientPayerIds.Contains(p.Id)).OrderBy(p => p.Name).ToListAsync(cancellationToken);
        if (recipients.Count != form.RecipientPayerIds.Distinct().Count())
        {
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                [nameof(ConsentForm.RecipientPayerIds)] = ["Choose recipients from the payer directory."],
            });
        }

        var patientName = $"{inquiry.Details.PatientFirstName} {inquiry.Details.PatientLastName}".Trim();
        var now = clock.GetUtcNow();
        var consent = new Part2Consent
        {
            InquiryId = inquiry.Id,
            PatientName = patientName,
            DisclosingProgram = options.Value.DisclosingProgram,
            RecipientPayerIds = recipients.Select(p => p.Id).ToList(),
            RecipientNames = string.Join(", ", recipients.Select(p => p.Name)),
            Purposes = form.Purposes,
            Information = form.Information.Trim(),
            ExpiresOn = form.ExpiresOn,
            ExpiryEvent = string.IsNullOrWhiteSpace(form.ExpiryEvent) ? null : form.ExpiryEvent.Trim(),
            SignedName = form.SignedName!.Trim(),
            SignedAt = now,
            CapturedById = user.Id,
            CapturedByName = user.Name,
        };
        db.Part2Consents.Add(consent);
        inquiry.Record(ActivityKind.Consent, $"Part 2 consent signed for disclosure to {consent.RecipientNames}", user.Actor(), now);
        await db.SaveChangesAsync(cancellationToken);
        return consent.Id;
    }
}

[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.UtilizationReview)]
public sealed record RevokeConsent(Guid InquiryId, Guid ConsentId, string? Note) : ICommand<Unit>;

public sealed class RevokeConsentValidator : AbstractValidator<RevokeConsent>
{
    public RevokeConsentValidator() => RuleFor(c => c.Note).MaximumLength(1000);
}

public sealed class RevokeConsentHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RevokeConsent, Unit>
{
    public async ValueTask<Unit> Handle(RevokeConsent command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var inquiry = await InquiryChanges.LoadAsync(db, command.InquiryId, cancellationToken);
        var consent = await db.Part2Consents.FirstOrDefaultAsync(c => c.Id == command.ConsentId && c.InquiryId == command.InquiryId, cancellationToken)
            ?? throw new NotFoundException("The consent");
        var now = clock.GetUtcNow();
        consent.Revoke(command.Note, user.Actor(), now);
        inquiry.Record(ActivityKind.Consent, "Part 2 consent revoked", user.Actor(), now, command.Note);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

public sealed record DisclosureItem(DateTimeOffset DisclosedAt, string DisclosedByName, string Recipient, DisclosurePurpose Purpose,
    string Information, string Channel, string? Reference, DateTimeOffset ConsentSignedAt);

public sealed record DisclosureLedger(Guid InquiryId, string InquiryNumber, string PatientName, DateOnly? PatientDateOfBirth,
    string DisclosingProgram, IReadOnlyList<DisclosureItem> Disclosures);

/// <summary>The accounting of disclosures a patient may ask for; printing it is itself recorded.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.UtilizationReview)]
public sealed record GetDisclosureLedger(Guid InquiryId) : IQuery<DisclosureLedger>, IAuditedRead
{
    public string AuditEntityType => nameof(Disclosure);
    public string AuditEntityId => InquiryId.ToString();
}

public sealed class GetDisclosureLedgerHandler(IAdmissionsDbContextFactory dbFactory, IOptions<InsuranceOptions> options)
    : IQueryHandler<GetDisclosureLedger, DisclosureLedger>
{
    public async ValueTask<DisclosureLedger> Handle(GetDisclosureLedger query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var inquiry = await db.Inquiries.AsNoTracking().Where(i => i.Id == query.InquiryId)
            .Select(i => new { i.Id, i.Number, i.Details.PatientFirstName, i.Details.PatientLastName, i.Details.PatientDateOfBirth })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("The inquiry");
        var disclosures = await (
                from d in db.Disclosures.AsNoTracking()
                join c in db.Part2Consents.AsNoTracking() on d.ConsentId equals c.Id
                where d.InquiryId == query.InquiryId
                orderby d.DisclosedAt
                select new DisclosureItem(d.DisclosedAt, d.DisclosedByName, d.Recipient, d.Purpose, d.Information, d.Channel, d.Reference, c.SignedAt))
            .ToListAsync(cancellationToken);
        return new DisclosureLedger(inquiry.Id, inquiry.Number, $"{inquiry.PatientFirstName} {inquiry.PatientLastName}".Trim(),
            inquiry.PatientDateOfBirth, options.Value.DisclosingProgram, disclosures);
    }
}
