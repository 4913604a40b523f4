using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Messaging;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Admissions.Application.Insurance;

public enum ConsentSigning
{
    /// <summary>A signing link by text (through the outbox); the patient signs on the page.</summary>
    LinkByText,

    /// <summary>A signing link by email (through the outbox); the patient signs on the page.</summary>
    LinkByEmail,

    /// <summary>Verbal consent taken by staff: only for records Part 2 does not cover (a mental-health-only inquiry).</summary>
    Verbal,
}

/// <summary>A person the patient names as a recipient on the consent form.</summary>
public sealed class NamedPersonForm
{
    public string? Name { get; set; }
    public string? Relationship { get; set; }
    public string? Phone { get; set; }
}

/// <summary>
/// What the consent form prepares: the kind (named recipients, or the single TPO consent), recipients, purposes, information,
/// expiry, and how the patient signs. Staff never sign for the patient: a link goes to the patient, who signs on the signing page;
/// where the rule allows it, verbal consent is recorded as taken by the staff member.
/// </summary>
public sealed class ConsentForm
{
    public ConsentKind Kind { get; set; } = ConsentKind.NamedRecipients;
    public List<Guid> RecipientPayerIds { get; set; } = [];
    public List<Guid> RecipientPartnerIds { get; set; } = [];
    public List<NamedPersonForm> RecipientPeople { get; set; } = [];
    public RecipientClass RecipientClasses { get; set; }
    public DisclosurePurpose Purposes { get; set; } = DisclosurePurpose.Payment;
    public string Information { get; set; } = ConsentDefaults.Information;
    public DateOnly? ExpiresOn { get; set; }
    public string? ExpiryEvent { get; set; }
    public ConsentSigning Signing { get; set; } = ConsentSigning.LinkByText;

    /// <summary>The patient's mobile number or email for the signing link.</summary>
    public string? SendTo { get; set; }

    /// <summary>Verbal consent: the patient's name as they gave it.</summary>
    public string? SignedName { get; set; }

    /// <summary>Verbal consent: the patient heard the consent and agreed.</summary>
    public bool PatientConfirmed { get; set; }

    public bool HasRecipients =>
        RecipientPayerIds.Count > 0 || RecipientPartnerIds.Count > 0 || RecipientPeople.Count > 0 || RecipientClasses != RecipientClass.None;
}

public static class ConsentDefaults
{
    public const string Information =
        "Name, date of birth, sex, insurance identifiers, dates of service, the level of care requested, and diagnoses needed to verify benefits and obtain authorization";

    /// <summary>What a single TPO consent says of its recipients: the rule's own example (42 CFR 2.31(a)(4)(i)).</summary>
    public const string TpoRecipients = "my treating providers, health plans, third-party payers, and people helping to operate this program";

    /// <summary>"End of the treatment" is a sufficient expiration for a TPO consent (42 CFR 2.31(a)(7)).</summary>
    public const string TpoExpiryEvent = "End of treatment";

    /// <summary>The statements a TPO consent must carry (42 CFR 2.31(a)(4)(iii), (a)(11)(i)–(ii)).</summary>
    public const string TpoStatements =
        "My records may be redisclosed in accordance with the permissions in the HIPAA regulations, except for uses and disclosures for civil, " +
        "criminal, administrative and legislative proceedings against me. Once disclosed, they may be redisclosed by the recipient and no " +
        "longer be protected by 42 CFR part 2. If I refuse to sign, my treatment will not be conditioned on it, but the program may be unable " +
        "to verify my benefits, obtain authorization or coordinate care with my other providers on my behalf.";

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

/// <summary>
/// Prepares a Part 2 consent and has the patient sign it: a signing link goes by text or email through the outbox (the consent is
/// active once the patient signs on the page), or — only where the rule allows — verbal consent is recorded as taken by the staff member.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.UtilizationReview)]
public sealed record CaptureConsent(Guid InquiryId, ConsentForm Form) : ICommand<Guid>;

public sealed class ConsentFormValidator : AbstractValidator<ConsentForm>
{
    private const DisclosurePurpose Tpo = DisclosurePurpose.Treatment | DisclosurePurpose.Payment | DisclosurePurpose.HealthCareOperations;

    public ConsentFormValidator(IFacilityCalendar calendar)
    {
        RuleFor(f => f.Kind).IsInEnum();
        RuleFor(f => f.RecipientPayerIds).Must((f, _) => f.HasRecipients)
            .WithMessage("Name at least one recipient: a payer, a partner, a person, or (single TPO consent) a class of recipients.");
        // 42 CFR 2.31(a)(4)(i): describing recipients by class is allowed for the single TPO consent only.
        RuleFor(f => f.RecipientClasses).Equal(RecipientClass.None).When(f => f.Kind != ConsentKind.SingleTpo)
            .WithMessage("Recipients by class are allowed only in the single consent for treatment, payment and health care operations.");
        RuleFor(f => f.Purposes).Must(p => p != DisclosurePurpose.None && p <= (Tpo | DisclosurePurpose.PatientRequest))
            .WithMessage("Choose at least one purpose.");
        RuleFor(f => f.Purposes).Equal(Tpo).When(f => f.Kind == ConsentKind.SingleTpo)
            .WithMessage("The single TPO consent covers treatment, payment and health care operations, all three.");
        RuleForEach(f => f.RecipientPeople).ChildRules(person =>
        {
            person.RuleFor(p => p.Name).NotEmpty().WithMessage("Give the person's full name.").MaximumLength(120);
            person.RuleFor(p => p.Relationship).MaximumLength(60);
            person.RuleFor(p => p.Phone).Must(p => string.IsNullOrWhiteSpace(p) || PhoneNumber.Normalize(p) is not null)
                .WithMessage("Enter a 10-digit US phone number.");
        });
        RuleFor(f => f.Information).NotEmpty().WithMessage("Describe what information may be disclosed.").MaximumLength(1000);
        RuleFor(f => f.ExpiresOn).NotNull().When(f => string.IsNullOrWhiteSpace(f.ExpiryEvent))
            .WithMessage("Give an expiry date or the event that ends the consent.");
        RuleFor(f => f.ExpiresOn).Must(d => d is null || d.Value >= calendar.Organisation.Today)
            .WithMessage("The expiry date cannot be in the past.");
        RuleFor(f => f.ExpiryEvent).MaximumLength(200);
        RuleFor(f => f.Signing).IsInEnum();
        RuleFor(f => f.SendTo).Must(to => MessagingAddress.Normalize(MessageChannel.Sms, to) is not null).When(f => f.Signing == ConsentSigning.LinkByText)
            .WithMessage("Enter the patient's 10-digit mobile number for the signing link.");
        RuleFor(f => f.SendTo).Must(to => MessagingAddress.Normalize(MessageChannel.Email, to) is not null).When(f => f.Signing == ConsentSigning.LinkByEmail)
            .WithMessage("Enter the patient's email address for the signing link.");
        RuleFor(f => f.SignedName).NotEmpty().When(f => f.Signing == ConsentSigning.Verbal)
            .WithMessage("Enter the patient's name as they gave it.").MaximumLength(202);
        RuleFor(f => f.PatientConfirmed).Equal(true).When(f => f.Signing == ConsentSigning.Verbal)
            .WithMessage("Confirm the patient heard the consent and agreed to it.");
    }
}

public sealed class CaptureConsentValidator : AbstractValidator<CaptureConsent>
{
    public CaptureConsentValidator(IFacilityCalendar calendar) => RuleFor(c => c.Form).NotNull().SetValidator(new ConsentFormValidator(calendar));
}

public sealed class CaptureConsentHandler(
    IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock, IOptions<InsuranceOptions> options, ConsentSigningLinks links)
    : ICommandHandler<CaptureConsent, Guid>
{
    public async ValueTask<Guid> Handle(CaptureConsent command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var inquiry = await InquiryChanges.LoadAsync(db, command.InquiryId, cancellationToken);
        var form = command.Form;
        var payers = await db.Payers.Where(p => form.RecipientPayerIds.Contains(p.Id)).OrderBy(p => p.Name).ToListAsync(cancellationToken);
        if (payers.Count != form.RecipientPayerIds.Distinct().Count())
        {
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                [nameof(ConsentForm.RecipientPayerIds)] = ["Choose recipients from the payer directory."],
            });
        }

        var partners = await db.PartnerFacilities.Where(p => form.RecipientPartnerIds.Contains(p.Id)).OrderBy(p => p.Name).ToListAsync(cancellationToken);
        if (partners.Count != form.RecipientPartnerIds.Distinct().Count())
        {
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                [nameof(ConsentForm.RecipientPartnerIds)] = ["Choose partners from the partner directory."],
            });
        }

        var now = clock.GetUtcNow();
        var actor = user.Actor();
        if (form.Signing == ConsentSigning.Verbal && await Disclosures.IsPart2RecordAsync(db, inquiry, cancellationToken))
        {
            // 42 CFR 2.31(a): consent to disclose Part 2 records is written (paper or electronic) and signed by the patient.
            throw new DomainRuleException(
                "Part 2 records need the patient's own written signature (42 CFR 2.31): send a signing link. Verbal consent is only for mental-health-only inquiries.");
        }

        var people = form.RecipientPeople.Select(p => new NamedPerson(p.Name!.Trim(), Clean(p.Relationship), PhoneNumber.Normalize(p.Phone))).ToList();
        var names = payers.Select(p => p.Name).Concat(partners.Select(p => p.Name)).Concat(people.Select(p => p.Describe())).ToList();
        if (form.Kind == ConsentKind.SingleTpo && form.RecipientClasses != RecipientClass.None)
        {
            names.Insert(0, Classes(form.RecipientClasses));
        }

        var consent = new Part2Consent
        {
            InquiryId = inquiry.Id,
            Kind = form.Kind,
            PatientName = $"{inquiry.Details.PatientFirstName} {inquiry.Details.PatientLastName}".Trim(),
            DisclosingProgram = options.Value.DisclosingProgram,
            RecipientPayerIds = payers.Select(p => p.Id).ToList(),
            RecipientPartnerIds = partners.Select(p => p.Id).ToList(),
            RecipientPeople = people,
            RecipientClasses = form.Kind == ConsentKind.SingleTpo ? form.RecipientClasses : RecipientClass.None,
            RecipientNames = string.Join(", ", names),
            Purposes = form.Purposes,
            Information = form.Information.Trim(),
            ExpiresOn = form.ExpiresOn,
            ExpiryEvent = Clean(form.ExpiryEvent),
            CapturedById = actor.Id,
            CapturedByName = actor.Name,
            PreparedAt = now,
        };
        db.Part2Consents.Add(consent);
        var what = consent.Kind == ConsentKind.SingleTpo ? "Single Part 2 consent for treatment, payment and operations" : "Part 2 consent";
        if (form.Signing == ConsentSigning.Verbal)
        {
            consent.TakeVerbally(form.SignedName!, actor, now);
            inquiry.Record(ActivityKind.Consent, $"{what}: verbal consent taken by {actor.Name} for disclosure to {consent.RecipientNames}", actor, now);
        }
        else
        {
            var sent = await links.SendAsync(db, inquiry, consent, form.Signing, form.SendTo!, actor, now, cancellationToken);
            inquiry.Record(ActivityKind.Consent, $"{what} prepared for disclosure to {consent.RecipientNames}; {sent}", actor, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        links.DispatchSoon();
        return consent.Id;
    }

    public static string Classes(RecipientClass classes) => string.Join(", ", new[]
    {
        classes.HasFlag(RecipientClass.TreatingProviders) ? "my treating providers" : null,
        classes.HasFlag(RecipientClass.HealthPlansAndPayers) ? "health plans and third-party payers" : null,
        classes.HasFlag(RecipientClass.ProgramOperations) ? "people helping to operate this program" : null,
    }.OfType<string>());

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>Sends the patient another signing link for a consent still awaiting signature; older links stop working.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.UtilizationReview)]
public sealed record SendSigningLink(Guid InquiryId, Guid ConsentId, ConsentSigning Channel, string SendTo) : ICommand<Unit>;

public sealed class SendSigningLinkValidator : AbstractValidator<SendSigningLink>
{
    public SendSigningLinkValidator()
    {
        RuleFor(c => c.Channel).Must(c => c is ConsentSigning.LinkByText or ConsentSigning.LinkByEmail).WithMessage("Send the link by text or email.");
        RuleFor(c => c.SendTo).Must((c, to) => MessagingAddress.Normalize(c.Channel == ConsentSigning.LinkByText ? MessageChannel.Sms : MessageChannel.Email, to) is not null)
            .WithMessage(c => c.Channel == ConsentSigning.LinkByText ? "Enter the patient's 10-digit mobile number." : "Enter the patient's email address.");
    }
}

public sealed class SendSigningLinkHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock, ConsentSigningLinks links)
    : ICommandHandler<SendSigningLink, Unit>
{
    public async ValueTask<Unit> Handle(SendSigningLink command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var inquiry = await InquiryChanges.LoadAsync(db, command.InquiryId, cancellationToken);
        var consent = await db.Part2Consents.FirstOrDefaultAsync(c => c.Id == command.ConsentId && c.InquiryId == inquiry.Id, cancellationToken)
            ?? throw new NotFoundException("The consent");
        if (!consent.IsAwaitingSignature)
        {
            throw new DomainRuleException(consent.IsSigned ? "This consent is already signed." : "This consent request was withdrawn; prepare a new one.");
        }

        var now = clock.GetUtcNow();
        var actor = user.Actor();
        var sent = await links.SendAsync(db, inquiry, consent, command.Channel, command.SendTo, actor, now, cancellationToken);
        inquiry.Record(ActivityKind.Consent, $"Consent signing link sent again: {sent}", actor, now);
        await db.SaveChangesAsync(cancellationToken);
        links.DispatchSoon();
        return Unit.Value;
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
        var signed = consent.IsSigned;
        consent.Revoke(command.Note, user.Actor(), now);
        foreach (var link in await db.ConsentSigningRequests.Where(r => r.ConsentId == consent.Id && r.UsedAt == null && r.CancelledAt == null).ToListAsync(cancellationToken))
        {
            link.Cancel(now);
        }

        inquiry.Record(ActivityKind.Consent, signed ? "Part 2 consent revoked" : "Part 2 consent request withdrawn before signing", user.Actor(), now, command.Note);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>One disclosure; <paramref name="ResentAt"/> lists when the same request (same recipient and trace number) was sent again.</summary>
public sealed record DisclosureItem(DateTimeOffset DisclosedAt, string DisclosedByName, string Recipient, DisclosurePurpose Purpose,
    string Information, string Channel, string? Reference, DateTimeOffset ConsentSignedAt, IReadOnlyList<DateTimeOffset> ResentAt);

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
        var rows = await (
                from d in db.Disclosures.AsNoTracking()
                join c in db.Part2Consents.AsNoTracking() on d.ConsentId equals c.Id
                where d.InquiryId == query.InquiryId
                orderby d.DisclosedAt
                select new { d.Id, d.ResendOfId, Item = new DisclosureItem(d.DisclosedAt, d.DisclosedByName, d.Recipient, d.Purpose, d.Information, d.Channel, d.Reference, c.SignedAt!.Value, Array.Empty<DateTimeOffset>()) })
            .ToListAsync(cancellationToken);
        var resends = rows.Where(r => r.ResendOfId is not null).ToLookup(r => r.ResendOfId!.Value, r => r.Item.DisclosedAt);
        var disclosures = rows.Where(r => r.ResendOfId is null).Select(r => r.Item with { ResentAt = [.. resends[r.Id]] }).ToList();
        return new DisclosureLedger(inquiry.Id, inquiry.Number, $"{inquiry.PatientFirstName} {inquiry.PatientLastName}".Trim(),
            inquiry.PatientDateOfBirth, options.Value.DisclosingProgram, disclosures);
    }
}
