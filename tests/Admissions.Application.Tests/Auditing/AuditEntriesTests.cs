using Admissions.Application.Auditing;
using Admissions.Application.Inquiries;
using Admissions.Domain.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.Auditing;

public class AuditEntriesTests
{
    [Fact]
    public async Task An_audit_entry_cannot_be_changed_through_the_context()
    {
        await using var host = await TestHost.StartAsync();
        await host.CreateInquiryAsync(TestForms.Valid());
        await using var db = host.CreateDbContext();
        var entry = await db.AuditEntries.FirstAsync(e => e.Action == AuditAction.Create && e.EntityType == "Inquiry");
        db.Entry(entry).Property(e => e.UserName).CurrentValue = "Someone else";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Equal("Audit entries are written once and never changed or deleted.", error.Message);
        var stored = await host.QueryAsync(d => d.AuditEntries.SingleAsync(e => e.Id == entry.Id));
        Assert.Equal(host.Coordinator.Name, stored.UserName);
    }

    [Fact]
    public async Task An_audit_entry_cannot_be_deleted_through_the_context()
    {
        await using var host = await TestHost.StartAsync();
        await host.CreateInquiryAsync(TestForms.Valid());
        var before = await host.QueryAsync(d => d.AuditEntries.CountAsync());
        await using var db = host.CreateDbContext();
        db.AuditEntries.Remove(await db.AuditEntries.FirstAsync());

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.NotEqual(0, before);
        Assert.Equal(before, await host.QueryAsync(d => d.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task The_synchronous_save_is_refused_so_nothing_skips_the_audit()
    {
        await using var host = await TestHost.StartAsync();
        await using var db = host.CreateDbContext();

        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
    }

    [Fact]
    public async Task The_log_lists_entries_newest_first_and_filters_by_record_and_action()
    {
        await using var host = await TestHost.StartAsync();
        var first = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.SendAsync(host.Clinician, new GetInquiry(first));

        var views = await host.SendAsync(host.Admin, new ListAuditEntries(new AuditFilter(Action: AuditAction.View, EntityId: first.ToString())));
        var forInquiry = await host.SendAsync(host.Admin, new ListAuditEntries(new AuditFilter(EntityType: "Inquiry", EntityId: first.ToString())));
        var byClinician = await host.SendAsync(host.Admin, new ListAuditEntries(new AuditFilter(User: "riley")));

        var view = Assert.Single(views.Items);
        Assert.Equal(host.Clinician.Name, view.UserName);
        Assert.Equal(TestHost.IpAddress, view.IpAddress);
        Assert.Equal(AuditAction.View, forInquiry.Items[0].Action);
        Assert.Equal(forInquiry.Items.Count, forInquiry.TotalCount);
        Assert.Contains(forInquiry.Items, e => e.Action == AuditAction.Create);
        Assert.Equal([view.Id], byClinician.Items.Select(e => e.Id));
    }
}
