using Admissions.Application.Common;
using Admissions.Domain.Common;
using Admissions.Domain.Placement;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Safety;

/// <summary>The clinician who owns safety work at a moment: a shift of the schedule, else the facility's fallback person.</summary>
public sealed record OnCallClinician(Actor Clinician, Guid FacilityId, string FacilityName, bool IsFallback)
{
    public string Describe() => $"{Clinician.Name} (on call{(IsFallback ? " as the fallback" : "")}, {FacilityName})";
}

internal static class OnCallRoster
{
    /// <summary>
    /// Who owns safety work on an inquiry at <paramref name="at"/>: its facility's on-call clinician or fallback; when that
    /// facility has nobody (or the inquiry has no facility), whoever is on call at any facility, since a safety call must reach someone.
    /// </summary>
    public static async Task<OnCallClinician?> ForInquiryAsync(
        IAdmissionsDbContext db, IFacilityCalendar calendar, Guid? inquiryFacilityId, DateTimeOffset at, CancellationToken cancellationToken) =>
        (inquiryFacilityId is { } own ? await FindAsync(db, calendar, own, at, cancellationToken) : null)
        ?? await FindAsync(db, calendar, facilityId: null, at, cancellationToken);

    /// <summary>
    /// Who is on call at <paramref name="at"/> for the facility, read on the facility's clock. With no facility
    /// (<paramref name="facilityId"/> null) the active facilities are asked in name order, every schedule before any
    /// fallback, so a person on shift anywhere is preferred to a fallback. Null: nobody is on call.
    /// </summary>
    public static async Task<OnCallClinician?> FindAsync(
        IAdmissionsDbContext db, IFacilityCalendar calendar, Guid? facilityId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var facilities = await db.Facilities.AsNoTracking()
            .Where(f => facilityId == null ? f.IsActive : f.Id == facilityId)
            .OrderBy(f => f.Name)
            .ToListAsync(cancellationToken);
        var ids = facilities.Select(f => f.Id).ToList();
        var shifts = await db.OnCallShifts.AsNoTracking().Where(s => ids.Contains(s.FacilityId)).ToListAsync(cancellationToken);
        foreach (var facility in facilities)
        {
            var local = calendar.OfFacility(facility).ToLocal(at).DateTime;
            if (OnCallShift.Covering(shifts.Where(s => s.FacilityId == facility.Id), local) is { } shift)
            {
                return new OnCallClinician(new Actor(shift.ClinicianId, shift.ClinicianName), facility.Id, facility.Name, false);
            }
        }

        return facilities.FirstOrDefault(f => f.OnCallFallbackId is not null) is { } withFallback
            ? new OnCallClinician(new Actor(withFallback.OnCallFallbackId!, withFallback.OnCallFallbackName ?? ""), withFallback.Id, withFallback.Name, true)
            : null;
    }
}
