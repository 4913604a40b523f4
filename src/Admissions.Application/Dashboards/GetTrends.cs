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

public sealed record Trends(DashboardScope Scope, TrendInterval Interval, IReadOnlyList<TrendPoint> Points);

[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.BusinessDevelopment)]
public sealed record GetTrends(DashboardFilter Filter, TrendInterval Interval = TrendInterval.Day) : IQuery<Trends>;

public sealed class GetTrendsHandler(IAdmissionsDbContextFactory dbFactory, TimeProvider clock) : IQueryHandler<GetTrends, Trends>
{
    public async ValueTask<Trends> Handle(GetTrends query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var scope = await DashboardScope.ResolveAsync(db, query.Filter, clock, cancellationToken);
        var created = await DashboardQueries.CreatedBetween(db, scope.Start, scope.End).Select(i => i.CreatedAt).ToListAsync(cancellationToken);
        var admitted = await DashboardQueries.AdmittedBetween(db, scope.Start, scope.End).Select(i => i.ClosedAt!.Value).ToListAsync(cancellationToken);
        return new Trends(scope, query.Interval, Bucket(scope, query.Interval, created, admitted));
    }

    public static IReadOnlyList<TrendPoint> Bucket(DashboardScope scope, TrendInterval interval, IEnumerable<DateTimeOffset> created, IEnumerable<DateTimeOffset> admitted)
    {
        DateOnly BucketOf(DateOnly day) => interval == TrendInterval.Day ? day : day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

        var inquiries = created.GroupBy(at => BucketOf(scope.DayAt(at))).ToDictionary(g => g.Key, g => g.Count());
        var admits = admitted.GroupBy(at => BucketOf(scope.DayAt(at))).ToDictionary(g => g.Key, g => g.Count());
        var points = new List<TrendPoint>();
        for (var day = BucketOf(scope.From); day <= scope.To; day = day.AddDays(interval == TrendInterval.Day ? 1 : 7))
        {
            points.Add(new TrendPoint(day, inquiries.GetValueOrDefault(day), admits.GetValueOrDefault(day)));
        }

        return points;
    }
}
