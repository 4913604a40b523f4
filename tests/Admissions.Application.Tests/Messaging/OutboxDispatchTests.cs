using Admissions.Application.Messaging;
using Admissions.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.Messaging;

public class OutboxDispatchTests
{
    [Fact]
    public async Task A_due_message_is_sent_once_and_recorded_with_the_providers_id()
    {
        var sender = new RecordingSender();
        await using var host = await TestHost.StartAsync(sender.Register);
        var message = await Messages.QueueAsync(host);

        var first = await Messages.DispatchAsync(host);
        var second = await Messages.DispatchAsync(host);

        Assert.Equal(1, first.Sent);
        Assert.Equal(0, second.Sent);
        Assert.Equal([message.Id], sender.Sent);
        var sent = await Messages.FindAsync(host, message.Id);
        Assert.Equal(MessageState.Sent, sent.State);
        Assert.Equal(TestHost.StartTime, sent.SentAt);
        Assert.Equal($"provider-{message.Id:N}", sent.ProviderMessageId);
        Assert.Equal(1, sent.Attempts);
    }

    [Fact]
    public async Task A_message_scheduled_for_later_waits_until_it_is_due()
    {
        var sender = new RecordingSender();
        await using var host = await TestHost.StartAsync(sender.Register);
        var message = await Messages.QueueAsync(host, sendAt: TestHost.StartTime.AddHours(2));

        await Messages.DispatchAsync(host);
        Assert.Empty(sender.Sent);

        host.Clock.Advance(TimeSpan.FromHours(2));
        await Messages.DispatchAsync(host);
        Assert.Equal([message.Id], sender.Sent);
    }

    [Fact]
    public async Task Provider_failures_are_retried_with_back_off_and_the_message_fails_after_the_last_attempt()
    {
        var sender = new RecordingSender { AlwaysFail = true };
        await using var host = await TestHost.StartAsync(sender.Register);
        var message = await Messages.QueueAsync(host);
        var start = host.Clock.GetUtcNow();

        // Default back-off 1, 5, 15, 60 minutes and five attempts.
        TimeSpan[] waits = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60)];
        var elapsed = TimeSpan.Zero;
        foreach (var wait in waits)
        {
            var summary = await Messages.DispatchAsync(host);
            Assert.Equal(1, summary.Retrying);
            var pending = await Messages.FindAsync(host, message.Id);
            Assert.Equal(MessageState.Pending, pending.State);
            Assert.Equal(start + elapsed + wait, pending.NextAttemptAt);
            Assert.Equal("Provider unavailable", pending.LastError);

            // Not a moment before the back-off ends.
            host.Clock.Advance(wait - TimeSpan.FromSeconds(1));
            Assert.Equal(0, (await Messages.DispatchAsync(host)).Retrying);
            host.Clock.Advance(TimeSpan.FromSeconds(1));
            elapsed += wait;
        }

        var last = await Messages.DispatchAsync(host);

        Assert.Equal(1, last.Failed);
        var failed = await Messages.FindAsync(host, message.Id);
        Assert.Equal(MessageState.Failed, failed.State);
        Assert.Equal(5, failed.Attempts);
        Assert.Equal(5, sender.Sent.Count);
        var told = await host.QueryAsync(db => db.Notifications.Where(n => n.Link == "/admin/outbox").ToListAsync());
        Assert.Equal(new[] { host.Admin.Id, host.Manager.Id }.Order(), told.Select(n => n.UserId).Order());
        Assert.All(told, n => Assert.Equal(("An email could not be sent", "The test message failed after 5 attempt(s): Provider unavailable. Open the Outbox to retry it."), (n.Title, n.Body)));
        Assert.Contains(host.Live.Calls, call => call.Contains(host.Manager.Id));
        host.Clock.Advance(TimeSpan.FromDays(1));
        await Messages.DispatchAsync(host);
        Assert.Equal(5, sender.Sent.Count);
    }

    [Fact]
    public async Task A_permanent_refusal_fails_at_once_and_a_retry_sends_it_again()
    {
        var sender = new RecordingSender();
        sender.FailNext(new MessageSendException("Twilio answered 400 (error 21211): invalid 'To' number", permanent: true));
        await using var host = await TestHost.StartAsync(sender.Register);
        var message = await Messages.QueueAsync(host, MessageChannel.Sms);

        await Messages.DispatchAsync(host);
        var failed = await Messages.FindAsync(host, message.Id);
        Assert.Equal(MessageState.Failed, failed.State);
        Assert.Contains("21211", failed.LastError, StringComparison.Ordinal);

        await host.SendAsync(host.Manager, new RetryOutboundMessage(message.Id));
        Assert.Equal(1, host.Outbox.Signals);
        await Messages.DispatchAsync(host);

        Assert.Equal(MessageState.Sent, (await Messages.FindAsync(host, message.Id)).State);
        Assert.Equal([message.Id, message.Id], sender.Sent);
    }

    [Fact]
    public async Task A_second_dispatcher_running_while_a_message_is_being_sent_does_not_send_it_again()
    {
        var sender = new RecordingSender();
        await using var host = await TestHost.StartAsync(sender.Register);
        var message = await Messages.QueueAsync(host);
        var hold = sender.HoldNext();

        var first = Messages.DispatchAsync(host);
        await sender.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(MessageState.Sending, (await Messages.FindAsync(host, message.Id)).State);

        var second = await Messages.DispatchAsync(host);
        hold.SetResult();

        Assert.Equal(0, second.Sent);
        Assert.Equal(1, (await first).Sent);
        Assert.Equal([message.Id], sender.Sent);
        Assert.Equal(MessageState.Sent, (await Messages.FindAsync(host, message.Id)).State);
    }

    [Fact]
    public async Task Two_dispatchers_at_once_send_every_message_exactly_once()
    {
        var sender = new RecordingSender();
        await using var host = await TestHost.StartAsync(sender.Register);
        var ids = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add((await Messages.QueueAsync(host, recipient: $"person{i}@example.org")).Id);
        }

        var runs = await Task.WhenAll(Task.Run(() => Messages.DispatchAsync(host)), Task.Run(() => Messages.DispatchAsync(host)));

        Assert.Equal(20, runs.Sum(r => r.Sent));
        Assert.Equal(ids.Order(), sender.Sent.Order());
        Assert.Equal(20, await host.QueryAsync(db => db.OutboundMessages.CountAsync(m => m.State == MessageState.Sent)));
    }

    [Fact]
    public async Task A_dispatcher_holding_a_stale_copy_cannot_claim_a_message_another_has_claimed()
    {
        await using var host = await TestHost.StartAsync();
        var message = await Messages.QueueAsync(host);
        await using var stale = host.CreateDbContext();
        var staleCopy = await stale.OutboundMessages.SingleAsync(m => m.Id == message.Id);

        await using (var winner = host.CreateDbContext())
        {
            (await winner.OutboundMessages.SingleAsync(m => m.Id == message.Id)).Claim(host.Clock.GetUtcNow());
            await winner.SaveChangesAsync();
        }

        staleCopy.Claim(host.Clock.GetUtcNow());
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());
    }

    [Fact]
    public async Task A_message_left_sending_by_a_crash_is_failed_for_a_person_to_check_and_not_sent_again()
    {
        var sender = new RecordingSender();
        await using var host = await TestHost.StartAsync(sender.Register);
        var message = await Messages.QueueAsync(host);
        await using (var db = host.CreateDbContext())
        {
            (await db.OutboundMessages.SingleAsync(m => m.Id == message.Id)).Claim(host.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        host.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, (await Messages.DispatchAsync(host)).Interrupted);
        Assert.Equal(MessageState.Sending, (await Messages.FindAsync(host, message.Id)).State);

        host.Clock.Advance(TimeSpan.FromMinutes(6));
        var summary = await Messages.DispatchAsync(host);

        Assert.Equal(1, summary.Interrupted);
        Assert.Equal(2, await host.QueryAsync(db => db.Notifications.CountAsync(n => n.Title == "An email could not be sent")));
        var failed = await Messages.FindAsync(host, message.Id);
        Assert.Equal(MessageState.Failed, failed.State);
        Assert.Contains("may or may not have delivered", failed.LastError, StringComparison.Ordinal);
        Assert.Empty(sender.Sent);
    }
}
