using System.Globalization;
using Admissions.Application.Common;
using Admissions.Application.Messaging;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Messaging;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Admissions.Application.Safety;

public sealed record SafetyEscalationOutcome(int Escalated);

/// <summary>
/// The sweep behind the suicide-risk clock (every minute): a safety call still open past its due time tells the on-call
/// clinician and every manager, in the app (in red) and by email and text through the outbox, and says so on the
/// timeline; then again every <see cref="SafetyOptions.CallWithin"/> until a disposition is recorded. One escalation per
/// period: the task remembers when it was last escalated (its concurrency token settles two runs at once), and every
/// notification and message carries the period's key, so a retried or repeated run changes nothing.
/// </summary>
[RequiresRole(Roles.System)]
public sealed record EscalateSafetyCalls : ICommand<SafetyEscalationOutcome>;

public sealed class EscalateSafetyCallsHandler(
    IAdmissionsDbContextFactory dbFactory, IStaffDirectory staff, IFacilityCalendar calendar, ILiveNotifier live, IOutboxDispatchSignal dispatch,
    IOptions<SafetyOptions> options, IOptions<MessagingOptions> messaging, TimeProvider clock)
    : ICommandHandler<EscalateSafetyCalls, SafetyEscalationOutcome>
{
    public ValueTask<SafetyEscalationOutcome> Handle(EscalateSafetyCalls command, CancellationToken cancellationToken) =>
        SaveConflicts.RetryAsync(() => EscalateAsync(cancellationToken));

    /// <summary>The start of the escalation period a safety call overdue since <paramref name="dueAt"/> is in.</summary>
    public static DateTimeOffset PeriodStart(DateTimeOffset dueAt, DateTimeOffset now, TimeSpan period) =>
        dueAt + (period * Math.Floor((now - dueAt) / period));

    private async ValueTask<SafetyEscalationOutcome> EscalateAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var period = options.Value.CallWithin;
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var overdue = await (from task in db.FollowUpTasks
                             join alert in db.SafetyAlerts on task.SafetyAlertId equals alert.Id
                             where task.State == FollowUpState.Open && task.Kind == FollowUpKind.SafetyCall && task.DueAt <= now && alert.ResolvedAt == null
                             select new { Task = task, alert.RaisedAt })
            .ToListAsync(cancellationToken);
        var due = overdue.Where(o => o.Task.LastEscalatedAt is not { } last || last < PeriodStart(o.Task.DueAt, now, period)).ToList();
        if (due.Count == 0)
        {
            return new SafetyEscalationOutcome(0);
        }

        var people = (await staff.ListAsync(cancellationToken)).ToDictionary(p => p.Id);
        var managers = people.Values.Where(p => p.Roles.Contains(Roles.AdmissionsManager)).Select(p => p.Id).ToList();
        var inquiryIds = due.Select(d => d.Task.InquiryId).ToList();
        var inquiries = await db.Inquiries.Where(i => inquiryIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var notified = new HashSet<string>();
        var onCallByFacility = new Dictionary<Guid, OnCallClinician?>();
        var queued = 0;
        foreach (var (task, raisedAt) in due.Select(d => (d.Task, d.RaisedAt)))
        {
            var inquiry = inquiries[task.InquiryId];
            // One roster lookup per facility per run, however many of its calls are overdue.
            if (!onCallByFacility.TryGetValue(inquiry.FacilityId ?? Guid.Empty, out var onCall))
            {
                onCall = await OnCallRoster.ForInquiryAsync(db, calendar, inquiry.FacilityId, now, cancellationToken);
                onCallByFacility[inquiry.FacilityId ?? Guid.Empty] = onCall;
            }

            // An unowned call goes to whoever is on call now; an owned one stays with its owner, who is told again.
            task.Escalate(now, owner: task.AssigneeId is null ? onCall?.Clinician : null);
            var minutes = (int)Math.Round((now - raisedAt).TotalMinutes);
            var recipients = new HashSet<string>(managers);
            foreach (var id in new[] { task.AssigneeId, onCall?.Clinician.Id }.OfType<string>())
            {
                recipients.Add(id);
            }

            var told = string.Join(", ", recipients.Select(id => people.TryGetValue(id, out var person) ? person.Name : id).Order(StringComparer.Ordinal));
            inquiry.Record(ActivityKind.Safety,
                $"Safety call escalated ({Ordinal(task.EscalationCount)}): no disposition {minutes} min after the alert", Domain.Common.Actor.System, now,
                $"Told: {told}.");

            var key = $"safety-escalation:{task.Id:N}:{task.EscalationCount.ToString(CultureInfo.InvariantCulture)}";
            var link = $"/inquiries/{inquiry.Id}?tab=screening";
            await FollowUpEffects.NotifyOnceAsync(db, recipients, $"SAFETY: no disposition on {inquiry.Number} after {minutes} min",
                $"Escalation {task.EscalationCount.ToString(CultureInfo.InvariantCulture)}. Call now and record the safety disposition." +
                (task.AssigneeName is { } owner ? $" Owner: {owner}." : " Nobody owns it: take it from the team queue."),
                link, key, now, cancellationToken, urgent: true);
            queued += await PageAsync(db, recipients.Select(id => people.GetValueOrDefault(id)).OfType<StaffMember>(), inquiry, minutes, link, key, now, cancellationToken);
            notified.UnionWith(recipients);
        }

        // A second run at the same moment loses on the tasks' concurrency tokens; its retry finds them escalated.
        await db.SaveChangesAsync(cancellationToken);
        live.NotificationsChanged(notified);
        if (queued > 0)
        {
            dispatch.DispatchSoon();
        }

        return new SafetyEscalationOutcome(due.Count);
    }

    /// <summary>Email and text through the outbox, where the person has an address and paging by that channel is on.</summary>
    private async Task<int> PageAsync(
        IAdmissionsDbContext db, IEnumerable<StaffMember> people, Inquiry inquiry, int minutes, string link, string key, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>
        {
            ["Number"] = inquiry.Number,
            ["Minutes"] = minutes.ToString(CultureInfo.InvariantCulture),
            ["Link"] = messaging.Value.AppUrl.TrimEnd('/') + link,
        };
        var queued = 0;
        foreach (var person in people)
        {
            var channels = new List<(MessageChannel Channel, string? Address)>();
            if (options.Value.PageByEmail)
            {
                channels.Add((MessageChannel.Email, person.Email));
            }

            if (options.Value.PageBySms)
            {
                channels.Add((MessageChannel.Sms, person.PhoneNumber));
            }

            foreach (var (channel, address) in channels.Where(c => !string.IsNullOrWhiteSpace(c.Address)))
            {
                var message = await Outbox.QueueOnceAsync(db, new MessageDraft(channel, MessageAudience.Staff, address!, person.Name,
                    MessageTemplates.SafetyEscalation, values, inquiry.Id, calendar.Organisation.Zone.Id, $"{key}:{person.Id}:{channel}", now), now, cancellationToken);
                queued += message is null ? 0 : 1;
            }
        }

        return queued;
    }

    private static string Ordinal(int n) => n.ToString(CultureInfo.InvariantCulture) + ((n % 100, n % 10) switch
    {
        ( >= 11 and <= 13, _) => "th",
        (_, 1) => "st",
        (_, 2) => "nd",
        (_, 3) => "rd",
        _ => "th",
    });
}
