using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Insurance;

/// <summary>Someone the coordinator might give updates to, and whether the patient's consent lets them.</summary>
public sealed record UpdateContact(string Name, string? Relationship, string? Phone, bool IsCaller, Guid? ConsentId, bool MayReceiveUpdates);

/// <summary>
/// Who may be told how the patient is doing: the people named in the patient's active consents, and the caller (often a parent
/// or partner), who may be given updates only when a consent names them. Part 2 (42 CFR 2.31) for substance use records; for
/// mental-health-only records the consent may have been verbal (45 CFR 164.510(b)).
/// </summary>
public sealed record UpdateContacts(Guid InquiryId, bool CallerIsPatient, IReadOnlyList<UpdateContact> Contacts);

[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record GetUpdateContacts(Guid InquiryId) : IQuery<UpdateContacts>;

public sealed class GetUpdateContactsHandler(IAdmissionsDbContextFactory dbFactory, IFacilityCalendar calendar) : IQueryHandler<GetUpdateContacts, UpdateContacts>
{
    public async ValueTask<UpdateContacts> Handle(GetUpdateContacts query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var inquiry = await db.Inquiries.AsNoTracking().FirstOrDefaultAsync(i => i.Id == query.InquiryId, cancellationToken)
            ?? throw new NotFoundException("The inquiry");
        var today = (await calendar.ForInquiryAsync(inquiry.Id, cancellationToken)).Today;
        var consents = await db.Part2Consents.AsNoTracking().Where(c => c.InquiryId == inquiry.Id).ToListAsync(cancellationToken);
        var active = consents.Where(c => c.IsActive(today)).OrderByDescending(c => c.SignedAt).ToList();
        var contacts = active
            .SelectMany(c => c.RecipientPeople.Select(p => (Person: p, Consent: c)))
            .GroupBy(x => PersonNames.Normalize(x.Person.Name))
            .Select(g => g.First())
            .Select(x => new UpdateContact(x.Person.Name, x.Person.Relationship, x.Person.Phone, PersonNames.Same(x.Person.Name, inquiry.Details.CallerName),
                x.Consent.Id, x.Consent.Covers(DisclosureRecipient.Person(x.Person.Name), DisclosurePurpose.PatientRequest, today)))
            .ToList();
        var callerIsPatient = inquiry.Details.CallerRelationship == CallerRelationship.Self;
        if (!callerIsPatient && !string.IsNullOrWhiteSpace(inquiry.Details.CallerName) && !contacts.Any(c => c.IsCaller))
        {
            contacts.Insert(0, new UpdateContact(inquiry.Details.CallerName, inquiry.Details.CallerRelationship.ToString(), inquiry.Details.CallerPhone,
                IsCaller: true, null, MayReceiveUpdates: false));
        }

        return new UpdateContacts(inquiry.Id, callerIsPatient, contacts);
    }
}

/// <summary>
/// The coordinator gave a named family member or friend an update: allowed only under the patient's active consent naming
/// that person, and written to the disclosure ledger like any other disclosure.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician)]
public sealed record RecordFamilyUpdate(Guid InquiryId, string PersonName, string WhatWasShared) : ICommand<Unit>;

public sealed class RecordFamilyUpdateValidator : AbstractValidator<RecordFamilyUpdate>
{
    public RecordFamilyUpdateValidator()
    {
        RuleFor(c => c.PersonName).NotEmpty().WithMessage("Say who was given the update.").MaximumLength(120);
        RuleFor(c => c.WhatWasShared).NotEmpty().WithMessage("Say what was shared.").MaximumLength(1000);
    }
}

public sealed class RecordFamilyUpdateHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock, IFacilityCalendar calendar)
    : ICommandHandler<RecordFamilyUpdate, Unit>
{
    public async ValueTask<Unit> Handle(RecordFamilyUpdate command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var inquiry = await InquiryChanges.LoadAsync(db, command.InquiryId, cancellationToken);
        var person = DisclosureRecipient.Person(command.PersonName.Trim());
        var consent = await Disclosures.ConsentForAsync(db, inquiry.Id, person, DisclosurePurpose.PatientRequest, (await calendar.ForInquiryAsync(inquiry.Id, cancellationToken)).Today, cancellationToken)
            ?? throw new Domain.Common.DomainRuleException(
                $"No active consent from the patient names {person.Name}: share nothing about the patient. Ask the patient to sign a consent naming them.");
        var now = clock.GetUtcNow();
        var named = consent.RecipientPeople.First(p => p.Is(person.Name));
        Disclosures.Record(db, inquiry.Id, consent, named.Describe(), command.WhatWasShared.Trim(), "Phone update to a person the patient named", null,
            user.Id, user.Name, now, DisclosurePurpose.PatientRequest);
        inquiry.Record(ActivityKind.Consent, $"Update given to {named.Describe()} under the patient's consent", user.Actor(), now, command.WhatWasShared.Trim());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
