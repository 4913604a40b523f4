using Admissions.Application.Common;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Referrals;

public sealed record ReferralOrganisationItem(Guid Id, string Name, string? ContactName, string? ContactPhone, bool IsActive);

/// <summary>
/// The organisations that send people in (hospitals, therapists, interventionists…), which inquiries are
/// attributed to. Not patient data. The partner directory (Placement) is the other direction: where we refer out.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview, Roles.BusinessDevelopment)]
public sealed record ListReferralOrganisations(bool IncludeInactive = false) : IQuery<IReadOnlyList<ReferralOrganisationItem>>;

public sealed class ListReferralOrganisationsHandler(IAdmissionsDbContextFactory dbFactory)
    : IQueryHandler<ListReferralOrganisations, IReadOnlyList<ReferralOrganisationItem>>
{
    public async ValueTask<IReadOnlyList<ReferralOrganisationItem>> Handle(ListReferralOrganisations query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var organisations = await db.ReferralOrganisations.AsNoTracking().Where(o => query.IncludeInactive || o.IsActive).ToListAsync(cancellationToken);
        return [.. organisations.OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase)
            .Select(o => new ReferralOrganisationItem(o.Id, o.Name, o.ContactName, o.ContactPhone, o.IsActive))];
    }
}

public sealed class ReferralOrganisationForm
{
    public string Name { get; set; } = "";
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public bool IsActive { get; set; } = true;
}

/// <summary>Adds a referral organisation (no id) or edits one. Organisations are retired, not deleted: inquiries stay attributed to them.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.BusinessDevelopment)]
public sealed record SaveReferralOrganisation(Guid? Id, ReferralOrganisationForm Form) : ICommand<Guid>;

public sealed class SaveReferralOrganisationValidator : AbstractValidator<SaveReferralOrganisation>
{
    public SaveReferralOrganisationValidator()
    {
        RuleFor(c => c.Form).NotNull();
        RuleFor(c => c.Form.Name).NotEmpty().WithMessage("Enter the organisation's name.")
            .MaximumLength(150).WithMessage("Keep the name under 150 characters.");
        RuleFor(c => c.Form.ContactName).MaximumLength(100).WithMessage("Keep the contact's name under 100 characters.");
        RuleFor(c => c.Form.ContactPhone).Must(p => string.IsNullOrWhiteSpace(p) || PhoneNumber.Normalize(p) is not null)
            .WithMessage("Enter a 10-digit US phone number, e.g. (555) 201-4477.");
    }
}

public sealed class SaveReferralOrganisationHandler(IAdmissionsDbContextFactory dbFactory, TimeProvider clock)
    : ICommandHandler<SaveReferralOrganisation, Guid>
{
    public async ValueTask<Guid> Handle(SaveReferralOrganisation command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var form = command.Form;
        var name = form.Name.Trim();
        // Few enough to compare in memory, ignoring case the same way on every database provider.
        var others = await db.ReferralOrganisations.AsNoTracking().Where(o => o.Id != command.Id).Select(o => o.Name).ToListAsync(cancellationToken);
        if (others.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            throw new DomainRuleException($"A referral organisation named {name} already exists. Edit it (or bring it back from retired) instead.");
        }

        var organisation = command.Id is { } id
            ? await db.ReferralOrganisations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw new NotFoundException("The referral organisation")
            : db.ReferralOrganisations.Add(new ReferralOrganisation { CreatedAt = clock.GetUtcNow() }).Entity;
        organisation.Name = name;
        organisation.ContactName = string.IsNullOrWhiteSpace(form.ContactName) ? null : form.ContactName.Trim();
        organisation.ContactPhone = PhoneNumber.Normalize(form.ContactPhone) is { } digits ? PhoneNumber.Format(digits) : null;
        organisation.IsActive = form.IsActive;
        await db.SaveChangesAsync(cancellationToken);
        return organisation.Id;
    }
}

/// <summary>How the intake form's "referred by" choice reaches an inquiry.</summary>
internal static class ReferralAttribution
{
    /// <summary>An organisation a coordinator newly chooses: it must exist and still be active.</summary>
    public static async Task<ReferralOrganisation> ChooseAsync(IAdmissionsDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var organisation = await db.ReferralOrganisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
            ?? throw new NotFoundException("The referral organisation");
        return organisation.IsActive
            ? organisation
            : throw new DomainRuleException($"{organisation.Name} is retired; choose an active referral organisation.");
    }

    /// <summary>Changes the attribution when the choice differs; an inquiry keeps a since-retired organisation it already had.</summary>
    public static async Task AttributeAsync(
        IAdmissionsDbContext db, Inquiry inquiry, Guid? organisationId, Actor by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (organisationId == inquiry.ReferralOrganisationId)
        {
            return;
        }

        var organisation = organisationId is { } id ? await ChooseAsync(db, id, cancellationToken) : null;
        inquiry.AttributeReferral(organisation, by, at);
    }
}
