using Admissions.Application.Insurance;
using Admissions.Application.Placement;
using Admissions.Domain.Care;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Microsoft.EntityFrameworkCore;
using static Admissions.Application.Tests.Insurance.InsuranceSetup;

namespace Admissions.Application.Tests.Insurance;

/// <summary>Every path that sends a patient's records out asks the same consent question and writes the ledger.</summary>
public class DisclosurePathTests
{
    private static Task<Guid> PartnerAsync(TestHost host) => host.SendAsync(host.Manager, new SavePartnerFacility(null, new PartnerForm
    {
        Name = "Lakeside Adolescent Center",
        Levels = [LevelOfCare.Residential],
        IntakePhone = "916-555-0187",
    }));

    private static async Task<Guid> InquiryAsync(TestHost host) => (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;

    [Fact]
    public async Task Referring_out_with_records_needs_a_consent_naming_the_partner()
    {
        await using var host = await TestHost.StartAsync();
        var partner = await PartnerAsync(host);
        var inquiryId = await InquiryAsync(host);

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(host.Coordinator, new ReferOut(inquiryId, partner, "Adolescent program needed")));

        Assert.StartsWith("Sharing records with Lakeside Adolescent Center needs the patient's consent naming them", error.Message, StringComparison.Ordinal);
        Assert.Empty(await DisclosuresAsync(host));
        Assert.Equal(InquiryStage.New, await host.QueryAsync(db => db.Inquiries.Where(i => i.Id == inquiryId).Select(i => i.Stage).SingleAsync()));
    }

    [Fact]
    public async Task Referring_out_under_a_consent_naming_the_partner_writes_the_disclosure()
    {
        await using var host = await TestHost.StartAsync();
        var partner = await PartnerAsync(host);
        var inquiryId = await InquiryAsync(host);
        var form = Consent();
        form.RecipientPartnerIds = [partner];
        form.Purposes = DisclosurePurpose.Treatment;
        var consentId = await SignedConsentAsync(host, inquiryId, form);
        host.Clock.Advance(TimeSpan.FromMinutes(3));

        await host.SendAsync(host.Coordinator, new ReferOut(inquiryId, partner, "Adolescent program needed"));

        var disclosure = Assert.Single(await DisclosuresAsync(host));
        Assert.Equal((consentId, "Lakeside Adolescent Center", DisclosurePurpose.Treatment, "Referral to a partner provider"),
            (disclosure.ConsentId, disclosure.Recipient, disclosure.Purpose, disclosure.Channel));
        Assert.Equal(TestHost.StartTime.AddMinutes(3), disclosure.DisclosedAt);
        Assert.EndsWith("Adolescent program needed", disclosure.Information, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_tpo_consent_naming_treating_providers_covers_a_referral()
    {
        await using var host = await TestHost.StartAsync();
        var partner = await PartnerAsync(host);
        var inquiryId = await InquiryAsync(host);
        await SignedConsentAsync(host, inquiryId, new ConsentForm
        {
            Kind = ConsentKind.SingleTpo,
            RecipientClasses = RecipientClass.TreatingProviders,
            Purposes = DisclosurePurpose.Treatment | DisclosurePurpose.Payment | DisclosurePurpose.HealthCareOperations,
            ExpiryEvent = ConsentDefaults.TpoExpiryEvent,
            SendTo = TestForms.CallerPhone,
        });

        await host.SendAsync(host.Coordinator, new ReferOut(inquiryId, partner, "Adolescent program needed"));

        Assert.Equal("Lakeside Adolescent Center", Assert.Single(await DisclosuresAsync(host)).Recipient);
    }

    [Fact]
    public async Task Referring_out_without_sharing_records_discloses_nothing()
    {
        await using var host = await TestHost.StartAsync();
        var partner = await PartnerAsync(host);
        var inquiryId = await InquiryAsync(host);

        await host.SendAsync(host.Coordinator, new ReferOut(inquiryId, partner, "Adolescent program needed", ShareRecords: false));

        Assert.Empty(await DisclosuresAsync(host));
        Assert.Contains(await TimelineAsync(host, inquiryId), s => s.Contains("Referred out", StringComparison.Ordinal) || s.Contains("Referred", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_parent_who_calls_gets_no_updates_until_the_patient_names_them()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = (await host.CreateInquiryAsync(TestForms.Valid(f =>
        {
            f.CallerName = "Maria Lopez";
            f.CallerRelationship = CallerRelationship.Parent;
        }))).InquiryId!.Value;

        var before = await host.SendAsync(host.Coordinator, new GetUpdateContacts(inquiryId));
        var caller = Assert.Single(before.Contacts);
        Assert.Equal(("Maria Lopez", true, false), (caller.Name, caller.IsCaller, caller.MayReceiveUpdates));
        var error = await Assert.ThrowsAsync<DomainRuleException>(() =>
            host.SendAsync(host.Coordinator, new RecordFamilyUpdate(inquiryId, "Maria Lopez", "Admitted today")));
        Assert.StartsWith("No active consent from the patient names Maria Lopez: share nothing about the patient.", error.Message, StringComparison.Ordinal);

        var form = Consent();
        form.RecipientPeople = [new NamedPersonForm { Name = "Maria Lopez", Relationship = "Mother", Phone = "(555) 201-4477" }];
        form.Purposes = DisclosurePurpose.PatientRequest;
        var consentId = await SignedConsentAsync(host, inquiryId, form);
        await host.SendAsync(host.Coordinator, new RecordFamilyUpdate(inquiryId, "maria lopez", "Arrived safely and settling in"));

        var after = await host.SendAsync(host.Coordinator, new GetUpdateContacts(inquiryId));
        var named = Assert.Single(after.Contacts);
        Assert.Equal(("Maria Lopez", "Mother", true, true, consentId), (named.Name, named.Relationship, named.IsCaller, named.MayReceiveUpdates, named.ConsentId));
        var disclosure = Assert.Single(await DisclosuresAsync(host));
        Assert.Equal(("Maria Lopez (Mother)", DisclosurePurpose.PatientRequest, "Arrived safely and settling in"),
            (disclosure.Recipient, disclosure.Purpose, disclosure.Information));
    }

    [Fact]
    public async Task A_revoked_consent_stops_family_updates()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        var form = Consent();
        form.RecipientPeople = [new NamedPersonForm { Name = "Jordan Rivera", Relationship = "Partner" }];
        form.Purposes = DisclosurePurpose.PatientRequest;
        var consentId = await SignedConsentAsync(host, inquiryId, form);

        await host.SendAsync(host.Coordinator, new RevokeConsent(inquiryId, consentId, "Patient asked"));

        await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(host.Coordinator, new RecordFamilyUpdate(inquiryId, "Jordan Rivera", "Update")));
        Assert.DoesNotContain((await host.SendAsync(host.Coordinator, new GetUpdateContacts(inquiryId))).Contacts, c => c.MayReceiveUpdates);
    }
}
