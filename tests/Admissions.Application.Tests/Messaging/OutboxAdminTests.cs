using Admissions.Application.Common;
using Admissions.Application.Messaging;
using Admissions.Domain.Auditing;
using Admissions.Domain.Common;
using Admissions.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.Messaging;

public class OutboxAdminTests
{
    [Fact]
    public async Task The_list_filters_by_state_channel_and_recipient_newest_first()
    {
        var sender = new RecordingSender();
        await using var host = await TestHost.StartAsync(sender.Register);
        var sent = await Messages.QueueAsync(host, recipient: "first@example.org");
        await Messages.DispatchAsync(host);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var text = await Messages.QueueAsync(host, MessageChannel.Sms, sendAt: TestHost.StartTime.AddDays(1));
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var later = await Messages.QueueAsync(host, recipient: "second@example.org", sendAt: TestHost.StartTime.AddDays(1));

        var all = await host.SendAsync(host.Manager, new ListOutboundMessages(null, null, null));
        var pending = await host.SendAsync(host.Admin, new ListOutboundMessages(MessageState.Pending, null, null));
        var texts = await host.SendAsync(host.Admin, new ListOutboundMessages(null, MessageChannel.Sms, null));
        var second = await host.SendAsync(host.Admin, new ListOutboundMessages(null, null, "SECOND@"));

        Assert.Equal([later.Id, text.Id, sent.Id], all.Items.Select(m => m.Id));
        Assert.Equal(3, all.TotalCount);
        Assert.Equal([later.Id, text.Id], pending.Items.Select(m => m.Id));
        Assert.Equal([text.Id], texts.Items.Select(m => m.Id));
        Assert.Equal([later.Id], second.Items.Select(m => m.Id));
        Assert.Equal(TestHost.StartTime, all.Items[2].SentAt);
    }

    [Fact]
    public async Task Viewing_a_message_shows_the_file_the_outbox_wrote_and_is_audited()
    {
        await using var host = await TestHost.StartAsync();
        var message = await Messages.QueueAsync(host);
        await Messages.DispatchAsync(host);

        var detail = await host.SendAsync(host.Manager, new GetOutboundMessage(message.Id));

        Assert.Equal("Body", detail.Body);
        Assert.Equal($"{message.Id:N}.eml", detail.ProviderMessageId);
        Assert.Contains("Subject: Subject", detail.FileCopy, StringComparison.Ordinal);
        Assert.Contains("To: Someone <someone@example.org>", detail.FileCopy, StringComparison.Ordinal);
        var audit = await host.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(OutboundMessage)).ToListAsync());
        var view = Assert.Single(audit);
        Assert.Equal((AuditAction.View, message.Id.ToString(), host.Manager.Id), (view.Action, view.EntityId, view.UserId));
    }

    [Fact]
    public async Task Coordinators_and_clinicians_cannot_open_the_outbox()
    {
        await using var host = await TestHost.StartAsync();
        var message = await Messages.QueueAsync(host);

        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.Coordinator, new ListOutboundMessages(null, null, null)));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.Clinician, new GetOutboundMessage(message.Id)));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.Coordinator, new CancelOutboundMessage(message.Id)));
    }

    [Fact]
    public async Task A_pending_message_can_be_cancelled_but_a_sent_one_cannot_be_cancelled_or_retried()
    {
        var sender = new RecordingSender();
        await using var host = await TestHost.StartAsync(sender.Register);
        var pending = await Messages.QueueAsync(host, sendAt: TestHost.StartTime.AddHours(1));
        var sent = await Messages.QueueAsync(host);
        await Messages.DispatchAsync(host);

        await host.SendAsync(host.Manager, new CancelOutboundMessage(pending.Id));

        var cancelled = await Messages.FindAsync(host, pending.Id);
        Assert.Equal((MessageState.Cancelled, "Cancelled by Morgan Reyes."), (cancelled.State, cancelled.LastError));
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(host.Manager, new CancelOutboundMessage(sent.Id)));
        Assert.Equal("Only a pending or deferred message can be cancelled; this one is sent.", refused.Message);
        await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(host.Manager, new RetryOutboundMessage(sent.Id)));
        await Assert.ThrowsAsync<NotFoundException>(() => host.SendAsync(host.Manager, new CancelOutboundMessage(Guid.NewGuid())));
        host.Clock.Advance(TimeSpan.FromHours(2));
        await Messages.DispatchAsync(host);
        Assert.Equal([sent.Id], sender.Sent);
    }
}
