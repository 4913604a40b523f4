using Admissions.Application.Common;
using Admissions.Application.Insurance;
using Admissions.Domain.Auditing;
using Admissions.Domain.Common;
using Admissions.Domain.Insurance;
using Microsoft.EntityFrameworkCore;
using static Admissions.Application.Tests.Insurance.InsuranceSetup;

namespace Admissions.Application.Tests.Insurance;

public class ConsentTests
{
    private static Task<Part2Consent> ConsentAsync(TestHost host, Guid id) =>
        host.QueryAsync(db => db.Part2Consents.AsNoTracking().SingleAsync(c => c.Id == id));

    [Fact]
    public async Task A_signed_consent_records_who_may_receive_what_until_when_and_who_captured_it()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        var cigna = await PayerIdAsync(host, "Cigna");
        var aetna = await PayerIdAsync(host, "Aetna");
        var form = Consent(cigna, aetna);
        form.Purposes = DisclosurePurpose.Payment | DisclosurePurpose.Treatment;

        var id = await SignedConsentAsync(host, inquiryId, form);

        var consent = await ConsentAsync(host, id);
        Assert.Equal(inquiryId, consent.InquiryId);
        Assert.Equal("Alex Lopez", consent.PatientName);
        Assert.Equal("Riverbend Recovery Center admissions", consent.DisclosingProgram);
        Assert.Equal([aetna, cigna], consent.RecipientPayerIds);
        Assert.Equal("Aetna, Cigna", consent.RecipientNames);
        Assert.Equal(DisclosurePurpose.Payment | DisclosurePurpose.Treatment, consent.Purposes);
        Assert.Equal(ConsentDefaults.Information, consent.Information);
        Assert.Equal(ConsentExpiry, consent.ExpiresOn);
        Assert.Equal("Alex Lopez", consent.SignedName);
        Assert.Equal(SignatureMethod.Electronic, consent.SignatureMethod);
        Assert.Equal(TestHost.StartTime, consent.SignedAt);
        Assert.Equal((host.Coordinator.Id, host.Coordinator.Name), (consent.CapturedById, consent.CapturedByName));
        Assert.Null(consent.RevokedAt);
        Assert.Contains("Part 2 consent prepared for disclosure to Aetna, Cigna; signing link sent by text to (555) 201-4477", await TimelineAsync(host, inquiryId));
        var audits = await host.QueryAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(Part2Consent)).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal((AuditAction.Create, id.ToString(), host.Coordinator.Id), (audits[0].Action, audits[0].EntityId, audits[0].UserId));
        Assert.Equal((AuditAction.Update, "consent-signing-link"), (audits[^1].Action, audits[^1].UserId));

        var overview = await host.SendAsync(host.Coordinator, new GetInsurance(inquiryId));
        var view = Assert.Single(overview.Consents);
        Assert.True(view.IsActive);
        Assert.Equal("Aetna, Cigna", view.RecipientNames);
    }

    [Fact]
    public async Task An_event_may_end_the_consent_instead_of_a_date()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        var form = Consent(await PayerIdAsync(host, "Aetna"));
        form.ExpiresOn = null;
        form.ExpiryEvent = " Discharge from treatment ";

        var id = await SignedConsentAsync(host, inquiryId, form);

        var consent = await ConsentAsync(host, id);
        Assert.Null(consent.ExpiresOn);
        Assert.Equal("Discharge from treatment", consent.ExpiryEvent);
        Assert.True(consent.IsActive(new DateOnly(2030, 1, 1)));
    }

    [Theory]
    [InlineData("no recipients", "Form.RecipientPayerIds", "Name at least one recipient: a payer, a partner, a person, or (single TPO consent) a class of recipients.")]
    [InlineData("no expiry", "Form.ExpiresOn", "Give an expiry date or the event that ends the consent.")]
    [InlineData("expired already", "Form.ExpiresOn", "The expiry date cannot be in the past.")]
    [InlineData("verbal without a name", "Form.SignedName", "Enter the patient's name as they gave it.")]
    [InlineData("verbal not confirmed", "Form.PatientConfirmed", "Confirm the patient heard the consent and agreed to it.")]
    [InlineData("no number for the link", "Form.SendTo", "Enter the patient's 10-digit mobile number for the signing link.")]
    [InlineData("no purpose", "Form.Purposes", "Choose at least one purpose.")]
    [InlineData("no information", "Form.Information", "Describe what information may be disclosed.")]
    public async Task An_incomplete_consent_is_refused_with_the_field_and_a_message(string problem, string field, string message)
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        var form = Consent(await PayerIdAsync(host, "Aetna"));
        switch (problem)
        {
            case "no recipients":
                form.RecipientPayerIds = [];
                break;
            case "no expiry":
                form.ExpiresOn = null;
                form.ExpiryEvent = " ";
                break;
            case "expired already":
                form.ExpiresOn = new DateOnly(2026, 3, 9);
                break;
            case "verbal without a name":
                form.Signing = ConsentSigning.Verbal;
                form.PatientConfirmed = true;
                break;
            case "verbal not confirmed":
                form.Signing = ConsentSigning.Verbal;
                form.SignedName = "Alex Lopez";
                break;
            case "no number for the link":
                form.SendTo = "12";
                break;
            case "no purpose":
                form.Purposes = DisclosurePurpose.None;
                break;
            case "no information":
                form.Information = "";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(problem), problem, null);
        }

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(host.Coordinator, new CaptureConsent(inquiryId, form)));

        Assert.Equal([field], error.Errors.Keys);
        Assert.Equal(message, Assert.Single(error.Errors[field]));
        Assert.Equal(0, await host.QueryAsync(db => db.Part2Consents.CountAsync()));
    }

    [Fact]
    public async Task A_recipient_that_is_not_in_the_payer_directory_is_refused()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;

        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            host.SendAsync(host.Coordinator, new CaptureConsent(inquiryId, Consent(Guid.NewGuid()))));

        Assert.Equal("Choose recipients from the payer directory.", Assert.Single(error.Errors["RecipientPayerIds"]));
    }

    [Fact]
    public async Task Revoking_a_consent_stops_it_covering_the_payer_and_is_recorded_with_the_note()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        host.Clock.Advance(TimeSpan.FromHours(2));

        await host.SendAsync(host.Manager, new RevokeConsent(insured.InquiryId, insured.ConsentId!.Value, "  Patient called to withdraw. "));

        var consent = await ConsentAsync(host, insured.ConsentId!.Value);
        Assert.Equal(TestHost.StartTime.AddHours(2), consent.RevokedAt);
        Assert.Equal(host.Manager.Name, consent.RevokedByName);
        Assert.Equal("Patient called to withdraw.", consent.RevocationNote);
        Assert.False(consent.Covers(insured.PayerId, DisclosurePurpose.Payment, new DateOnly(2026, 3, 10)));
        var revoked = await host.QueryAsync(db => db.InquiryActivities.SingleAsync(a => a.Summary == "Part 2 consent revoked"));
        Assert.Equal("Patient called to withdraw.", revoked.Text);
        var view = Assert.Single((await host.SendAsync(host.Coordinator, new GetInsurance(insured.InquiryId))).Consents);
        Assert.False(view.IsActive);
        Assert.Equal(host.Manager.Name, view.RevokedByName);
        var policy = Assert.Single((await host.SendAsync(host.Coordinator, new GetInsurance(insured.InquiryId))).Policies);
        Assert.Equal(["a signed Part 2 consent to disclose to Aetna for payment"], policy.MissingForVerification);
    }

    [Fact]
    public async Task Revoking_twice_is_refused_and_changes_nothing()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        await host.SendAsync(host.Coordinator, new RevokeConsent(insured.InquiryId, insured.ConsentId!.Value, null));
        host.Clock.Advance(TimeSpan.FromMinutes(5));

        var error = await Assert.ThrowsAsync<DomainRuleException>(() =>
            host.SendAsync(host.Manager, new RevokeConsent(insured.InquiryId, insured.ConsentId!.Value, "again")));

        Assert.Equal("This consent was already revoked.", error.Message);
        var consent = await ConsentAsync(host, insured.ConsentId!.Value);
        Assert.Equal(TestHost.StartTime, consent.RevokedAt);
        Assert.Equal(host.Coordinator.Name, consent.RevokedByName);
        Assert.Null(consent.RevocationNote);
        Assert.Single(await host.QueryAsync(db => db.InquiryActivities.Where(a => a.Summary == "Part 2 consent revoked").ToListAsync()));
    }

    [Fact]
    public async Task A_consent_of_another_inquiry_cannot_be_revoked_through_this_one()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        var other = (await host.CreateInquiryAsync(TestForms.Person(2, "Jamie", "Carter"))).InquiryId!.Value;

        await Assert.ThrowsAsync<NotFoundException>(() => host.SendAsync(host.Coordinator, new RevokeConsent(other, insured.ConsentId!.Value, null)));

        Assert.Null((await ConsentAsync(host, insured.ConsentId!.Value)).RevokedAt);
    }

    [Fact]
    public async Task Clinicians_and_business_development_cannot_capture_or_revoke_consent()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);

        foreach (var user in new[] { host.Clinician, host.BusinessDevelopment })
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(user, new CaptureConsent(insured.InquiryId, Consent(insured.PayerId))));
            await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(user, new RevokeConsent(insured.InquiryId, insured.ConsentId!.Value, null)));
            await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(user, new GetDisclosureLedger(insured.InquiryId)));
        }

        Assert.Single(await host.QueryAsync(db => db.Part2Consents.Where(c => c.RevokedAt == null).ToListAsync()));
    }

    [Fact]
    public async Task The_disclosure_ledger_lists_each_disclosure_under_its_consent_and_reading_it_is_audited()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        var checkId = await RequestVerificationAsync(host, insured);
        host.Gateway.Answer271(r => ClearinghouseScript.Eligibility(r, ClearinghouseScript.ActivePpo("RT")));
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.SendAsSystemAsync(new RunVerification(checkId));
        var check = await CheckAsync(host, checkId);

        var ledger = await host.SendAsync(host.Manager, new GetDisclosureLedger(insured.InquiryId));

        Assert.Equal(("INQ-2026-000001", "Alex Lopez", TestForms.PatientDateOfBirth), (ledger.InquiryNumber, ledger.PatientName, ledger.PatientDateOfBirth!.Value));
        Assert.Equal("Riverbend Recovery Center admissions", ledger.DisclosingProgram);
        var item = Assert.Single(ledger.Disclosures);
        Assert.Equal(TestHost.StartTime.AddMinutes(1), item.DisclosedAt);
        Assert.Equal(host.Coordinator.Name, item.DisclosedByName);
        Assert.Equal("Aetna", item.Recipient);
        Assert.Equal(DisclosurePurpose.Payment, item.Purpose);
        Assert.Equal("Clearinghouse, X12 270", item.Channel);
        Assert.Equal(check.TraceNumber, item.Reference);
        Assert.Equal(TestHost.StartTime, item.ConsentSignedAt);

        var view = await host.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditAction.View));
        Assert.Equal((nameof(Disclosure), insured.InquiryId.ToString(), host.Manager.Id), (view.EntityType, view.EntityId, view.UserId));
    }

    [Fact]
    public async Task The_ledger_of_an_inquiry_that_does_not_exist_is_not_found_and_not_audited()
    {
        await using var host = await TestHost.StartAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => host.SendAsync(host.Manager, new GetDisclosureLedger(Guid.NewGuid())));

        Assert.Equal(0, await host.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.View)));
    }
}
