using Admissions.Application.Common;
using Admissions.Domain.Placement;
using Admissions.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Admissions.Infrastructure.Calendar;

/// <summary>The facility calendar over <see cref="TimeProvider"/>: a facility's zone from its record, else <c>Admissions:TimeZone</c>.</summary>
public sealed class FacilityCalendar(IDbContextFactory<AdmissionsDbContext> contexts, TimeProvider clock, IOptions<CalendarOptions> options)
    : IFacilityCalendar
{
    public FacilityDays Organisation { get; } = new(
        Facility.FindZone(options.Value.TimeZone)
            ?? throw new InvalidOperationException($"Admissions:TimeZone '{options.Value.TimeZone}' is not a time zone this machine knows (use an IANA id such as America/Los_Angeles)."),
        clock);

    public async ValueTask<FacilityDays> ForAsync(Guid? facilityId, CancellationToken cancellationToken = default)
    {
        if (facilityId is not { } id)
        {
            return Organisation;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return InZone(await db.Facilities.AsNoTracking().Where(f => f.Id == id).Select(f => f.TimeZoneId).FirstOrDefaultAsync(cancellationToken));
    }

    public async ValueTask<FacilityDays> ForInquiryAsync(Guid inquiryId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var zoneId = await (from i in db.Inquiries.AsNoTracking()
                            join f in db.Facilities.AsNoTracking() on i.FacilityId equals f.Id
                            where i.Id == inquiryId
                            select f.TimeZoneId).FirstOrDefaultAsync(cancellationToken);
        return InZone(zoneId);
    }

    public FacilityDays OfFacility(Facility facility)
    {
        ArgumentNullException.ThrowIfNull(facility);
        return InZone(facility.TimeZoneId);
    }

    /// <summary>The calendar of a facility's zone; the organisation's when it has none this machine knows.</summary>
    private FacilityDays InZone(string? zoneId) => Facility.FindZone(zoneId) is { } zone ? Organisation.In(zone) : Organisation;
}
