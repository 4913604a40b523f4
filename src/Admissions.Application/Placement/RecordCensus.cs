using Admissions.Application.Common;
using Admissions.Domain.Placement;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Placement;

/// <summary>
/// Counts every active bed program's beds now and keeps the count as the program's census for today at its facility
/// (a later run the same day replaces it). Run hourly by a job, so each day ends with its last count.
/// </summary>
[RequiresRole(Roles.System)]
public sealed record RecordCensusSnapshot : ICommand<int>;

public sealed class RecordCensusSnapshotHandler(IAdmissionsDbContextFactory dbFactory, TimeProvider clock) : ICommandHandler<RecordCensusSnapshot, int>
{
    public async ValueTask<int> Handle(RecordCensusSnapshot command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var facilities = await db.Facilities.AsNoTracking().Where(f => f.IsActive).ToDictionaryAsync(f => f.Id, cancellationToken);
        var counts = await (from bed in db.Beds.AsNoTracking()
                            join unit in db.CareUnits on bed.UnitId equals unit.Id
                            join program in db.TreatmentPrograms on unit.ProgramId equals program.Id
                            where unit.IsActive && program.IsActive
                            group bed by new { program.Id, program.FacilityId } into g
                            select new
                            {
                                ProgramId = g.Key.Id,
                                g.Key.FacilityId,
                                Beds = g.Count(),
                                InService = g.Count(b => b.State != BedState.OutOfService),
                                Occupied = g.Count(b => b.State == BedState.Occupied),
                                Reserved = g.Count(b => b.State == BedState.Reserved),
                            })
            .ToListAsync(cancellationToken);

        // Facilities in different zones can be on different days; today's snapshots are read once for all of them.
        var days = facilities.Values.Select(f => f.DayAt(now)).Distinct().ToList();
        var existing = await db.CensusSnapshots.Where(s => days.Contains(s.Day)).ToListAsync(cancellationToken);
        var taken = 0;
        foreach (var count in counts.Where(c => facilities.ContainsKey(c.FacilityId)))
        {
            var day = facilities[count.FacilityId].DayAt(now);
            var beds = new BedCount(count.Beds, count.InService, count.Occupied, count.Reserved);
            var snapshot = existing.FirstOrDefault(s => s.ProgramId == count.ProgramId && s.Day == day);
            if (snapshot is null)
            {
                db.CensusSnapshots.Add(CensusSnapshot.Take(count.FacilityId, count.ProgramId, day, beds, now));
            }
            else
            {
                snapshot.Update(beds, now);
            }

            taken++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return taken;
    }
}
