using Admissions.Application.Auditing;
using Admissions.Application.Common;
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

    [Fact]
    public async Task The_log_finds_an_inquirys_entries_by_its_number_and_a_person_by_email()
    {
        await using var host = await TestHost.StartAsync();
        var created = await host.CreateInquiryAsync(TestForms.Valid());
        var other = await host.CreateInquiryAsync(TestForms.Person(2, "Sam", "Rivera"));
        await host.SendAsync(host.Clinician, new GetInquiry(created.InquiryId!.Value));
        await host.SendAsync(host.Clinician, new GetInquiry(other.InquiryId!.Value));

        var byNumber = await host.SendAsync(host.Admin, new ListAuditEntries(new AuditFilter(Inquiry: created.Number!.ToLowerInvariant())));
        var byEmail = await host.SendAsync(host.Admin, new ListAuditEntries(new AuditFilter(User: "CLINICIAN@TEST")));
        var unknown = await host.SendAsync(host.Admin, new ListAuditEntries(new AuditFilter(Inquiry: "INQ-2099-999999")));

        Assert.NotEmpty(byNumber.Items);
        Assert.All(byNumber.Items, e => Assert.Equal(created.InquiryId.ToString(), e.EntityId));
        Assert.Contains(byNumber.Items, e => e.Action == AuditAction.Create);
        Assert.Contains(byNumber.Items, e => e.Action == AuditAction.View && e.UserName == host.Clinician.Name);
        Assert.Equal(2, byEmail.TotalCount);
        Assert.All(byEmail.Items, e => Assert.Equal(host.Clinician.Name, e.UserName));
        Assert.Empty(unknown.Items);
    }

    [Fact]
    public async Task Repeated_views_of_one_record_by_one_person_within_five_minutes_are_one_row_with_a_count()
    {
        await using var host = await TestHost.StartAsync();
        var id = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        foreach (var minutes in new[] { 1, 3, 3, 2 })
        {
            host.Clock.Advance(TimeSpan.FromMinutes(minutes));
            await host.SendAsync(host.Clinician, new GetInquiry(id));
        }

        host.Clock.Advance(TimeSpan.FromMinutes(6));
        await host.SendAsync(host.Clinician, new GetInquiry(id));
        await host.SendAsync(host.Coordinator, new GetInquiry(id));

        var page = await host.SendAsync(host.Admin, new ListAuditEntries(new AuditFilter(Action: AuditAction.View, EntityType: "Inquiry", EntityId: id.ToString())));

        Assert.Equal(6, page.TotalCount);
        Assert.Equal(
            [(host.Coordinator.Name, 1), (host.Clinician.Name, 1), (host.Clinician.Name, 4)],
            page.Items.Select(e => (e.UserName, e.Count)));
        Assert.Equal(TestHost.StartTime.AddMinutes(1), page.Items[2].FirstAt);
        Assert.Equal(TestHost.StartTime.AddMinutes(9), page.Items[2].OccurredAt);
    }

    [Fact]
    public async Task The_record_types_to_filter_by_are_those_the_log_holds()
    {
        await using var host = await TestHost.StartAsync();
        var id = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        await host.SendAsync(host.Clinician, new GetInquiry(id));

        var types = await host.SendAsync(host.Admin, new ListAuditRecordTypes());

        Assert.Contains("Inquiry", types);
        Assert.Equal(types.Order(StringComparer.Ordinal), types);
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.Manager, new ListAuditRecordTypes()));
    }
}
