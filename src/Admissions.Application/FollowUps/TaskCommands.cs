using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.FollowUps;

/// <summary>Who works tasks: everyone who may see an inquiry (business development sees no tasks).</summary>
public static class TaskAccess
{
    public static readonly IReadOnlyList<string> Roles = Domain.Security.Roles.PhiRoles;

    /// <summary>Managers and admins act on any task; others on their own and the team queue's.</summary>
    public static bool MayWork(ICurrentUser user, FollowUpTask task) =>
        task.AssigneeId is null || task.AssigneeId == user.Id
        || user.IsInRole(Domain.Security.Roles.AdmissionsManager) || user.IsInRole(Domain.Security.Roles.Admin);
}

/// <summary>
/// The shape of every command on one task: load the task and its inquiry tracked, apply the domain
/// method, put a line on the inquiry's timeline, save. The inquiry's concurrency token makes two people
/// acting on the same task at once meet the domain rule (already done) instead of both winning.
/// </summary>
internal static class TaskChanges
{
    public static ValueTask<Unit> ApplyAsync(
        IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock, Guid taskId,
        Func<FollowUpTask, DateTimeOffset, string> change, CancellationToken cancellationToken, bool ownersOnly = true) =>
        SaveConflicts.ChangeAsync(dbFactory, async db =>
        {
            var task = await db.FollowUpTasks.FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken)
                ?? throw new NotFoundException("The task");
            if (ownersOnly && !TaskAccess.MayWork(user, task))
            {
                throw new ForbiddenException($"This task belongs to {task.AssigneeName}. Ask them or a manager.");
            }

            var inquiry = await InquiryChanges.LoadAsync(db, task.InquiryId, cancellationToken);
            var now = clock.GetUtcNow();
            var summary = change(task, now);
            inquiry.Record(ActivityKind.Task, summary, user.Actor(), now);
            return Unit.Value;
        }, cancellationToken);
}

[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record CompleteTask(Guid TaskId, string Outcome) : ICommand;

public sealed class CompleteTaskValidator : AbstractValidator<CompleteTask>
{
    public CompleteTaskValidator()
    {
        RuleFor(c => c.Outcome).NotEmpty().WithMessage("Say what came of the task.")
            .MaximumLength(FollowUpTask.MaxTextLength);
    }
}

public sealed class CompleteTaskHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CompleteTask>
{
    public ValueTask<Unit> Handle(CompleteTask command, CancellationToken cancellationToken) =>
        TaskChanges.ApplyAsync(dbFactory, user, clock, command.TaskId, (task, now) =>
        {
            task.Complete(command.Outcome, now, user.Actor());
            return $"Task done: {task.Title} — {task.Outcome}";
        }, cancellationToken);
}

[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record SnoozeTask(Guid TaskId, DateTimeOffset Until, string Reason) : ICommand;

public sealed class SnoozeTaskValidator : AbstractValidator<SnoozeTask>
{
    public SnoozeTaskValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the task is snoozed.")
            .MaximumLength(FollowUpTask.MaxTextLength);
    }
}

public sealed class SnoozeTaskHandler(
    IAdmissionsDbContextFactory dbFactory, ICurrentUser user, IFollowUpScheduler scheduler, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<FollowUpOptions> options)
    : ICommandHandler<SnoozeTask>
{
    public async ValueTask<Unit> Handle(SnoozeTask command, CancellationToken cancellationToken)
    {
        var kind = FollowUpKind.General;
        await TaskChanges.ApplyAsync(dbFactory, user, clock, command.TaskId, (task, now) =>
        {
            task.Snooze(command.Until, command.Reason, now);
            kind = task.Kind;
            return $"Task snoozed {TaskTimes.Span(command.Until - now)}: {task.Title} — {task.SnoozeReason}";
        }, cancellationToken);

        // A snoozed callback gets its reminder again before the new time.
        if (kind == FollowUpKind.Callback)
        {
            scheduler.ScheduleCallbackReminder(command.TaskId, CallbackReminders.RemindAt(command.Until, clock, options.Value));
        }

        return Unit.Value;
    }
}

[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record CancelTask(Guid TaskId, string Reason) : ICommand;

public sealed class CancelTaskValidator : AbstractValidator<CancelTask>
{
    public CancelTaskValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the task is no longer needed.")
            .MaximumLength(FollowUpTask.MaxTextLength);
    }
}

public sealed class CancelTaskHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CancelTask>
{
    public ValueTask<Unit> Handle(CancelTask command, CancellationToken cancellationToken) =>
        TaskChanges.ApplyAsync(dbFactory, user, clock, command.TaskId, (task, now) =>
        {
            task.Cancel(command.Reason, now, user.Actor());
            return $"Task cancelled: {task.Title} — {task.Outcome}";
        }, cancellationToken);
}

/// <summary>Takes a task from the team queue.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record ClaimTask(Guid TaskId) : ICommand;

public sealed class ClaimTaskHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ClaimTask>
{
    public ValueTask<Unit> Handle(ClaimTask command, CancellationToken cancellationToken) =>
        TaskChanges.ApplyAsync(dbFactory, user, clock, command.TaskId, (task, _) =>
        {
            task.Claim(user.Actor());
            return $"Task taken from the team queue: {task.Title}";
        }, cancellationToken, ownersOnly: false);
}

/// <summary>A task a person sets on an inquiry: for themselves, a colleague, or the team queue (no assignee).</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record CreateTask(Guid InquiryId, string Title, DateTimeOffset DueAt, string? AssigneeId, TaskPriority Priority = TaskPriority.Normal, string? Notes = null)
    : ICommand<Guid>;

public sealed class CreateTaskValidator : AbstractValidator<CreateTask>
{
    public CreateTaskValidator()
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage("Give the task a title.").MaximumLength(200);
        RuleFor(c => c.Notes).MaximumLength(FollowUpTask.MaxTextLength);
        RuleFor(c => c.Priority).IsInEnum();
    }
}

public sealed class CreateTaskHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, IStaffDirectory staff, TimeProvider clock)
    : ICommandHandler<CreateTask, Guid>
{
    public async ValueTask<Guid> Handle(CreateTask command, CancellationToken cancellationToken)
    {
        var assignee = await TaskAssignees.FindAsync(staff, command.AssigneeId, cancellationToken);
        var now = clock.GetUtcNow();
        if (command.DueAt < now.AddMinutes(-1))
        {
            throw new DomainRuleException("The due time is in the past.");
        }

        var task = new FollowUpTask
        {
            InquiryId = command.InquiryId,
            Kind = FollowUpKind.General,
            Title = command.Title.Trim(),
            Notes = string.IsNullOrWhiteSpace(command.Notes) ? null : command.Notes.Trim(),
            DueAt = command.DueAt,
            AssigneeId = assignee?.Id,
            AssigneeName = assignee?.Name,
            Priority = command.Priority,
            CreatedAt = now,
            CreatedById = user.Id,
            CreatedByName = user.Name,
        };
        await SaveConflicts.ChangeAsync(dbFactory, async db =>
        {
            var inquiry = await InquiryChanges.LoadAsync(db, command.InquiryId, cancellationToken);
            db.FollowUpTasks.Add(task);
            inquiry.Record(ActivityKind.Task,
                $"Task for {assignee?.Name ?? "the team queue"}: {task.Title}", user.Actor(), now, task.Notes);
            return task.Id;
        }, cancellationToken);
        return task.Id;
    }
}

internal static class TaskAssignees
{
    /// <summary>The staff member a task is given to; null (the team queue) when no one is named.</summary>
    public static async Task<Actor?> FindAsync(IStaffDirectory staff, string? assigneeId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(assigneeId))
        {
            return null;
        }

        var member = await staff.FindAsync(assigneeId, cancellationToken) ?? throw new NotFoundException("That staff member");
        if (!member.Roles.Any(TaskAccess.Roles.Contains))
        {
            throw new DomainRuleException($"{member.Name} does not work inquiries; choose someone else or the team queue.");
        }

        return new Actor(member.Id, member.Name);
    }
}

/// <summary>Timeline entries are stored text: they say "by 2 h", which reads the same in every time zone.</summary>
internal static class TaskTimes
{
    public static string Span(TimeSpan span) => span switch
    {
        { TotalHours: < 1 } => $"by {Math.Max(1, (int)Math.Round(span.TotalMinutes))} min",
        { TotalDays: < 1 } => span.Minutes == 0 ? $"by {(int)span.TotalHours} h" : $"by {(int)span.TotalHours} h {span.Minutes} min",
        _ => $"by {(int)span.TotalDays} d{(span.Hours == 0 ? "" : $" {span.Hours} h")}",
    };
}

/// <summary>Everyone a task can be given to: the people who work inquiries.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record ListTaskAssignees : IQuery<IReadOnlyList<StaffMember>>;

public sealed class ListTaskAssigneesHandler(IStaffDirectory staff) : IQueryHandler<ListTaskAssignees, IReadOnlyList<StaffMember>>
{
    public async ValueTask<IReadOnlyList<StaffMember>> Handle(ListTaskAssignees query, CancellationToken cancellationToken) =>
        [.. (await staff.ListAsync(cancellationToken)).Where(m => m.Roles.Any(TaskAccess.Roles.Contains)).OrderBy(m => m.Name)];
}
