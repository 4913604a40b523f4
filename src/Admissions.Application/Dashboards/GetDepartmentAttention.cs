using Admissions.Application.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Insurance;
using Admissions.Domain.Placement;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Dashboards;

/// <summary>Overdue open tasks of one person, or of the team queue when <see cref="AssigneeName"/> is null.</summary>
public sealed record OverdueTasksOf(string? AssigneeName, int Count);

/// <summary>
/// What needs a manager today: counts and staff names only, no patient, so the same figures can go in an email (the digest)
/// and on the manager's home page, where each links to the list it counts.
/// </summary>
public sealed record DepartmentAttention(
    DateOnly Today, int VerificationsAwaitingApproval, int AdmissionsExpectedToday, int ReviewsDue, int OpenSafetyAlerts,
    IReadOnlyList<OverdueTasksOf> OverdueTasks)
{
    public int OverdueTaskCount => OverdueTasks.Sum(o => o.Count);

    /// <summary>Counts the items now, on the organisation's calendar. The caller owns <paramref name="db"/>.</summary>
    public static async Task<DepartmentAttention> CountAsync(IAdmissionsDbContext db, FacilityDays days, CancellationToken cancellationToken)
    {
        var (now, today) = (days.Now, days.Today);
        var (startOfToday, startOfTomorrow) = (days.StartOf(today), days.StartOf(today.AddDays(1)));
        var overdue = await db.FollowUpTasks.AsNoTracking()
            .Where(t => t.State == FollowUpState.Open && t.DueAt <= now)
            .GroupBy(t => t.AssigneeName)
            .Select(g => new OverdueTasksOf(g.Key, g.Count()))
            .ToListAsync(cancellationToken);
        return new DepartmentAttention(
            today,
            await db.EligibilityChecks.CountAsync(c => c.State == VerificationState.AwaitingApproval, cancellationToken),
            await db.Admissions.CountAsync(a => a.State == AdmissionState.Scheduled && a.ScheduledFor >= startOfToday && a.ScheduledFor < startOfTomorrow, cancellationToken),
            await db.PriorAuthorizations.CountAsync(PriorAuthorization.ReviewDue(today), cancellationToken),
            await db.SafetyAlerts.CountAsync(a => a.ResolvedAt == null, cancellationToken),
            [.. overdue.OrderByDescending(o => o.Count).ThenBy(o => o.AssigneeName is null).ThenBy(o => o.AssigneeName, StringComparer.Ordinal)]);
    }
}

/// <summary>The manager's "needs attention today" panel.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager)]
public sealed record GetDepartmentAttention : IQuery<DepartmentAttention>;

public sealed class GetDepartmentAttentionHandler(IAdmissionsDbContextFactory dbFactory, IFacilityCalendar calendar)
    : IQueryHandler<GetDepartmentAttention, DepartmentAttention>
{
    public async ValueTask<DepartmentAttention> Handle(GetDepartmentAttention query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await DepartmentAttention.CountAsync(db, calendar.Organisation, cancellationToken);
    }
}

/// <summary>Where each item of <see cref="DepartmentAttention"/> is worked, for the home page and the digest's links.</summary>
public static class AttentionLinks
{
    public const string Home = "/";
    public const string SafetyAlerts = "/work?view=overdue";
    public const string VerificationsAwaitingApproval = "/verifications";
    public const string AdmissionsExpected = "/inquiries?stage=AdmissionScheduled";
    public const string ReviewsDue = "/authorizations";
    public const string OverdueTasks = "/work?view=overdue";
}
