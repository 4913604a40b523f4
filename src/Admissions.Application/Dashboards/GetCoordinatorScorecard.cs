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

        var cohort = await created
            .Select(i => new { i.AssignedCoordinatorId, i.AssignedCoordinatorName, Row = new CohortRow(i.Id, i.CreatedAt, i.FirstContactAt, i.Stage, i.NotAdmittedReason, i.PossibleDuplicateOfId != null) })
            .ToListAsync(cancellationToken);
        var admits = await admitted.GroupBy(i => i.AssignedCoordinatorId).Select(g => new { Id = g.Key!, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id, g => g.Count, cancellationToken);
        var now = scope.Now;
        var overdue = await db.FollowUpTasks.AsNoTracking()
            .Where(t => t.State == FollowUpState.Open && t.DueAt <= now && t.AssigneeId != null && (only == null || t.AssigneeId == only))
            .GroupBy(t => t.AssigneeId).Select(g => new { Id = g.Key!, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id, g => g.Count, cancellationToken);

        var rows = cohort.GroupBy(c => c.AssignedCoordinatorId!)
            .Select(g =>
            {
                var valid = g.Select(c => c.Row).Where(r => r.IsValid).ToList();
                var minutes = valid.Select(r => r.MinutesToContact).OfType<double>().ToList();
                var admittedCount = valid.Count(r => r.IsAdmitted);
                return new ScorecardRow(g.Key, g.Last().AssignedCoordinatorName ?? g.Key, valid.Count, minutes.Count, Stats.Median(minutes),
                    Stats.Rate(minutes.Count(m => m <= 5), valid.Count), admittedCount, Stats.Rate(admittedCount, valid.Count),
                    admits.GetValueOrDefault(g.Key), overdue.GetValueOrDefault(g.Key));
            })
            .OrderBy(r => r.Coordinator, StringComparer.Ordinal)
            .ToList();
        return new Scorecard(scope, rows);
    }
}
