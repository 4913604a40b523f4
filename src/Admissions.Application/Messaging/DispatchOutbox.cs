using Admissions.Application.Common;
using Admissions.Domain.Common;
using Admissions.Domain.Messaging;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Admissions.Application.Messaging;

public sealed record DispatchSummary(int Sent, int Retrying, int Failed, int Deferred, int Cancelled, int Interrupted);

/// <summary>
/// Sends the messages that are due. Delivery is at most once: a message is claimed (Pending →
/// Sending, guarded by its concurrency token) and that claim is saved before the provider is
/// called, so a second dispatcher running at the same time skips it. If the process stops, or the
/// save after a successful send fails, the message stays Sending; after <see cref="MessagingOptions.SendingTimeout"/>
/// it is marked Failed with a note for a person to check, and never re-sent on its own. A
/// provider error that is known to have happened (an exception from the sender) is retried with back-off.
/// </summary>
[RequiresRole(Roles.System)]
public sealed record DispatchOutbox : ICommand<DispatchSummary>;

public sealed partial class DispatchOutboxHandler(
    IAdmissionsDbContextFactory dbFactory, IEmailSender email, ISmsSender sms, IStaffDirectory staff, ILiveNotifier live, IOptions<MessagingOptions> options,
    TimeProvider clock, ILogger<DispatchOutboxHandler> logger)
    : ICommandHandler<DispatchOutbox, DispatchSummary>
{
    private enum Outcome
    {
        Skipped,
        Sent,
        Retrying,
        Failed,
        Deferred,
        Cancelled,
    }

    public async ValueTask<DispatchSummary> Handle(DispatchOutbox command, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var interrupted = await FailInterruptedAsync(now - settings.SendingTimeout, now, cancellationToken);

        List<Guid> due;
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            due = await db.OutboundMessages.AsNoTracking()
                .Where(m => (m.State == MessageState.Pending || m.State == MessageState.Deferred) && m.NextAttemptAt <= now)
                .OrderBy(m => m.NextAttemptAt)
                .Select(m => m.Id)
                .Take(Math.Max(1, settings.BatchSize))
                .ToListAsync(cancellationToken);
        }

        var outcomes = new List<Outcome>();
        foreach (var id in due)
        {
            outcomes.Add(await DispatchOneAsync(id, settings, cancellationToken));
        }

        return new DispatchSummary(
            outcomes.Count(o => o == Outcome.Sent), outcomes.Count(o => o == Outcome.Retrying), outcomes.Count(o => o == Outcome.Failed),
            outcomes.Count(o => o == Outcome.Deferred), outcomes.Count(o => o == Outcome.Cancelled), interrupted);
    }

    private async Task<int> FailInterruptedAsync(DateTimeOffset startedBefore, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var stuck = await db.OutboundMessages
            .Where(m => m.State == MessageState.Sending && m.SendingStartedAt < startedBefore)
            .ToListAsync(cancellationToken);
        foreach (var message in stuck)
        {
            message.MarkInterrupted(now);
        }

        if (stuck.Count == 0)
        {
            return 0;
        }

        var told = await TellAboutFailuresAsync(db, stuck, now, cancellationToken);
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return 0;
        }

        live.NotificationsChanged(told);
        return stuck.Count;
    }

    /// <summary>Admins and managers hear about a message that will not go by itself; the Outbox shows why and lets them retry.</summary>
    private async Task<IReadOnlyList<string>> TellAboutFailuresAsync(
        IAdmissionsDbContext db, IReadOnlyList<OutboundMessage> failed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recipients = (await staff.UserIdsInRoleAsync(Roles.Admin, cancellationToken))
            .Concat(await staff.UserIdsInRoleAsync(Roles.AdmissionsManager, cancellationToken)).Distinct().ToList();
        foreach (var message in failed)
        {
            var what = message.Channel == MessageChannel.Email ? "An email" : "A text";
            var error = (message.LastError ?? "").TrimEnd('.');
            await FollowUpEffects.NotifyOnceAsync(db, recipients, $"{what} could not be sent",
                $"The {message.TemplateKey} message failed after {message.Attempts} attempt(s): {(error.Length > 300 ? error[..300] + "…" : error)}. Open the Outbox to retry it.",
                "/admin/outbox", $"outbox-failed:{message.Id:N}:{message.Attempts}", now, cancellationToken);
        }

        return recipients;
    }

    private async Task<Outcome> DispatchOneAsync(Guid id, MessagingOptions settings, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var message = await db.OutboundMessages.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null || !message.IsDue(now))
        {
            return Outcome.Skipped;
        }

        if (message.Audience != MessageAudience.Staff
            && await Outbox.FindOptOutAsync(db, message.Channel, message.Recipient, cancellationToken) is { } optOut)
        {
            message.Cancel(Outbox.OptedOutReason(optOut));
            return await TrySaveAsync(db, cancellationToken) ? Outcome.Cancelled : Outcome.Skipped;
        }

        if (message.Audience == MessageAudience.Prospect)
        {
            // TCPA: texts to a prospect need the person's prior express consent (47 U.S.C. 227(b)(1)(A); 47 CFR 64.1200(a)).
            if (message.Channel == MessageChannel.Sms && !await db.TextingConsents.AnyAsync(c => c.Phone == message.Recipient, cancellationToken))
            {
                message.Cancel($"Not sent: no prior express consent to text {message.Recipient} is recorded.");
                return await TrySaveAsync(db, cancellationToken) ? Outcome.Cancelled : Outcome.Skipped;
            }

            var zone = Domain.Placement.Facility.FindZone(message.TimeZoneId) ?? settings.FacilityZone;
            var rule = settings.TextingRules.For(message.RecipientState);
            // Daily caps count texts (Fla. Stat. § 501.616(6)(b) limits calls and texts); email keeps the hours only.
            var sent = message.Channel == MessageChannel.Sms && rule.MaxPer24Hours is not null
                ? await db.OutboundMessages.Where(m => m.Recipient == message.Recipient && m.Channel == MessageChannel.Sms
                        && m.Audience == MessageAudience.Prospect && m.State == MessageState.Sent && m.SentAt > now - TimeSpan.FromDays(1))
                    .Select(m => m.SentAt!.Value).ToListAsync(cancellationToken)
                : [];
            var allowed = TextingRules.NextAllowed(rule, now, zone, sent);
            if (allowed > now)
            {
                var local = TimeZoneInfo.ConvertTime(allowed, zone);
                var why = sent.Count >= (rule.MaxPer24Hours ?? int.MaxValue)
                    ? $"Daily limit for the recipient: {sent.Count} texts in the last 24 hours"
                    : $"Quiet hours for the recipient ({zone.Id})";
                message.Defer(allowed, $"{why}; deferred to {local:yyyy-MM-dd HH:mm} their time. Rule: {rule.Citation}.");
                return await TrySaveAsync(db, cancellationToken) ? Outcome.Deferred : Outcome.Skipped;
            }
        }

        message.Claim(now);
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return Outcome.Skipped;
        }

        SendReceipt receipt;
        try
        {
            receipt = message.Channel == MessageChannel.Email
                ? await email.SendAsync(new EmailToSend(message.Id, message.Recipient, message.RecipientName, message.Subject, message.Body), cancellationToken)
                : await sms.SendAsync(new SmsToSend(message.Id, message.Recipient, message.Body), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSendFailed(logger, message.Id, message.Channel, message.Attempts, ex);
            var permanent = ex is MessageSendException { Permanent: true };
            message.MarkAttemptFailed(ex is MessageSendException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}", permanent,
                settings.EffectiveRetryDelays, settings.MaxAttempts, clock.GetUtcNow());
            if (message.State != MessageState.Failed)
            {
                await db.SaveChangesAsync(cancellationToken);
                return Outcome.Retrying;
            }

            var told = await TellAboutFailuresAsync(db, [message], clock.GetUtcNow(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            live.NotificationsChanged(told);
            return Outcome.Failed;
        }

        message.MarkSent(receipt.ProviderMessageId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Sent;
    }

    /// <summary>False when another dispatcher changed the message first; it is theirs.</summary>
    private static async Task<bool> TrySaveAsync(IAdmissionsDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending outbound message {MessageId} ({Channel}) failed on attempt {Attempt}")]
    private static partial void LogSendFailed(ILogger logger, Guid messageId, MessageChannel channel, int attempt, Exception exception);
}
