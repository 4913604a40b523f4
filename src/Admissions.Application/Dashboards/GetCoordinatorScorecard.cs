using Admissions.Application.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Dashboards;

/// <summary>
/// A coordinator's period: valid inquiries assigned to them and created in the period, speed to lead on those,
/// how many were admitted (conversion), admissions recorded in the period, and their overdue tasks now.
/// </summary>
public sealed record ScorecardRow(
    string CoordinatorId, string Coordinator, int Inquiries, int Contacted, double? MedianMinutesToContact, double? ShareContactedWithin5Minutes,
    int Admitted, double? Conversion, int Admits, int OverdueTasks);

public sealed record Scorecard(DashboardScope Scope, IReadOnlyList<ScorecardRow> Rows);

/// <summary>Managers and admins see every coordinator; a coordinator sees only their own row.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator)]
public sealed record GetCoordinatorScorecard(DashboardFilter Filter) : IQuery<Scorecard>;

public sealed class GetCoordinatorScorecardHandler(IAdmissionsDbContextFactory dbFactory, TimeProvider clock, ICurrentUser user)
    : IQueryHandler<GetCoordinatorScorecard, Scorecard>
{
    public async ValueTask<Scorecard> Handle(GetCoordinatorScorecard query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var scope = await DashboardScope.ResolveAsync(db, query.Filter, clock, cancellationToken);
        var only = DashboardAccess.SeesNames(user) ? null : user.Id;

        var created = DashboardQueries.CreatedBetween(db, scope.Start, scope.End).Where(i => i.AssignedCoordinatorId != null);
        var admitted = DashboardQueries.AdmittedBetween(db, scope.Start, scope.End).Where(i => i.AssignedCoordinatorId != null);
        if (only is not null)
        {
            created = created.Where(i => i.AssignedCoordinatorId == only);
            admitted = admitted.Where(i => i.AssignedCoordinatorId == only);
        }

        var groups = await created
            .GroupBy(i => new { i.AssignedCoordinatorId, i.AssignedCoordinatorName, i.Stage, i.NotAdmittedReason, Duplicate = i.PossibleDuplicateOfId != null, Contacted = i.FirstContactAt != null })
            .Select(g => new { g.Key.AssignedCoordinatorId, g.Key.AssignedCoordinatorName, Group = new CohortGroup(g.Key.Stage, g.Key.NotAdmittedReason, g.Key.Duplicate, g.Key.Contacted, g.Count()) })
            .ToListAsync(cancellationToken);
        var minutes = (await created.Valid().Where(i => i.FirstContactAt != null)
                .Select(i => new { i.AssignedCoordinatorId, i.CreatedAt, i.FirstContactAt }).ToListAsync(cancellationToken))
            .ToLookup(i => i.AssignedCoordinatorId!, i => (double)Durations.MinutesToContact(i.CreatedAt, i.FirstContactAt!.Value));
        var admits = await admitted.GroupBy(i => i.AssignedCoordinatorId).Select(g => new { Id = g.Key!, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id, g => g.Count, cancellationToken);
        var now = scope.Now;
        var overdue = await db.FollowUpTasks.AsNoTracking()
            .Where(t => t.State == FollowUpState.Open && t.DueAt <= now && t.AssigneeId != null && (only == null || t.AssigneeId == only))
            .GroupBy(t => t.AssigneeId).Select(g => new { Id = g.Key!, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id, g => g.Count, cancellationToken);

        var rows = groups.GroupBy(c => c.AssignedCoordinatorId!)
            .Select(g =>
            {
                var counts = new CohortCounts([.. g.Select(c => c.Group)]);
                var theirs = minutes[g.Key].ToList();
                return new ScorecardRow(g.Key, g.Select(c => c.AssignedCoordinatorName).LastOrDefault(n => n is not null) ?? g.Key, counts.Valid, counts.Contacted,
                    Stats.Median(theirs), Stats.Rate(theirs.Count(m => m <= 5), counts.Valid), counts.Admitted, Stats.Rate(counts.Admitted, counts.Valid),
                    admits.GetValueOrDefault(g.Key), overdue.GetValueOrDefault(g.Key));
            })
            .OrderBy(r => r.Coordinator, StringComparer.Ordinal)
            .ToList();
        return new Scorecard(scope, rows);
    }
}
