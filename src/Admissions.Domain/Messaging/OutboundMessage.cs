using Admissions.Domain.Common;

namespace Admissions.Domain.Messaging;

public enum MessageChannel
{
    Email,
    Sms,
}

public enum MessageState
{
    Pending,
    Sending,
    Sent,
    Failed,
    Deferred,
    Cancelled,
}

/// <summary>Who reads the message: prospects get neutral wording and quiet hours; staff do not.</summary>
public enum MessageAudience
{
    Prospect,
    Staff,

    /// <summary>
    /// A message the person asked for during the conversation (a consent signing link): neutral wording like a prospect's,
    /// sent at once rather than held for quiet hours or daily limits, which govern solicitations; an opt-out still stops it.
    /// </summary>
    Requested,
}

/// <summary>
/// An email or text waiting in the outbox, being sent, or done. Its unique key means the same
/// message is never queued twice, and its state (guarded by the concurrency token) means it is
/// never sent twice: a dispatcher claims it by moving it to Sending before it talks to the provider.
/// </summary>
public sealed class OutboundMessage : AggregateRoot
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public MessageChannel Channel { get; init; }
    public MessageAudience Audience { get; init; }

    /// <summary>An email address, or a phone number in E.164 form (+15551234567).</summary>
    public string Recipient { get; init; } = "";
    public string? RecipientName { get; init; }
    public string Subject { get; init; } = "";
    public string Body { get; init; } = "";
    public string TemplateKey { get; init; } = "";
    public Guid? InquiryId { get; init; }

    /// <summary>The recipient's IANA time zone, for quiet hours.</summary>
    public string? TimeZoneId { get; init; }

    /// <summary>The recipient's US state, for the state texting rules; null when unknown (the strictest rules apply).</summary>
    public string? RecipientState { get; init; }
    public string UniqueKey { get; init; } = "";

    public MessageState State { get; private set; } = MessageState.Pending;
    public int Attempts { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the dispatcher may next pick it up: the scheduled time, a back-off or the end of quiet hours.</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? SendingStartedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? LastError { get; private set; }
    public string? ProviderMessageId { get; private set; }

    public bool IsWaiting => State is MessageState.Pending or MessageState.Deferred;

    public static OutboundMessage Create(
        MessageChannel channel, MessageAudience audience, string recipient, string? recipientName, string subject, string body,
        string templateKey, Guid? inquiryId, string? timeZoneId, string uniqueKey, DateTimeOffset now, DateTimeOffset sendAt, string? recipientState = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        ArgumentException.ThrowIfNullOrWhiteSpace(uniqueKey);
        var message = new OutboundMessage
        {
            Channel = channel,
            Audience = audience,
            Recipient = recipient,
            RecipientName = recipientName,
            Subject = subject,
            Body = body,
            TemplateKey = templateKey,
            InquiryId = inquiryId,
            TimeZoneId = timeZoneId,
            RecipientState = recipientState,
            UniqueKey = uniqueKey,
            CreatedAt = now,
        };
        message.NextAttemptAt = sendAt;
        return message;
    }

    public bool IsDue(DateTimeOffset now) => IsWaiting && NextAttemptAt <= now;

    /// <summary>Takes the message for sending. Saved before the provider is called, so a second dispatcher sees it is taken.</summary>
    public void Claim(DateTimeOffset now)
    {
        if (!IsDue(now))
        {
            throw new DomainRuleException("This message is not waiting to be sent.");
        }

        State = MessageState.Sending;
        Attempts++;
        SendingStartedAt = now;
    }

    public void MarkSent(string? providerMessageId, DateTimeOffset now)
    {
        RequireSending();
        State = MessageState.Sent;
        SentAt = now;
        ProviderMessageId = providerMessageId;
        LastError = null;
    }

    /// <summary>
    /// Records a failed attempt: back to Pending after the next back-off delay, or Failed once the
    /// attempts are used up or the provider said trying again cannot help.
    /// </summary>
    public void MarkAttemptFailed(string error, bool permanent, IReadOnlyList<TimeSpan> retryDelays, int maxAttempts, DateTimeOffset now)
    {
        RequireSending();
        LastError = Trim(error);
        SendingStartedAt = null;
        if (permanent || Attempts >= maxAttempts || retryDelays.Count == 0)
        {
            State = MessageState.Failed;
            return;
        }

        State = MessageState.Pending;
        NextAttemptAt = now + retryDelays[Math.Min(Attempts - 1, retryDelays.Count - 1)];
    }

    /// <summary>
    /// A claim that never finished (the process stopped while sending, or the save after sending
    /// failed). The provider may or may not have it, so it is not sent again blindly: a person decides.
    /// </summary>
    public void MarkInterrupted(DateTimeOffset now)
    {
        RequireSending();
        State = MessageState.Failed;
        SendingStartedAt = null;
        LastError = $"Sending was interrupted at {now:u}; the provider may or may not have delivered it. Check before retrying.";
    }

    /// <summary>Quiet hours: not dropped, picked up again at <paramref name="until"/>.</summary>
    public void Defer(DateTimeOffset until, string reason)
    {
        if (!IsWaiting)
        {
            throw new DomainRuleException("Only a waiting message can be deferred.");
        }

        State = MessageState.Deferred;
        NextAttemptAt = until;
        LastError = reason;
    }

    public void Cancel(string reason)
    {
        if (!IsWaiting)
        {
            throw new DomainRuleException(State == MessageState.Sending
                ? "This message is being sent right now and can no longer be cancelled."
                : $"Only a pending or deferred message can be cancelled; this one is {State.ToString().ToLowerInvariant()}.");
        }

        State = MessageState.Cancelled;
        LastError = Trim(reason);
    }

    /// <summary>A person asks for a failed message to go again: one more round of attempts from now.</summary>
    public void Retry(DateTimeOffset now)
    {
        if (State != MessageState.Failed)
        {
            throw new DomainRuleException("Only a failed message can be retried.");
        }

        State = MessageState.Pending;
        Attempts = 0;
        NextAttemptAt = now;
    }

    private void RequireSending()
    {
        if (State != MessageState.Sending)
        {
            throw new InvalidOperationException($"The message is {State}, not Sending.");
        }
    }

    private static string Trim(string text) => text.Length <= 1000 ? text : text[..1000];
}
