using Admissions.Application.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Admissions.Application.FollowUps;

public sealed record SweepOutcome(int TasksCreated);

/// <summary>
/// Open inquiries nobody has touched for <see cref="FollowUpOptions.UnworkedAfter"/> get a task for their
/// coordinator (or the team queue). The key holds the last-activity time: the same silence makes one task,
/// and a new silence after someone worked the inquiry makes a new one.
/// </summary>
[RequiresRole(Roles.System)]
public sealed record FlagUnworkedInquiries : ICommand<SweepOutcome>;

public sealed class FlagUnworkedInquiriesHandler(IAdmissionsDbContextFactory dbFactory, TimeProvider clock, IOptions<FollowUpOptions> options)
    : ICommandHandler<FlagUnworkedInquiries, SweepOutcome>
{
    public static string TaskKey(Guid inquiryId, DateTimeOffset lastActivityAt) => $"unworked:{inquiryId:N}:{lastActivityAt.UtcTicks}";

    public ValueTask<SweepOutcome> Handle(FlagUnworkedInquiries command, CancellationToken cancellationToken) =>
        SaveConflicts.RetryAsync(async () =>
        {
            await using var db = await dbFactory.CreateAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var silentSince = now - options.Value.UnworkedAfter;
            var silent = await db.Inquiries.AsNoTracking()
                .Where(i => InquiryStageMachine.OpenStages.Contains(i.Stage) && i.LastActivityAt <= silentSince)
                .Select(i => new { i.Id, i.Number, i.LastActivityAt, i.AssignedCoordinatorId, i.AssignedCoordinatorName })
                .ToListAsync(cancellationToken);
            var created = 0;
            foreach (var inquiry in silent)
            {
                var hours = (int)(now - inquiry.LastActivityAt).TotalHours;
                if (await FollowUpEffects.AddTaskOnceAsync(db, inquiry.Id, FollowUpKind.UnworkedInquiry,
                        $"Work {inquiry.Number}: no activity for {hours} h", TaskKey(inquiry.Id, inquiry.LastActivityAt),
                        inquiry.AssignedCoordinatorId, inquiry.AssignedCoordinatorName, TaskPriority.Normal, now, cancellationToken))
                {
                    created++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            return new SweepOutcome(created);
        });
}

/// <summary>
/// A verification still waiting (on the clearinghouse, or for a phone VOB) after
/// <see cref="FollowUpOptions.VerificationPendingLimit"/> is escalated to the owners of the VOB queue,
/// the managers: a notification each and one task in the team queue. Rejected data (AAA 72/73/75…)
/// already creates a correction task when the 271 is read (RunVerification).
/// </summary>
[RequiresRole(Roles.System)]
public sealed record EscalateStaleVerifications : ICommand<SweepOutcome>;

public sealed class EscalateStaleVerificationsHandler(
    IAdmissionsDbContextFactory dbFactory, IStaffDirectory staff, ILiveNotifier live, TimeProvider clock, IOptions<FollowUpOptions> options)
    : ICommandHandler<EscalateStaleVerifications, SweepOutcome>
{
    public static string TaskKey(Guid checkId) => $"vob-stale:{checkId:N}";

    public ValueTask<SweepOutcome> Handle(EscalateStaleVerifications command, CancellationToken cancellationToken) =>
        SaveConflicts.RetryAsync(async () =>
        {
            await using var db = await dbFactory.CreateAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var waitingSince = now - options.Value.VerificationPendingLimit;
            var stale = await (from c in db.EligibilityChecks.AsNoTracking()
                               join i in db.Inquiries on c.InquiryId equals i.Id
                               where (c.State == VerificationState.Pending || c.State == VerificationState.NeedsManual) && c.RequestedAt <= waitingSince
                               select new { c.Id, c.InquiryId, c.PayerName, c.State, c.RequestedAt, i.Number })
                .ToListAsync(cancellationToken);
            if (stale.Count == 0)
            {
                return new SweepOutcome(0);
            }

            var managers = await staff.UserIdsInRoleAsync(Roles.AdmissionsManager, cancellationToken);
            var created = 0;
            foreach (var check in stale)
            {
                var waiting = $"{(int)(now - check.RequestedAt).TotalHours} h";
                var what = check.State == VerificationState.Pending ? "electronic verification still pending" : "phone VOB not done";
                if (await FollowUpEffects.AddTaskOnceAsync(db, check.InquiryId, FollowUpKind.VerificationEscalation,
                        $"VOB for {check.Number} with {check.PayerName} stuck {waiting}: {what}", TaskKey(check.Id),
                        null, null, TaskPriority.High, now, cancellationToken))
                {
                    created++;
                }

                await FollowUpEffects.NotifyOnceAsync(db, managers, $"VOB stuck: {check.Number}",
                    $"The verification with {check.PayerName} has waited {waiting} ({what}).",
                    $"/inquiries/{check.InquiryId}?tab=insurance", TaskKey(check.Id), now, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            if (created > 0)
            {
                live.NotificationsChanged(managers);
            }

            return new SweepOutcome(created);
        });
}

/// <summary>
/// Certified authorizations whose next concurrent review falls within <see cref="FollowUpOptions.AuthorizationReviewLead"/>
/// get a task for utilization review, once per authorization and review date. (Pended requests are asked
/// again by SubmitAuthorization's own re-check schedule, Insurance:PendedRecheckDelay.)
/// </summary>
[RequiresRole(Roles.System)]
public sealed record RemindAuthorizationReviews : ICommand<SweepOutcome>;

public sealed class RemindAuthorizationReviewsHandler(
    IAdmissionsDbContextFactory dbFactory, IStaffDirectory staff, ILiveNotifier live, IFacilityCalendar calendar, IOptions<FollowUpOptions> options)
    : ICommandHandler<RemindAuthorizationReviews, SweepOutcome>
{
    /// <summary>The start of the working day of the review: the clinical update goes to the payer that morning.</summary>
    private static readonly TimeOnly ReviewDueTime = new(9, 0);

    public static string TaskKey(Guid authorizationId, DateOnly reviewOn) => $"{TaskKeyPrefix(authorizationId)}{reviewOn:yyyyMMdd}";

    /// <summary>What every review task of the authorization's key starts with, whatever the review day.</summary>
    public static string TaskKeyPrefix(Guid authorizationId) => $"auth-review:{authorizationId:N}:";

    public ValueTask<SweepOutcome> Handle(RemindAuthorizationReviews command, CancellationToken cancellationToken) =>
        SaveConflicts.RetryAsync(async () =>
        {
            await using var db = await dbFactory.CreateAsync(cancellationToken);
            var days = calendar.Organisation;
            var now = days.Now;
            var today = days.Today;
            var horizon = days.DayOf(now + options.Value.AuthorizationReviewLead);
            var due = await (from a in db.PriorAuthorizations.AsNoTracking()
                             join i in db.Inquiries on a.InquiryId equals i.Id
                             where (a.Status == AuthorizationStatus.Certified || a.Status == AuthorizationStatus.Partial)
                                   && a.NextReviewOn != null && a.NextReviewOn >= today && a.NextReviewOn <= horizon
                             select new { a.Id, a.InquiryId, a.PayerName, a.NextReviewOn, a.RequestedById, a.RequestedByName, i.Number })
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return new SweepOutcome(0);
            }

            var reviewers = await staff.UserIdsInRoleAsync(Roles.UtilizationReview, cancellationToken);
            var created = 0;
            foreach (var authorization in due)
            {
                var reviewOn = authorization.NextReviewOn!.Value;

                // The reviewer who asked for it keeps it; with one reviewer it is theirs; otherwise the team queue.
                var (assigneeId, assigneeName) = reviewers.Contains(authorization.RequestedById)
                    ? (authorization.RequestedById, authorization.RequestedByName)
                    : reviewers.Count == 1 && await staff.FindAsync(reviewers[0], cancellationToken) is { } only
                        ? (only.Id, only.Name)
                        : ((string?)null, (string?)null);
                var key = TaskKey(authorization.Id, reviewOn);
                if (!await FollowUpEffects.AddTaskOnceAsync(db, authorization.InquiryId, FollowUpKind.AuthorizationReview,
                        $"Concurrent review for {authorization.Number} with {authorization.PayerName} on {reviewOn:MMM d}", key,
                        assigneeId, assigneeName, TaskPriority.High, now, cancellationToken, dueAt: days.At(reviewOn, ReviewDueTime)))
                {
                    continue;
                }

                created++;
                await FollowUpEffects.NotifyOnceAsync(db, assigneeId is null ? reviewers : [assigneeId],
                    $"Concurrent review coming: {authorization.Number}", $"{authorization.PayerName} reviews this stay on {reviewOn:MMM d}.",
                    $"/inquiries/{authorization.InquiryId}?tab=insurance", key, now, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            if (created > 0)
            {
                live.NotificationsChanged(reviewers);
            }

            return new SweepOutcome(created);
        });
}
