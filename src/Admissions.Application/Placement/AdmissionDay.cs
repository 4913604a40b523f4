using Admissions.Application.Common;
using Admissions.Application.Insurance;
using Admissions.Domain.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Insurance;
using Admissions.Domain.Placement;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Admissions.Application.Placement;

public sealed record AdmissionDayOutcome(int Reminders, int MissedCheckIns);

/// <summary>
/// The admission-day clock, run every few minutes: the coordinator is reminded the day before (from
/// <see cref="PlacementOptions.EveReminderHour"/>) and on the morning of the admission (from
/// <see cref="PlacementOptions.MorningReminderHour"/>), facility time; an admission still not checked in when its
/// day is over becomes a no-show task. Each effect has its own key, so running the sweep again changes nothing.
/// </summary>
[RequiresRole(Roles.System)]
public sealed record RunAdmissionDayClock : ICommand<AdmissionDayOutcome>;

public sealed class RunAdmissionDayClockHandler(
    IAdmissionsDbContextFactory dbFactory, ILiveNotifier live, IOptions<PlacementOptions> options, TimeProvider clock, IFacilityCalendar calendar)
    : ICommandHandler<RunAdmissionDayClock, AdmissionDayOutcome>
{
    public async ValueTask<AdmissionDayOutcome> Handle(RunAdmissionDayClock command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var now = clock.GetUtcNow();

        // Anything booked more than two days out has nothing due yet.
        var horizon = now.AddDays(2);
        var scheduled = await db.Admissions.AsNoTracking()
            .Where(a => a.State == AdmissionState.Scheduled && a.ScheduledFor <= horizon)
            .ToListAsync(cancellationToken);
        var facilities = await db.Facilities.AsNoTracking().ToDictionaryAsync(f => f.Id, cancellationToken);
        var inquiryIds = scheduled.Select(a => a.InquiryId).ToList();
        var inquiries = await db.Inquiries.AsNoTracking().Where(i => inquiryIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Number, i.AssignedCoordinatorId, i.AssignedCoordinatorName })
            .ToDictionaryAsync(i => i.Id, cancellationToken);

        int reminders = 0, missed = 0;
        var notified = new HashSet<string>();
        foreach (var admission in scheduled)
        {
            var days = facilities.TryGetValue(admission.FacilityId, out var facility) ? calendar.OfFacility(facility) : calendar.Organisation;
            var day = days.DayOf(admission.ScheduledFor);
            var today = days.DayOf(now);
            var inquiry = inquiries[admission.InquiryId];
            var coordinatorId = inquiry.AssignedCoordinatorId ?? admission.ScheduledById;
            var link = $"/inquiries/{inquiry.Id}?tab=admission";

            // The eve reminder is for the day before only: on the day itself the morning one speaks.
            if (today == day.AddDays(-1) && now >= At(days, today, options.Value.EveReminderHour))
            {
                await FollowUpEffects.NotifyOnceAsync(db, [coordinatorId], $"Admission tomorrow: {inquiry.Number}",
                    $"{admission.ProgramName}{Bed(admission)} {days.Describe(admission.ScheduledFor)}. Confirm travel and who is bringing the patient.", link,
                    $"admission-eve:{admission.Id:N}", now, cancellationToken);
                reminders++;
                notified.Add(coordinatorId);
            }

            if (today == day && now >= At(days, day, options.Value.MorningReminderHour))
            {
                await FollowUpEffects.NotifyOnceAsync(db, [coordinatorId], $"Admission today: {inquiry.Number}",
                    $"{admission.ProgramName}{Bed(admission)} {days.Describe(admission.ScheduledFor)}. Check the patient in on arrival.", link,
                    $"admission-morning:{admission.Id:N}", now, cancellationToken);
                reminders++;
                notified.Add(coordinatorId);
            }

            if (today > day)
            {
                // A task title is read on later days too, so it names the date rather than "today".
                var when = Placements.LocalTime(admission.ScheduledFor, days.Zone);
                await FollowUpEffects.AddTaskOnceAsync(db, inquiry.Id, FollowUpKind.NoShow,
                    $"No check-in for the admission on {when}: record a no-show or check the patient in", $"admission-no-check-in:{admission.Id:N}",
                    inquiry.AssignedCoordinatorId, inquiry.AssignedCoordinatorName, TaskPriority.High, now, cancellationToken);
                missed++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        live.NotificationsChanged(notified);
        return new AdmissionDayOutcome(reminders, missed);
    }

    private static string Bed(Admission admission) => admission.BedLabel is null ? "" : $", bed {admission.BedLabel}";

    private static DateTimeOffset At(FacilityDays days, DateOnly day, int hour) => days.At(day, new TimeOnly(hour, 0));
}

public sealed record ReverificationOutcome(int Requested, int NeedWork);

/// <summary>
/// Nightly: benefits change (a lapsed plan, a new deductible year), so every admission booked within the next
/// 48 hours is verified again unless it was verified in the last day or a verification is still open. When it
/// cannot be sent (no consent, missing data), the coordinator gets a task saying what is missing.
/// </summary>
[RequiresRole(Roles.System)]
public sealed record ReverifyUpcomingAdmissions : ICommand<ReverificationOutcome>;

public sealed class ReverifyUpcomingAdmissionsHandler(IAdmissionsDbContextFactory dbFactory, ISender sender, TimeProvider clock, IFacilityCalendar calendar)
    : ICommandHandler<ReverifyUpcomingAdmissions, ReverificationOutcome>
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(48);
    public static readonly TimeSpan Fresh = TimeSpan.FromDays(1);

    public async ValueTask<ReverificationOutcome> Handle(ReverifyUpcomingAdmissions command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<(Admission Admission, InsurancePolicy Policy)> due = [];
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            var end = now + Window;
            var admissions = await db.Admissions.AsNoTracking()
                .Where(a => a.State == AdmissionState.Scheduled && a.ScheduledFor >= now && a.ScheduledFor <= end)
                .ToListAsync(cancellationToken);
            var inquiryIds = admissions.Select(a => a.InquiryId).ToList();
            var policies = await (from policy in db.InsurancePolicies.AsNoTracking()
                                  join payer in db.Payers on policy.PayerId equals payer.Id
                                  where inquiryIds.Contains(policy.InquiryId) && policy.RemovedAt == null && policy.Rank == PolicyRank.Primary
                                      && payer.Kind != PayerKind.SelfPay
                                  select policy)
                .ToListAsync(cancellationToken);
            var policyIds = policies.Select(p => p.Id).ToList();
            var since = now - Fresh;
            var recentOrOpen = (await db.EligibilityChecks.AsNoTracking()
                    .Where(c => policyIds.Contains(c.PolicyId) && (c.RequestedAt >= since || c.State == VerificationState.Pending
                        || c.State == VerificationState.NeedsManual || c.State == VerificationState.AwaitingApproval))
                    .Select(c => c.PolicyId)
                    .ToListAsync(cancellationToken))
                .ToHashSet();
            due = [.. from admission in admissions
                      join policy in policies on admission.InquiryId equals policy.InquiryId
                      where !recentOrOpen.Contains(policy.Id)
                      select (admission, policy)];
        }

        int requested = 0, needWork = 0;
        foreach (var (admission, policy) in due)
        {
            try
            {
                await sender.Send(new RequestVerification(admission.InquiryId, policy.Id, [admission.ProgramLevel]), cancellationToken);
                requested++;
            }
            catch (DomainRuleException refused)
            {
                await using var db = await dbFactory.CreateAsync(cancellationToken);
                var inquiry = await db.Inquiries.AsNoTracking().FirstAsync(i => i.Id == admission.InquiryId, cancellationToken);
                await FollowUpEffects.AddTaskOnceAsync(db, inquiry.Id, FollowUpKind.InsuranceCorrection,
                    $"Re-verify {policy.PayerName} before the admission: {refused.Message}",
                    $"admission-reverify:{admission.Id:N}:{(await calendar.ForAsync(admission.FacilityId, cancellationToken)).Today:yyyyMMdd}",
                    inquiry.AssignedCoordinatorId, inquiry.AssignedCoordinatorName, TaskPriority.High, now, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                needWork++;
            }
        }

        return new ReverificationOutcome(requested, needWork);
    }
}
