using Admissions.Application.Common;
using Admissions.Domain.Insurance;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Dashboards;

/// <summary>Authorizations requested in the period by status; turnaround is request to decision, in hours, for decided ones.</summary>
public sealed record AuthorizationOutcomeRow(AuthorizationStatus Status, int Count, double Share, double? MedianTurnaroundHours);

public sealed record AuthorizationOutcomes(DashboardScope Scope, int Requested, double? MedianTurnaroundHours, double? P90TurnaroundHours, IReadOnlyList<AuthorizationOutcomeRow> Rows);

[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.BusinessDevelopment, Roles.UtilizationReview)]
public sealed record GetAuthorizationOutcomes(DashboardFilter Filter) : IQuery<AuthorizationOutcomes>;

public sealed class GetAuthorizationOutcomesHandler(IAdmissionsDbContextFactory dbFactory, IFacilityCalendar calendar)
    : IQueryHandler<GetAuthorizationOutcomes, AuthorizationOutcomes>
{
    public async ValueTask<AuthorizationOutcomes> Handle(GetAuthorizationOutcomes query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var scope = await DashboardScope.ResolveAsync(db, query.Filter, calendar, cancellationToken);
        var requests = await db.PriorAuthorizations.AsNoTracking()
            .Where(a => a.RequestedAt >= scope.Start && a.RequestedAt < scope.End)
            .Select(a => new { a.Status, a.RequestedAt, a.DecidedAt })
            .ToListAsync(cancellationToken);
        static double? Hours(DateTimeOffset requested, DateTimeOffset? decided) => decided is { } at ? (at - requested).TotalHours : null;

        var all = requests.Select(r => Hours(r.RequestedAt, r.DecidedAt)).OfType<double>().ToList();
        var rows = requests.GroupBy(r => r.Status)
            .Select(g => new AuthorizationOutcomeRow(g.Key, g.Count(), (double)g.Count() / requests.Count,
                Stats.Median(g.Select(r => Hours(r.RequestedAt, r.DecidedAt)).OfType<double>())))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Status)
            .ToList();
        return new AuthorizationOutcomes(scope, requests.Count, Stats.Median(all), Stats.Percentile(all, 90), rows);
    }
}
