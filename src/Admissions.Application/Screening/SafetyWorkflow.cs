using Admissions.Application.Common;
using Admissions.Application.Insurance;
using Admissions.Domain.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Screening;
using Admissions.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Screening;

/// <summary>
/// What a safety verdict sets off: the alert on the inquiry, a timeline line, a task and in-app notifications
/// for the on-call clinicians and managers. Raised once per screening (with its corrections) and level.
/// </summary>
internal static class SafetyWorkflow
{
    public static readonly TimeSpan SafetyCallWithin = TimeSpan.FromMinutes(15);

    public static string TaskKey(Guid alertId) => $"safety-call:{alertId}";

    public static async Task<(InquirySafetyAlert Alert, IReadOnlyList<string> NotifiedUserIds)?> RaiseIfNeededAsync(
        IAdmissionsDbContext db, IStaffDirectory staff, Inquiry inquiry, ScreeningRecord screening, SafetyAlert verdict, Actor by,
        DateTimeOffset now, CancellationToken cancellationToken)
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
        inquiry.Record(ActivityKind.Safety, immediate ? $"SAFETY ALERT: {verdict.Reason}" : $"Flagged for clinician review: {verdict.Reason}", by, now);

        db.FollowUpTasks.Add(new FollowUpTask
        {
            InquiryId = inquiry.Id,
            Kind = immediate ? FollowUpKind.SafetyCall : FollowUpKind.ClinicianReview,
            Title = immediate ? "Safety call within 15 minutes" : "Clinician review of C-SSRS answers",
            DueAt = immediate ? now + SafetyCallWithin : now + TimeSpan.FromHours(1),
            Priority = immediate ? TaskPriority.Urgent : TaskPriority.High,
            CreatedAt = now,
            UniqueKey = TaskKey(alert.Id),
        });

        var recipients = (await staff.UserIdsInRoleAsync(Roles.Clinician, cancellationToken)).ToList();
        if (immediate)
        {
            recipients.AddRange(await staff.UserIdsInRoleAsync(Roles.AdmissionsManager, cancellationToken));
        }

        var notified = recipients.Distinct().ToList();
        await FollowUpEffects.NotifyOnceAsync(
            db, notified,
            immediate ? $"Safety alert: inquiry {inquiry.Number}" : $"Clinician review: inquiry {inquiry.Number}",
            immediate ? $"{verdict.Reason} Call within 15 minutes and record a disposition." : verdict.Reason,
            $"/inquiries/{inquiry.Id}?tab=screening", $"safety:{alert.Id}", now, cancellationToken);
        return (alert, notified);
    }
}
