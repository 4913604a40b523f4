using Admissions.Application.Inquiries;
using Admissions.Application.Messaging;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.Messaging;

public class ManagerDigestTests
{
    [Fact]
    public async Task Each_manager_gets_yesterdays_counts_once_with_no_patient_details()
    {
        await using var host = await TestHost.StartAsync();
        // 14:00 UTC on March 10 is 07:00 in Los Angeles: both inquiries arrive on the facility's March 10.
        var admitted = await host.CreateInquiryAsync(TestForms.Person(1, "Alex", "Lopez"));
        await host.CreateInquiryAsync(TestForms.Person(2, "Sam", "Rivera"));
        await Placement.AdmissionTests.AdmitAsync(host, admitted.InquiryId!.Value);

        await host.SendAsync(host.Coordinator, new Application.FollowUps.CreateTask(admitted.InquiryId!.Value, "Send the packing list", TestHost.StartTime.AddHours(2), host.Coordinator.Id));

        host.Clock.Advance(TimeSpan.FromDays(1));
        var first = await host.SendAsSystemAsync(new SendManagerDigest());
        var again = await host.SendAsSystemAsync(new SendManagerDigest());

        Assert.Equal((new DateOnly(2026, 3, 10), 2, 1), (first.Counts.Day, first.Counts.Inquiries, first.Counts.Admits));
        var attention = first.Counts.Attention;
        Assert.Equal((new DateOnly(2026, 3, 11), 0), (attention.Today, attention.OpenSafetyAlerts));
        Assert.Contains(new Application.Dashboards.OverdueTasksOf(host.Coordinator.Name, 1), attention.OverdueTasks);
        Assert.Equal(1, first.Queued);
        Assert.Equal(0, again.Queued);
        Assert.Equal(1, host.Outbox.Signals);
        var email = await host.QueryAsync(db => db.OutboundMessages.SingleAsync());
        Assert.Equal(("manager@test.local", MessageAudience.Staff, MessageChannel.Email), (email.Recipient, email.Audience, email.Channel));
        Assert.Equal("Admissions daily summary for Tuesday, Mar 10, 2026", email.Subject);
        Assert.Contains("New inquiries: 2", email.Body, StringComparison.Ordinal);
        Assert.Contains("Admissions: 1", email.Body, StringComparison.Ordinal);
        Assert.Contains($"Overdue tasks: {attention.OverdueTaskCount}  http://127.0.0.1:5000/work?view=overdue", email.Body, StringComparison.Ordinal);
        Assert.Contains($"  {host.Coordinator.Name}: 1", email.Body, StringComparison.Ordinal);
        Assert.Contains("Reviews due: 0  http://127.0.0.1:5000/authorizations", email.Body, StringComparison.Ordinal);
        Assert.Contains("Your home page shows the same: http://127.0.0.1:5000/", email.Body, StringComparison.Ordinal);
        foreach (var phi in new[] { "Alex", "Lopez", "Sam", "Rivera", admitted.Number! })
        {
            Assert.DoesNotContain(phi, email.Subject + email.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_next_day_brings_the_next_digest()
    {
        await using var host = await TestHost.StartAsync();
        await host.SendAsSystemAsync(new SendManagerDigest());

        host.Clock.Advance(TimeSpan.FromDays(1));
        var next = await host.SendAsSystemAsync(new SendManagerDigest());

        Assert.Equal(1, next.Queued);
        var keys = await host.QueryAsync(db => db.OutboundMessages.OrderBy(m => m.CreatedAt).Select(m => m.UniqueKey).ToListAsync());
        Assert.Equal([SendManagerDigestHandler.Key(new DateOnly(2026, 3, 9), host.Manager.Id), SendManagerDigestHandler.Key(new DateOnly(2026, 3, 10), host.Manager.Id)], keys);
    }

    [Fact]
    public async Task Two_digest_runs_at_once_still_send_one_email_per_manager()
    {
        await using var host = await TestHost.StartAsync();

        await Task.WhenAll(Task.Run(() => host.SendAsSystemAsync(new SendManagerDigest())), Task.Run(() => host.SendAsSystemAsync(new SendManagerDigest())));

        Assert.Equal(1, await host.QueryAsync(db => db.OutboundMessages.CountAsync()));
    }
}
