using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Application.Messaging;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.Messaging;

public class OptOutTests
{
    [Fact]
    public async Task A_STOP_reply_records_the_opt_out_and_cancels_the_texts_waiting_for_that_number()
    {
        await using var host = await TestHost.StartAsync();
        var waiting = await Messages.QueueAsync(host, MessageChannel.Sms, MessageAudience.Prospect, "+15552014477", TestHost.StartTime.AddDays(1));
        var otherNumber = await Messages.QueueAsync(host, MessageChannel.Sms, MessageAudience.Prospect, "+15552014478", TestHost.StartTime.AddDays(1));

        var outcome = await host.SendAsSystemAsync(new ReceiveInboundText("+1 (555) 201-4477", " Stop "));

        Assert.Equal(InboundTextAction.OptedOut, outcome.Action);
        Assert.Equal(1, outcome.CancelledMessages);
        var cancelled = await Messages.FindAsync(host, waiting.Id);
        Assert.Equal(MessageState.Cancelled, cancelled.State);
        Assert.Equal("Not sent: +15552014477 replied STOP on 2026-03-10.", cancelled.LastError);
        Assert.Equal(MessageState.Pending, (await Messages.FindAsync(host, otherNumber.Id)).State);
        var optOut = await host.QueryAsync(db => db.MessagingOptOuts.SingleAsync());
        Assert.Equal(("+15552014477", OptOutSource.InboundStop), (optOut.Address, optOut.Source));
    }

    [Fact]
    public async Task After_an_opt_out_new_texts_are_recorded_as_not_sent_with_the_reason_and_emails_still_go()
    {
        await using var host = await TestHost.StartAsync();
        await host.SendAsync(host.Coordinator, new RecordOptOut(MessageChannel.Sms, TestForms.CallerPhone, "Asked on the phone"));
        var created = await host.CreateInquiryAsync(TestForms.Valid());

        await host.SendAsync(host.Coordinator, new MoveInquiryStage(created.InquiryId!.Value, InquiryStage.NotAdmitted, NotAdmittedReason.Declined));

        var messages = await host.QueryAsync(db => db.OutboundMessages.ToListAsync());
        Assert.All(messages.Where(m => m.Channel == MessageChannel.Sms), m =>
        {
            Assert.Equal(MessageState.Cancelled, m.State);
            Assert.Equal("Not sent: +15552014477 asked not to be contacted this way (Casey Nguyen, 2026-03-10).", m.LastError);
        });
        Assert.All(messages.Where(m => m.Channel == MessageChannel.Email), m => Assert.Equal(MessageState.Pending, m.State));
        Assert.Equal(3, messages.Count(m => m.Channel == MessageChannel.Sms));
    }

    [Fact]
    public async Task A_text_whose_number_opted_out_after_it_was_queued_is_cancelled_at_dispatch_not_sent()
    {
        var sender = new RecordingSender();
        await using var host = await TestHost.StartAsync(sender.Register);
        var message = await Messages.QueueAsync(host, MessageChannel.Sms, MessageAudience.Prospect, "+15552014477");
        await using (var db = host.CreateDbContext())
        {
            db.MessagingOptOuts.Add(new MessagingOptOut
            {
                Channel = MessageChannel.Sms,
                Address = "+15552014477",
                Source = OptOutSource.InboundStop,
                OptedOutAt = TestHost.StartTime,
                RecordedBy = "Text reply",
            });
            await db.SaveChangesAsync();
        }

        var summary = await Messages.DispatchAsync(host);

        Assert.Equal(1, summary.Cancelled);
        Assert.Empty(sender.Sent);
        Assert.Equal(MessageState.Cancelled, (await Messages.FindAsync(host, message.Id)).State);
    }

    [Fact]
    public async Task START_opts_the_number_back_in()
    {
        await using var host = await TestHost.StartAsync();
        await host.SendAsSystemAsync(new ReceiveInboundText("+15552014477", "STOP"));

        var outcome = await host.SendAsSystemAsync(new ReceiveInboundText("+15552014477", "start"));

        Assert.Equal(InboundTextAction.OptedIn, outcome.Action);
        Assert.Equal(0, await host.QueryAsync(db => db.MessagingOptOuts.CountAsync()));
    }

    [Fact]
    public async Task Other_replies_change_nothing_and_a_bad_number_is_refused_with_a_message()
    {
        await using var host = await TestHost.StartAsync();

        Assert.Equal(InboundTextAction.None, (await host.SendAsSystemAsync(new ReceiveInboundText("+15552014477", "Please stop calling me at work"))).Action);
        var invalid = await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(host.Coordinator, new RecordOptOut(MessageChannel.Sms, "12345", null)));
        Assert.Contains("Enter a 10-digit US phone number.", invalid.Errors["Address"]);
        Assert.Equal(0, await host.QueryAsync(db => db.MessagingOptOuts.CountAsync()));
    }

    [Fact]
    public async Task Only_staff_who_work_inquiries_record_opt_outs()
    {
        await using var host = await TestHost.StartAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.BusinessDevelopment, new RecordOptOut(MessageChannel.Sms, TestForms.CallerPhone, null)));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.Coordinator, new ReceiveInboundText(TestForms.CallerPhone, "STOP")));
    }
}
