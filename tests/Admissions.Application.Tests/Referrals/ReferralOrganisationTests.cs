using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Application.Referrals;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.Referrals;

public class ReferralOrganisationTests
{
    private static Task<Guid> SaveAsync(TestHost host, string name, Guid? id = null, bool active = true, TestUser? user = null) =>
        host.SendAsync(user ?? host.BusinessDevelopment, new SaveReferralOrganisation(id, new ReferralOrganisationForm
        {
            Name = name,
            ContactName = "Dana Whitfield",
            ContactPhone = "916.555.0142",
            IsActive = active,
        }));

    private static InquiryForm Referred(Guid organisationId) => TestForms.Valid(f =>
    {
        f.Source = InquirySource.Referral;
        f.ReferralSource = "ED social worker";
        f.ReferralOrganisationId = organisationId;
    });

    private static Task<Inquiry> InquiryAsync(TestHost host, Guid id) =>
        host.QueryAsync(db => db.Inquiries.AsNoTracking().Include(i => i.Activities).SingleAsync(i => i.Id == id));

    // ---- The directory ----

    [Fact]
    public async Task Business_development_adds_and_edits_organisations_and_every_staff_role_lists_them_by_name()
    {
        await using var host = await TestHost.StartAsync();

        var hospital = await SaveAsync(host, "  St. Mary's Hospital ED ");
        await SaveAsync(host, "Alvarez Psychiatry", user: host.Manager);
        await host.SendAsync(host.Admin, new SaveReferralOrganisation(hospital, new ReferralOrganisationForm { Name = "St. Mary's Hospital Emergency Department" }));

        foreach (var user in host.Staff.All)
        {
            var list = await host.SendAsync(user, new ListReferralOrganisations());
            Assert.Equal(["Alvarez Psychiatry", "St. Mary's Hospital Emergency Department"], list.Select(o => o.Name));
        }

        var stored = await host.QueryAsync(db => db.ReferralOrganisations.SingleAsync(o => o.Id == hospital));
        Assert.Equal((null, null, true, TestHost.StartTime), (stored.ContactName, stored.ContactPhone, stored.IsActive, stored.CreatedAt));
        var alvarez = (await host.SendAsync(host.Coordinator, new ListReferralOrganisations()))[0];
        Assert.Equal(("Dana Whitfield", "(916) 555-0142"), (alvarez.ContactName, alvarez.ContactPhone));
    }

    [Fact]
    public async Task Invalid_organisations_are_refused_with_messages_for_each_field()
    {
        await using var host = await TestHost.StartAsync();

        var invalid = await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(host.Manager, new SaveReferralOrganisation(null,
            new ReferralOrganisationForm { Name = " ", ContactName = new string('x', 101), ContactPhone = "555-12" })));
        Assert.Contains("Enter the organisation's name.", invalid.Errors["Form.Name"]);
        Assert.Contains("Keep the contact's name under 100 characters.", invalid.Errors["Form.ContactName"]);
        Assert.Contains("Enter a 10-digit US phone number, e.g. (555) 201-4477.", invalid.Errors["Form.ContactPhone"]);

        var tooLong = await Assert.ThrowsAsync<RequestValidationException>(() => SaveAsync(host, new string('n', 151)));
        Assert.Contains("Keep the name under 150 characters.", tooLong.Errors["Form.Name"]);
        Assert.Empty(await host.QueryAsync(db => db.ReferralOrganisations.ToListAsync()));
    }

    [Fact]
    public async Task Names_are_unique_ignoring_case_and_an_organisation_keeps_its_own_name_on_edit()
    {
        await using var host = await TestHost.StartAsync();
        var eap = await SaveAsync(host, "Lakeside EAP");
        var court = await SaveAsync(host, "County Drug Court");

        var duplicate = await Assert.ThrowsAsync<DomainRuleException>(() => SaveAsync(host, "lakeside eap "));
        Assert.Equal("A referral organisation named lakeside eap already exists. Edit it (or bring it back from retired) instead.", duplicate.Message);
        await Assert.ThrowsAsync<DomainRuleException>(() => SaveAsync(host, "Lakeside EAP", court));

        await SaveAsync(host, "Lakeside EAP", eap);
        Assert.Equal(2, await host.QueryAsync(db => db.ReferralOrganisations.CountAsync()));
        await Assert.ThrowsAsync<NotFoundException>(() => SaveAsync(host, "Gone", Guid.NewGuid()));
    }

    [Fact]
    public async Task Retired_organisations_leave_the_list_but_are_kept_and_can_be_shown_and_restored()
    {
        await using var host = await TestHost.StartAsync();
        var eap = await SaveAsync(host, "Lakeside EAP");
        await SaveAsync(host, "Hope Interventions");

        await SaveAsync(host, "Lakeside EAP", eap, active: false);

        Assert.Equal(["Hope Interventions"], (await host.SendAsync(host.Coordinator, new ListReferralOrganisations())).Select(o => o.Name));
        var all = await host.SendAsync(host.Coordinator, new ListReferralOrganisations(IncludeInactive: true));
        Assert.Equal([("Hope Interventions", true), ("Lakeside EAP", false)], all.Select(o => (o.Name, o.IsActive)));

        await SaveAsync(host, "Lakeside EAP", eap, active: true);
        Assert.Equal(2, (await host.SendAsync(host.Coordinator, new ListReferralOrganisations())).Count);
    }

    [Fact]
    public async Task Only_admins_managers_and_business_development_keep_the_directory()
    {
        await using var host = await TestHost.StartAsync();

        foreach (var user in new[] { host.Coordinator, host.Clinician, host.UtilizationReview })
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => SaveAsync(host, "Hope Interventions", user: user));
        }

        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(TestUser.Anonymous, new ListReferralOrganisations()));
        Assert.Empty(await host.QueryAsync(db => db.ReferralOrganisations.ToListAsync()));
    }

    // ---- Attributing inquiries ----

    [Fact]
    public async Task An_inquiry_taken_with_an_organisation_is_attributed_to_it_on_the_timeline_and_the_details_tab()
    {
        await using var host = await TestHost.StartAsync();
        var hospital = await SaveAsync(host, "St. Mary's Hospital ED");

        var id = (await host.CreateInquiryAsync(Referred(hospital))).InquiryId!.Value;

        var inquiry = await InquiryAsync(host, id);
        Assert.Equal(hospital, inquiry.ReferralOrganisationId);
        var entry = Assert.Single(inquiry.Activities, a => a.Summary == "Referred by St. Mary's Hospital ED");
        Assert.Equal((host.Coordinator.Name, TestHost.StartTime), (entry.ActorName, entry.OccurredAt));
        var detail = await host.SendAsync(host.Coordinator, new GetInquiry(id));
        Assert.Equal((hospital, "St. Mary's Hospital ED"), (detail.Form.ReferralOrganisationId, detail.ReferralOrganisationName));
        Assert.Equal("ED social worker", detail.Form.ReferralSource);
    }

    [Fact]
    public async Task A_referral_attributed_to_an_organisation_needs_no_free_text_referrer()
    {
        await using var host = await TestHost.StartAsync();
        var hospital = await SaveAsync(host, "St. Mary's Hospital ED");

        var id = (await host.CreateInquiryAsync(TestForms.Valid(f =>
        {
            f.Source = InquirySource.Referral;
            f.ReferralOrganisationId = hospital;
        }))).InquiryId!.Value;

        var inquiry = await InquiryAsync(host, id);
        Assert.Equal((hospital, null), (inquiry.ReferralOrganisationId, inquiry.Details.ReferralSource));
    }

    [Fact]
    public async Task Editing_the_details_changes_or_clears_the_organisation_and_saving_it_unchanged_adds_nothing()
    {
        await using var host = await TestHost.StartAsync();
        var hospital = await SaveAsync(host, "St. Mary's Hospital ED");
        var therapist = await SaveAsync(host, "Alvarez Psychiatry");
        var id = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;

        async Task EditAsync(Action<InquiryForm> change)
        {
            var opened = await host.SendAsync(host.Coordinator, new GetInquiry(id));
            var edited = TestForms.Copy(opened.Form);
            change(edited);
            host.Clock.Advance(TimeSpan.FromMinutes(5));
            await host.SendAsync(host.Coordinator, new UpdateInquiryDetails(id, opened.Version, opened.Form, edited));
        }

        await EditAsync(f => f.ReferralOrganisationId = hospital);
        Assert.Equal(hospital, (await InquiryAsync(host, id)).ReferralOrganisationId);

        await EditAsync(f => f.ReferralOrganisationId = therapist);
        await EditAsync(f => f.Notes = "Therapist faxed the referral.");
        await EditAsync(f => f.ReferralOrganisationId = null);

        var inquiry = await InquiryAsync(host, id);
        Assert.Null(inquiry.ReferralOrganisationId);
        Assert.Equal(
            ["Referred by St. Mary's Hospital ED", "Referred by Alvarez Psychiatry", "Referral organisation cleared"],
            inquiry.Activities.Where(a => a.Summary.StartsWith("Referr", StringComparison.Ordinal)).OrderBy(a => a.OccurredAt).Select(a => a.Summary));
    }

    [Fact]
    public async Task A_retired_or_unknown_organisation_cannot_be_chosen_but_an_inquiry_keeps_one_retired_since()
    {
        await using var host = await TestHost.StartAsync();
        var eap = await SaveAsync(host, "Lakeside EAP");
        var court = await SaveAsync(host, "County Drug Court");
        var kept = (await host.CreateInquiryAsync(Referred(court))).InquiryId!.Value;
        await SaveAsync(host, "Lakeside EAP", eap, active: false);
        await SaveAsync(host, "County Drug Court", court, active: false);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(host.Coordinator, new CreateInquiry(Referred(eap))));
        Assert.Equal("Lakeside EAP is retired; choose an active referral organisation.", refused.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => host.SendAsync(host.Coordinator, new CreateInquiry(Referred(Guid.NewGuid()))));
        Assert.Equal(1, await host.QueryAsync(db => db.Inquiries.CountAsync()));

        // Editing something else on an inquiry attributed to a since-retired organisation keeps it.
        var opened = await host.SendAsync(host.Coordinator, new GetInquiry(kept));
        var edited = TestForms.Copy(opened.Form);
        edited.Urgency = Urgency.Urgent;
        var version = await host.SendAsync(host.Coordinator, new UpdateInquiryDetails(kept, opened.Version, opened.Form, edited));
        Assert.Equal(court, (await InquiryAsync(host, kept)).ReferralOrganisationId);

        // Switching it to another retired organisation is refused.
        edited.ReferralOrganisationId = eap;
        await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(host.Coordinator, new UpdateInquiryDetails(kept, version, edited, edited)));
        Assert.Equal(court, (await InquiryAsync(host, kept)).ReferralOrganisationId);
    }
}
