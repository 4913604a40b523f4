using Admissions.Application.Common;
using Admissions.Domain.Care;
using Admissions.Domain.Placement;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Placement;

public sealed record FacilityItem(
    Guid Id, string Name, string TimeZoneId, string? Address, bool IsActive, string? Npi = null, string? TaxId = null, string? ClearinghouseProviderName = null);

public sealed record ProgramItem(
    Guid Id, Guid FacilityId, string FacilityName, string Name, LevelOfCare Level, Population Population, int MinimumAge, int? MaximumAge,
    decimal DailyRate, int TypicalLengthOfStayDays, bool AcceptsSelfPay, bool IsActive, bool HasBeds);

public sealed record UnitItem(Guid Id, Guid FacilityId, Guid ProgramId, string ProgramName, string Name, bool IsActive, int Beds);

/// <summary>Facilities, programs and units as the administration page lists them.</summary>
public sealed record PlacementSetup(IReadOnlyList<FacilityItem> Facilities, IReadOnlyList<ProgramItem> Programs, IReadOnlyList<UnitItem> Units);

[RequiresRole(Roles.Admin)]
public sealed record GetPlacementSetup : IQuery<PlacementSetup>;

public sealed class GetPlacementSetupHandler(IAdmissionsDbContextFactory dbFactory) : IQueryHandler<GetPlacementSetup, PlacementSetup>
{
    public async ValueTask<PlacementSetup> Handle(GetPlacementSetup query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var facilities = await db.Facilities.AsNoTracking().OrderBy(f => f.Name).ToListAsync(cancellationToken);
        var programs = await db.TreatmentPrograms.AsNoTracking().ToListAsync(cancellationToken);
        var units = await db.CareUnits.AsNoTracking().ToListAsync(cancellationToken);
        var bedCounts = await db.Beds.AsNoTracking().GroupBy(b => b.UnitId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        string FacilityName(Guid id) => facilities.FirstOrDefault(f => f.Id == id)?.Name ?? "";
        string ProgramName(Guid id) => programs.FirstOrDefault(p => p.Id == id)?.Name ?? "";
        return new PlacementSetup(
            [.. facilities.Select(f => new FacilityItem(f.Id, f.Name, f.TimeZoneId, f.Address, f.IsActive, f.Npi, f.TaxId, f.ClearinghouseProviderName))],
            [.. programs.OrderBy(p => FacilityName(p.FacilityId), StringComparer.Ordinal).ThenBy(p => p.Level).ThenBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => new ProgramItem(p.Id, p.FacilityId, FacilityName(p.FacilityId), p.Name, p.Level, p.Population, p.MinimumAge, p.MaximumAge,
                    p.DailyRate, p.TypicalLengthOfStayDays, p.AcceptsSelfPay, p.IsActive, p.HasBeds))],
            [.. units.OrderBy(u => ProgramName(u.ProgramId), StringComparer.Ordinal).ThenBy(u => Placements.NaturalKey(u.Name), StringComparer.Ordinal)
                .Select(u => new UnitItem(u.Id, u.FacilityId, u.ProgramId, ProgramName(u.ProgramId), u.Name, u.IsActive, bedCounts.GetValueOrDefault(u.Id)))]);
    }
}

public sealed class FacilityForm
{
    public string? Name { get; set; }
    public string? TimeZoneId { get; set; } = "America/Los_Angeles";
    public string? Address { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>Blank: the organisation's (Clearinghouse settings) is used in this facility's 270/278s.</summary>
    public string? Npi { get; set; }
    public string? TaxId { get; set; }
    public string? ClearinghouseProviderName { get; set; }
}

/// <summary>Adds a facility, or changes one (Id set).</summary>
[RequiresRole(Roles.Admin)]
public sealed record SaveFacility(Guid? Id, FacilityForm Form) : ICommand<Guid>;

public sealed class SaveFacilityValidator : AbstractValidator<SaveFacility>
{
    public SaveFacilityValidator()
    {
        RuleFor(c => c.Form).NotNull();
        RuleFor(c => c.Form.Name).NotEmpty().WithMessage("Enter the facility's name.").MaximumLength(150);
        RuleFor(c => c.Form.TimeZoneId).Must(id => Facility.FindZone(id) is not null)
            .WithMessage("Enter a time zone id such as America/Los_Angeles or America/New_York.");
        RuleFor(c => c.Form.Address).MaximumLength(300);
        RuleFor(c => c.Form.Npi).Must(npi => Facility.IsValidNpi(npi!.Trim())).When(c => !string.IsNullOrWhiteSpace(c.Form.Npi))
            .WithMessage("Enter the facility's 10-digit NPI; the last digit is a check digit, so a mistyped number is caught (check it on the NPPES registry).");
        RuleFor(c => c.Form.TaxId).Must(Facility.IsValidTaxId).When(c => !string.IsNullOrWhiteSpace(c.Form.TaxId))
            .WithMessage("Enter the 9-digit tax id (EIN), e.g. 12-3456789.");
        RuleFor(c => c.Form.ClearinghouseProviderName).MaximumLength(60).WithMessage("The clearinghouse provider name is limited to 60 characters (the X12 name field).")
            .Must(name => name!.All(c => c is not ('~' or '*' or ':' or '^'))).When(c => !string.IsNullOrWhiteSpace(c.Form.ClearinghouseProviderName))
            .WithMessage("The clearinghouse provider name cannot contain ~ * : or ^ (they separate X12 fields).");
    }
}

public sealed class SaveFacilityHandler(IAdmissionsDbContextFactory dbFactory) : ICommandHandler<SaveFacility, Guid>
{
    public async ValueTask<Guid> Handle(SaveFacility command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var form = command.Form;
        var name = form.Name!.Trim();
        if (await db.Facilities.AnyAsync(f => f.Name == name && f.Id != command.Id, cancellationToken))
        {
            throw Setup.Invalid(nameof(FacilityForm.Name), "Another facility has this name.");
        }

        var facility = command.Id is { } id
            ? await db.Facilities.FirstOrDefaultAsync(f => f.Id == id, cancellationToken) ?? throw new NotFoundException("The facility")
            : db.Facilities.Add(new Facility()).Entity;
        facility.Name = name;
        facility.TimeZoneId = form.TimeZoneId!.Trim();
        facility.Address = string.IsNullOrWhiteSpace(form.Address) ? null : form.Address.Trim();
        facility.IsActive = form.IsActive;
        facility.Npi = string.IsNullOrWhiteSpace(form.Npi) ? null : form.Npi.Trim();
        facility.TaxId = Facility.TaxIdDigits(form.TaxId);
        facility.ClearinghouseProviderName = string.IsNullOrWhiteSpace(form.ClearinghouseProviderName) ? null : form.ClearinghouseProviderName.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return facility.Id;
    }
}

public sealed class ProgramForm
{
    public Guid? FacilityId { get; set; }
    public string? Name { get; set; }
    public LevelOfCare Level { get; set; } = LevelOfCare.Residential;
    public Population Population { get; set; } = Population.Adults;
    public int MinimumAge { get; set; } = 18;
    public int? MaximumAge { get; set; }
    public decimal DailyRate { get; set; }
    public int TypicalLengthOfStayDays { get; set; } = 30;
    public bool AcceptsSelfPay { get; set; } = true;
    public bool IsActive { get; set; } = true;
}

/// <summary>Adds a treatment program to a facility, or changes one (Id set).</summary>
[RequiresRole(Roles.Admin)]
public sealed record SaveProgram(Guid? Id, ProgramForm Form) : ICommand<Guid>;

public sealed class SaveProgramValidator : AbstractValidator<SaveProgram>
{
    public SaveProgramValidator()
    {
        RuleFor(c => c.Form).NotNull();
        RuleFor(c => c.Form.FacilityId).NotEmpty().WithMessage("Choose the facility.");
        RuleFor(c => c.Form.Name).NotEmpty().WithMessage("Enter the program's name.").MaximumLength(150);
        RuleFor(c => c.Form.Level).IsInEnum();
        RuleFor(c => c.Form.Population).IsInEnum();
        RuleFor(c => c.Form.MinimumAge).InclusiveBetween(0, 120).WithMessage("Ages are between 0 and 120.");
        RuleFor(c => c.Form.MaximumAge).InclusiveBetween(0, 120).WithMessage("Ages are between 0 and 120.")
            .GreaterThanOrEqualTo(c => c.Form.MinimumAge).WithMessage("The maximum age is below the minimum age.")
            .When(c => c.Form.MaximumAge is not null);
        RuleFor(c => c.Form.DailyRate).GreaterThan(0).WithMessage("Enter the daily rate.")
            .LessThanOrEqualTo(100_000).WithMessage("That daily rate looks wrong (over $100,000).");
        RuleFor(c => c.Form.TypicalLengthOfStayDays).InclusiveBetween(1, 365).WithMessage("The typical length is between 1 and 365 days.");
    }
}

public sealed class SaveProgramHandler(IAdmissionsDbContextFactory dbFactory) : ICommandHandler<SaveProgram, Guid>
{
    public async ValueTask<Guid> Handle(SaveProgram command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var form = command.Form;
        var name = form.Name!.Trim();
        if (!await db.Facilities.AnyAsync(f => f.Id == form.FacilityId, cancellationToken))
        {
            throw Setup.Invalid(nameof(ProgramForm.FacilityId), "Choose a facility from the list.");
        }

        if (await db.TreatmentPrograms.AnyAsync(p => p.FacilityId == form.FacilityId && p.Name == name && p.Id != command.Id, cancellationToken))
        {
            throw Setup.Invalid(nameof(ProgramForm.Name), "This facility already has a program with this name.");
        }

        TreatmentProgram program;
        if (command.Id is { } id)
        {
            program = await db.TreatmentPrograms.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("The program");
            if (program.HasBeds && !LevelsOfCare.IsInpatient(form.Level) && await db.CareUnits.AnyAsync(u => u.ProgramId == id, cancellationToken))
            {
                throw Setup.Invalid(nameof(ProgramForm.Level), "This program has units with beds; a day program has none. Move its units first.");
            }
        }
        else
        {
            program = db.TreatmentPrograms.Add(new TreatmentProgram()).Entity;
        }

        program.FacilityId = form.FacilityId!.Value;
        program.Name = name;
        program.Level = form.Level;
        program.Population = form.Population;
        program.MinimumAge = form.MinimumAge;
        program.MaximumAge = form.MaximumAge;
        program.DailyRate = decimal.Round(form.DailyRate, 2);
        program.TypicalLengthOfStayDays = form.TypicalLengthOfStayDays;
        program.AcceptsSelfPay = form.AcceptsSelfPay;
        program.IsActive = form.IsActive;
        await db.SaveChangesAsync(cancellationToken);
        return program.Id;
    }
}

public sealed class UnitForm
{
    public Guid? ProgramId { get; set; }
    public string? Name { get; set; }
    public bool IsActive { get; set; } = true;
}

/// <summary>Adds a unit (wing, house) to a residential or detox program, or changes one (Id set).</summary>
[RequiresRole(Roles.Admin)]
public sealed record SaveUnit(Guid? Id, UnitForm Form) : ICommand<Guid>;

public sealed class SaveUnitValidator : AbstractValidator<SaveUnit>
{
    public SaveUnitValidator()
    {
        RuleFor(c => c.Form).NotNull();
        RuleFor(c => c.Form.ProgramId).NotEmpty().WithMessage("Choose the program.");
        RuleFor(c => c.Form.Name).NotEmpty().WithMessage("Enter the unit's name.").MaximumLength(150);
    }
}

public sealed class SaveUnitHandler(IAdmissionsDbContextFactory dbFactory) : ICommandHandler<SaveUnit, Guid>
{
    public async ValueTask<Guid> Handle(SaveUnit command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var form = command.Form;
        var name = form.Name!.Trim();
        var program = await db.TreatmentPrograms.AsNoTracking().FirstOrDefaultAsync(p => p.Id == form.ProgramId, cancellationToken)
            ?? throw Setup.Invalid(nameof(UnitForm.ProgramId), "Choose a program from the list.");
        if (!program.HasBeds)
        {
            throw Setup.Invalid(nameof(UnitForm.ProgramId), $"{program.Name} is a day program; it has no beds or units.");
        }

        if (await db.CareUnits.AnyAsync(u => u.FacilityId == program.FacilityId && u.Name == name && u.Id != command.Id, cancellationToken))
        {
            throw Setup.Invalid(nameof(UnitForm.Name), "This facility already has a unit with this name.");
        }

        var unit = command.Id is { } id
            ? await db.CareUnits.FirstOrDefaultAsync(u => u.Id == id, cancellationToken) ?? throw new NotFoundException("The unit")
            : db.CareUnits.Add(new CareUnit()).Entity;
        unit.FacilityId = program.FacilityId;
        unit.ProgramId = program.Id;
        unit.Name = name;
        unit.IsActive = form.IsActive;
        await db.SaveChangesAsync(cancellationToken);
        return unit.Id;
    }
}

/// <summary>Adds <paramref name="Count"/> beds to a unit, labelled Prefix + number from <paramref name="FirstNumber"/> (e.g. D-1, D-2…).</summary>
[RequiresRole(Roles.Admin)]
public sealed record AddBeds(Guid UnitId, string Prefix, int Count, int FirstNumber = 1) : ICommand<IReadOnlyList<string>>;

public sealed class AddBedsValidator : AbstractValidator<AddBeds>
{
    public AddBedsValidator()
    {
        RuleFor(c => c.UnitId).NotEmpty();
        RuleFor(c => c.Prefix).NotNull().MaximumLength(20);
        RuleFor(c => c.Count).InclusiveBetween(1, 50).WithMessage("Add between 1 and 50 beds at a time.");
        RuleFor(c => c.FirstNumber).InclusiveBetween(0, 9999);
    }
}

public sealed class AddBedsHandler(IAdmissionsDbContextFactory dbFactory, TimeProvider clock) : ICommandHandler<AddBeds, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(AddBeds command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (!await db.CareUnits.AnyAsync(u => u.Id == command.UnitId, cancellationToken))
        {
            throw new NotFoundException("The unit");
        }

        var labels = Enumerable.Range(command.FirstNumber, command.Count)
            .Select(n => $"{command.Prefix.Trim()}{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();
        var taken = await db.Beds.Where(b => b.UnitId == command.UnitId && labels.Contains(b.Label)).Select(b => b.Label).ToListAsync(cancellationToken);
        if (taken.Count > 0)
        {
            throw Setup.Invalid(nameof(AddBeds.FirstNumber), $"This unit already has {string.Join(", ", taken)}.");
        }

        var now = clock.GetUtcNow();
        db.Beds.AddRange(labels.Select(label => Bed.Create(command.UnitId, label, now)));
        await db.SaveChangesAsync(cancellationToken);
        return labels;
    }
}

internal static class Setup
{
    public static RequestValidationException Invalid(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}
