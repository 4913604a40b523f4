using Admissions.Domain.FollowUps;
using Admissions.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Common;

/// <summary>
/// The tasks and notifications jobs and handlers leave for people. Each carries a unique key so a
/// retried job finds what it made instead of making it again.
/// </summary>
internal static class FollowUpEffects
{
    /// <summary>Adds the task unless one with the key exists (saved, or added to this context); true when added. Due now unless <paramref name="dueAt"/> says otherwise.</summary>
    public static async Task<bool> AddTaskOnceAsync(
        IAdmissionsDbContext db, Guid inquiryId, FollowUpKind kind, string title, string uniqueKey,
        string? assigneeId, string? assigneeName, TaskPriority priority, DateTimeOffset now, CancellationToken cancellationToken,
        DateTimeOffset? dueAt = null)
    {
        if (db.FollowUpTasks.Local.Any(t => t.UniqueKey == uniqueKey)
            || await db.FollowUpTasks.AnyAsync(t => t.UniqueKey == uniqueKey, cancellationToken))
        {
            return false;
        }

        db.FollowUpTasks.Add(new FollowUpTask
        {
            InquiryId = inquiryId,
            Kind = kind,
            Title = title,
            DueAt = dueAt ?? now,
            AssigneeId = assigneeId,
            AssigneeName = assigneeName,
            Priority = priority,
            CreatedAt = now,
            UniqueKey = uniqueKey,
        });
        return true;
    }

    public static async Task NotifyOnceAsync(
        IAdmissionsDbContext db, IEnumerable<string> userIds, string title, string body, string link, string uniqueKey,
        DateTimeOffset now, CancellationToken cancellationToken, bool urgent = false)
    {
        foreach (var userId in userIds.Distinct())
        {
            var key = $"{uniqueKey}:{userId}";
            if (await db.Notifications.AnyAsync(n => n.UserId == userId && n.UniqueKey == key, cancellationToken))
            {
                continue;
            }

            db.Notifications.Add(new Notification
            {
                UserId = userId,
                Title = title,
                Body = body,
                Link = link,
                CreatedAt = now,
                UniqueKey = key,
                IsUrgent = urgent,
            });
        }
    }
}
