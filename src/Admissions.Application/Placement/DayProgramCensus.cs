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
    public static async Task<IReadOnlyList<DayProgramCount>> CountAsync(IAdmissionsDbContext db, Guid facilityId, DateOnly day, CancellationToken cancellationToken)
    {
        var programs = (await db.TreatmentPrograms.AsNoTracking().Where(p => p.IsActive && p.FacilityId == facilityId).ToListAsync(cancellationToken))
            .Where(p => !p.HasBeds)
            .ToList();
        var programIds = programs.Select(p => p.Id).ToList();
        var stays = await db.Admissions.AsNoTracking()
            .Where(a => programIds.Contains(a.ProgramId) && a.AdmittedOn != null && a.AdmittedOn <= day
                && (a.State == AdmissionState.Admitted || a.State == AdmissionState.Discharged))
            .Select(a => new { a.ProgramId, a.AdmittedOn, a.DischargedOn })
            .ToListAsync(cancellationToken);
        return [.. programs.Select(p => new DayProgramCount(p.Id, p.Name, p.Level,
            stays.Count(s => s.ProgramId == p.Id && Admission.InProgramOn(s.AdmittedOn, s.DischargedOn, day))))];
    }
}
