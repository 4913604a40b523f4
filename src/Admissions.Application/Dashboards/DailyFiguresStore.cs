using Admissions.Application.Common;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Placement;
using Admissions.Domain.Reporting;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Dashboards;

/// <summary>
/// The overview's figures counted from the rows themselves, or added up from the stored daily figures. Periods up to
/// <see cref="LiveDays"/> days are always counted live; longer ones read the stored days once the job has built them
/// for the facility's time zone, and say how fresh they are.
/// </summary>
public static class OverviewFigures
{
    public const int LiveDays = 31;

    /// <summary>When the stored figures for this scope's zone were last refreshed; null when the scope is counted live.</summary>
    public static async Task<DateTimeOffset?> StoredAsOfAsync(IAdmissionsDbContext db, DashboardScope scope, CancellationToken cancellationToken) =>
        scope.Days <= LiveDays ? null
            : await db.DailyFiguresStates.AsNoTracking().Where(s => s.TimeZoneId == scope.TimeZoneId && s.FacilityId == scope.StoredFacilityId)
                .Select(s => (DateTimeOffset?)s.RefreshedAt).FirstOrDefaultAsync(cancellationToken);

    /// <summary>One period counted from the rows: the inquiries created, VOBs requested and admissions recorded in [start, end), of one facility or (null) all.</summary>
    public static async Task<FigureTally> LiveAsync(IAdmissionsDbContext db, DateTimeOffset start, DateTimeOffset end, Guid? facilityId, CancellationToken cancellationToken)
    {
        var tally = new FigureTally();
        var cohort = DashboardQueries.CreatedBetween(db, start, end, facilityId)
            .Select(i => new CohortInquiry(i.CreatedAt, i.FirstContactAt, i.Stage, i.NotAdmittedReason, i.PossibleDuplicateOfId != null,
                db.EligibilityChecks.Any(c => c.InquiryId == i.Id)))
            .AsAsyncEnumerable();
        await foreach (var inquiry in cohort.WithCancellation(cancellationToken))
        {
            tally.AddInquiry(inquiry);
        }

        await CountVobsAsync(db, start, end, facilityId, _ => tally, cancellationToken);
        var admits = DashboardQueries.AdmittedBetween(db, start, end, facilityId).Select(i => new { i.CreatedAt, i.ClosedAt }).AsAsyncEnumerable();
        await foreach (var admit in admits.WithCancellation(cancellationToken))
        {
            tally.AddAdmit(admit.CreatedAt, admit.ClosedAt!.Value);
        }

        return tally;
    }

    /// <summary>Counts the VOBs requested in [start, end) for the inquiries of one facility (or, null, all) into the tally of their request time.</summary>
    public static async Task CountVobsAsync(
        IAdmissionsDbContext db, DateTimeOffset start, DateTimeOffset end, Guid? facilityId, Func<DateTimeOffset, FigureTally> tallyAt, CancellationToken cancellationToken)
    {
        var requested = db.EligibilityChecks.AsNoTracking().Where(c => c.RequestedAt >= start && c.RequestedAt < end);
        if (facilityId is { } id)
        {
            requested = requested.Where(c => db.Inquiries.Any(i => i.Id == c.InquiryId && i.FacilityId == id));
        }

        var checks = requested
            .Select(c => new { c.RequestedAt, c.State, c.CompletedAt }).AsAsyncEnumerable();
        await foreach (var check in checks.WithCancellation(cancellationToken))
        {
            tallyAt(check.RequestedAt).AddVob(check.RequestedAt, check.State, check.CompletedAt);
        }
    }

    /// <summary>The stored days from <paramref name="from"/> to <paramref name="to"/> (inclusive) added up: a row per day and a few hundred duration rows.</summary>
    public static async Task<FigureTally> StoredAsync(
        IAdmissionsDbContext db, string timeZoneId, Guid facilityId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var tally = new FigureTally();
        var days = await db.DailyFigures.AsNoTracking()
            .Where(d => d.TimeZoneId == timeZoneId && d.FacilityId == facilityId && d.Day >= from && d.Day <= to).ToListAsync(cancellationToken);
        days.ForEach(tally.AddDay);
        var durations = await db.DailyDurations.AsNoTracking()
            .Where(d => d.TimeZoneId == timeZoneId && d.FacilityId == facilityId && FigureTally.Measures.Contains(d.Measure) && d.Day >= from && d.Day <= to)
            .GroupBy(d => new { d.Measure, d.Value })
            .Select(g => new { g.Key.Measure, g.Key.Value, Count = g.Sum(d => (long)d.Count) })
            .ToListAsync(cancellationToken);
        foreach (var duration in durations)
        {
            tally.Of(duration.Measure).Add(duration.Value, duration.Count);
        }

        return tally;
    }
}

/// <param name="Zones">The time zones every facility's figures are kept in.</param>
/// <param name="DaysCounted">The days of every facility's figures counted again.</param>
/// <param name="FacilityDaysCounted">The days of each facility's own figures counted again, added up over the facilities.</param>
public sealed record DailyFiguresRefresh(int Zones, int DaysCounted, int FacilityDaysCounted = 0);

/// <summary>
/// Brings the stored daily figures (and day groups) up to date for the time zone of every active facility: a zone seen for the first
/// time is counted from its first inquiry; after that only the days that saved changes touched are counted again.
/// Run every few minutes by a job (one at a time).
/// </summary>
[RequiresRole(Roles.System)]
public sealed record RefreshDailyFigures : ICommand<DailyFiguresRefresh>;

public sealed class RefreshDailyFiguresHandler(IAdmissionsDbContextFactory dbFactory, TimeProvider clock) : ICommandHandler<RefreshDailyFigures, DailyFiguresRefresh>
{
    // Days counted per save: a month keeps each save small while a first build walks years of history.
    private const int DaysPerSave = 31;

    public async ValueTask<DailyFiguresRefresh> Handle(RefreshDailyFigures command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(cancellationToken);

        // Exactly the changes read here are taken (and deleted at the end): one committed while this runs waits for the next run,
        // and everything counted below is read after these were saved, so nothing is lost.
        var changes = await db.DailyFiguresChanges.ToListAsync(cancellationToken);
        var changedAt = changes.Select(c => c.At).OfType<DateTimeOffset>().Distinct().ToList();
        var inquiryIds = changes.Select(c => c.InquiryId).OfType<Guid>().Distinct().ToList();
        var changedInquiries = await db.Inquiries.AsNoTracking().Where(i => inquiryIds.Contains(i.Id))
            .Select(i => new { i.CreatedAt, i.ClosedAt }).ToListAsync(cancellationToken);
        changedAt.AddRange(changedInquiries.Select(i => i.CreatedAt));
        changedAt.AddRange(changedInquiries.Select(i => i.ClosedAt).OfType<DateTimeOffset>());

        // Every facility's inquiries in each zone an active facility uses, and each active facility's own in its zone.
        var facilities = await db.Facilities.AsNoTracking().Where(f => f.IsActive).Select(f => new { f.Id, f.TimeZoneId }).ToListAsync(cancellationToken);
        var zones = facilities.Select(f => f.TimeZoneId).Distinct().ToList();
        if (zones.Count == 0)
        {
            zones.Add("UTC");
        }

        var stores = zones.Select(zone => (ZoneId: zone, FacilityId: DailyFigures.AllFacilities))
            .Concat(facilities.Select(f => (ZoneId: f.TimeZoneId, FacilityId: f.Id))).ToList();

        // A zone or facility no longer kept stops being kept, so it is built afresh if it comes back.
        var states = await db.DailyFiguresStates.ToListAsync(cancellationToken);
        foreach (var gone in states.Where(s => !stores.Contains((s.TimeZoneId, s.FacilityId))))
        {
            db.DailyFiguresStates.Remove(gone);
        }

        var (counted, facilityCounted) = (0, 0);
        foreach (var (zoneId, facilityId) in stores)
        {
            var zone = Facility.FindZone(zoneId) ?? TimeZoneInfo.Utc;
            var state = states.FirstOrDefault(s => s.TimeZoneId == zoneId && s.FacilityId == facilityId);
            var days = state is null
                ? await AllDaysAsync(db, zone, now, cancellationToken)
                : changedAt.Select(at => ZonedTime.DayOf(at, zone)).Distinct().Order().ToList();
            foreach (var run in Runs(days))
            {
                await RecountAsync(new StoredScope(zoneId, facilityId, zone), run.From, run.To, cancellationToken);
                var runDays = run.To.DayNumber - run.From.DayNumber + 1;
                (counted, facilityCounted) = facilityId == DailyFigures.AllFacilities ? (counted + runDays, facilityCounted) : (counted, facilityCounted + runDays);
            }

            if (state is null)
            {
                db.DailyFiguresStates.Add(new DailyFiguresState { TimeZoneId = zoneId, FacilityId = facilityId, RefreshedAt = now });
            }
            else
            {
                state.RefreshedAt = now;
            }
        }

        db.DailyFiguresChanges.RemoveRange(changes);
        await db.SaveChangesAsync(cancellationToken);
        return new DailyFiguresRefresh(zones.Count, counted, facilityCounted);
    }

    private static async Task<List<DateOnly>> AllDaysAsync(IAdmissionsDbContext db, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var first = await db.Inquiries.MinAsync(i => (DateTimeOffset?)i.CreatedAt, cancellationToken);
        if (first is null)
        {
            return [];
        }

        var from = ZonedTime.DayOf(first.Value, zone);
        var to = ZonedTime.DayOf(now, zone);
        return [.. Enumerable.Range(0, Math.Max(0, to.DayNumber - from.DayNumber + 1)).Select(from.AddDays)];
    }

    /// <summary>Consecutive days as runs of at most <see cref="DaysPerSave"/> days.</summary>
    private static IEnumerable<(DateOnly From, DateOnly To)> Runs(List<DateOnly> days)
    {
        for (var i = 0; i < days.Count;)
        {
            var from = days[i];
            var to = from;
            for (i++; i < days.Count && days[i] == to.AddDays(1) && to.DayNumber - from.DayNumber + 1 < DaysPerSave; i++)
            {
                to = days[i];
            }

            yield return (from, to);
        }
    }

    /// <summary>One set of stored figures: a zone's days, counting one facility's inquiries or (<see cref="DailyFigures.AllFacilities"/>) every facility's.</summary>
    private sealed record StoredScope(string ZoneId, Guid FacilityId, TimeZoneInfo Zone)
    {
        public Guid? Facility => FacilityId == DailyFigures.AllFacilities ? null : FacilityId;
    }

    /// <summary>Counts the days again from the rows and replaces what was stored for them, in one save of its own.</summary>
    private async Task RecountAsync(StoredScope stored, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var (zoneId, facilityId, zone) = (stored.ZoneId, stored.FacilityId, stored.Zone);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var start = DashboardScope.StartOf(from, zone);
        var end = DashboardScope.StartOf(to.AddDays(1), zone);
        // Each inquiry is read once for the day figures and the day groups together.
        var tallies = new Dictionary<DateOnly, FigureTally>();
        var groups = new GroupTally();
        await foreach (var inquiry in DailyGroups.InquiriesAsync(db, start, end, stored.Facility, GroupEvent.Created).WithCancellation(cancellationToken))
        {
            var day = ZonedTime.DayOf(inquiry.CreatedAt, zone);
            tallies.GetOrAdd(day).AddInquiry(inquiry.Cohort);
            groups.Add(day, GroupEvent.Created, inquiry);
        }

        await foreach (var inquiry in DailyGroups.InquiriesAsync(db, start, end, stored.Facility, GroupEvent.Closed).WithCancellation(cancellationToken))
        {
            var day = ZonedTime.DayOf(inquiry.ClosedAt!.Value, zone);
            if (inquiry.Stage == InquiryStage.Admitted)
            {
                tallies.GetOrAdd(day).AddAdmit(inquiry.CreatedAt, inquiry.ClosedAt.Value);
            }

            groups.Add(day, GroupEvent.Closed, inquiry);
        }

        await OverviewFigures.CountVobsAsync(db, start, end, stored.Facility, at => tallies.GetOrAdd(ZonedTime.DayOf(at, zone)), cancellationToken);

        db.DailyFigures.RemoveRange(await db.DailyFigures.Where(d => d.TimeZoneId == zoneId && d.FacilityId == facilityId && d.Day >= from && d.Day <= to)
            .ToListAsync(cancellationToken));
        db.DailyDurations.RemoveRange(await db.DailyDurations.Where(d => d.TimeZoneId == zoneId && d.FacilityId == facilityId && d.Day >= from && d.Day <= to)
            .ToListAsync(cancellationToken));
        db.DailyGroups.RemoveRange(await db.DailyGroups.Where(g => g.TimeZoneId == zoneId && g.FacilityId == facilityId && g.Day >= from && g.Day <= to)
            .ToListAsync(cancellationToken));
        foreach (var (day, tally) in tallies)
        {
            db.DailyFigures.Add(tally.ToDay(zoneId, facilityId, day));
            db.DailyDurations.AddRange(tally.ToDurations(zoneId, facilityId, day));
        }

        db.DailyGroups.AddRange(groups.ToGroups(zoneId, facilityId));
        db.DailyDurations.AddRange(groups.ToCoordinatorDurations(zoneId, facilityId));

        await db.SaveChangesAsync(cancellationToken);
    }
}
