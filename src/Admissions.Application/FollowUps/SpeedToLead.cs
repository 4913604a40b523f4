using Admissions.Application.Common;
using Admissions.Domain.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Admissions.Application.FollowUps;

public sealed class ScheduleSpeedToLeadCheck(IFollowUpScheduler scheduler, IOptions<FollowUpOptions> options)
    : IDomainEventSubscriber<InquiryCreated>
{
    public Task HandleAsync(InquiryCreated domainEvent, CancellationToken cancellationToken)
    {
        scheduler.ScheduleSpeedToLeadCheck(domainEvent.InquiryId, domainEvent.CreatedAt + options.Value.SpeedToLeadDelay);
        scheduler.ScheduleSpeedToLeadEscalation(domainEvent.InquiryId, domainEvent.CreatedAt + options.Value.SpeedToLeadEscalationDelay);
        return Task.CompletedTask;
    }
}

public sealed record SpeedToLeadOutcome(bool Escalated, string Reason);

/// <summary>
/// Runs when the speed-to-lead clock of an inquiry expires: if nobody has reached the caller, the assignee (or the
/// unassigned queue) gets a high-priority call-back task and the coordinator and managers are told. Running it again
/// changes nothing.
/// </summary>
[RequiresRole(Roles.System)]
public sealed record CheckSpeedToLead(Guid InquiryId) : ICommand<SpeedToLeadOutcome>;

public sealed class CheckSpeedToLeadHandler(
    IAdmissionsDbContextFactory dbFactory, IStaffDirectory staff, ILiveNotifier live, TimeProvider clock)
    : ICommandHandler<CheckSpeedToLead, SpeedToLeadOutcome>
{
    /// <summary>The one speed-to-lead task of an inquiry: made by the check, escalated in place by the second clock.</summary>
    public static string TaskKey(Guid inquiryId) => $"speed-to-lead:{inquiryId:N}";

    public ValueTask<SpeedToLeadOutcome> Handle(CheckSpeedToLead command, CancellationToken cancellationToken) =>
        SaveConflicts.RetryAsync(() => CheckAsync(command.InquiryId, cancellationToken));

    private async ValueTask<SpeedToLeadOutcome> CheckAsync(Guid inquiryId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var key = TaskKey(inquiryId);
        var (inquiry, skipped) = await SpeedToLeadClock.FindUncontactedAsync(db, inquiryId, cancellationToken);
        if (inquiry is null)
        {
            return skipped!;
        }

        if (await db.FollowUpTasks.AnyAsync(t => t.UniqueKey == key, cancellationToken))
        {
            return new(false, "already escalated");
        }

        var now = clock.GetUtcNow();
        var waited = SpeedToLeadClock.Waited(now - inquiry.CreatedAt);
        db.FollowUpTasks.Add(new FollowUpTask
        {
            InquiryId = inquiryId,
            Kind = FollowUpKind.SpeedToLead,
            Title = $"Call back {inquiry.Number}: no contact after {waited}",
            DueAt = now,
            AssigneeId = inquiry.AssignedCoordinatorId,
            AssigneeName = inquiry.AssignedCoordinatorName,
            Priority = TaskPriority.High,
            CreatedAt = now,
            UniqueKey = key,
        });

        var recipients = (await staff.UserIdsInRoleAsync(Roles.AdmissionsManager, cancellationToken)).ToHashSet();
        if (inquiry.AssignedCoordinatorId is { } assignee)
        {
            recipients.Add(assignee);
        }
        else
        {
            recipients.UnionWith(await staff.UserIdsInRoleAsync(Roles.AdmissionsCoordinator, cancellationToken));
        }

        await FollowUpEffects.NotifyOnceAsync(db, recipients, $"Speed to lead missed: {inquiry.Number}",
            $"No one has reached this caller {waited} after the inquiry came in.", $"/inquiries/{inquiryId}", key, now, cancellationToken);

        // The task's unique key makes a concurrent second run fail here rather than duplicate;
        // the retry then finds the task and stops.
        await db.SaveChangesAsync(cancellationToken);
        live.NotificationsChanged(recipients);
        return new(true, "escalated");
    }
}

/// <summary>
/// The second speed-to-lead clock: the caller is still not reached after the longer delay, so the same task escalates
/// (urgent, a new title, the inquiry's coordinator as owner when it had none) and the managers are told. One task, never two.
/// </summary>
[RequiresRole(Roles.System)]
public sealed record EscalateSpeedToLead(Guid InquiryId) : ICommand<SpeedToLeadOutcome>;

public sealed class EscalateSpeedToLeadHandler(IAdmissionsDbContextFactory dbFactory, IStaffDirectory staff, ILiveNotifier live, TimeProvider clock)
    : ICommandHandler<EscalateSpeedToLead, SpeedToLeadOutcome>
{
    public ValueTask<SpeedToLeadOutcome> Handle(EscalateSpeedToLead command, CancellationToken cancellationToken) =>
        SaveConflicts.RetryAsync(() => EscalateAsync(command.InquiryId, cancellationToken));

    private async ValueTask<SpeedToLeadOutcome> EscalateAsync(Guid inquiryId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var (inquiry, skipped) = await SpeedToLeadClock.FindUncontactedAsync(db, inquiryId, cancellationToken);
        if (inquiry is null)
        {
            return skipped!;
        }

        var key = CheckSpeedToLeadHandler.TaskKey(inquiryId);
        var task = await db.FollowUpTasks.FirstOrDefaultAsync(t => t.UniqueKey == key, cancellationToken);
        if (task is { } made && (made.EscalationCount > 0 || made.State != FollowUpState.Open))
        {
            return new(false, made.State == FollowUpState.Open ? "already escalated" : "task already closed");
        }

        var now = clock.GetUtcNow();
        var waited = (int)Math.Round((now - inquiry.CreatedAt).TotalMinutes);
        var coordinator = inquiry.AssignedCoordinatorId is { } id ? new Actor(id, inquiry.AssignedCoordinatorName ?? "") : null;
        if (task is null)
        {
            // The first clock has not run (or never will): the escalated task is the first and only one.
            task = new FollowUpTask
            {
                InquiryId = inquiryId,
                Kind = FollowUpKind.SpeedToLead,
                DueAt = now,
                CreatedAt = now,
                UniqueKey = key,
            };
            db.FollowUpTasks.Add(task);
        }

        task.Escalate(now, $"Escalated: {inquiry.Number} still not reached after {waited} min", TaskPriority.Urgent,
            task.AssigneeId is null ? coordinator : null);
        var who = task.AssigneeName ?? "nobody (team queue)";
        var managers = await staff.UserIdsInRoleAsync(Roles.AdmissionsManager, cancellationToken);
        var recipients = managers.Concat(task.AssigneeId is { } owner ? [owner] : []).Distinct().ToList();
        await FollowUpEffects.NotifyOnceAsync(db, recipients, $"Still not reached: {inquiry.Number}",
            $"{waited} min after the inquiry came in nobody has reached the caller. The call-back task is now urgent; owner: {who}.",
            $"/inquiries/{inquiryId}", $"speed-to-lead-escalation:{inquiryId:N}", now, cancellationToken);

        // The task's concurrency token (or its unique key, when made here) makes a concurrent second run fail; the retry stops.
        await db.SaveChangesAsync(cancellationToken);
        live.NotificationsChanged(recipients);
        return new(true, "escalated");
    }
}

internal sealed record UncontactedInquiry(string Number, DateTimeOffset CreatedAt, string? AssignedCoordinatorId, string? AssignedCoordinatorName);

/// <summary>What both speed-to-lead clocks ask first: is there still an open inquiry nobody reached?</summary>
internal static class SpeedToLeadClock
{
    public static string Waited(TimeSpan elapsed) =>
        elapsed < TimeSpan.FromMinutes(1) ? $"{(int)elapsed.TotalSeconds} s" : $"{(int)Math.Round(elapsed.TotalMinutes)} min";

    public static async Task<(UncontactedInquiry? Inquiry, SpeedToLeadOutcome? Skipped)> FindUncontactedAsync(
        IAdmissionsDbContext db, Guid inquiryId, CancellationToken cancellationToken)
    {
        var inquiry = await db.Inquiries.AsNoTracking()
            .Where(i => i.Id == inquiryId)
            .Select(i => new { i.Number, i.Stage, i.FirstContactAt, i.AssignedCoordinatorId, i.AssignedCoordinatorName, i.CreatedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (inquiry is null)
        {
            return (null, new(false, "inquiry no longer exists"));
        }

        if (inquiry.FirstContactAt is not null)
        {
            return (null, new(false, "caller already reached"));
        }

        if (InquiryStageMachine.IsClosed(inquiry.Stage))
        {
            return (null, new(false, "inquiry closed"));
        }

        return (new UncontactedInquiry(inquiry.Number, inquiry.CreatedAt, inquiry.AssignedCoordinatorId, inquiry.AssignedCoordinatorName), null);
    }
}
