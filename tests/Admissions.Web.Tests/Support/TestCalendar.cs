using Admissions.Application.Common;
using Admissions.Domain.Placement;

namespace Admissions.Web.Tests.Support;

/// <summary>The facility calendar pages see, on the test's clock in Pacific time; no facility records behind it.</summary>
public sealed class TestCalendar(TimeProvider clock) : IFacilityCalendar
{
    public FacilityDays Organisation { get; } = new(TimeZoneInfo.FindSystemTimeZoneById(CalendarOptions.DefaultTimeZone), clock);

    public ValueTask<FacilityDays> ForAsync(Guid? facilityId, CancellationToken cancellationToken = default) => ValueTask.FromResult(Organisation);

    public FacilityDays OfFacility(Facility facility) => Organisation.In(facility.TimeZone);

    public ValueTask<FacilityDays> ForInquiryAsync(Guid inquiryId, CancellationToken cancellationToken = default) => ValueTask.FromResult(Organisation);
}
