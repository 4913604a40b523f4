using Admissions.Application.Common;
using Admissions.Application.Safety;
using Admissions.Domain.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Screening;
using Admissions.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Screening;

/// <summary>
/// What a safety verdict sets off: the alert on the inquiry, a timeline line, a task owned by the on-call clinician, and
/// in-app notifications (the owner and the managers; with nobody on call, every clinician and manager, and the task waits
/// at the top of the team queue). Raised once per screening (with its corrections) and level.
/// </summary>
internal static class SafetyWorkflow
{
    public static string TaskKey(Guid alertId) => $"safety-call:{alertId}";

    public static async Task<(InquirySafetyAlert Alert, IReadOnlyList<string> NotifiedUserIds)?> RaiseIfNeededAsync(
        IAdmissionsDbContext db, IStaffDirectory staff, IFacilityCalendar calendar, SafetyOptions options, Inquiry inquiry, ScreeningRecord screening,
        SafetyAlert verdict, Actor by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (verdict.Level == AlertLevel.None)
        {
            return null;
        }

        // This screening and the versions it corrects: an alert raised on any of them (even resolved) is not raised again
        // by saving the same answers; an open one on the same instrument covers a new screening too.
        // Versions of one screening share its inquiry and instrument: read them once and walk the chain in memory.
        var supersedes = await db.Screenings
            .Where(s => s.InquiryId == inquiry.Id && s.Instrument == screening.Instrument)
            .ToDictionaryAsync(s => s.Id, s => s.SupersedesId, cancellationToken);
        var screeningIds = new List<Guid> { screening.Id };
        for (var previous = screening.SupersedesId; previous is { } previousId && !screeningIds.Contains(previousId);
             previous = supersedes.GetValueOrDefault(previousId))
        {
            screeningIds.Add(previousId);
        }

        var alreadyRaised = await db.SafetyAlerts.AnyAsync(
            a => a.InquiryId == inquiry.Id && a.Level == verdict.Level
                && (screeningIds.Contains(a.ScreeningId) || (a.ResolvedAt == null && a.Instrument == screening.Instrument)),
            cancellationToken);
        if (alreadyRaised)
        {
            return null;
        }

        var alert = InquirySafetyAlert.Raise(screening, verdict, by, now);
        db.SafetyAlerts.Add(alert);
        var immediate = verdict.Level == AlertLevel.Immediate;
        var onCall = await OnCallRoster.ForInquiryAsync(db, calendar, inquiry.FacilityId, now, cancellationToken);
        inquiry.Record(ActivityKind.Safety, immediate ? $"SAFETY ALERT: {verdict.Reason}" : $"Flagged for clinician review: {verdict.Reason}", by, now,
            onCall is null
                ? "Nobody is on call: every clinician and manager was told, and the task waits at the top of the team queue."
                : $"Owner: {onCall.Describe()}.");

        var within = immediate ? options.CallWithin : options.ClinicianReviewWithin;
        db.FollowUpTasks.Add(new FollowUpTask
        {
            InquiryId = inquiry.Id,
            Kind = immediate ? FollowUpKind.SafetyCall : FollowUpKind.ClinicianReview,
            Title = immediate ? $"Safety call within {SafetyOptions.Describe(within)}" : $"Clinician review of C-SSRS answers within {SafetyOptions.Describe(within)}",
            DueAt = now + within,
            Priority = immediate ? TaskPriority.Urgent : TaskPriority.High,
            AssigneeId = onCall?.Clinician.Id,
            AssigneeName = onCall?.Clinician.Name,
            CreatedAt = now,
            SafetyAlertId = alert.Id,
            UniqueKey = TaskKey(alert.Id),
        });

        var recipients = await RecipientsAsync(staff, onCall, cancellationToken);
        await FollowUpEffects.NotifyOnceAsync(
            db, recipients,
            immediate ? $"Safety alert: inquiry {inquiry.Number}" : $"Clinician review: inquiry {inquiry.Number}",
            (immediate ? $"{verdict.Reason} Call within {SafetyOptions.Describe(within)} and record a disposition." : verdict.Reason)
                + (onCall is null ? " Nobody is on call: take the task from the team queue." : $" Owner: {onCall.Clinician.Name}."),
            $"/inquiries/{inquiry.Id}?tab=screening", $"safety:{alert.Id}", now, cancellationToken, urgent: immediate);
        return (alert, recipients);
    }

    /// <summary>The on-call clinician and every manager; with nobody on call, every clinician and manager.</summary>
    public static async Task<IReadOnlyList<string>> RecipientsAsync(IStaffDirectory staff, OnCallClinician? onCall, CancellationToken cancellationToken)
    {
        var recipients = (await staff.UserIdsInRoleAsync(Roles.AdmissionsManager, cancellationToken)).ToList();
        if (onCall is null)
        {
            recipients.AddRange(await staff.UserIdsInRoleAsync(Roles.Clinician, cancellationToken));
        }
        else
        {
            recipients.Add(onCall.Clinician.Id);
        }

        return [.. recipients.Distinct()];
    }
}
