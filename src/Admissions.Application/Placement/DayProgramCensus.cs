using Admissions.Application.Common;
using Admissions.Domain.Care;
using Admissions.Domain.Placement;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Placement;

public sealed record DayProgramCount(Guid ProgramId, string Name, LevelOfCare Level, int Patients);

/// <summary>
/// Day programs (PHP, IOP, outpatient) have no beds to count: their census on a day is the patients in the program that
/// day by <see cref="Admission.InProgramOn(DateOnly)"/>, from admissions and discharges, so any past day can be counted.
/// </summary>
public static class DayProgramCensus
{
    private sealed record Stay(Guid ProgramId, DateOnly? AdmittedOn, DateOnly? DischargedOn);

    /// <summary>Each of the facility's active day programs with its patients on <paramref name="day"/>.</summary>
    public static async Task<IReadOnlyList<DayProgramCount>> CountAsync(IAdmissionsDbContext db, Guid facilityId, DateOnly day, CancellationToken cancellationToken)
    {
        var programs = await ProgramsAsync(db, facilityId, cancellationToken);
        var stays = await StaysAsync(db, programs, day, day, cancellationToken);
        return [.. programs.Select(p => new DayProgramCount(p.Id, p.Name, p.Level,
            stays.Count(s => s.ProgramId == p.Id && Admission.InProgramOn(s.AdmittedOn, s.DischargedOn, day))))];
    }

    /// <summary>The patients in the active day programs (of one facility, or all) on each day from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static async Task<IReadOnlyDictionary<DateOnly, int>> PatientsByDayAsync(
        IAdmissionsDbContext db, Guid? facilityId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var programs = await ProgramsAsync(db, facilityId, cancellationToken);
        var stays = await StaysAsync(db, programs, from, to, cancellationToken);
        var days = new Dictionary<DateOnly, int>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            days[day] = stays.Count(s => Admission.InProgramOn(s.AdmittedOn, s.DischargedOn, day));
        }

        return days;
    }

    private static async Task<List<TreatmentProgram>> ProgramsAsync(IAdmissionsDbContext db, Guid? facilityId, CancellationToken cancellationToken) =>
        (await db.TreatmentPrograms.AsNoTracking().Where(p => p.IsActive && (facilityId == null || p.FacilityId == facilityId)).ToListAsync(cancellationToken))
            .Where(p => !p.HasBeds)
            .ToList();

    /// <summary>The programs' stays that overlap the days from <paramref name="firstDay"/> to <paramref name="lastDay"/>, current or ended.</summary>
    private static async Task<List<Stay>> StaysAsync(
        IAdmissionsDbContext db, List<TreatmentProgram> programs, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var programIds = programs.Select(p => p.Id).ToList();
        return await db.Admissions.AsNoTracking()
            .Where(a => programIds.Contains(a.ProgramId) && a.AdmittedOn != null && a.AdmittedOn <= lastDay
                && (a.DischargedOn == null || a.DischargedOn > firstDay)
                && (a.State == AdmissionState.Admitted || a.State == AdmissionState.Discharged))
            .Select(a => new Stay(a.ProgramId, a.AdmittedOn, a.DischargedOn))
            .ToListAsync(cancellationToken);
    }
}
