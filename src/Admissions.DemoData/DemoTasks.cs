using Admissions.Application.Common;
using Admissions.Domain.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Microsoft.EntityFrameworkCore;

namespace Admissions.DemoData;

/// <summary>
/// A working day's list for the demo coordinator (two overdue, two coming up, one promised callback) and
/// a few tasks in the team queue, on open demo inquiries, so My work shows what it is for.
/// </summary>
internal static class DemoTasks
{
    private static readonly string[] Touches =
    [
        "Spoke with the caller: still interested, waiting on the insurance card photo.",
        "Left a voicemail and sent the callback number by text.",
        "Caller asked about family visiting hours; answered and confirmed next steps.",
        "Checked in with the referring therapist; records are on the way.",
        "Caller confirmed the best time to reach them is after 3 PM.",
    ];

    /// <summary>
    /// A working team touches its open inquiries every day: each one worked in stages past New gets a note from its
    /// coordinator in the last few hours, so the unworked-inquiry sweep does not bury a fresh demo day in overdue tasks.
    /// </summary>
    public static async Task TouchOpenInquiriesAsync(IAdmissionsDbContext db, Actor coordinator, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stale = now.AddHours(-12);
        var open = await db.Inquiries
            .Where(i => InquiryStageMachine.OpenStages.Contains(i.Stage) && i.Stage != InquiryStage.New && i.LastActivityAt < stale)
            .OrderBy(i => i.Number)
            .ToListAsync(cancellationToken);
        for (var n = 0; n < open.Count; n++)
        {
            var inquiry = open[n];
            var by = inquiry.AssignedCoordinatorId is { } id ? new Actor(id, inquiry.AssignedCoordinatorName ?? coordinator.Name) : coordinator;
            inquiry.AddNote(Touches[n % Touches.Length], by, now.AddMinutes(-(45 + (n * 37 % 480))));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

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
