using Admissions.Application.Common;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Admissions.Application.Messaging;

/// <summary>
/// After a not-admitted outcome with an eligible reason, the patient or their family caller (<see cref="LostLeadRecipient"/>)
/// hears from the admissions team again at 1, 7 and 30 days (texts and emails queued with their send time). The touches still
/// waiting are cancelled when the inquiry is reopened or the same phone or email comes back as a
/// new inquiry; an opt-out cancels them too (see <see cref="OptOuts"/>).
/// </summary>
public sealed class LostLeadNurture(IAdmissionsDbContextFactory dbFactory, IOptions<MessagingOptions> options, TimeProvider clock)
    : IDomainEventSubscriber<InquiryStageChanged>, IDomainEventSubscriber<InquiryCreated>
{
    public const string TemplatePrefix = "nurture-";

    public static string Key(Guid inquiryId, DateTimeOffset closedAt, int touch, MessageChannel channel) =>
        $"nurture:{inquiryId:N}:{closedAt.UtcTicks}:{touch}:{channel}".ToLowerInvariant();

    public async Task HandleAsync(InquiryStageChanged domainEvent, CancellationToken cancellationToken)
    {
        if (domainEvent.To == InquiryStage.NotAdmitted)
        {
            await ScheduleAsync(domainEvent, cancellationToken);
        }
        else if (InquiryStageMachine.IsClosed(domainEvent.From) && InquiryStageMachine.IsOpen(domainEvent.To))
        {
            await StopAsync(m => m.InquiryId == domainEvent.InquiryId, "Stopped: the inquiry was reopened.", cancellationToken);
        }
    }

    public async Task HandleAsync(InquiryCreated domainEvent, CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            var details = await db.Inquiries.AsNoTracking().Where(i => i.Id == domainEvent.InquiryId).Select(i => i.Details).FirstOrDefaultAsync(cancellationToken);
            if (details is null)
            {
                return;
            }

            var addresses = new[]
                {
                    MessagingAddress.Normalize(MessageChannel.Sms, details.CallerPhone),
                    MessagingAddress.Normalize(MessageChannel.Sms, details.PatientPhone),
                    MessagingAddress.Normalize(MessageChannel.Email, details.CallerEmail),
                }
                .OfType<string>().ToList();
            if (addresses.Count == 0)
            {
                return;
            }

            var inquiries = await db.OutboundMessages.AsNoTracking()
                .Where(m => m.InquiryId != null && m.InquiryId != domainEvent.InquiryId && addresses.Contains(m.Recipient))
                .Where(m => m.TemplateKey.StartsWith(TemplatePrefix) && (m.State == MessageState.Pending || m.State == MessageState.Deferred))
                .Select(m => m.InquiryId!.Value).Distinct().ToListAsync(cancellationToken);
            if (inquiries.Count == 0)
            {
                return;
            }

            await StopAsync(m => inquiries.Contains(m.InquiryId!.Value), $"Stopped: the person came back ({domainEvent.Number}).", cancellationToken);
        }
    }

    private async Task ScheduleAsync(InquiryStageChanged domainEvent, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Nurture.Enabled)
        {
            return;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var inquiry = await db.Inquiries.AsNoTracking()
            .Where(i => i.Id == domainEvent.InquiryId)
            .Select(i => new { i.Id, i.Details, i.NotAdmittedReason, i.Stage })
            .FirstOrDefaultAsync(cancellationToken);
        if (inquiry is not { Stage: InquiryStage.NotAdmitted, NotAdmittedReason: { } reason } || !settings.Nurture.EffectiveEligibleReasons.Contains(reason))
        {
            return;
        }

        var recipient = LostLeadRecipient.For(inquiry.Details);
        var zone = Outbox.ZoneFor(recipient.State, settings);
        var values = Outbox.ProspectValues(settings, recipient.Name);
        var now = clock.GetUtcNow();
        var delays = settings.Nurture.EffectiveDelays;
        for (var touch = 0; touch < delays.Count; touch++)
        {
            var template = NurtureOptions.TemplateFor(touch);
            foreach (var (channel, address) in new[] { (MessageChannel.Sms, recipient.Phone), (MessageChannel.Email, recipient.Email) })
            {
                if (address is null)
                {
                    continue;
                }

                await Outbox.QueueOnceAsync(db, new MessageDraft(channel, MessageAudience.Prospect, address, recipient.Name, template, values,
                    inquiry.Id, zone, Key(inquiry.Id, domainEvent.At, touch, channel), domainEvent.At + delays[touch], recipient.State), now, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task StopAsync(System.Linq.Expressions.Expression<Func<OutboundMessage, bool>> which, string reason, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var waiting = await db.OutboundMessages
            .Where(which)
            .Where(m => m.TemplateKey.StartsWith(TemplatePrefix) && (m.State == MessageState.Pending || m.State == MessageState.Deferred))
            .ToListAsync(cancellationToken);
        foreach (var message in waiting)
        {
            message.Cancel(reason);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
