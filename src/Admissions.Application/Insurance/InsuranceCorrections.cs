using Admissions.Application.Common;
using Admissions.Domain.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Insurance;

/// <summary>The "Correct insurance details" task a rejected verification leaves, and what ends it.</summary>
internal static class InsuranceCorrections
{
    public static string TaskKey(Guid checkId) => $"vob-correction:{checkId:N}";

    /// <summary>
    /// A verification of the policy completed: the corrections asked for by its earlier rejected checks are done, with a
    /// line on the timeline, instead of waiting for someone to close them by hand.
    /// </summary>
    public static async Task CloseAnsweredAsync(IAdmissionsDbContext db, EligibilityCheck completed, Inquiry inquiry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var earlier = await db.EligibilityChecks.AsNoTracking()
            .Where(c => c.PolicyId == completed.PolicyId && c.Id != completed.Id)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        var keys = earlier.Select(TaskKey).ToList();
        var open = await db.FollowUpTasks
            .Where(t => t.InquiryId == inquiry.Id && t.Kind == FollowUpKind.InsuranceCorrection && t.State == FollowUpState.Open && keys.Contains(t.UniqueKey!))
            .ToListAsync(cancellationToken);
        foreach (var task in open)
        {
            task.Complete($"Closed automatically: a later verification of {completed.PayerName} completed", now);
            inquiry.Record(ActivityKind.Task, $"Task done automatically: {task.Title} — a later verification of {completed.PayerName} completed", Actor.System, now);
        }
    }
}
