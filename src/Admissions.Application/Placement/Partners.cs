using Admissions.Application.Common;
using Admissions.Domain.Care;
using Admissions.Domain.Common;
using Admissions.Domain.Placement;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Placement;

public sealed record PartnerItem(
    Guid Id, string Name, IReadOnlyList<LevelOfCare> Levels, string? City, string? State, string? IntakePhone, string? Email, string? Notes, bool IsActive);

/// <summary>The partner directory: providers admissions refers people to. Not patient data.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview, Roles.BusinessDevelopment)]
public sealed record ListPartnerFacilities(bool IncludeInactive = false) : IQuery<IReadOnlyList<PartnerItem>>;

public sealed class ListPartnerFacilitiesHandler(IAdmissionsDbContextFactory dbFactory) : IQueryHandler<ListPartnerFacilities, IReadOnlyList<PartnerItem>>
{
    public async ValueTask<IReadOnlyList<PartnerItem>> Handle(ListPartnerFacilities query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var partners = await db.PartnerFacilities.AsNoTracking().Where(p => query.IncludeInactive || p.IsActive).ToListAsync(cancellationToken);
        return [.. partners.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Select(p => new PartnerItem(p.Id, p.Name, p.Levels, p.City, p.State, p.IntakePhone, p.Email, p.Notes, p.IsActive))];
    }
}

public sealed class PartnerForm
{
    public string Name { get; set; } = "";
    public List<LevelOfCare> Levels { get; set; } = [];
    public string? City { get; set; }
    public string? State { get; set; }
    public string? IntakePhone { get; set; }
    public string? Email { get; set; }
    public string? Notes { get; set; }
    public bool IsActive { get; set; } = true;
}

/// <summary>Adds a partner (no id) or edits one. Partners are retired (inactive), not deleted: past referrals name them.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.BusinessDevelopment)]
public sealed record SavePartnerFacility(Guid? Id, PartnerForm Form) : ICommand<Guid>;

public sealed class SavePartnerFacilityValidator : AbstractValidator<SavePartnerFacility>
{
    public SavePartnerFacilityValidator()
    {
        RuleFor(c => c.Form).NotNull();
        RuleFor(c => c.Form.Name).NotEmpty().WithMessage("Enter the partner's name.").MaximumLength(150);
        RuleFor(c => c.Form.Levels).NotEmpty().WithMessage("Choose at least one level of care the partner offers.");
        RuleForEach(c => c.Form.Levels).IsInEnum();
        RuleFor(c => c.Form.City).MaximumLength(100);
        RuleFor(c => c.Form.State).Must(s => string.IsNullOrWhiteSpace(s) || UsStates.IsValid(s.Trim()))
            .WithMessage("Use a two-letter US state code.");
        RuleFor(c => c.Form.IntakePhone).Must(p => string.IsNullOrWhiteSpace(p) || PhoneNumber.Normalize(p) is not null)
            .WithMessage("Enter a 10-digit US phone number.");
        RuleFor(c => c.Form.Email).EmailAddress().When(c => !string.IsNullOrWhiteSpace(c.Form.Email)).WithMessage("Enter a valid email address.").MaximumLength(200);
        RuleFor(c => c.Form.Notes).MaximumLength(2000);
    }
}

public sealed class SavePartnerFacilityHandler(IAdmissionsDbContextFactory dbFactory) : ICommandHandler<SavePartnerFacility, Guid>
{
    public async ValueTask<Guid> Handle(SavePartnerFacility command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var form = command.Form;
        var name = form.Name.Trim();
        if (await db.PartnerFacilities.AnyAsync(p => p.Name == name && p.Id != command.Id, cancellationToken))
        {
            throw new DomainRuleException($"A partner named {name} is already in the directory.");
        }

        var partner = command.Id is { } id
            ? await db.PartnerFacilities.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("The partner facility")
            : db.PartnerFacilities.Add(new PartnerFacility()).Entity;
        partner.Name = name;
        partner.Levels = [.. form.Levels.Distinct().Order()];
        partner.City = Clean(form.City);
        partner.State = Clean(form.State)?.ToUpperInvariant();
        partner.IntakePhone = Clean(form.IntakePhone);
        partner.Email = Clean(form.Email);
        partner.Notes = Clean(form.Notes);
        partner.IsActive = form.IsActive;
        await db.SaveChangesAsync(cancellationToken);
        return partner.Id;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
