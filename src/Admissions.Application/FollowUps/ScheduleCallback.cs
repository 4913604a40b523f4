using System.Globalization;
using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Admissions.Application.FollowUps;

public sealed record CallerTimeZone(string Id, string Name);

/// <summary>The caller's time zone, guessed from the patient's state; the coordinator can always pick another.</summary>
public static class CallerTimeZones
{
    public static readonly IReadOnlyList<CallerTimeZone> All =
    [
        new("America/New_York", "Eastern"),
        new("America/Chicago", "Central"),
        new("America/Denver", "Mountain"),
        new("America/Phoenix", "Arizona (no daylight saving)"),
        new("America/Los_Angeles", "Pacific"),
        new("America/Anchorage", "Alaska"),
        new("Pacific/Honolulu", "Hawaii"),
        new("America/Puerto_Rico", "Atlantic (Puerto Rico)"),
    ];

    // Where a state spans two zones, the zone most of its people live in.
    private static readonly Dictionary<string, string> ByState = new (string Zone, string States)[]
    {
        ("America/New_York", "CT DE DC FL GA IN KY ME MD MA MI NH NJ NY NC OH PA RI SC VT VA WV"),
        ("America/Chicago", "AL AR IL IA KS LA MN MS MO NE ND OK SD TN TX WI"),
        ("America/Denver", "CO ID MT NM UT WY"),
        ("America/Phoenix", "AZ"),
        ("America/Los_Angeles", "CA NV OR WA"),
        ("America/Anchorage", "AK"),
        ("Pacific/Honolulu", "HI"),
        ("America/Puerto_Rico", "PR"),
    }.SelectMany(z => z.States.Split(' ').Select(state => (State: state, z.Zone)))
        .ToDictionary(s => s.State, s => s.Zone, StringComparer.OrdinalIgnoreCase);

    public static string? ForState(string? state) => state is not null && ByState.TryGetValue(state.Trim(), out var zone) ? zone : null;

    public static string Describe(string zoneId) => All.FirstOrDefault(z => z.Id == zoneId)?.Name ?? zoneId;

    public static bool IsKnown(string? zoneId) => All.Any(z => z.Id == zoneId);
}

public sealed record CallbackDefaults(string? PatientState, string SuggestedZoneId, bool ZoneFromState);

/// <summary>What the callback dialog starts with: the zone the patient's state suggests, else the facility's.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record GetCallbackDefaults(Guid InquiryId) : IQuery<CallbackDefaults>;

public sealed class GetCallbackDefaultsHandler(IAdmissionsDbContextFactory dbFactory) : IQueryHandler<GetCallbackDefaults, CallbackDefaults>
{
    public async ValueTask<CallbackDefaults> Handle(GetCallbackDefaults query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var inquiry = await db.Inquiries.AsNoTracking().Where(i => i.Id == query.InquiryId)
            .Select(i => new { i.Details.PatientState }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("The inquiry");
        if (CallerTimeZones.ForState(inquiry.PatientState) is { } zone)
        {
            return new CallbackDefaults(inquiry.PatientState, zone, true);
        }

        var facilityZone = await db.Facilities.AsNoTracking().Where(f => f.IsActive).OrderBy(f => f.Name)
            .Select(f => f.TimeZoneId).FirstOrDefaultAsync(cancellationToken);
        return new CallbackDefaults(inquiry.PatientState, CallerTimeZones.IsKnown(facilityZone) ? facilityZone! : "America/Los_Angeles", false);
    }
}

public sealed record ScheduledCallback(Guid TaskId, DateTimeOffset DueAt, string Description);

/// <summary>
/// A coordinator promised to call back at a time on the caller's clock: a callback task for them,
/// due then, and a reminder shortly before.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record ScheduleCallback(Guid InquiryId, DateOnly Date, TimeOnly Time, string TimeZoneId, string? Notes = null)
    : ICommand<ScheduledCallback>;

public sealed class ScheduleCallbackValidator : AbstractValidator<ScheduleCallback>
{
    public ScheduleCallbackValidator()
    {
        RuleFor(c => c.TimeZoneId).Must(CallerTimeZones.IsKnown).WithMessage("Choose the caller's time zone.");
        RuleFor(c => c.Notes).MaximumLength(FollowUpTask.MaxTextLength);
    }
}

public sealed class ScheduleCallbackHandler(
    IAdmissionsDbContextFactory dbFactory, ICurrentUser user, IFollowUpScheduler scheduler, TimeProvider clock,
    IOptions<FollowUpOptions> options)
    : ICommandHandler<ScheduleCallback, ScheduledCallback>
{
    public async ValueTask<ScheduledCallback> Handle(ScheduleCallback command, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(command.TimeZoneId);
        if (ZonedTime.IsSkipped(command.Date, command.Time, zone))
        {
            throw new DomainRuleException("That time does not exist on the caller's clock (the clocks go forward then). Choose another time.");
        }

        var dueAt = ZonedTime.At(command.Date, command.Time, zone);
        var now = clock.GetUtcNow();
        if (dueAt <= now)
        {
            throw new DomainRuleException("That time has already passed for the caller. Choose a later time.");
        }

        if (dueAt - now > FollowUpTask.MaxSnooze)
        {
            throw new DomainRuleException($"Schedule callbacks at most {FollowUpTask.MaxSnooze.TotalDays:0} days ahead.");
        }

        var description = $"{command.Date.ToDateTime(command.Time).ToString("ddd MMM d, h:mm tt", CultureInfo.InvariantCulture)} {CallerTimeZones.Describe(zone.Id)} (caller's time)";
        var task = new FollowUpTask
        {
            InquiryId = command.InquiryId,
            Kind = FollowUpKind.Callback,
            Title = $"Call back at {description}",
            Notes = string.IsNullOrWhiteSpace(command.Notes) ? null : command.Notes.Trim(),
            DueAt = dueAt,
            AssigneeId = user.Id,
            AssigneeName = user.Name,
            Priority = TaskPriority.High,
            CreatedAt = now,
            CreatedById = user.Id,
            CreatedByName = user.Name,
        };
        await SaveConflicts.ChangeAsync(dbFactory, async db =>
        {
            var inquiry = await InquiryChanges.LoadAsync(db, command.InquiryId, cancellationToken);
            if (!inquiry.IsOpen)
            {
                throw new DomainRuleException("This inquiry is closed; reopen it before promising a callback.");
            }

            db.FollowUpTasks.Add(task);
            inquiry.Record(ActivityKind.Task, $"Callback promised for {description}", user.Actor(), now, task.Notes);
            return task.Id;
        }, cancellationToken);

        scheduler.ScheduleCallbackReminder(task.Id, CallbackReminders.RemindAt(dueAt, clock, options.Value));
        return new ScheduledCallback(task.Id, dueAt, description);
    }
}

public static class CallbackReminders
{
    public static DateTimeOffset RemindAt(DateTimeOffset dueAt, TimeProvider clock, FollowUpOptions options)
    {
        var remindAt = dueAt - options.CallbackReminderLead;
        var now = clock.GetUtcNow();
        return remindAt < now ? now : remindAt;
    }

    public static string Key(FollowUpTask task) => $"callback-reminder:{task.Id:N}:{task.DueAt.UtcTicks}";
}

public sealed record CallbackReminderOutcome(bool Sent, string Reason);

/// <summary>
/// The reminder job for one callback. A snoozed callback has a later reminder of its own, so this one
/// only speaks when the task is still open and due within the reminder lead; one notification per due time.
/// </summary>
[RequiresRole(Roles.System)]
public sealed record SendCallbackReminder(Guid TaskId) : ICommand<CallbackReminderOutcome>;

public sealed class SendCallbackReminderHandler(
    IAdmissionsDbContextFactory dbFactory, IStaffDirectory staff, ILiveNotifier live, TimeProvider clock, IOptions<FollowUpOptions> options)
    : ICommandHandler<SendCallbackReminder, CallbackReminderOutcome>
{
    public ValueTask<CallbackReminderOutcome> Handle(SendCallbackReminder command, CancellationToken cancellationToken) =>
        SaveConflicts.RetryAsync(async () =>
        {
            await using var db = await dbFactory.CreateAsync(cancellationToken);
            var task = await db.FollowUpTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == command.TaskId, cancellationToken);
            if (task is null || task.State != FollowUpState.Open)
            {
                return new CallbackReminderOutcome(false, "callback no longer open");
            }

            var now = clock.GetUtcNow();
            if (task.DueAt - options.Value.CallbackReminderLead > now.AddSeconds(30))
            {
                return new CallbackReminderOutcome(false, "snoozed to a later time");
            }

            var number = await db.Inquiries.Where(i => i.Id == task.InquiryId).Select(i => i.Number).FirstAsync(cancellationToken);
            var recipients = task.AssigneeId is { } assignee
                ? [assignee]
                : await staff.UserIdsInRoleAsync(Roles.AdmissionsCoordinator, cancellationToken);
            var minutes = Math.Max(0, (int)Math.Round((task.DueAt - now).TotalMinutes));
            await FollowUpEffects.NotifyOnceAsync(db, recipients,
                minutes == 0 ? $"Callback due now: {number}" : $"Callback in {minutes} min: {number}",
                task.Title, $"/inquiries/{task.InquiryId}", CallbackReminders.Key(task), now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            live.NotificationsChanged(recipients);
            return new CallbackReminderOutcome(true, "reminded");
        });
}
