using System.Collections.Concurrent;
using Admissions.Application.Messaging;
using Admissions.Domain.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Admissions.Application.Tests.Messaging;

/// <summary>An email and SMS provider that records what it was given and fails on cue.</summary>
public sealed class RecordingSender : IEmailSender, ISmsSender
{
    private readonly ConcurrentQueue<Guid> _sent = new();
    private readonly ConcurrentQueue<Exception> _failures = new();

    /// <summary>Ids of every message handed to the provider, in order (a duplicate would show twice).</summary>
    public IReadOnlyList<Guid> Sent => [.. _sent];

    private TaskCompletionSource? _hold;

    /// <summary>Holds the next send mid-way until the returned source is completed.</summary>
    public TaskCompletionSource HoldNext()
    {
        _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _hold;
    }

    /// <summary>Completed when a send has started (and is waiting at the gate).</summary>
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool AlwaysFail { get; set; }

    public void FailNext(Exception exception) => _failures.Enqueue(exception);

    public Task<SendReceipt> SendAsync(EmailToSend email, CancellationToken cancellationToken) => SendAsync(email.MessageId);

    public Task<SendReceipt> SendAsync(SmsToSend sms, CancellationToken cancellationToken) => SendAsync(sms.MessageId);

    private async Task<SendReceipt> SendAsync(Guid id)
    {
        _sent.Enqueue(id);
        Started.TrySetResult();
        if (Interlocked.Exchange(ref _hold, null) is { } hold)
        {
            await hold.Task;
        }

        if (AlwaysFail)
        {
            throw new MessageSendException("Provider unavailable", permanent: false);
        }

        if (_failures.TryDequeue(out var failure))
        {
            throw failure;
        }

        return new SendReceipt($"provider-{id:N}");
    }

    public void Register(IServiceCollection services)
    {
        services.RemoveAll<IEmailSender>();
        services.RemoveAll<ISmsSender>();
        services.AddSingleton<IEmailSender>(this);
        services.AddSingleton<ISmsSender>(this);
    }
}

internal static class Messages
{
    /// <summary>Puts a message straight into the outbox, due at <paramref name="sendAt"/> (now by default).</summary>
    public static async Task<OutboundMessage> QueueAsync(
        TestHost host, MessageChannel channel = MessageChannel.Email, MessageAudience audience = MessageAudience.Staff,
        string? recipient = null, DateTimeOffset? sendAt = null, string? timeZoneId = null, string templateKey = "test", Guid? inquiryId = null,
        string? state = "NY", bool consentToText = true)
    {
        var now = host.Clock.GetUtcNow();
        var message = OutboundMessage.Create(channel, audience,
            recipient ?? (channel == MessageChannel.Email ? "someone@example.org" : "+15552014477"), "Someone", "Subject", "Body", templateKey,
            inquiryId, timeZoneId, Guid.NewGuid().ToString("N"), now, sendAt ?? now, state);
        await using var db = host.CreateDbContext();
        if (channel == MessageChannel.Sms && audience == MessageAudience.Prospect && consentToText && !await db.TextingConsents.AnyAsync(c => c.Phone == message.Recipient))
        {
            db.TextingConsents.Add(TextingConsent.Record(message.Recipient, inquiryId, TextingConsentMethod.VerbalOnCall, "May we text you?",
                new Admissions.Domain.Common.Actor("test", "Test"), now));
        }

        db.OutboundMessages.Add(message);
        await db.SaveChangesAsync();
        return message;
    }

    public static Task<OutboundMessage> FindAsync(TestHost host, Guid id) =>
        host.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.OutboundMessages, m => m.Id == id));

    public static Task<DispatchSummary> DispatchAsync(TestHost host) => host.SendAsSystemAsync(new DispatchOutbox());
}
