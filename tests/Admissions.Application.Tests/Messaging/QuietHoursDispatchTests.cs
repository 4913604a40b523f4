using Admissions.Domain.Messaging;

namespace Admissions.Application.Tests.Messaging;

public class QuietHoursDispatchTests
{
    [Fact]
    public async Task A_text_due_at_night_is_deferred_to_8_am_in_the_recipients_zone_and_sent_then()
    {
        var sender = new RecordingSender();
        await using var host = await TestHost.StartAsync(sender.Register);
        // 05:30 UTC on March 11 is 01:30 in New York (EDT) and 22:30 on March 10 in Los Angeles (PDT).
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 11, 5, 30, 0, TimeSpan.Zero));
        var newYork = await Messages.QueueAsync(host, MessageChannel.Sms, MessageAudience.Prospect, "+15552014477", timeZoneId: "America/New_York");
        var losAngeles = await Messages.QueueAsync(host, MessageChannel.Sms, MessageAudience.Prospect, "+15552014478", timeZoneId: "America/Los_Angeles");

        var summary = await Messages.DispatchAsync(host);

        Assert.Equal(2, summary.Deferred);
        Assert.Empty(sender.Sent);
        var ny = await Messages.FindAsync(host, newYork.Id);
        Assert.Equal(MessageState.Deferred, ny.State);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 12, 0, 0, TimeSpan.Zero), ny.NextAttemptAt);
        Assert.Contains("Quiet hours", ny.LastError, StringComparison.Ordinal);
        var la = await Messages.FindAsync(host, losAngeles.Id);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 15, 0, 0, TimeSpan.Zero), la.NextAttemptAt);

        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 11, 12, 0, 0, TimeSpan.Zero));
        await Messages.DispatchAsync(host);
        Assert.Equal([newYork.Id], sender.Sent);

        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 11, 15, 0, 0, TimeSpan.Zero));
        await Messages.DispatchAsync(host);
        Assert.Equal([newYork.Id, losAngeles.Id], sender.Sent);
        Assert.Equal(MessageState.Sent, (await Messages.FindAsync(host, losAngeles.Id)).State);
    }

    [Fact]
    public async Task Deferral_across_the_autumn_clock_change_lands_on_8_am_standard_time()
    {
        var sender = new RecordingSender();
        await using var host = await TestHost.StartAsync(sender.Register);
        // 23:30 EDT on Saturday, October 31; clocks go back at 2:00 on November 1, so 8:00 that morning is EST (13:00 UTC).
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 1, 3, 30, 0, TimeSpan.Zero));
        var message = await Messages.QueueAsync(host, MessageChannel.Sms, MessageAudience.Prospect, timeZoneId: "America/New_York");

        await Messages.DispatchAsync(host);

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 13, 0, 0, TimeSpan.Zero), (await Messages.FindAsync(host, message.Id)).NextAttemptAt);
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 1, 12, 59, 0, TimeSpan.Zero));
        await Messages.DispatchAsync(host);
        Assert.Empty(sender.Sent);
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 1, 13, 0, 0, TimeSpan.Zero));
        await Messages.DispatchAsync(host);
        Assert.Equal([message.Id], sender.Sent);
    }

    [Fact]
    public async Task Staff_email_is_not_held_by_quiet_hours()
    {
        var sender = new RecordingSender();
        await using var host = await TestHost.StartAsync(sender.Register);
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 11, 8, 0, 0, TimeSpan.Zero));
        var message = await Messages.QueueAsync(host, MessageChannel.Email, MessageAudience.Staff, timeZoneId: "America/Los_Angeles");

        await Messages.DispatchAsync(host);

        Assert.Equal([message.Id], sender.Sent);
    }
}
