using Admissions.Application.Inquiries;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.Messaging;

public class LostLeadNurtureTests
{
    private static async Task<Guid> NotAdmittedAsync(TestHost host, NotAdmittedReason reason, InquiryForm? form = null)
    {
        form ??= TestForms.Valid();
        var created = await host.CreateInquiryAsync(form);
        if (form.CallerPhone is { } phone)
        {
            // The caller agreed to texts on the first call (prior express consent).
            await host.SendAsync(host.Coordinator, new Admissions.Application.Messaging.RecordTextingConsent(created.InquiryId!.Value, phone, Domain.Messaging.TextingConsentMethod.VerbalOnCall));
        }

        await host.SendAsync(host.Coordinator, new MoveInquiryStage(created.InquiryId!.Value, InquiryStage.NotAdmitted, reason));
        return created.InquiryId.Value;
    }

    [Fact]
    public async Task Not_admitted_with_an_eligible_reason_queues_neutral_touches_at_1_7_and_30_days_by_text_and_email()
    {
        await using var host = await TestHost.StartAsync();

        var inquiryId = await NotAdmittedAsync(host, NotAdmittedReason.ChoseAnotherProvider);

        var messages = await host.QueryAsync(db => db.OutboundMessages.Where(m => m.InquiryId == inquiryId).ToListAsync());
        Assert.Equal(6, messages.Count);
        Assert.All(messages, m =>
        {
            Assert.Equal(MessageState.Pending, m.State);
            Assert.Equal(MessageAudience.Prospect, m.Audience);
            Assert.Equal("America/Chicago", m.TimeZoneId);
            Assert.Empty(MessageTemplates.BannedWordsIn($"{m.Subject} {m.Body}"));
            Assert.StartsWith("Hi Maria,", m.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Alex", m.Body, StringComparison.Ordinal);
        });
        Assert.Equal(
            [
                (MessageChannel.Email, "maria@example.org", MessageTemplates.Nurture1Day, TestHost.StartTime.AddDays(1)),
                (MessageChannel.Sms, "+15552014477", MessageTemplates.Nurture1Day, TestHost.StartTime.AddDays(1)),
                (MessageChannel.Email, "maria@example.org", MessageTemplates.Nurture7Days, TestHost.StartTime.AddDays(7)),
                (MessageChannel.Sms, "+15552014477", MessageTemplates.Nurture7Days, TestHost.StartTime.AddDays(7)),
                (MessageChannel.Email, "maria@example.org", MessageTemplates.Nurture30Days, TestHost.StartTime.AddDays(30)),
                (MessageChannel.Sms, "+15552014477", MessageTemplates.Nurture30Days, TestHost.StartTime.AddDays(30)),
            ],
            messages.OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Channel).Select(m => (m.Channel, m.Recipient, m.TemplateKey, m.NextAttemptAt)));
    }

    [Theory]
    [InlineData(NotAdmittedReason.Duplicate)]
    [InlineData(NotAdmittedReason.Invalid)]
    [InlineData(NotAdmittedReason.NotClinicallyAppropriate)]
    public async Task Ineligible_reasons_queue_nothing(NotAdmittedReason reason)
    {
        await using var host = await TestHost.StartAsync();

        await NotAdmittedAsync(host, reason);

        Assert.Equal(0, await host.QueryAsync(db => db.OutboundMessages.CountAsync()));
    }

    [Fact]
    public async Task Reopening_the_inquiry_cancels_the_touches_still_waiting()
    {
        var sender = new RecordingSender();
        await using var host = await TestHost.StartAsync(sender.Register);
        var inquiryId = await NotAdmittedAsync(host, NotAdmittedReason.Unreachable);
        host.Clock.Advance(TimeSpan.FromDays(2));
        var firstTouches = await Messages.DispatchAsync(host);
        Assert.Equal(2, firstTouches.Sent);

        await host.SendAsync(host.Manager, new ReopenInquiry(inquiryId, "Called back"));

        var messages = await host.QueryAsync(db => db.OutboundMessages.ToListAsync());
        Assert.Equal(2, messages.Count(m => m.State == MessageState.Sent));
        Assert.All(messages.Where(m => m.State != MessageState.Sent), m =>
        {
            Assert.Equal(MessageState.Cancelled, m.State);
            Assert.Equal("Stopped: the inquiry was reopened.", m.LastError);
        });
        host.Clock.Advance(TimeSpan.FromDays(40));
        await Messages.DispatchAsync(host);
        Assert.Equal(2, sender.Sent.Count);
    }

    [Fact]
    public async Task A_new_inquiry_from_the_same_phone_stops_the_nurture()
    {
        await using var host = await TestHost.StartAsync();
        var lost = await NotAdmittedAsync(host, NotAdmittedReason.Declined);

        var again = await host.CreateInquiryAsync(TestForms.Valid(f => f.CallerEmail = null), allowDuplicates: true);

        var messages = await host.QueryAsync(db => db.OutboundMessages.Where(m => m.InquiryId == lost).ToListAsync());
        Assert.Equal(6, messages.Count);
        Assert.All(messages, m => Assert.Equal($"Stopped: the person came back ({again.Number}).", m.LastError));
        Assert.All(messages, m => Assert.Equal(MessageState.Cancelled, m.State));
    }

    [Fact]
    public async Task A_caller_with_only_an_email_gets_emails_and_closing_again_after_a_reopen_starts_a_new_series()
    {
        await using var host = await TestHost.StartAsync();
        var emailOnly = await NotAdmittedAsync(host, NotAdmittedReason.Declined, TestForms.Person(1, "Sam", "Inbox", f => f.CallerPhone = null));
        Assert.Equal([MessageChannel.Email, MessageChannel.Email, MessageChannel.Email],
            await host.QueryAsync(db => db.OutboundMessages.Where(m => m.InquiryId == emailOnly).Select(m => m.Channel).ToListAsync()));

        var inquiryId = await NotAdmittedAsync(host, NotAdmittedReason.Declined, TestForms.Person(2, "Robin", "Again"));
        await host.SendAsync(host.Manager, new ReopenInquiry(inquiryId, null));
        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.SendAsync(host.Coordinator, new MoveInquiryStage(inquiryId, InquiryStage.NotAdmitted, NotAdmittedReason.Declined));

        var messages = await host.QueryAsync(db => db.OutboundMessages.Where(m => m.InquiryId == inquiryId).ToListAsync());
        Assert.Equal(6, messages.Count(m => m.State == MessageState.Cancelled));
        Assert.Equal(6, messages.Count(m => m.State == MessageState.Pending));
    }

    [Fact]
    public async Task A_professional_referrer_never_hears_from_us_after_a_lost_lead_the_patient_does()
    {
        await using var host = await TestHost.StartAsync();
        var form = TestForms.Valid(f =>
        {
            f.CallerName = "Dr. Jordan Hale";
            f.CallerRelationship = CallerRelationship.Professional;
            f.CallerEmail = "jhale@clinic.example.org";
        });
        var inquiryId = (await host.CreateInquiryAsync(form)).InquiryId!.Value;
        await host.SendAsync(host.Coordinator, new Admissions.Application.Messaging.RecordTextingConsent(inquiryId, form.PatientPhone!, TextingConsentMethod.VerbalOnCall));

        await host.SendAsync(host.Coordinator, new MoveInquiryStage(inquiryId, InquiryStage.NotAdmitted, NotAdmittedReason.Declined));

        var messages = await host.QueryAsync(db => db.OutboundMessages.Where(m => m.InquiryId == inquiryId).ToListAsync());
        Assert.Equal(3, messages.Count);
        Assert.All(messages, m =>
        {
            Assert.Equal((MessageChannel.Sms, MessagingAddress.Normalize(MessageChannel.Sms, form.PatientPhone)), (m.Channel, m.Recipient));
            Assert.StartsWith($"Hi {form.PatientFirstName},", m.Body, StringComparison.Ordinal);
            Assert.Equal("America/Chicago", m.TimeZoneId);
        });
    }

    [Fact]
    public async Task A_family_caller_is_texted_on_their_own_states_hours_not_the_patients()
    {
        await using var host = await TestHost.StartAsync();

        var inquiryId = await NotAdmittedAsync(host, NotAdmittedReason.Declined, TestForms.Valid(f => f.CallerState = "New York"));

        var messages = await host.QueryAsync(db => db.OutboundMessages.Where(m => m.InquiryId == inquiryId).ToListAsync());
        Assert.Equal(6, messages.Count);
        Assert.All(messages, m => Assert.Equal(("America/New_York", "NY"), (m.TimeZoneId, m.RecipientState)));
    }
}
