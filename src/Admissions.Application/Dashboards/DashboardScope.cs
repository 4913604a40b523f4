using Admissions.Application.Common;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Placement;
using Admissions.Domain.Reporting;
using Admissions.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Dashboards;

/// <summary>
/// The days a dashboard covers, counted in the facility's time zone (both ends inclusive), and the facility.
/// No dates means the last 30 days up to today. A facility counts only its own inquiries, in its own days; no facility
/// means every facility's inquiries, in the days of the first active one (with none, the organisation's calendar,
/// <c>Admissions:TimeZone</c>).
/// </summary>
public sealed record DashboardFilter
{
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public Guid? FacilityId { get; init; }

    public const int MaxDays = 366;
    public const int DefaultDays = 30;

    public string Describe() => $"from {From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "default"} to {To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "default"}, facility {FacilityId?.ToString() ?? "all"}";
}

/// <summary>Who sees what: BD sees aggregates only; coordinators only their own scorecard.</summary>
public static class DashboardAccess
{
    public static readonly IReadOnlyList<string> Viewers = [Roles.Admin, Roles.AdmissionsManager, Roles.BusinessDevelopment];

    /// <summary>Roles that may open the inquiries behind a figure (drill-down) and see staff names.</summary>
    public static readonly IReadOnlyList<string> DrillDown = [Roles.Admin, Roles.AdmissionsManager];

    public static bool SeesNames(ICurrentUser user) => DrillDown.Any(user.IsInRole);
}

/// <summary>A resolved filter: the instants of the period and of the one before it, and the facility's zone.</summary>
public sealed record DashboardScope(
    Guid? FacilityId, string FacilityName, string TimeZoneId, DateOnly From, DateOnly To, DateTimeOffset Start, DateTimeOffset End,
    DateTimeOffset PreviousStart, DateTimeOffset Now)
{
    public TimeZoneInfo Zone => Facility.FindZone(TimeZoneId) ?? TimeZoneInfo.Utc;

    /// <summary>The stored daily figures of this scope: the facility's own, or every facility's.</summary>
    public Guid StoredFacilityId => FacilityId ?? DailyFigures.AllFacilities;

    public int Days => To.DayNumber - From.DayNumber + 1;

    public DateOnly DayAt(DateTimeOffset instant) => ZonedTime.DayOf(instant, Zone);

    public DateTimeOffset StartOf(DateOnly day) => StartOf(day, Zone);

    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone) => ZonedTime.At(day, TimeOnly.MinValue, zone);

    public static async Task<DashboardScope> ResolveAsync(IAdmissionsDbContext db, DashboardFilter filter, IFacilityCalendar calendar, CancellationToken cancellationToken)
    {
        Validate(filter);
        var facilities = await db.Facilities.AsNoTracking()
            .Where(f => f.IsActive || f.Id == filter.FacilityId)
            .OrderBy(f => f.Name)
            .Select(f => new { f.Id, f.Name, f.TimeZoneId })
            .ToListAsync(cancellationToken);
        var chosen = filter.FacilityId is { } id
            ? facilities.FirstOrDefault(f => f.Id == id) ?? throw new NotFoundException("The facility")
            : null;
        var facility = chosen ?? facilities.FirstOrDefault();
        var days = Facility.FindZone(facility?.TimeZoneId) is { } facilityZone ? calendar.Organisation.In(facilityZone) : calendar.Organisation;
        var (zone, zoneId) = (days.Zone, facility?.TimeZoneId ?? days.Zone.Id);
        var now = days.Now;
        var today = days.Today;
        var to = filter.To ?? today;
        var from = filter.From ?? to.AddDays(-(DashboardFilter.DefaultDays - 1));
        var start = StartOf(from, zone);
        var end = StartOf(to.AddDays(1), zone);
        var previousStart = StartOf(from.AddDays(-(to.DayNumber - from.DayNumber + 1)), zone);
        return new DashboardScope(chosen?.Id, chosen?.Name ?? "All facilities", zoneId, from, to, start, end, previousStart, now);
    }

    // Every dashboard query carries the same filter, so it is checked here once rather than by a validator per query.
    private static void Validate(DashboardFilter filter)
    {
        if (filter is { From: { } from, To: { } to })
        {
            var problem = to < from ? "The end date is before the start date."
                : to.DayNumber - from.DayNumber >= DashboardFilter.MaxDays ? $"Choose at most {DashboardFilter.MaxDays} days."
                : null;
            if (problem is not null)
            {
                throw new RequestValidationException(new Dictionary<string, string[]> { ["Range"] = [problem] });
            }
        }
    }
}

/// <summary>
/// Inquiries that share a stage, reason, duplicate flag and contacted flag, counted in the database. Possible
/// duplicates and inquiries closed as duplicate or invalid are not "valid" and stay out of conversion and
/// speed-to-lead denominators.
/// </summary>
public sealed record CohortGroup(InquiryStage Stage, NotAdmittedReason? Reason, bool PossibleDuplicate, bool Contacted, int Count)
{
    public bool IsValid => IsValidInquiry(PossibleDuplicate, Reason);

    public bool IsAdmitted => Stage == InquiryStage.Admitted;

    public static bool IsValidInquiry(bool possibleDuplicate, NotAdmittedReason? reason) =>
        !possibleDuplicate && reason is not (NotAdmittedReason.Duplicate or NotAdmittedReason.Invalid);
}

/// <summary>The counts of one period's cohort, and its minutes to first contact.</summary>
public sealed record CohortCounts(IReadOnlyList<CohortGroup> Groups)
{
    public int All => Groups.Sum(g => g.Count);
    public int Valid => Groups.Where(g => g.IsValid).Sum(g => g.Count);
    public int Contacted => Groups.Where(g => g.IsValid && g.Contacted).Sum(g => g.Count);
    public int Admitted => Groups.Where(g => g.IsValid && g.IsAdmitted).Sum(g => g.Count);
}

public static class DashboardQueries
{
    /// <summary>Inquiries created in [start, end), of one facility or (null) all: read from one covering index.</summary>
    public static IQueryable<Inquiry> CreatedBetween(IAdmissionsDbContext db, DateTimeOffset start, DateTimeOffset end, Guid? facilityId) =>
        OfFacility(db.Inquiries.AsNoTracking().Where(i => i.CreatedAt >= start && i.CreatedAt < end), facilityId);

    public static IQueryable<Inquiry> CreatedBetween(IAdmissionsDbContext db, DashboardScope scope) => CreatedBetween(db, scope.Start, scope.End, scope.FacilityId);

    /// <summary>The inquiries of one facility, or (null) of all.</summary>
    public static IQueryable<Inquiry> OfFacility(IQueryable<Inquiry> inquiries, Guid? facilityId) =>
        facilityId is { } id ? inquiries.Where(i => i.FacilityId == id) : inquiries;

    /// <summary>Leaves out possible duplicates and inquiries closed as duplicate or invalid.</summary>
    public static IQueryable<Inquiry> Valid(this IQueryable<Inquiry> inquiries) =>
        inquiries.Where(i => i.PossibleDuplicateOfId == null
            && (i.NotAdmittedReason == null || (i.NotAdmittedReason != NotAdmittedReason.Duplicate && i.NotAdmittedReason != NotAdmittedReason.Invalid)));

    /// <summary>Counts grouped in the database: a handful of rows however many inquiries there are.</summary>
    public static async Task<CohortCounts> CountAsync(IQueryable<Inquiry> inquiries, CancellationToken cancellationToken) =>
        new(await inquiries
            .GroupBy(i => new { i.Stage, i.NotAdmittedReason, Duplicate = i.PossibleDuplicateOfId != null, Contacted = i.FirstContactAt != null })
            .Select(g => new CohortGroup(g.Key.Stage, g.Key.NotAdmittedReason, g.Key.Duplicate, g.Key.Contacted, g.Count()))
            .ToListAsync(cancellationToken));

    /// <summary>Admissions recorded in [start, end): inquiries in Admitted whose stage changed then.</summary>
    public static IQueryable<Inquiry> AdmittedBetween(IAdmissionsDbContext db, DateTimeOffset start, DateTimeOffset end, Guid? facilityId) =>
        OfFacility(db.Inquiries.AsNoTracking().Where(i => i.Stage == InquiryStage.Admitted && i.ClosedAt >= start && i.ClosedAt < end), facilityId);

    public static IQueryable<Inquiry> AdmittedBetween(IAdmissionsDbContext db, DashboardScope scope) => AdmittedBetween(db, scope.Start, scope.End, scope.FacilityId);
}

/// <summary>Medians and percentiles as the dashboards define them.</summary>
public static class Stats
{
    /// <summary>The middle value; the mean of the two middle values for an even count; null for none.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Nearest-rank percentile: the smallest value with at least <paramref name="percent"/>% of values at or below it.</summary>
    public static double? Percentile(IEnumerable<double> values, int percent)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    /// <summary>A share in [0, 1], or null when there is nothing to divide by.</summary>
    public static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;
}
