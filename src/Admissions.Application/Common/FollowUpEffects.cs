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
    public static async Task AddTaskOnceAsync(
        IAdmissionsDbContext db, Guid inquiryId, FollowUpKind kind, string title, string uniqueKey,
        string? assigneeId, string? assigneeName, TaskPriority priority, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.FollowUpTasks.AnyAsync(t => t.UniqueKey == uniqueKey, cancellationToken))
        {
            return;
        }

        db.FollowUpTasks.Add(new FollowUpTask
        {
            InquiryId = inquiryId,
            Kind = kind,
            Title = title,
            DueAt = now,
            AssigneeId = assigneeId,
            AssigneeName = assigneeName,
            Priority = priority,
            CreatedAt = now,
            UniqueKey = uniqueKey,
        });
    }

    public static async Task NotifyOnceAsync(
        IAdmissionsDbContext db, IEnumerable<string> userIds, string title, string body, string link, string uniqueKey,
        DateTimeOffset now, CancellationToken cancellationToken)
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
            });
        }
    }
}
