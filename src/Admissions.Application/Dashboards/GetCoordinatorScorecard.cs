using Admissions.Application.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Reporting;
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

public sealed class GetCoordinatorScorecardHandler(IAdmissionsDbContextFactory dbFactory, IFacilityCalendar calendar, ICurrentUser user)
    : IQueryHandler<GetCoordinatorScorecard, Scorecard>
{
    private sealed record CoordinatorGroup(string Id, string? Name, CohortGroup Group);

    public async ValueTask<Scorecard> Handle(GetCoordinatorScorecard query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var scope = await DashboardScope.ResolveAsync(db, query.Filter, calendar, cancellationToken);
        var only = DashboardAccess.SeesNames(user) ? null : user.Id;
        var (groups, minutes, admits) = await OverviewFigures.StoredAsOfAsync(db, scope, cancellationToken) is null
            ? await LiveAsync(db, scope, only, cancellationToken)
            : await StoredAsync(db, scope, only, cancellationToken);
        var now = scope.Now;
        var overdue = await db.FollowUpTasks.AsNoTracking()
            .Where(t => t.State == FollowUpState.Open && t.DueAt <= now && t.AssigneeId != null && (only == null || t.AssigneeId == only))
            .GroupBy(t => t.AssigneeId).Select(g => new { Id = g.Key!, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id, g => g.Count, cancellationToken);

        var rows = groups.GroupBy(c => c.Id)
            .Select(g =>
            {
                var counts = new CohortCounts([.. g.Select(c => c.Group)]);
                var theirs = minutes.GetValueOrDefault(g.Key) ?? new Histogram();
                return new ScorecardRow(g.Key, g.Select(c => c.Name).LastOrDefault(n => n is not null) ?? g.Key, counts.Valid, counts.Contacted,
                    theirs.Median(), Stats.Rate((int)theirs.CountAtOrBelow(5), counts.Valid), counts.Admitted, Stats.Rate(counts.Admitted, counts.Valid),
                    admits.GetValueOrDefault(g.Key), overdue.GetValueOrDefault(g.Key));
            })
            .OrderBy(r => r.Coordinator, StringComparer.Ordinal)
            .ToList();
        return new Scorecard(scope, rows);
    }

    private static async Task<(List<CoordinatorGroup> Groups, Dictionary<string, Histogram> Minutes, Dictionary<string, int> Admits)> LiveAsync(
        IAdmissionsDbContext db, DashboardScope scope, string? only, CancellationToken cancellationToken)
    {
        var created = DashboardQueries.CreatedBetween(db, scope).Where(i => i.AssignedCoordinatorId != null);
        var admitted = DashboardQueries.AdmittedBetween(db, scope).Where(i => i.AssignedCoordinatorId != null);
        if (only is not null)
        {
            created = created.Where(i => i.AssignedCoordinatorId == only);
            admitted = admitted.Where(i => i.AssignedCoordinatorId == only);
        }

        var groups = await created
            .GroupBy(i => new { i.AssignedCoordinatorId, i.AssignedCoordinatorName, i.Stage, i.NotAdmittedReason, Duplicate = i.PossibleDuplicateOfId != null, Contacted = i.FirstContactAt != null })
            .Select(g => new CoordinatorGroup(g.Key.AssignedCoordinatorId!, g.Key.AssignedCoordinatorName,
                new CohortGroup(g.Key.Stage, g.Key.NotAdmittedReason, g.Key.Duplicate, g.Key.Contacted, g.Count())))
            .ToListAsync(cancellationToken);
        var minutes = new Dictionary<string, Histogram>();
        var contacts = created.Valid().Where(i => i.FirstContactAt != null).Select(i => new { i.AssignedCoordinatorId, i.CreatedAt, i.FirstContactAt }).AsAsyncEnumerable();
        await foreach (var contact in contacts.WithCancellation(cancellationToken))
        {
            minutes.GetOrAdd(contact.AssignedCoordinatorId!).Add(Durations.MinutesToContact(contact.CreatedAt, contact.FirstContactAt!.Value));
        }

        var admits = await admitted.GroupBy(i => i.AssignedCoordinatorId).Select(g => new { Id = g.Key!, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id, g => g.Count, cancellationToken);
        return (groups, minutes, admits);
    }

    private static async Task<(List<CoordinatorGroup> Groups, Dictionary<string, Histogram> Minutes, Dictionary<string, int> Admits)> StoredAsync(
        IAdmissionsDbContext db, DashboardScope scope, string? only, CancellationToken cancellationToken)
    {
        bool Counted(StoredGroup g) => g.KeyOrNull is not null && (only is null || g.Key == only);

        var groups = (await DailyGroups.ReadAsync(db, scope, GroupEvent.Created, GroupDimension.Coordinator, cancellationToken))
            .Where(Counted).Select(g => new CoordinatorGroup(g.Key, g.Label, g.ToCohortGroup())).ToList();
        var minutes = await DailyGroups.CoordinatorMinutesAsync(db, scope, only, cancellationToken);
        var admits = (await DailyGroups.ReadAsync(db, scope, GroupEvent.Closed, GroupDimension.Coordinator, cancellationToken))
            .Where(g => Counted(g) && g.Stage == InquiryStage.Admitted)
            .GroupBy(g => g.Key).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        return (groups, minutes, admits);
    }
}
