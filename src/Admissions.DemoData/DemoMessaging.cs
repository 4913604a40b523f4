using Admissions.Application.Common;
using Admissions.Application.Dashboards;
using Admissions.Application.Messaging;
using Admissions.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Admissions.DemoData;

/// <summary>
/// A few outbound messages in every state, so the Outbox page shows what it is for: a sent digest,
/// a sent missed-call text, a text that failed at the provider, one held for quiet hours, one not
/// sent because the number replied STOP and a callback reminder waiting for its time.
/// </summary>
internal static class DemoMessaging
{
    /// <summary>The demo campus's neutral name (appsettings.json's <c>Messaging:SenderName</c>): Riverbend Recovery Center without the word that says what it treats.</summary>
    private const string SenderName = "Riverbend";

    public static async Task SeedAsync(IAdmissionsDbContext db, string managerEmail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inquiries = await db.Inquiries.AsNoTracking().OrderBy(i => i.Number).Take(4)
            .Select(i => new { i.Id, i.Details.CallerName }).ToListAsync(cancellationToken);
        if (inquiries.Count < 4)
        {
            return;
        }

        OutboundMessage Message(MessageChannel channel, MessageAudience audience, string to, string? name, string templateKey, Guid? inquiryId, string zone, TimeSpan ago,
            Dictionary<string, string> values)
        {
            var rendered = MessageTemplates.Render(templateKey, channel, values);
            return OutboundMessage.Create(channel, audience, to, name, rendered.Subject, rendered.Body, templateKey, inquiryId, zone,
                $"demo:{templateKey}:{channel}:{to}", now - ago, now - ago);
        }

        Dictionary<string, string> Prospect(string? caller) => new()
        {
            ["Name"] = caller?.Split(' ')[0] ?? "there",
            ["Sender"] = "Casey",
            ["Team"] = SenderName,
            ["Phone"] = "(555) 010-0100",
        };

        var digest = Message(MessageChannel.Email, MessageAudience.Staff, managerEmail, "Morgan Reyes", MessageTemplates.ManagerDigest, null, "America/Los_Angeles",
            TimeSpan.FromHours(3), SendManagerDigestHandler.Values(
                new DigestCounts(DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1), 6, 2, new DepartmentAttention(
                    DateOnly.FromDateTime(now.UtcDateTime), 1, 1, 2, 1, [new("Casey Nguyen", 2), new(null, 1)])),
                "http://127.0.0.1:5000"));
        digest.Claim(now - TimeSpan.FromHours(3));
        digest.MarkSent("demo-digest.eml", now - TimeSpan.FromHours(3));

        var missed = Message(MessageChannel.Sms, MessageAudience.Prospect, "+15552010001", inquiries[0].CallerName, MessageTemplates.MissedCall, inquiries[0].Id,
            "America/Chicago", TimeSpan.FromHours(2), Prospect(inquiries[0].CallerName));
        missed.Claim(now - TimeSpan.FromHours(2));
        missed.MarkSent("SMdemo0001", now - TimeSpan.FromHours(2));

        var reminder = Prospect(inquiries[1].CallerName);
        reminder["When"] = "today at 4:00 PM";
        var failed = Message(MessageChannel.Sms, MessageAudience.Prospect, "+15552010002", inquiries[1].CallerName, MessageTemplates.CallbackReminder, inquiries[1].Id,
            "America/New_York", TimeSpan.FromHours(1), reminder);
        foreach (var minutesAgo in new[] { 60, 59, 54, 39 })
        {
            failed.Claim(now - TimeSpan.FromMinutes(minutesAgo));
            failed.MarkAttemptFailed("Twilio answered 503", permanent: false, [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15)],
                maxAttempts: 4, now - TimeSpan.FromMinutes(minutesAgo));
        }

        var deferred = Message(MessageChannel.Sms, MessageAudience.Prospect, "+15552010003", inquiries[2].CallerName, MessageTemplates.Nurture7Days, inquiries[2].Id,
            "America/New_York", TimeSpan.FromMinutes(30), Prospect(inquiries[2].CallerName));
        deferred.Defer(now + TimeSpan.FromHours(9), "Quiet hours for the recipient (America/New_York); deferred to 08:00 their time.");

        var stopped = Message(MessageChannel.Sms, MessageAudience.Prospect, "+15552010004", inquiries[3].CallerName, MessageTemplates.Nurture1Day, inquiries[3].Id,
            "America/Los_Angeles", TimeSpan.FromMinutes(20), Prospect(inquiries[3].CallerName));
        var optOut = new MessagingOptOut
        {
            Channel = MessageChannel.Sms,
            Address = "+15552010004",
            Source = OptOutSource.InboundStop,
            OptedOutAt = now - TimeSpan.FromDays(1),
            RecordedBy = "Text reply",
            Note = "Replied \"STOP\"",
        };
        stopped.Cancel($"Not sent: {optOut.Address} replied STOP on {optOut.OptedOutAt:yyyy-MM-dd}.");

        // Waiting for its time: the reminder of tomorrow morning's promised callback.
        var callback = Prospect(inquiries[0].CallerName);
        callback["When"] = "tomorrow at 9:00 AM";
        var rendered = MessageTemplates.Render(MessageTemplates.CallbackReminder, MessageChannel.Sms, callback);
        var waiting = OutboundMessage.Create(MessageChannel.Sms, MessageAudience.Prospect, "+15552010001", inquiries[0].CallerName, rendered.Subject, rendered.Body,
            MessageTemplates.CallbackReminder, inquiries[0].Id, "America/Chicago", $"demo:{MessageTemplates.CallbackReminder}:sms:next", now, now + TimeSpan.FromHours(14));

        db.MessagingOptOuts.Add(optOut);
        db.OutboundMessages.AddRange(digest, missed, failed, deferred, stopped, waiting);
        await db.SaveChangesAsync(cancellationToken);
    }
}
