using Admissions.Application.Common;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Dashboards;

public enum TrendInterval
{
    Day,
    Week,
}

/// <summary>One day (or week, starting Monday) at the facility: inquiries created and admissions recorded.</summary>
public sealed record TrendPoint(DateOnly Start, int Inquiries, int Admits);

/// <summary>The trend; <paramref name="FiguresAsOf"/> is when the stored daily figures were refreshed, null when counted live.</summary>
public sealed record Trends(DashboardScope Scope, TrendInterval Interval, IReadOnlyList<TrendPoint> Points, DateTimeOffset? FiguresAsOf = null);

[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.BusinessDevelopment)]
public sealed record GetTrends(DashboardFilter Filter, TrendInterval Interval = TrendInterval.Day) : IQuery<Trends>;

public sealed class GetTrendsHandler(IAdmissionsDbContextFactory dbFactory, IFacilityCalendar calendar) : IQueryHandler<GetTrends, Trends>
{
    public async ValueTask<Trends> Handle(GetTrends query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var scope = await DashboardScope.ResolveAsync(db, query.Filter, calendar, cancellationToken);
        var storedAsOf = await OverviewFigures.StoredAsOfAsync(db, scope, cancellationToken);
        List<(DateOnly Day, int Inquiries, int Admits)> days;
        if (storedAsOf is not null)
        {
            days = [.. (await db.DailyFigures.AsNoTracking()
                    .Where(d => d.TimeZoneId == scope.TimeZoneId && d.FacilityId == scope.StoredFacilityId && d.Day >= scope.From && d.Day <= scope.To)
                    .Select(d => new { d.Day, d.Inquiries, d.Admits }).ToListAsync(cancellationToken))
                .Select(d => (d.Day, d.Inquiries, d.Admits))];
        }
        else
        {
            var created = await DashboardQueries.CreatedBetween(db, scope).Select(i => i.CreatedAt).ToListAsync(cancellationToken);
            var admitted = await DashboardQueries.AdmittedBetween(db, scope).Select(i => i.ClosedAt!.Value).ToListAsync(cancellationToken);
            days = [.. created.Select(at => (scope.DayAt(at), 1, 0)).Concat(admitted.Select(at => (scope.DayAt(at), 0, 1)))];
        }

        return new Trends(scope, query.Interval, Bucket(scope, query.Interval, days), storedAsOf);
    }

    /// <summary>Adds up counts per day into the days (or Monday-started weeks) of the period, with empty ones in place.</summary>
    public static IReadOnlyList<TrendPoint> Bucket(DashboardScope scope, TrendInterval interval, IEnumerable<(DateOnly Day, int Inquiries, int Admits)> days)
    {
        DateOnly BucketOf(DateOnly day) => interval == TrendInterval.Day ? day : day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

        var byBucket = days.GroupBy(d => BucketOf(d.Day)).ToDictionary(g => g.Key, g => (Inquiries: g.Sum(d => d.Inquiries), Admits: g.Sum(d => d.Admits)));
        var points = new List<TrendPoint>();
        for (var day = BucketOf(scope.From); day <= scope.To; day = day.AddDays(interval == TrendInterval.Day ? 1 : 7))
        {
            var counts = byBucket.GetValueOrDefault(day);
            points.Add(new TrendPoint(day, counts.Inquiries, counts.Admits));
        }

        return points;
    }
}
