using Admissions.Application.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Dashboards;

/// <summary>
/// The headline figures for one period. Inquiry figures are for inquiries created in the period (the cohort);
/// admits are admissions recorded in the period. Rates are shares in [0, 1]; null means there was nothing to divide.
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

public sealed record DashboardOverview(
    DashboardScope Scope, KpiSet Current, KpiSet Previous, int OpenSafetyAlerts, int OverdueTasks, IReadOnlyList<FacilityOption> Facilities);

[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.BusinessDevelopment)]
public sealed record GetOverview(DashboardFilter Filter) : IQuery<DashboardOverview>;

public sealed class GetOverviewHandler(IAdmissionsDbContextFactory dbFactory, TimeProvider clock) : IQueryHandler<GetOverview, DashboardOverview>
{
    public async ValueTask<DashboardOverview> Handle(GetOverview query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var scope = await DashboardScope.ResolveAsync(db, query.Filter, clock, cancellationToken);
        // The two periods are independent reads: each on its own context, side by side.
        await using var previousDb = await dbFactory.CreateAsync(cancellationToken);
        var currentTask = KpisAsync(db, scope.Start, scope.End, cancellationToken);
        var previousTask = KpisAsync(previousDb, scope.PreviousStart, scope.Start, cancellationToken);
        var current = await currentTask;
        var previous = await previousTask;
        var alerts = await db.SafetyAlerts.CountAsync(a => a.ResolvedAt == null, cancellationToken);
        var now = scope.Now;
        var overdue = await db.FollowUpTasks.CountAsync(t => t.State == FollowUpState.Open && t.DueAt <= now, cancellationToken);
        var facilities = await db.Facilities.AsNoTracking().Where(f => f.IsActive).OrderBy(f => f.Name)
            .Select(f => new FacilityOption(f.Id, f.Name, f.TimeZoneId)).ToListAsync(cancellationToken);
        return new DashboardOverview(scope, current, previous, alerts, overdue, facilities);
    }

    public static async Task<KpiSet> KpisAsync(IAdmissionsDbContext db, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var created = DashboardQueries.CreatedBetween(db, start, end);
        var counts = await DashboardQueries.CountAsync(created, cancellationToken);
        var minutes = await DashboardQueries.MinutesToContactAsync(created, cancellationToken);

        var checks = db.EligibilityChecks.AsNoTracking().Where(c => c.RequestedAt >= start && c.RequestedAt < end);
        var vobs = await checks.CountAsync(cancellationToken);
        var turnaround = (await checks.Where(c => c.State == VerificationState.Completed && c.CompletedAt != null)
                .Select(c => new { c.RequestedAt, c.CompletedAt }).ToListAsync(cancellationToken))
            .Select(c => (c.CompletedAt!.Value - c.RequestedAt).TotalMinutes);

        // VOB-to-admit: valid inquiries of the cohort that had a VOB in the period, and how many of them were admitted.
        var verified = await created.Valid().Where(i => checks.Select(c => c.InquiryId).Contains(i.Id))
            .GroupBy(i => i.Stage == InquiryStage.Admitted).Select(g => new { Admitted = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var verifiedCount = verified.Sum(v => v.Count);
        var verifiedAdmitted = verified.Where(v => v.Admitted).Sum(v => v.Count);

        var admits = await DashboardQueries.AdmittedBetween(db, start, end)
            .Select(i => new { i.CreatedAt, i.ClosedAt })
            .ToListAsync(cancellationToken);

        return new KpiSet(
            counts.All,
            counts.Valid,
            counts.Contacted,
            Stats.Rate(counts.Contacted, counts.Valid),
            Stats.Median(minutes),
            Stats.Percentile(minutes, 90),
            Stats.Rate(minutes.Count(m => m <= 5), counts.Valid),
            vobs,
            Stats.Median(turnaround),
            admits.Count,
            Stats.Rate(counts.Admitted, counts.Valid),
            Stats.Rate(verifiedAdmitted, verifiedCount),
            Stats.Median(admits.Select(a => (a.ClosedAt!.Value - a.CreatedAt).TotalDays)));
    }
}
