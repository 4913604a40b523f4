using Admissions.Application.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Dashboards;

/// <summary>
/// The headline figures for one period. Inquiry figures are for inquiries created in the period (the cohort);
/// admits are admissions recorded in the period. Rates are shares in [0, 1]; null means there was nothing to divide.
/// Durations are whole minutes (or hours, shown as days) rounded up: see <see cref="Durations"/>.
/// </summary>
public sealed record KpiSet(
    int Inquiries,
    int ValidInquiries,
    int Contacted,
    double? ContactRate,
    double? MedianMinutesToContact,
    double? P90MinutesToContact,
    double? ShareContactedWithin5Minutes,
    int VobsRun,
    double? MedianVobTurnaroundMinutes,
    int Admits,
    double? InquiryToAdmit,
    double? VobToAdmit,
    double? MedianDaysToAdmission);

public sealed record FacilityOption(Guid Id, string Name, string TimeZoneId);

/// <summary>The overview; <paramref name="FiguresAsOf"/> is when the stored daily figures were refreshed, null when counted live.</summary>
public sealed record DashboardOverview(
    DashboardScope Scope, KpiSet Current, KpiSet Previous, int OpenSafetyAlerts, int OverdueTasks, IReadOnlyList<FacilityOption> Facilities,
    DateTimeOffset? FiguresAsOf = null);

[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.BusinessDevelopment)]
public sealed record GetOverview(DashboardFilter Filter) : IQuery<DashboardOverview>;

public sealed class GetOverviewHandler(IAdmissionsDbContextFactory dbFactory, IFacilityCalendar calendar) : IQueryHandler<GetOverview, DashboardOverview>
{
    public async ValueTask<DashboardOverview> Handle(GetOverview query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var scope = await DashboardScope.ResolveAsync(db, query.Filter, calendar, cancellationToken);
        var storedAsOf = await OverviewFigures.StoredAsOfAsync(db, scope, cancellationToken);
        // The two periods are independent reads: each on its own context, side by side.
        await using var previousDb = await dbFactory.CreateAsync(cancellationToken);
        var (currentTask, previousTask) = storedAsOf is null
            ? (OverviewFigures.LiveAsync(db, scope.Start, scope.End, scope.FacilityId, cancellationToken),
                OverviewFigures.LiveAsync(previousDb, scope.PreviousStart, scope.Start, scope.FacilityId, cancellationToken))
            : (OverviewFigures.StoredAsync(db, scope.TimeZoneId, scope.StoredFacilityId, scope.From, scope.To, cancellationToken),
                OverviewFigures.StoredAsync(previousDb, scope.TimeZoneId, scope.StoredFacilityId, scope.From.AddDays(-scope.Days), scope.From.AddDays(-1), cancellationToken));
        var current = (await currentTask).ToKpis();
        var previous = (await previousTask).ToKpis();

        var inquiries = DashboardQueries.OfFacility(db.Inquiries, scope.FacilityId);
        var alerts = await db.SafetyAlerts.CountAsync(a => a.ResolvedAt == null && (scope.FacilityId == null || inquiries.Any(i => i.Id == a.InquiryId)), cancellationToken);
        var now = scope.Now;
        var overdue = await db.FollowUpTasks.CountAsync(
            t => t.State == FollowUpState.Open && t.DueAt <= now && (scope.FacilityId == null || inquiries.Any(i => i.Id == t.InquiryId)), cancellationToken);
        var facilities = await db.Facilities.AsNoTracking().Where(f => f.IsActive).OrderBy(f => f.Name)
            .Select(f => new FacilityOption(f.Id, f.Name, f.TimeZoneId)).ToListAsync(cancellationToken);
        return new DashboardOverview(scope, current, previous, alerts, overdue, facilities, storedAsOf);
    }
}
