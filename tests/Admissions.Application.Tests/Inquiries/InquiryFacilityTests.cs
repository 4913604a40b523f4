using Admissions.Application.ApiKeys;
using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Application.Staff;
using Admissions.Domain.Auditing;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Placement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admissions.Application.Tests.Inquiries;

/// <summary>An inquiry belongs to a facility: chosen at intake with a sensible default, changed later on the record.</summary>
public class InquiryFacilityTests
{
    /// <summary>Two active facilities (Phoenix sorts after Oakland, so Oakland is "the first") and an inactive one.</summary>
    private static async Task<(Guid Oakland, Guid Phoenix, Guid Closed)> FacilitiesAsync(TestHost host)
    {
        await using var db = host.CreateDbContext();
        var oakland = new Facility { Name = "Riverbend Oakland", TimeZoneId = "America/Los_Angeles" };
        var phoenix = new Facility { Name = "Riverbend Phoenix", TimeZoneId = "America/Phoenix" };
        var closed = new Facility { Name = "Riverbend Eureka", TimeZoneId = "America/Los_Angeles", IsActive = false };
        db.Facilities.AddRange(oakland, phoenix, closed);
        await db.SaveChangesAsync();
        return (oakland.Id, phoenix.Id, closed.Id);
    }

    private static async Task WorksAtAsync(TestHost host, TestUser member, Guid facilityId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IStaffAccounts>().UpdateProfileAsync(member.Id, member.Name, facilityId, null);
    }

    private static Task<Guid?> FacilityOfAsync(TestHost host, Guid inquiryId) =>
        host.QueryAsync(db => db.Inquiries.Where(i => i.Id == inquiryId).Select(i => i.FacilityId).SingleAsync());

    private static async Task<Guid> CreateAsync(TestHost host, Action<InquiryForm>? change = null, TestUser? by = null) =>
        (await host.CreateInquiryAsync(TestForms.Valid(change), by, allowDuplicates: true)).InquiryId!.Value;

    [Fact]
    public async Task A_new_inquiry_belongs_to_the_coordinators_own_facility()
    {
        await using var host = await TestHost.StartAsync();
        var (_, phoenix, _) = await FacilitiesAsync(host);
        await WorksAtAsync(host, host.Coordinator, phoenix);

        var offered = await host.SendAsync(host.Coordinator, new GetIntakeFacilities());
        var inquiryId = await CreateAsync(host);

        Assert.Equal(phoenix, offered.DefaultId);
        Assert.Equal(["Riverbend Oakland", "Riverbend Phoenix"], offered.Facilities.Select(f => f.Name));
        Assert.Equal(phoenix, await FacilityOfAsync(host, inquiryId));
        var detail = await host.SendAsync(host.Coordinator, new GetInquiry(inquiryId));
        Assert.Equal(("Riverbend Phoenix", phoenix), (detail.FacilityName, detail.Form.FacilityId));
    }

    [Fact]
    public async Task The_facility_chosen_on_the_form_wins_and_an_inactive_one_is_refused_at_the_field()
    {
        await using var host = await TestHost.StartAsync();
        var (oakland, phoenix, closed) = await FacilitiesAsync(host);
        await WorksAtAsync(host, host.Coordinator, phoenix);

        var inquiryId = await CreateAsync(host, f => f.FacilityId = oakland);
        var error = await Assert.ThrowsAsync<RequestValidationException>(() => CreateAsync(host, f => f.FacilityId = closed));

        Assert.Equal(oakland, await FacilityOfAsync(host, inquiryId));
        Assert.Equal(["Choose one of the active facilities."], error.Errors[nameof(InquiryForm.FacilityId)]);
        Assert.Equal(1, await host.QueryAsync(db => db.Inquiries.CountAsync()));
    }

    [Fact]
    public async Task With_no_facility_of_their_own_a_coordinators_inquiry_goes_to_the_only_facility()
    {
        await using var host = await TestHost.StartAsync();
        await using (var db = host.CreateDbContext())
        {
            db.Facilities.Add(new Facility { Name = "Riverbend Recovery Center" });
            await db.SaveChangesAsync();
        }

        var only = await host.QueryAsync(db => db.Facilities.Select(f => f.Id).SingleAsync());

        var inquiryId = await CreateAsync(host);

        Assert.Equal(only, await FacilityOfAsync(host, inquiryId));
    }

    [Fact]
    public async Task A_coordinator_whose_facility_closed_gets_the_first_active_facility()
    {
        await using var host = await TestHost.StartAsync();
        var (oakland, _, closed) = await FacilitiesAsync(host);
        await WorksAtAsync(host, host.Coordinator, closed);

        var inquiryId = await CreateAsync(host);

        Assert.Equal(oakland, await FacilityOfAsync(host, inquiryId));
    }

    [Fact]
    public async Task The_intake_api_files_inquiries_under_the_api_keys_facility_or_else_the_first()
    {
        await using var host = await TestHost.StartAsync();
        var (oakland, phoenix, _) = await FacilitiesAsync(host);
        var phoenixKey = await host.SendAsync(host.Admin, new CreateApiKey("Phoenix website", phoenix));
        var anyKey = await host.SendAsync(host.Admin, new CreateApiKey("Call tracking"));
        var web = TestForms.Valid(f => f.Source = InquirySource.WebForm);

        var fromPhoenix = await host.SendAsync(TestUser.ApiKey(phoenixKey.Id), new SubmitWebInquiry(phoenixKey.Id, null, web));
        var fromAny = await host.SendAsync(TestUser.ApiKey(anyKey.Id), new SubmitWebInquiry(anyKey.Id, null, TestForms.Valid(f => f.Source = InquirySource.WebForm)));

        Assert.Equal(phoenix, await FacilityOfAsync(host, fromPhoenix.InquiryId));
        Assert.Equal(oakland, await FacilityOfAsync(host, fromAny.InquiryId));
        var keys = await host.SendAsync(host.Admin, new ListApiKeys());
        Assert.Equal(phoenix, keys.Single(k => k.Id == phoenixKey.Id).FacilityId);
    }

    [Fact]
    public async Task An_admin_moves_an_api_key_to_another_facility_but_not_to_an_inactive_one()
    {
        await using var host = await TestHost.StartAsync();
        var (oakland, phoenix, closed) = await FacilitiesAsync(host);
        var key = await host.SendAsync(host.Admin, new CreateApiKey("Website", oakland));

        await host.SendAsync(host.Admin, new SetApiKeyFacility(key.Id, phoenix));
        await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(host.Admin, new SetApiKeyFacility(key.Id, closed)));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.Manager, new SetApiKeyFacility(key.Id, oakland)));

        var submitted = await host.SendAsync(TestUser.ApiKey(key.Id), new SubmitWebInquiry(key.Id, null, TestForms.Valid(f => f.Source = InquirySource.WebForm)));
        Assert.Equal(phoenix, await FacilityOfAsync(host, submitted.InquiryId));
    }

    [Fact]
    public async Task The_api_cannot_name_a_facility_itself()
    {
        await using var host = await TestHost.StartAsync();
        var (oakland, _, _) = await FacilitiesAsync(host);
        var key = await host.SendAsync(host.Admin, new CreateApiKey("Website"));

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(TestUser.ApiKey(key.Id),
            new SubmitWebInquiry(key.Id, null, TestForms.Valid(f => f.FacilityId = oakland))));

        Assert.Contains(error.Errors, e => e.Value.Contains("The facility is set on the API key."));
    }

    [Fact]
    public async Task Moving_an_inquiry_to_another_facility_is_on_the_timeline_and_in_the_audit_log()
    {
        await using var host = await TestHost.StartAsync();
        var (oakland, phoenix, _) = await FacilitiesAsync(host);
        var inquiryId = await CreateAsync(host, f => f.FacilityId = oakland);
        host.Clock.Advance(TimeSpan.FromMinutes(5));

        await host.SendAsync(host.Manager, new ChangeInquiryFacility(inquiryId, phoenix));

        Assert.Equal(phoenix, await FacilityOfAsync(host, inquiryId));
        var entry = await host.QueryAsync(db => db.InquiryActivities.AsNoTracking()
            .Where(a => a.InquiryId == inquiryId).OrderByDescending(a => a.OccurredAt).FirstAsync());
        Assert.Equal(("Facility changed from Riverbend Oakland to Riverbend Phoenix", host.Manager.Name, TestHost.StartTime.AddMinutes(5)),
            (entry.Summary, entry.ActorName, entry.OccurredAt));
        var audit = await host.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditAction.Update && a.EntityType == nameof(Inquiry) && a.EntityId == inquiryId.ToString()).ToListAsync());
        Assert.Contains(audit, a => a.UserId == host.Manager.Id && a.Fields != null && a.Fields.Contains("FacilityId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Moving_to_the_facility_it_already_belongs_to_writes_nothing()
    {
        await using var host = await TestHost.StartAsync();
        var (oakland, _, _) = await FacilitiesAsync(host);
        var inquiryId = await CreateAsync(host, f => f.FacilityId = oakland);
        var before = await host.QueryAsync(db => db.InquiryActivities.CountAsync(a => a.InquiryId == inquiryId));

        await host.SendAsync(host.Coordinator, new ChangeInquiryFacility(inquiryId, oakland));

        Assert.Equal(before, await host.QueryAsync(db => db.InquiryActivities.CountAsync(a => a.InquiryId == inquiryId)));
    }

    [Fact]
    public async Task Only_admissions_staff_move_an_inquiry_and_only_to_an_active_facility()
    {
        await using var host = await TestHost.StartAsync();
        var (oakland, phoenix, closed) = await FacilitiesAsync(host);
        var inquiryId = await CreateAsync(host, f => f.FacilityId = oakland);

        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.Clinician, new ChangeInquiryFacility(inquiryId, phoenix)));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.BusinessDevelopment, new ChangeInquiryFacility(inquiryId, phoenix)));
        var error = await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(host.Coordinator, new ChangeInquiryFacility(inquiryId, closed)));

        Assert.Equal(["Choose one of the active facilities."], error.Errors[nameof(ChangeInquiryFacility.FacilityId)]);
        Assert.Equal(oakland, await FacilityOfAsync(host, inquiryId));
    }

    [Fact]
    public async Task The_inquiry_list_filters_by_facility()
    {
        await using var host = await TestHost.StartAsync();
        var (oakland, phoenix, _) = await FacilitiesAsync(host);
        var inOakland = await CreateAsync(host, f => f.FacilityId = oakland);
        var inPhoenix = await CreateAsync(host, f => { f.FacilityId = phoenix; f.PatientFirstName = "Sam"; f.CallerPhone = "(555) 201-9999"; });

        var oaklandOnly = await host.SendAsync(host.Coordinator, new ListInquiries(new InquiryFilter { FacilityId = oakland }));
        var phoenixOnly = await host.SendAsync(host.Coordinator, new ListInquiries(new InquiryFilter { FacilityId = phoenix }));
        var all = await host.SendAsync(host.Coordinator, new ListInquiries(new InquiryFilter()));

        Assert.Equal([inOakland], oaklandOnly.Items.Select(i => i.Id));
        Assert.Equal([inPhoenix], phoenixOnly.Items.Select(i => i.Id));
        Assert.Equal(2, all.TotalCount);
        Assert.Equal(["Riverbend Oakland", "Riverbend Phoenix"], (await host.SendAsync(host.Clinician, new ListInquiryFacilities())).Select(f => f.Name));
    }

    [Fact]
    public void A_domain_change_of_facility_names_both_facilities_and_a_repeat_is_no_change()
    {
        var by = new Domain.Common.Actor("u1", "Casey Coordinator");
        var inquiry = Inquiry.Create("INQ-2026-000001", new InquiryDetails { CallerName = "C", PatientFirstName = "P" }, by, TestHost.StartTime);
        var facility = Guid.CreateVersion7();

        Assert.True(inquiry.ChangeFacility(facility, "Riverbend Phoenix", null, by, TestHost.StartTime));
        Assert.False(inquiry.ChangeFacility(facility, "Riverbend Phoenix", "Riverbend Phoenix", by, TestHost.StartTime));

        Assert.Equal(facility, inquiry.FacilityId);
        Assert.Equal("Facility changed from none to Riverbend Phoenix", inquiry.Activities[^1].Summary);
        Assert.Equal(2, inquiry.Activities.Count);
    }
}
