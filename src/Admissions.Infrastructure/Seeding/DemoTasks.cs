using Admissions.Application.Common;
using Admissions.Domain.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Infrastructure.Seeding;

/// <summary>
/// A working day's list for the demo coordinator (two overdue, two coming up, one promised callback) and
/// a few tasks in the team queue, on open demo inquiries, so My work shows what it is for.
/// </summary>
internal static class DemoTasks
{
    public static async Task SeedAsync(IAdmissionsDbContext db, Actor coordinator, Actor manager, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.FollowUpTasks.AnyAsync(t => t.UniqueKey != null && t.UniqueKey.StartsWith("demo:"), cancellationToken))
        {
            return;
        }

        var open = await db.Inquiries.AsNoTracking()
            .Where(i => i.Stage == InquiryStage.Contacted || i.Stage == InquiryStage.PreScreening || i.Stage == InquiryStage.InsuranceVerification
                        || i.Stage == InquiryStage.ClinicalReview)
            .OrderBy(i => i.Number)
            .Select(i => new { i.Id, i.Number })
            .Take(8)
            .ToListAsync(cancellationToken);
        if (open.Count < 8)
        {
            return;
        }

        (string Title, FollowUpKind Kind, TaskPriority Priority, TimeSpan Due, Actor? Assignee)[] tasks =
        [
            ("Call back: caller asked about detox beds", FollowUpKind.Callback, TaskPriority.High, TimeSpan.FromMinutes(-50), coordinator),
            ("Collect the insurance card photo", FollowUpKind.General, TaskPriority.Normal, TimeSpan.FromHours(-3), coordinator),
            ("Send the pre-admission packet", FollowUpKind.General, TaskPriority.Normal, TimeSpan.FromHours(2), coordinator),
            ("Confirm travel plans with the family", FollowUpKind.General, TaskPriority.Normal, TimeSpan.FromHours(26), coordinator),
            ("Call back at 4:00 PM caller's time", FollowUpKind.Callback, TaskPriority.High, TimeSpan.FromHours(5), coordinator),
            ("Second attempt: no answer this morning", FollowUpKind.UnworkedInquiry, TaskPriority.Normal, TimeSpan.FromMinutes(-20), null),
            ("Ask the referring therapist for notes", FollowUpKind.General, TaskPriority.Normal, TimeSpan.FromHours(4), null),
            ("Check the payer portal for the reference number", FollowUpKind.General, TaskPriority.High, TimeSpan.FromHours(6), null),
        ];
        for (var n = 0; n < tasks.Length; n++)
        {
            var (title, kind, priority, due, assignee) = tasks[n];
            db.FollowUpTasks.Add(new FollowUpTask
            {
                InquiryId = open[n].Id,
                Kind = kind,
                Title = title,
                DueAt = now + due,
                AssigneeId = assignee?.Id,
                AssigneeName = assignee?.Name,
                Priority = priority,
                CreatedAt = now.AddHours(-6),
                CreatedById = manager.Id,
                CreatedByName = manager.Name,
                UniqueKey = $"demo:{n}",
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
