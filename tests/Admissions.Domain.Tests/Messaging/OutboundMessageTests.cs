using Admissions.Domain.Common;
using Admissions.Domain.Messaging;

namespace Admissions.Domain.Tests.Messaging;

public class OutboundMessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 14, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan[] Delays = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)];

    private static OutboundMessage Message(DateTimeOffset? sendAt = null) => OutboundMessage.Create(MessageChannel.Sms, MessageAudience.Prospect,
        "+15552014477", "Maria", "", "Hi", MessageTemplates.MissedCall, null, "America/Chicago", "key", Now, sendAt ?? Now);

    [Fact]
    public void A_message_is_claimed_only_when_due_and_only_once()
    {
        var later = Message(Now.AddMinutes(5));
        Assert.Throws<DomainRuleException>(() => later.Claim(Now));

        var message = Message();
        message.Claim(Now);

        Assert.Equal((MessageState.Sending, 1), (message.State, message.Attempts));
        Assert.Throws<DomainRuleException>(() => message.Claim(Now));
    }

    [Fact]
    public void Failed_attempts_back_off_by_the_configured_delays_repeating_the_last()
    {
        var message = Message();
        var now = Now;
        foreach (var expected in new[] { 1, 5, 5 })
        {
            message.Claim(now);
            message.MarkAttemptFailed("down", permanent: false, Delays, maxAttempts: 4, now);
            Assert.Equal(MessageState.Pending, message.State);
            Assert.Equal(now.AddMinutes(expected), message.NextAttemptAt);
            now = message.NextAttemptAt;
        }

        message.Claim(now);
        message.MarkAttemptFailed("down", permanent: false, Delays, maxAttempts: 4, now);
        Assert.Equal((MessageState.Failed, 4), (message.State, message.Attempts));
    }

    [Fact]
    public void Cancel_and_retry_say_why_they_cannot_apply()
    {
        var message = Message();
        message.Claim(Now);

        Assert.Equal("This message is being sent right now and can no longer be cancelled.", Assert.Throws<DomainRuleException>(() => message.Cancel("x")).Message);
        Assert.Equal("Only a failed message can be retried.", Assert.Throws<DomainRuleException>(() => message.Retry(Now)).Message);

        message.MarkSent("SM1", Now);
        Assert.Equal((MessageState.Sent, "SM1", (DateTimeOffset?)Now), (message.State, message.ProviderMessageId, message.SentAt));
    }

    [Fact]
    public void A_deferred_message_is_due_again_at_the_end_of_quiet_hours()
    {
        var message = Message();
        message.Defer(Now.AddHours(3), "quiet hours");

        Assert.False(message.IsDue(Now.AddHours(2)));
        Assert.True(message.IsDue(Now.AddHours(3)));
        message.Claim(Now.AddHours(3));
        Assert.Equal(MessageState.Sending, message.State);
    }

    [Theory]
    [InlineData(MessageChannel.Sms, "(555) 201-4477", "+15552014477")]
    [InlineData(MessageChannel.Sms, "+1 555 201 4477", "+15552014477")]
    [InlineData(MessageChannel.Sms, "201-4477", null)]
    [InlineData(MessageChannel.Email, " Maria@Example.org ", "maria@example.org")]
    [InlineData(MessageChannel.Email, "not an email", null)]
    public void Addresses_are_normalised_so_opt_outs_match(MessageChannel channel, string input, string? expected)
    {
        Assert.Equal(expected, MessagingAddress.Normalize(channel, input));
    }
}
