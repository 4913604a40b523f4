using Admissions.Application.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Reporting;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Dashboards;

/// <summary>
/// One reason, most frequent first, with the running share of all losses (the Pareto line). Null where the count is too
/// small to show to the person asking (<see cref="SmallCells"/>).
/// </summary>
public sealed record LostReasonRow(NotAdmittedReason Reason, int? Count, double? Share, double? CumulativeShare);

public sealed record LostReasons(DashboardScope Scope, int Total, IReadOnlyList<LostReasonRow> Rows);

/// <summary>Inquiries closed as not admitted in the period, by reason. Duplicates and invalid inquiries are not losses and are left out.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.BusinessDevelopment)]
public sealed record GetLostReasons(DashboardFilter Filter) : IQuery<LostReasons>;

public sealed class GetLostReasonsHandler(IAdmissionsDbContextFactory dbFactory, IFacilityCalendar calendar, ICurrentUser user) : IQueryHandler<GetLostReasons, LostReasons>
{
    public async ValueTask<LostReasons> Handle(GetLostReasons query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var scope = await DashboardScope.ResolveAsync(db, query.Filter, calendar, cancellationToken);
        var counts = await OverviewFigures.StoredAsOfAsync(db, scope, cancellationToken) is null
            ? await DashboardQueries.OfFacility(db.Inquiries.AsNoTracking(), scope.FacilityId)
                .Where(i => i.Stage == InquiryStage.NotAdmitted && i.ClosedAt >= scope.Start && i.ClosedAt < scope.End
                    && i.NotAdmittedReason != NotAdmittedReason.Duplicate && i.NotAdmittedReason != NotAdmittedReason.Invalid)
                .GroupBy(i => i.NotAdmittedReason)
                .Select(g => new ReasonCount(g.Key, g.Count()))
                .ToListAsync(cancellationToken)
            : [.. (await DailyGroups.ReadAsync(db, scope, GroupEvent.Closed, GroupDimension.All, cancellationToken))
                .Where(g => g.Stage == InquiryStage.NotAdmitted && g.Reason is not (NotAdmittedReason.Duplicate or NotAdmittedReason.Invalid))
                .GroupBy(g => g.Reason).Select(g => new ReasonCount(g.Key, g.Sum(r => r.Count)))];
        var total = counts.Sum(c => c.Count);
        var rows = new List<LostReasonRow>();
        var running = 0;
        foreach (var c in counts.Where(c => c.Reason is not null).OrderByDescending(c => c.Count).ThenBy(c => c.Reason))
        {
            running += c.Count;
            rows.Add(new LostReasonRow(c.Reason!.Value, c.Count, (double)c.Count / total, (double)running / total));
        }

        return new LostReasons(scope, total, SmallCells.AppliesTo(user) ? SmallCells.Suppress(rows) : rows);
    }
}

internal sealed record ReasonCount(NotAdmittedReason? Reason, int Count);
