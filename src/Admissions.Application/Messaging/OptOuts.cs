using Admissions.Application.Common;
using Admissions.Domain.Messaging;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Messaging;

public sealed record OptOutResult(string Address, int CancelledMessages);

/// <summary>A person asked not to be texted (or emailed): record it and cancel what is waiting for them.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator)]
public sealed record RecordOptOut(MessageChannel Channel, string Address, string? Note) : ICommand<OptOutResult>;

public sealed class RecordOptOutValidator : AbstractValidator<RecordOptOut>
{
    public RecordOptOutValidator()
    {
        RuleFor(c => c.Address)
            .Must((c, address) => MessagingAddress.Normalize(c.Channel, address) is not null)
            .WithMessage(c => c.Channel == MessageChannel.Sms ? "Enter a 10-digit US phone number." : "Enter a valid email address.");
        RuleFor(c => c.Note).MaximumLength(500);
    }
}

public sealed class RecordOptOutHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RecordOptOut, OptOutResult>
{
    public async ValueTask<OptOutResult> Handle(RecordOptOut command, CancellationToken cancellationToken)
    {
        var address = MessagingAddress.Normalize(command.Channel, command.Address)!;
        var cancelled = await SaveConflicts.RetryAsync(() => OptOuts.ApplyAsync(
            dbFactory, command.Channel, address, OptOutSource.Manual, user.Name, command.Note, clock.GetUtcNow(), cancellationToken));
        return new OptOutResult(address, cancelled);
    }
}

public enum InboundTextAction
{
    None,
    OptedOut,
    OptedIn,
}

public sealed record InboundTextOutcome(InboundTextAction Action, int CancelledMessages);

/// <summary>A text someone sent to our number (the SMS provider's webhook): STOP opts out, START opts back in.</summary>
[RequiresRole(Roles.System)]
public sealed record ReceiveInboundText(string From, string Body) : ICommand<InboundTextOutcome>;

public sealed class ReceiveInboundTextHandler(IAdmissionsDbContextFactory dbFactory, TimeProvider clock)
    : ICommandHandler<ReceiveInboundText, InboundTextOutcome>
{
    // The carrier-standard opt-out and opt-in keywords (CTIA); the provider may also act on them itself.
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase) { "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE" };
    private static readonly HashSet<string> StartWords = new(StringComparer.OrdinalIgnoreCase) { "START", "UNSTOP", "YES", "OPTIN" };

    public async ValueTask<InboundTextOutcome> Handle(ReceiveInboundText command, CancellationToken cancellationToken)
    {
        if (MessagingAddress.Normalize(MessageChannel.Sms, command.From) is not { } address)
        {
            return new InboundTextOutcome(InboundTextAction.None, 0);
        }

        var keyword = command.Body.Trim().TrimEnd('.', '!').Trim();
        if (StopWords.Contains(keyword))
        {
            var cancelled = await SaveConflicts.RetryAsync(() => OptOuts.ApplyAsync(
                dbFactory, MessageChannel.Sms, address, OptOutSource.InboundStop, "Text reply", $"Replied \"{keyword}\"", clock.GetUtcNow(), cancellationToken));
            return new InboundTextOutcome(InboundTextAction.OptedOut, cancelled);
        }

        if (StartWords.Contains(keyword))
        {
            await using var db = await dbFactory.CreateAsync(cancellationToken);
            var optOut = await db.MessagingOptOuts.FirstOrDefaultAsync(o => o.Channel == MessageChannel.Sms && o.Address == address, cancellationToken);
            if (optOut is not null)
            {
                db.MessagingOptOuts.Remove(optOut);
                await db.SaveChangesAsync(cancellationToken);
                return new InboundTextOutcome(InboundTextAction.OptedIn, 0);
            }
        }

        return new InboundTextOutcome(InboundTextAction.None, 0);
    }
}

internal static class OptOuts
{
    /// <summary>
    /// Records the opt-out (once) and cancels every waiting prospect message to the address on
    /// that channel, and the waiting nurture touches of the inquiries those messages were for on
    /// any channel: someone who says stop is not re-engaging.
    /// </summary>
    public static async ValueTask<int> ApplyAsync(
        IAdmissionsDbContextFactory dbFactory, MessageChannel channel, string address, OptOutSource source, string by, string? note,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var optOut = await db.MessagingOptOuts.FirstOrDefaultAsync(o => o.Channel == channel && o.Address == address, cancellationToken);
        if (optOut is null)
        {
            optOut = new MessagingOptOut
            {
                Channel = channel,
                Address = address,
                Source = source,
                OptedOutAt = now,
                RecordedBy = by,
                Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            };
            db.MessagingOptOuts.Add(optOut);
        }

        var waiting = await db.OutboundMessages
            .Where(m => m.Audience == MessageAudience.Prospect && (m.State == MessageState.Pending || m.State == MessageState.Deferred))
            .Where(m => m.Channel == channel && m.Recipient == address)
            .ToListAsync(cancellationToken);
        var inquiries = waiting.Select(m => m.InquiryId).OfType<Guid>().Distinct().ToList();
        var nurture = await db.OutboundMessages
            .Where(m => m.InquiryId != null && inquiries.Contains(m.InquiryId.Value) && m.TemplateKey.StartsWith(LostLeadNurture.TemplatePrefix))
            .Where(m => m.State == MessageState.Pending || m.State == MessageState.Deferred)
            .ToListAsync(cancellationToken);
        var reason = Outbox.OptedOutReason(optOut);
        var toCancel = waiting.UnionBy(nurture, m => m.Id).ToList();
        foreach (var message in toCancel)
        {
            message.Cancel(reason);
        }

        await db.SaveChangesAsync(cancellationToken);
        return toCancel.Count;
    }
}
