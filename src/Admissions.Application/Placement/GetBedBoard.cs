using Admissions.Application.Common;
using Admissions.Domain.Care;
using Admissions.Domain.Common;
using Admissions.Domain.Placement;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Placement;

public sealed record BoardBed(
    Guid BedId, string Label, BedState State, Guid? InquiryId, string? InquiryNumber, string? PatientInitials,
    DateTimeOffset? ReservedUntil, string? ReservedByName, string? OutOfServiceReason);

public sealed record BoardUnit(Guid UnitId, string Name, Guid ProgramId, string ProgramName, IReadOnlyList<BoardBed> Beds);

public sealed record ProgramCensus(
    Guid ProgramId, string Name, string FacilityName, LevelOfCare Level, Population Population,
    int Total, int Occupied, int Reserved, int Available, int Cleaning, int OutOfService)
{
    /// <summary>Occupied beds as a whole percentage of all beds (0 for a program without beds).</summary>
    public int OccupancyPercent => Total == 0 ? 0 : (int)Math.Round(100.0 * Occupied / Total, MidpointRounding.AwayFromZero);
}

public sealed record ProgramOption(Guid Id, string Name, LevelOfCare Level);

/// <summary>The board for one day: beds by unit, each program's census, and the programs to filter by.</summary>
public sealed record BedBoard(DateOnly Date, DateOnly Today, IReadOnlyList<ProgramCensus> Census, IReadOnlyList<BoardUnit> Units, IReadOnlyList<ProgramOption> Programs);

/// <summary>
/// The bed board: every bed of the active residential and detox programs (or one program) with its state.
/// Reserved and occupied beds show the inquiry number and the patient's initials only. For a later
/// <paramref name="Date"/> (up to a week ahead) reservations that end before that day show as available;
/// occupied beds stay occupied, since discharge dates are not planned here. No date means today at the facility.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record GetBedBoard(Guid? ProgramId = null, DateOnly? Date = null) : IQuery<BedBoard>, IAuditedRead
{
    // Inquiry numbers and initials name patients: the read is recorded.
    public string AuditEntityType => "BedBoard";
    public string AuditEntityId => ProgramId?.ToString() ?? "all programs";
}

public sealed class GetBedBoardHandler(IAdmissionsDbContextFactory dbFactory, TimeProvider clock, IFacilityCalendar calendar) : IQueryHandler<GetBedBoard, BedBoard>
{
    public async ValueTask<BedBoard> Handle(GetBedBoard query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var facilities = await db.Facilities.AsNoTracking().Where(f => f.IsActive).ToListAsync(cancellationToken);
        var allPrograms = (await db.TreatmentPrograms.AsNoTracking().Where(p => p.IsActive).ToListAsync(cancellationToken))
            .Where(p => p.HasBeds && facilities.Any(f => f.Id == p.FacilityId))
            .OrderBy(p => p.Level).ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        var programs = query.ProgramId is { } only ? allPrograms.Where(p => p.Id == only).ToList() : allPrograms;
        var programIds = programs.Select(p => p.Id).ToList();
        var units = await db.CareUnits.AsNoTracking().Where(u => u.IsActive && programIds.Contains(u.ProgramId)).ToListAsync(cancellationToken);
        var unitIds = units.Select(u => u.Id).ToList();
        var beds = await db.Beds.AsNoTracking().Where(b => unitIds.Contains(b.UnitId)).ToListAsync(cancellationToken);

        var inquiryIds = beds.Select(b => b.ReservedForInquiryId ?? b.OccupiedByInquiryId).OfType<Guid>().Distinct().ToList();
        var inquiries = (await db.Inquiries.AsNoTracking()
                .Where(i => inquiryIds.Contains(i.Id))
                .Select(i => new { i.Id, i.Number, i.Details.PatientFirstName, i.Details.PatientLastName })
                .ToListAsync(cancellationToken))
            .ToDictionary(i => i.Id);

        // "Today" is the first facility's day (one campus today); each bed is judged in its own facility's zone.
        var first = facilities.OrderBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault();
        var today = (first is null ? calendar.Organisation : calendar.OfFacility(first)).DayOf(now);
        var date = query.Date ?? today;
        if (date < today || date > today.AddDays(Placements.MaxReservation.Days))
        {
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                [nameof(GetBedBoard.Date)] = ["The board shows today and up to 7 days ahead; past days are not kept."],
            });
        }

        DateTimeOffset AsOf(Guid facilityId)
        {
            if (date == today)
            {
                return now;
            }

            return ZonedTime.At(date, TimeOnly.MinValue, facilities.First(f => f.Id == facilityId).TimeZone);
        }

        BoardBed Show(Bed bed, DateTimeOffset asOf)
        {
            if (bed.IsFree(asOf))
            {
                return new BoardBed(bed.Id, bed.Label, BedState.Available, null, null, null, null, null, null);
            }

            var inquiryId = bed.ReservedForInquiryId ?? bed.OccupiedByInquiryId;
            var inquiry = inquiryId is { } id && inquiries.TryGetValue(id, out var found) ? found : null;
            return new BoardBed(bed.Id, bed.Label, bed.State, inquiryId, inquiry?.Number,
                inquiry is null ? null : Placements.Initials(inquiry.PatientFirstName, inquiry.PatientLastName),
                bed.ReservedUntil, bed.ReservedByName, bed.OutOfServiceReason);
        }

        var boardUnits = new List<BoardUnit>();
        var census = new List<ProgramCensus>();
        foreach (var program in programs)
        {
            var asOf = AsOf(program.FacilityId);
            var programBeds = new List<BoardBed>();
            foreach (var unit in units.Where(u => u.ProgramId == program.Id).OrderBy(u => Placements.NaturalKey(u.Name), StringComparer.Ordinal))
            {
                var shown = beds.Where(b => b.UnitId == unit.Id)
                    .OrderBy(b => Placements.NaturalKey(b.Label), StringComparer.Ordinal)
                    .Select(b => Show(b, asOf))
                    .ToList();
                programBeds.AddRange(shown);
                boardUnits.Add(new BoardUnit(unit.Id, unit.Name, program.Id, program.Name, shown));
            }

            var facility = facilities.First(f => f.Id == program.FacilityId);
            census.Add(new ProgramCensus(program.Id, program.Name, facility.Name, program.Level, program.Population,
                programBeds.Count,
                programBeds.Count(b => b.State == BedState.Occupied),
                programBeds.Count(b => b.State == BedState.Reserved),
                programBeds.Count(b => b.State == BedState.Available),
                programBeds.Count(b => b.State == BedState.Cleaning),
                programBeds.Count(b => b.State == BedState.OutOfService)));
        }

        return new BedBoard(date, today, census, boardUnits, [.. allPrograms.Select(p => new ProgramOption(p.Id, p.Name, p.Level))]);
    }
}
