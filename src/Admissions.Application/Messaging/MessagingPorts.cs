using Admissions.Domain.Messaging;

namespace Admissions.Application.Messaging;

public sealed record EmailToSend(Guid MessageId, string To, string? ToName, string Subject, string Body);

public sealed record SmsToSend(Guid MessageId, string To, string Body);

/// <summary>What the provider answered: its id for the message (or the file name for the file outbox).</summary>
public sealed record SendReceipt(string? ProviderMessageId);

/// <summary>
/// The provider refused the message. <see cref="Permanent"/> failures (a malformed address, an
/// unsubscribed number) are not retried; anything else, including other exceptions, is.
/// </summary>
public sealed class MessageSendException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}

public interface IEmailSender
{
    Task<SendReceipt> SendAsync(EmailToSend email, CancellationToken cancellationToken);
}

public interface ISmsSender
{
    Task<SendReceipt> SendAsync(SmsToSend sms, CancellationToken cancellationToken);
}

/// <summary>Starts a dispatch run soon (new messages should not wait for the minute tick).</summary>
public interface IOutboxDispatchSignal
{
    void DispatchSoon();
}

/// <summary>The copy a file-outbox provider wrote, for the Outbox page; null for real providers.</summary>
public interface IOutboxFileReader
{
    Task<string?> ReadAsync(MessageChannel channel, string providerMessageId, CancellationToken cancellationToken);
}
