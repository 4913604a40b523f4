using Admissions.Application.Common;
using Admissions.Domain.Common;
using Admissions.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Messaging;

/// <summary>A message to put in the outbox: which template, to whom, about which inquiry, when.</summary>
internal sealed record MessageDraft(
    MessageChannel Channel, MessageAudience Audience, string Address, string? RecipientName, string TemplateKey,
    IReadOnlyDictionary<string, string> Values, Guid? InquiryId, string? TimeZoneId, string UniqueKey, DateTimeOffset SendAt,
    string? RecipientState = null);

/// <summary>Putting messages in the outbox and reading who may not be messaged.</summary>
internal static class Outbox
{
    /// <summary>
    /// Adds the message unless one with the same unique key exists (a retried job or event) or the
    /// address is unusable. A prospect who opted out gets the message recorded as cancelled, with why.
    /// </summary>
    public static async Task<OutboundMessage?> QueueOnceAsync(IAdmissionsDbContext db, MessageDraft draft, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.OutboundMessages.AnyAsync(m => m.UniqueKey == draft.UniqueKey, cancellationToken)
            || MessagingAddress.Normalize(draft.Channel, draft.Address) is not { } address)
        {
            return null;
        }

        var rendered = MessageTemplates.Render(draft.TemplateKey, draft.Channel, draft.Values);
        var message = OutboundMessage.Create(draft.Channel, draft.Audience, address, draft.RecipientName, rendered.Subject, rendered.Body,
            draft.TemplateKey, draft.InquiryId, draft.TimeZoneId, draft.UniqueKey, now, draft.SendAt, draft.RecipientState);
        if (draft.Audience != MessageAudience.Staff && await FindOptOutAsync(db, draft.Channel, address, cancellationToken) is { } optOut)
        {
            message.Cancel(OptedOutReason(optOut));
        }

        db.OutboundMessages.Add(message);
        return message;
    }

    public static Task<MessagingOptOut?> FindOptOutAsync(IAdmissionsDbContext db, MessageChannel channel, string address, CancellationToken cancellationToken) =>
        db.MessagingOptOuts.AsNoTracking().FirstOrDefaultAsync(o => o.Channel == channel && o.Address == address, cancellationToken);

    public static string OptedOutReason(MessagingOptOut optOut) => optOut.Source == OptOutSource.InboundStop
        ? $"Not sent: {optOut.Address} replied STOP on {optOut.OptedOutAt:yyyy-MM-dd}."
        : $"Not sent: {optOut.Address} asked not to be contacted this way ({optOut.RecordedBy}, {optOut.OptedOutAt:yyyy-MM-dd}).";

    /// <summary>The values every prospect template uses.</summary>
    public static Dictionary<string, string> ProspectValues(MessagingOptions options, string? name) => new()
    {
        ["Name"] = FirstName(name),
        ["Team"] = options.SenderName,
        ["Phone"] = options.CallbackPhone,
    };

    /// <summary>The recipient's zone from their state, else the facility's.</summary>
    public static string ZoneFor(string? state, MessagingOptions options) => UsTimeZones.ForState(state) ?? options.FacilityTimeZone;

    private static string FirstName(string? name)
    {
        var first = name?.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return string.IsNullOrEmpty(first) ? "there" : first;
    }
}
