using Admissions.Application.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Notifications;
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
/// Runs when the speed-to-lead clock of an inquiry expires: if nobody has reached the caller,
/// the assignee (or the unassigned queue) gets an overdue task and the coordinator and managers
/// are told. Running it again changes nothing.
/// </summary>
[RequiresRole(Roles.System)]
public sealed record CheckSpeedToLead(Guid InquiryId) : ICommand<SpeedToLeadOutcome>;

public sealed class CheckSpeedToLeadHandler(
    IAdmissionsDbContextFactory dbFactory, IStaffDirectory staff, ILiveNotifier live, TimeProvider clock)
    : ICommandHandler<CheckSpeedToLead, SpeedToLeadOutcome>
{
    public static string TaskKey(Guid inquiryId) => $"speed-to-lead:{inquiryId:N}";

    public ValueTask<SpeedToLeadOutcome> Handle(CheckSpeedToLead command, CancellationToken cancellationToken) =>
        SaveConflicts.RetryAsync(() => CheckAsync(command.InquiryId, cancellationToken));

    private async ValueTask<SpeedToLeadOutcome> CheckAsync(Guid inquiryId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var key = TaskKey(inquiryId);
        var (inquiry, skipped) = await SpeedToLeadClock.FindUncontactedAsync(db, inquiryId, key, cancellationToken);
        if (inquiry is null)
        {
            return skipped!;
        }

        var now = clock.GetUtcNow();
        var elapsed = now - inquiry.CreatedAt;
        var waited = elapsed < TimeSpan.FromMinutes(1) ? $"{(int)elapsed.TotalSeconds} s" : $"{(int)Math.Round(elapsed.TotalMinutes)} min";
        db.FollowUpTasks.Add(new FollowUpTask
        {
            InquiryId = inquiryId,
            Kind = FollowUpKind.SpeedToLead,
            Title = $"Call back {inquiry.Number}: no contact after {waited}",
            DueAt = now,
            AssigneeId = inquiry.AssignedCoordinatorId,
            AssigneeName = inquiry.AssignedCoordinatorName,
            Priority = TaskPriority.Urgent,
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

        foreach (var userId in recipients)
        {
            db.Notifications.Add(new Notification
            {
                UserId = userId,
                Title = $"Speed to lead missed: {inquiry.Number}",
                Body = $"No one has reached this caller {waited} after the inquiry came in.",
                Link = $"/inquiries/{inquiryId}",
                CreatedAt = now,
                UniqueKey = $"{key}:{userId}",
            });
        }

        // The task's unique key makes a concurrent second run fail here rather than duplicate;
        // the retry then finds the task and stops.
        await db.SaveChangesAsync(cancellationToken);
        live.NotificationsChanged(recipients);
        return new(true, "escalated");
    }
}

/// <summary>
/// The second speed-to-lead clock: the caller is still not reached after the longer delay, so the
/// managers are told and the inquiry gets an urgent escalation task (besides the first check's task).
/// </summary>
[RequiresRole(Roles.System)]
public sealed record EscalateSpeedToLead(Guid InquiryId) : ICommand<SpeedToLeadOutcome>;

public sealed class EscalateSpeedToLeadHandler(IAdmissionsDbContextFactory dbFactory, IStaffDirectory staff, ILiveNotifier live, TimeProvider clock)
    : ICommandHandler<EscalateSpeedToLead, SpeedToLeadOutcome>
{
    public static string TaskKey(Guid inquiryId) => $"speed-to-lead-escalation:{inquiryId:N}";

    public ValueTask<SpeedToLeadOutcome> Handle(EscalateSpeedToLead command, CancellationToken cancellationToken) =>
        SaveConflicts.RetryAsync(() => EscalateAsync(command.InquiryId, cancellationToken));

    private async ValueTask<SpeedToLeadOutcome> EscalateAsync(Guid inquiryId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var key = TaskKey(inquiryId);
        var (inquiry, skipped) = await SpeedToLeadClock.FindUncontactedAsync(db, inquiryId, key, cancellationToken);
        if (inquiry is null)
        {
            return skipped!;
        }

        var now = clock.GetUtcNow();
        var waited = (int)Math.Round((now - inquiry.CreatedAt).TotalMinutes);
        var who = inquiry.AssignedCoordinatorName ?? "nobody (unassigned)";
        await FollowUpEffects.AddTaskOnceAsync(db, inquiryId, FollowUpKind.SpeedToLead,
            $"Escalated: {inquiry.Number} still not reached after {waited} min", key,
            inquiry.AssignedCoordinatorId, inquiry.AssignedCoordinatorName, TaskPriority.Urgent, now, cancellationToken);
        var managers = await staff.UserIdsInRoleAsync(Roles.AdmissionsManager, cancellationToken);
        await FollowUpEffects.NotifyOnceAsync(db, managers, $"Still not reached: {inquiry.Number}",
            $"{waited} min after the inquiry came in nobody has reached the caller. Coordinator: {who}.",
            $"/inquiries/{inquiryId}", key, now, cancellationToken);

        // The unique key on the task makes a concurrent second run fail here; the retry finds the task and stops.
        await db.SaveChangesAsync(cancellationToken);
        live.NotificationsChanged(managers);
        return new(true, "escalated");
    }
}

internal sealed record UncontactedInquiry(string Number, DateTimeOffset CreatedAt, string? AssignedCoordinatorId, string? AssignedCoordinatorName);

/// <summary>What both speed-to-lead clocks ask first: is there still an open inquiry nobody reached, not yet escalated under this key?</summary>
internal static class SpeedToLeadClock
{
    public static async Task<(UncontactedInquiry? Inquiry, SpeedToLeadOutcome? Skipped)> FindUncontactedAsync(
        IAdmissionsDbContext db, Guid inquiryId, string taskKey, CancellationToken cancellationToken)
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

        if (await db.FollowUpTasks.AnyAsync(t => t.UniqueKey == taskKey, cancellationToken))
        {
            return (null, new(false, "already escalated"));
        }

        return (new UncontactedInquiry(inquiry.Number, inquiry.CreatedAt, inquiry.AssignedCoordinatorId, inquiry.AssignedCoordinatorName), null);
    }
}
