using Admissions.Application.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.FollowUps;

public enum WorkView
{
    /// <summary>Open tasks assigned to the signed-in user.</summary>
    Mine,

    /// <summary>Open tasks nobody has taken yet.</summary>
    TeamQueue,
}

public sealed record WorkItem(
    Guid Id, Guid InquiryId, string InquiryNumber, string PatientName, FollowUpKind Kind, string Title, string? Notes,
    DateTimeOffset DueAt, TaskPriority Priority, string? AssigneeId, string? AssigneeName, bool IsOverdue, int SnoozeCount,
    string? SnoozeReason, string CreatedByName, Guid? SafetyAlertId)
{
    public bool IsSafetyCall => Kind == FollowUpKind.SafetyCall;
}

public sealed record TaskCounts(int Open, int Overdue, int TeamQueue);

public sealed record MyWork(PagedResult<WorkItem> Page, TaskCounts Counts);

/// <summary>
/// The signed-in user's open tasks (or the team queue): safety calls on top, then overdue, most urgent first among them,
/// then by due time. Rows carry the patient's name, so the read is audited.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record GetMyWork(WorkView View = WorkView.Mine) : IQuery<MyWork>, IAuditedRead
{
    public PageRequest Page { get; init; } = new();
    public string AuditEntityType => "MyWork";
    public string AuditEntityId => $"{View} skip {Page.Skip} take {Page.Size}";
}

public sealed class GetMyWorkValidator : AbstractValidator<GetMyWork>
{
    public GetMyWorkValidator()
    {
        RuleFor(q => q.View).IsInEnum();
        RuleFor(q => q.Page).ValidPage(100, "tasks");
    }
}

public sealed class GetMyWorkHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetMyWork, MyWork>
{
    public async ValueTask<MyWork> Handle(GetMyWork query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var open = db.FollowUpTasks.AsNoTracking().Where(t => t.State == FollowUpState.Open);
        var tasks = query.View == WorkView.Mine ? open.Where(t => t.AssigneeId == user.Id) : open.Where(t => t.AssigneeId == null);

        var page = await WorkItems.PageAsync(db, tasks, now, query.Page, cancellationToken);
        var counts = await TaskCountQuery.CountAsync(db, user.Id, now, cancellationToken);
        return new MyWork(page, counts);
    }
}

/// <summary>Everyone's overdue open tasks and every open safety call, safety calls first (the manager's view of work slipping).</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager)]
public sealed record GetOverdueTasks : IQuery<PagedResult<WorkItem>>, IAuditedRead
{
    public PageRequest Page { get; init; } = new();
    public string AuditEntityType => "OverdueTasks";
    public string AuditEntityId => $"skip {Page.Skip} take {Page.Size}";
}

public sealed class GetOverdueTasksValidator : AbstractValidator<GetOverdueTasks>
{
    public GetOverdueTasksValidator()
    {
        RuleFor(q => q.Page).ValidPage(100, "tasks");
    }
}

public sealed class GetOverdueTasksHandler(IAdmissionsDbContextFactory dbFactory, TimeProvider clock)
    : IQueryHandler<GetOverdueTasks, PagedResult<WorkItem>>
{
    public async ValueTask<PagedResult<WorkItem>> Handle(GetOverdueTasks query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var overdue = db.FollowUpTasks.AsNoTracking().Where(t => t.State == FollowUpState.Open && (t.DueAt <= now || t.Kind == FollowUpKind.SafetyCall));
        return await WorkItems.PageAsync(db, overdue, now, query.Page, cancellationToken);
    }
}

/// <summary>A page of tasks as the work lists show them: safety calls first, then overdue by priority, then by due time.</summary>
internal static class WorkItems
{
    public static async Task<PagedResult<WorkItem>> PageAsync(
        IAdmissionsDbContext db, IQueryable<FollowUpTask> tasks, DateTimeOffset now, PageRequest page, CancellationToken cancellationToken)
    {
        var total = await tasks.CountAsync(cancellationToken);
        return await (from t in tasks
                      join i in db.Inquiries on t.InquiryId equals i.Id
                      orderby t.Kind == FollowUpKind.SafetyCall descending, t.DueAt <= now descending, t.DueAt <= now ? (int)t.Priority : 0 descending, t.DueAt, t.Id
                      select new WorkItem(
                          t.Id, t.InquiryId, i.Number, (i.Details.PatientFirstName + " " + i.Details.PatientLastName).Trim(),
                          t.Kind, t.Title, t.Notes, t.DueAt, t.Priority, t.AssigneeId, t.AssigneeName, t.DueAt <= now, t.SnoozeCount,
                          t.SnoozeReason, t.CreatedByName, t.SafetyAlertId))
            .ToPageAsync(page, total, cancellationToken);
    }
}

/// <summary>The nav bar badge: the signed-in user's open and overdue tasks, and the team queue size. No patient data.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record GetTaskCounts : IQuery<TaskCounts>;

public sealed class GetTaskCountsHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetTaskCounts, TaskCounts>
{
    public async ValueTask<TaskCounts> Handle(GetTaskCounts query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await TaskCountQuery.CountAsync(db, user.Id, clock.GetUtcNow(), cancellationToken);
    }
}

internal static class TaskCountQuery
{
    public static async Task<TaskCounts> CountAsync(IAdmissionsDbContext db, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var counts = await db.FollowUpTasks.AsNoTracking()
            .Where(t => t.State == FollowUpState.Open && (t.AssigneeId == userId || t.AssigneeId == null))
            .GroupBy(t => 1)
            .Select(g => new
            {
                Open = g.Count(t => t.AssigneeId == userId),
                Overdue = g.Count(t => t.AssigneeId == userId && t.DueAt <= now),
                Team = g.Count(t => t.AssigneeId == null),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return counts is null ? new TaskCounts(0, 0, 0) : new TaskCounts(counts.Open, counts.Overdue, counts.Team);
    }
}
