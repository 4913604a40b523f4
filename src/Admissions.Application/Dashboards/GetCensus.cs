using Admissions.Application.Common;
using Admissions.Domain.Care;
using Admissions.Domain.Placement;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Dashboards;

/// <summary>A program's beds today. Occupancy is occupied beds over beds in service (out-of-service beds left out).</summary>
public sealed record CensusRow(Guid ProgramId, string Program, LevelOfCare Level, int Beds, int Occupied, int Reserved, int OutOfService, double? Occupancy);

/// <summary>Occupied beds over beds in service on one day of the period, across the facility's programs (from the census snapshots).</summary>
public sealed record CensusDay(DateOnly Day, int InService, int Occupied, double? Occupancy);

/// <summary>A day program's (PHP, IOP, outpatient: no beds) patients today, counted from admissions and discharges.</summary>
public sealed record DayProgramCensusRow(Guid ProgramId, string Program, LevelOfCare Level, DateOnly Day, int Patients);

/// <summary>The patients in the day programs on one day of the period (day programs have no beds, so no occupancy).</summary>
public sealed record DayProgramDay(DateOnly Day, int Patients);

/// <summary>Census today, and the day-by-day occupancy over the period from the hourly census snapshots.</summary>
public sealed record Census(DashboardScope Scope, IReadOnlyList<CensusRow> Programs, int Beds, int Occupied, double? Occupancy)
{
    public IReadOnlyList<CensusDay> Trend { get; init; } = [];

    public IReadOnlyList<DayProgramCensusRow> DayPrograms { get; init; } = [];

    /// <summary>Day by day over the period, up to today; empty when there are no day programs.</summary>
    public IReadOnlyList<DayProgramDay> DayProgramTrend { get; init; } = [];
}

[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.BusinessDevelopment)]
public sealed record GetCensus(DashboardFilter Filter) : IQuery<Census>;

public sealed class GetCensusHandler(IAdmissionsDbContextFactory dbFactory, IFacilityCalendar calendar) : IQueryHandler<GetCensus, Census>
{
    public async ValueTask<Census> Handle(GetCensus query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var scope = await DashboardScope.ResolveAsync(db, query.Filter, calendar, cancellationToken);
        var beds = await (from bed in db.Beds.AsNoTracking()
                          join unit in db.CareUnits on bed.UnitId equals unit.Id
                          join program in db.TreatmentPrograms on unit.ProgramId equals program.Id
                          where unit.IsActive && program.IsActive && (scope.FacilityId == null || program.FacilityId == scope.FacilityId)
                          select new { ProgramId = program.Id, program.Name, program.Level, bed.State })
            .ToListAsync(cancellationToken);
        var rows = beds.GroupBy(b => new { b.ProgramId, b.Name, b.Level })
            .Select(g =>
            {
                var inService = g.Count(b => b.State != BedState.OutOfService);
                var occupied = g.Count(b => b.State == BedState.Occupied);
                return new CensusRow(g.Key.ProgramId, g.Key.Name, g.Key.Level, g.Count(), occupied, g.Count(b => b.State == BedState.Reserved),
                    g.Count() - inService, Stats.Rate(occupied, inService));
            })
            .OrderBy(r => r.Level).ThenBy(r => r.Program, StringComparer.Ordinal)
            .ToList();
        var totalInService = rows.Sum(r => r.Beds - r.OutOfService);
        var totalOccupied = rows.Sum(r => r.Occupied);
        var trend = (await db.CensusSnapshots.AsNoTracking()
                .Where(c => c.Day >= scope.From && c.Day <= scope.To && (scope.FacilityId == null || c.FacilityId == scope.FacilityId))
                .GroupBy(c => c.Day)
                .Select(g => new { Day = g.Key, InService = g.Sum(c => c.InService), Occupied = g.Sum(c => c.Occupied) })
                .ToListAsync(cancellationToken))
            .OrderBy(d => d.Day)
            .Select(d => new CensusDay(d.Day, d.InService, d.Occupied, Stats.Rate(d.Occupied, d.InService)))
            .ToList();
        var facilities = await db.Facilities.AsNoTracking()
            .Where(f => f.IsActive && (scope.FacilityId == null || f.Id == scope.FacilityId))
            .ToListAsync(cancellationToken);
        var dayPrograms = new List<DayProgramCensusRow>();
        foreach (var facility in facilities)
        {
            var facilityToday = calendar.OfFacility(facility).Today;
            dayPrograms.AddRange((await Placement.DayProgramCensus.CountAsync(db, facility.Id, facilityToday, cancellationToken))
                .Select(p => new DayProgramCensusRow(p.ProgramId, p.Name, p.Level, facilityToday, p.Patients)));
        }

        var today = (await calendar.ForAsync(scope.FacilityId, cancellationToken)).Today;
        var lastDay = scope.To < today ? scope.To : today;
        var dayProgramTrend = dayPrograms.Count == 0 || lastDay < scope.From
            ? []
            : (await Placement.DayProgramCensus.PatientsByDayAsync(db, scope.FacilityId, scope.From, lastDay, cancellationToken))
                .OrderBy(d => d.Key).Select(d => new DayProgramDay(d.Key, d.Value)).ToList();

        return new Census(scope, rows, rows.Sum(r => r.Beds), totalOccupied, Stats.Rate(totalOccupied, totalInService))
        {
            Trend = trend,
            DayPrograms = [.. dayPrograms.OrderBy(r => r.Level).ThenBy(r => r.Program, StringComparer.Ordinal)],
            DayProgramTrend = dayProgramTrend,
        };
    }
}
