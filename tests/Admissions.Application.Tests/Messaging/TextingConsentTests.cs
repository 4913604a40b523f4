using Admissions.Application.Messaging;
using Admissions.Domain.Common;
using Admissions.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.Messaging;

public class TextingConsentTests
{
    [Fact]
    public async Task A_prospect_text_without_prior_express_consent_is_not_sent()
    {
        var sender = new RecordingSender();
        await using var host = await TestHost.StartAsync(sender.Register);
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 11, 17, 0, 0, TimeSpan.Zero));
        var message = await Messages.QueueAsync(host, MessageChannel.Sms, MessageAudience.Prospect, "+15552019999", timeZoneId: "America/New_York", consentToText: false);

        var summary = await Messages.DispatchAsync(host);

        Assert.Equal(1, summary.Cancelled);
        Assert.Empty(sender.Sent);
        var cancelled = await Messages.FindAsync(host, message.Id);
        Assert.Equal((MessageState.Cancelled, "Not sent: no prior express consent to text +15552019999 is recorded."), (cancelled.State, cancelled.LastError));
    }

    [Fact]
    public async Task Recording_consent_keeps_when_how_and_the_wording_and_lets_texts_go()
    {
        var sender = new RecordingSender();
        await using var host = await TestHost.StartAsync(sender.Register);
        var inquiryId = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;

        await host.SendAsync(host.Coordinator, new RecordTextingConsent(inquiryId, TestForms.CallerPhone, TextingConsentMethod.VerbalOnCall));

        var consent = await host.QueryAsync(db => db.TextingConsents.AsNoTracking().SingleAsync());
        Assert.Equal(("+15552014477", TestHost.StartTime, TextingConsentMethod.VerbalOnCall, host.Coordinator.Name),
            (consent.Phone, consent.ConsentedAt, consent.Method, consent.RecordedByName));
        Assert.StartsWith("May Admissions at Cedar Ridge text you at this number about your inquiry?", consent.Wording, StringComparison.Ordinal);
        var status = await host.SendAsync(host.Coordinator, new GetTextingStatus(inquiryId));
        Assert.NotNull(status.Numbers.Single(n => n.Phone == "+15552014477").Consent);
        Assert.Null(status.Numbers.Single(n => n.Phone == "+15553098812").Consent);
    }

    [Fact]
    public async Task Consent_cannot_be_recorded_for_a_number_that_texted_stop()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        await host.SendAsSystemAsync(new ReceiveInboundText("+15552014477", "STOP"));

        var error = await Assert.ThrowsAsync<DomainRuleException>(() =>
            host.SendAsync(host.Coordinator, new RecordTextingConsent(inquiryId, TestForms.CallerPhone, TextingConsentMethod.VerbalOnCall)));

        Assert.EndsWith("Only the person can opt back in, by texting START.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_florida_recipient_is_texted_only_until_8_pm_their_time()
    {
        var sender = new RecordingSender();
        await using var host = await TestHost.StartAsync(sender.Register);
        // 00:30 UTC on 11 June is 8:30 p.m. EDT on 10 June: inside the federal hours, after Florida's.
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 11, 0, 30, 0, TimeSpan.Zero));
        var florida = await Messages.QueueAsync(host, MessageChannel.Sms, MessageAudience.Prospect, "+13055550100", timeZoneId: "America/New_York", state: "FL");
        var newYork = await Messages.QueueAsync(host, MessageChannel.Sms, MessageAudience.Prospect, "+12125550100", timeZoneId: "America/New_York", state: "NY");

        await Messages.DispatchAsync(host);

        Assert.Equal([newYork.Id], sender.Sent);
        var deferred = await Messages.FindAsync(host, florida.Id);
        Assert.Equal(new DateTimeOffset(2026, 6, 11, 12, 0, 0, TimeSpan.Zero), deferred.NextAttemptAt);
        Assert.Contains("Fla. Stat. § 501.616(6)", deferred.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fourth_text_in_24_hours_to_a_florida_number_waits_a_day_after_the_first()
    {
        var sender = new RecordingSender();
        await using var host = await TestHost.StartAsync(sender.Register);
        var start = new DateTimeOffset(2026, 6, 10, 14, 0, 0, TimeSpan.Zero); // 10 a.m. EDT
        host.Clock.SetUtcNow(start);
        for (var i = 0; i < 3; i++)
        {
            await Messages.QueueAsync(host, MessageChannel.Sms, MessageAudience.Prospect, "+13055550100", timeZoneId: "America/New_York", state: "FL");
            await Messages.DispatchAsync(host);
            host.Clock.Advance(TimeSpan.FromHours(1));
        }

        var fourth = await Messages.QueueAsync(host, MessageChannel.Sms, MessageAudience.Prospect, "+13055550100", timeZoneId: "America/New_York", state: "FL");
        await Messages.DispatchAsync(host);

        Assert.Equal(3, sender.Sent.Count);
        var deferred = await Messages.FindAsync(host, fourth.Id);
        Assert.Equal(start.AddDays(1), deferred.NextAttemptAt);
        Assert.StartsWith("Daily limit for the recipient: 3 texts in the last 24 hours", deferred.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_email_is_sent_whatever_the_texting_rules()
    {
        var sender = new RecordingSender();
        await using var host = await TestHost.StartAsync(sender.Register);
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 11, 4, 0, 0, TimeSpan.Zero));
        var message = await Messages.QueueAsync(host, MessageChannel.Email, MessageAudience.Staff, timeZoneId: "America/New_York", state: "FL");

        await Messages.DispatchAsync(host);

        Assert.Equal([message.Id], sender.Sent);
    }
}
