using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Application.Insurance;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Messaging;
using Microsoft.EntityFrameworkCore;
using static Admissions.Application.Tests.Insurance.InsuranceSetup;

namespace Admissions.Application.Tests.Insurance;

/// <summary>The patient signs, not staff: a single-use, expiring link through the outbox, or verbal consent where the rule allows.</summary>
public class ConsentSigningTests
{
    private static Task<Part2Consent> ConsentAsync(TestHost host, Guid id) =>
        host.QueryAsync(db => db.Part2Consents.AsNoTracking().SingleAsync(c => c.Id == id));

    private static async Task<Guid> InquiryAsync(TestHost host, Action<InquiryForm>? change = null) =>
        (await host.CreateInquiryAsync(TestForms.Valid(change))).InquiryId!.Value;

    [Fact]
    public async Task Preparing_a_consent_texts_the_patient_a_link_and_nothing_is_active_until_they_sign()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        var aetna = await PayerIdAsync(host, "Aetna");

        var id = await host.SendAsync(host.Coordinator, new CaptureConsent(inquiryId, Consent(aetna)));

        var consent = await ConsentAsync(host, id);
        Assert.True(consent.IsAwaitingSignature);
        Assert.False(consent.Covers(aetna, DisclosurePurpose.Payment, new DateOnly(2026, 3, 10)));
        var message = await host.QueryAsync(db => db.OutboundMessages.AsNoTracking().SingleAsync(m => m.TemplateKey == MessageTemplates.ConsentSigning));
        Assert.Equal((MessageChannel.Sms, MessageAudience.Requested, "+15552014477", inquiryId), (message.Channel, message.Audience, message.Recipient, message.InquiryId));
        Assert.Contains("http://127.0.0.1:5000/sign/", message.Body, StringComparison.Ordinal);
        Assert.Empty(MessageTemplates.BannedWordsIn(message.Body));
        Assert.True(host.Outbox.Signals > 0);
        var link = await host.QueryAsync(db => db.ConsentSigningRequests.AsNoTracking().SingleAsync());
        Assert.DoesNotContain(await LatestSigningTokenAsync(host), link.TokenHash, StringComparison.Ordinal);
        Assert.Equal(TestHost.StartTime.AddHours(48), link.ExpiresAt);
        var view = Assert.Single((await host.SendAsync(host.Coordinator, new GetInsurance(inquiryId))).Consents);
        Assert.Equal(("awaiting the patient's signature", "+15552014477"), (view.Signature, view.LinkSentTo));
    }

    [Fact]
    public async Task The_signing_link_is_sent_at_once_even_in_quiet_hours()
    {
        var sender = new Messaging.RecordingSender();
        await using var host = await TestHost.StartAsync(sender.Register);
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 11, 5, 30, 0, TimeSpan.Zero)); // 22:30 in Los Angeles
        var inquiryId = await InquiryAsync(host);
        await host.SendAsync(host.Coordinator, new CaptureConsent(inquiryId, Consent(await PayerIdAsync(host, "Aetna"))));

        var summary = await host.SendAsSystemAsync(new Admissions.Application.Messaging.DispatchOutbox());

        Assert.Equal(1, summary.Sent);
        Assert.Single(sender.Sent);
    }

    [Fact]
    public async Task The_signing_page_shows_the_terms_and_only_the_first_name()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        await host.SendAsync(host.Coordinator, new CaptureConsent(inquiryId, Consent(await PayerIdAsync(host, "Aetna"))));

        var page = await host.SendAsync(TestUser.ConsentSigner, new GetSigningPage(await LatestSigningTokenAsync(host)));

        Assert.Equal((SigningPageState.Ready, "Alex", "Aetna", true), (page.State, page.FirstName, page.Recipients, page.AsksDateOfBirth));
        Assert.Equal("Riverbend Recovery Center admissions", page.DisclosingProgram);
        Assert.DoesNotContain("Lopez", $"{page.FirstName} {page.Recipients} {page.Information}", StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_patient_signs_with_their_name_and_the_time_and_address_are_kept_and_the_link_then_stops_working()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        var aetna = await PayerIdAsync(host, "Aetna");
        var id = await host.SendAsync(host.Coordinator, new CaptureConsent(inquiryId, Consent(aetna)));
        var token = await LatestSigningTokenAsync(host);
        host.Clock.Advance(TimeSpan.FromMinutes(7));

        var outcome = await host.SendAsync(TestUser.ConsentSigner, new SignConsent(token, " alex LOPEZ ", TestForms.PatientDateOfBirth, true, "Mobile Safari"));

        Assert.Equal(SigningPageState.AlreadySigned, outcome.State);
        var consent = await ConsentAsync(host, id);
        Assert.Equal((SignatureMethod.Electronic, "alex LOPEZ", TestHost.StartTime.AddMinutes(7), TestHost.IpAddress, "Mobile Safari"),
            (consent.SignatureMethod, consent.SignedName, consent.SignedAt, consent.SignedFromIp, consent.SignedUserAgent));
        Assert.True(consent.Covers(aetna, DisclosurePurpose.Payment, new DateOnly(2026, 3, 10)));
        Assert.Contains("Part 2 consent signed by the patient electronically (signing link) for disclosure to Aetna", await TimelineAsync(host, inquiryId));

        var again = await host.SendAsync(TestUser.ConsentSigner, new SignConsent(token, "Alex Lopez", TestForms.PatientDateOfBirth, true, null));
        Assert.Equal(SigningPageState.AlreadySigned, again.State);
        Assert.Equal(SigningPageState.AlreadySigned, (await host.SendAsync(TestUser.ConsentSigner, new GetSigningPage(token))).State);
    }

    [Fact]
    public async Task A_wrong_name_or_birth_date_is_refused_and_five_wrong_tries_lock_the_link()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        var id = await host.SendAsync(host.Coordinator, new CaptureConsent(inquiryId, Consent(await PayerIdAsync(host, "Aetna"))));
        var token = await LatestSigningTokenAsync(host);

        var wrongName = await host.SendAsync(TestUser.ConsentSigner, new SignConsent(token, "Jordan Rivera", TestForms.PatientDateOfBirth, true, null));
        var wrongBirth = await host.SendAsync(TestUser.ConsentSigner, new SignConsent(token, "Alex Lopez", new DateOnly(1990, 1, 1), true, null));

        Assert.Equal(SigningPageState.Ready, wrongName.State);
        Assert.Equal("The name or date of birth does not match our records. Type your full name as admissions has it (4 tries left).", wrongName.Message);
        Assert.EndsWith("(3 tries left).", wrongBirth.Message, StringComparison.Ordinal);
        for (var i = 0; i < 3; i++)
        {
            await host.SendAsync(TestUser.ConsentSigner, new SignConsent(token, "Someone Else", null, true, null));
        }

        var locked = await host.SendAsync(TestUser.ConsentSigner, new SignConsent(token, "Alex Lopez", TestForms.PatientDateOfBirth, true, null));
        Assert.Equal(SigningPageState.Locked, locked.State);
        Assert.True((await ConsentAsync(host, id)).IsAwaitingSignature);
    }

    [Fact]
    public async Task An_expired_link_cannot_be_signed_and_a_new_link_replaces_the_old_one()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        var id = await host.SendAsync(host.Coordinator, new CaptureConsent(inquiryId, Consent(await PayerIdAsync(host, "Aetna"))));
        var first = await LatestSigningTokenAsync(host);
        host.Clock.Advance(TimeSpan.FromHours(48));

        Assert.Equal(SigningPageState.Expired, (await host.SendAsync(TestUser.ConsentSigner, new GetSigningPage(first))).State);
        await host.SendAsync(host.Coordinator, new SendSigningLink(inquiryId, id, ConsentSigning.LinkByEmail, "alex@example.org"));
        var second = await LatestSigningTokenAsync(host);

        Assert.NotEqual(first, second);
        Assert.Equal(SigningPageState.Withdrawn, (await host.SendAsync(TestUser.ConsentSigner, new GetSigningPage(first))).State);
        Assert.Equal(SigningPageState.AlreadySigned, (await host.SendAsync(TestUser.ConsentSigner,
            new SignConsent(second, "Alex Lopez", TestForms.PatientDateOfBirth, true, null))).State);
        Assert.Equal(MessageChannel.Email, (await host.QueryAsync(db => db.OutboundMessages.AsNoTracking().OrderByDescending(m => m.CreatedAt).FirstAsync())).Channel);
    }

    [Fact]
    public async Task Withdrawing_an_unsigned_consent_stops_its_link()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        var id = await host.SendAsync(host.Coordinator, new CaptureConsent(inquiryId, Consent(await PayerIdAsync(host, "Aetna"))));
        var token = await LatestSigningTokenAsync(host);

        await host.SendAsync(host.Coordinator, new RevokeConsent(inquiryId, id, "Sent to the wrong number"));

        Assert.Equal(SigningPageState.Withdrawn, (await host.SendAsync(TestUser.ConsentSigner, new GetSigningPage(token))).State);
        Assert.Contains("Part 2 consent request withdrawn before signing", await TimelineAsync(host, inquiryId));
    }

    [Fact]
    public async Task An_unknown_token_shows_nothing()
    {
        await using var host = await TestHost.StartAsync();

        var page = await host.SendAsync(TestUser.ConsentSigner, new GetSigningPage("not-a-token"));

        Assert.Equal((SigningPageState.NotFound, null), (page.State, page.FirstName));
    }

    [Fact]
    public async Task Staff_cannot_use_the_signing_page_and_the_public_cannot_prepare_consents()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);

        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.Coordinator, new SignConsent("x", "Alex Lopez", null, true, null)));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(TestUser.ConsentSigner, new CaptureConsent(inquiryId, Consent(Guid.NewGuid()))));
    }

    [Fact]
    public async Task Verbal_consent_is_refused_for_part_2_records()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        var form = Consent(await PayerIdAsync(host, "Aetna"));
        form.Signing = ConsentSigning.Verbal;
        form.SignedName = "Alex Lopez";
        form.PatientConfirmed = true;

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(host.Coordinator, new CaptureConsent(inquiryId, form)));

        Assert.StartsWith("Part 2 records need the patient's own written signature (42 CFR 2.31)", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await host.QueryAsync(db => db.Part2Consents.CountAsync()));
    }

    [Fact]
    public async Task Verbal_consent_for_a_mental_health_only_inquiry_is_recorded_as_taken_by_the_coordinator()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host, f =>
        {
            f.Substances = SubstanceConcerns.None;
            f.MentalHealthConcerns = MentalHealthConcerns.Depression;
        });
        var aetna = await PayerIdAsync(host, "Aetna");
        var form = Consent(aetna);
        form.Signing = ConsentSigning.Verbal;
        form.SignedName = "Alex Lopez";
        form.PatientConfirmed = true;

        var id = await host.SendAsync(host.Coordinator, new CaptureConsent(inquiryId, form));

        var consent = await ConsentAsync(host, id);
        Assert.Equal($"verbal consent taken by {host.Coordinator.Name}", consent.SignatureDescription);
        Assert.True(consent.Covers(aetna, DisclosurePurpose.Payment, new DateOnly(2026, 3, 10)));
        Assert.Empty(await host.QueryAsync(db => db.OutboundMessages.ToListAsync()));
    }

    [Fact]
    public async Task The_single_tpo_consent_names_recipients_by_class_and_covers_a_270_to_any_payer()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host, "Cigna", consent: false);
        var form = new ConsentForm
        {
            Kind = ConsentKind.SingleTpo,
            RecipientClasses = RecipientClass.TreatingProviders | RecipientClass.HealthPlansAndPayers | RecipientClass.ProgramOperations,
            Purposes = DisclosurePurpose.Treatment | DisclosurePurpose.Payment | DisclosurePurpose.HealthCareOperations,
            ExpiryEvent = ConsentDefaults.TpoExpiryEvent,
            SendTo = TestForms.CallerPhone,
        };

        var id = await SignedConsentAsync(host, insured.InquiryId, form);
        var checkId = await RequestVerificationAsync(host, insured);

        var consent = await ConsentAsync(host, id);
        Assert.Equal("my treating providers, health plans and third-party payers, people helping to operate this program", consent.RecipientNames);
        Assert.Equal(ConsentKind.SingleTpo, consent.Kind);
        Assert.NotEqual(Guid.Empty, checkId);
    }

    [Theory]
    [InlineData(ConsentKind.NamedRecipients, RecipientClass.HealthPlansAndPayers, "Form.RecipientClasses",
        "Recipients by class are allowed only in the single consent for treatment, payment and health care operations.")]
    public async Task Recipients_by_class_are_refused_outside_the_tpo_consent(ConsentKind kind, RecipientClass classes, string field, string message)
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        var form = Consent();
        form.Kind = kind;
        form.RecipientClasses = classes;

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(host.Coordinator, new CaptureConsent(inquiryId, form)));

        Assert.Equal(message, Assert.Single(error.Errors[field]));
    }

    [Fact]
    public async Task A_link_is_not_sent_to_a_number_that_opted_out()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await InquiryAsync(host);
        await host.SendAsync(host.Coordinator, new Admissions.Application.Messaging.RecordOptOut(MessageChannel.Sms, "(555) 201-4477", null));

        var aetna = await PayerIdAsync(host, "Aetna");

        var error = await Assert.ThrowsAsync<DomainRuleException>(() =>
            host.SendAsync(host.Coordinator, new CaptureConsent(inquiryId, Consent(aetna))));

        Assert.Equal("(555) 201-4477 has opted out of texts: send the link another way.", error.Message);
    }
}
