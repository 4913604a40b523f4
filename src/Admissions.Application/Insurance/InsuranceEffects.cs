using Admissions.Application.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Insurance;
using Admissions.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Insurance;

/// <summary>
/// The tasks and notifications insurance work leaves for people. Each carries a unique key so a
/// retried job finds what it made instead of making it again.
/// </summary>
internal static class InsuranceEffects
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

    /// <summary>The newest active consent that lets us disclose to <paramref name="payerId"/> for payment, if any.</summary>
    public static async Task<Part2Consent?> PaymentConsentAsync(
        IAdmissionsDbContext db, Guid inquiryId, Guid payerId, DateOnly today, CancellationToken cancellationToken) =>
        (await db.Part2Consents.Where(c => c.InquiryId == inquiryId).ToListAsync(cancellationToken))
            .OrderByDescending(c => c.SignedAt)
            .FirstOrDefault(c => c.Covers(payerId, DisclosurePurpose.Payment, today));

    /// <summary>Writes one line of the accounting of disclosures: what went to the payer, how, under which consent.</summary>
    public static void RecordDisclosure(
        IAdmissionsDbContext db, Guid inquiryId, Part2Consent consent, string recipient, string information, string channel,
        string? reference, string byId, string byName, DateTimeOffset at) =>
        db.Disclosures.Add(new Disclosure
        {
            InquiryId = inquiryId,
            ConsentId = consent.Id,
            DisclosedAt = at,
            DisclosedById = byId,
            DisclosedByName = byName,
            Recipient = recipient,
            Purpose = DisclosurePurpose.Payment,
            Information = information,
            Channel = channel,
            Reference = reference,
        });
}
