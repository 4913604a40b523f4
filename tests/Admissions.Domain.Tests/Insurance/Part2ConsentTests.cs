using Admissions.Domain.Common;
using Admissions.Domain.Insurance;

namespace Admissions.Domain.Tests.Insurance;

public class Part2ConsentTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 15, 0, 0, TimeSpan.Zero);
    private static readonly Guid Aetna = Guid.NewGuid();
    private static readonly Guid Cigna = Guid.NewGuid();
    private static readonly Guid Partner = Guid.NewGuid();

    private const DisclosurePurpose Tpo = DisclosurePurpose.Treatment | DisclosurePurpose.Payment | DisclosurePurpose.HealthCareOperations;

    private static Part2Consent Signed(Part2Consent consent)
    {
        consent.SignElectronically("Alex Lopez", "198.51.100.7", "test", Now);
        return consent;
    }

    [Fact]
    public void The_single_tpo_consent_covers_every_payer_and_treating_provider_by_class_as_the_rule_allows()
    {
        // 42 CFR 2.31(a)(4)(i): "my treating providers, health plans, third-party payers, and people helping to operate this program".
        var consent = Signed(new Part2Consent
        {
            Kind = ConsentKind.SingleTpo,
            RecipientClasses = RecipientClass.TreatingProviders | RecipientClass.HealthPlansAndPayers | RecipientClass.ProgramOperations,
            Purposes = Tpo,
        });

        Assert.True(consent.Covers(DisclosureRecipient.Payer(Aetna), DisclosurePurpose.Payment, Today));
        Assert.True(consent.Covers(DisclosureRecipient.Payer(Cigna), DisclosurePurpose.Payment, Today));
        Assert.True(consent.Covers(DisclosureRecipient.Partner(Partner, "Lakeside"), DisclosurePurpose.Treatment, Today));
        Assert.False(consent.Covers(DisclosureRecipient.Person("Jordan Rivera"), DisclosurePurpose.PatientRequest, Today));
    }

    [Fact]
    public void A_tpo_consent_without_the_payer_class_does_not_cover_payers()
    {
        var consent = Signed(new Part2Consent { Kind = ConsentKind.SingleTpo, RecipientClasses = RecipientClass.TreatingProviders, Purposes = Tpo });

        Assert.False(consent.Covers(Aetna, DisclosurePurpose.Payment, Today));
        Assert.True(consent.Covers(DisclosureRecipient.Partner(Partner, "Lakeside"), DisclosurePurpose.Treatment, Today));
    }

    [Fact]
    public void Classes_on_a_consent_naming_recipients_cover_nobody()
    {
        var consent = Signed(new Part2Consent { Kind = ConsentKind.NamedRecipients, RecipientClasses = RecipientClass.HealthPlansAndPayers, Purposes = Tpo });

        Assert.False(consent.Covers(Aetna, DisclosurePurpose.Payment, Today));
    }

    [Fact]
    public void A_consent_naming_recipients_covers_exactly_those_for_its_purposes()
    {
        var consent = Signed(new Part2Consent
        {
            RecipientPayerIds = [Aetna],
            RecipientPartnerIds = [Partner],
            RecipientPeople = [new NamedPerson("Jordan Rivera", "Parent", null)],
            Purposes = DisclosurePurpose.Payment | DisclosurePurpose.Treatment | DisclosurePurpose.PatientRequest,
        });

        Assert.True(consent.Covers(Aetna, DisclosurePurpose.Payment, Today));
        Assert.False(consent.Covers(Cigna, DisclosurePurpose.Payment, Today));
        Assert.False(consent.Covers(Aetna, DisclosurePurpose.HealthCareOperations, Today));
        Assert.True(consent.Covers(DisclosureRecipient.Partner(Partner, "Lakeside"), DisclosurePurpose.Treatment, Today));
        Assert.True(consent.Covers(DisclosureRecipient.Person("  jordan   RIVERA "), DisclosurePurpose.PatientRequest, Today));
        Assert.False(consent.Covers(DisclosureRecipient.Person("Jordan Riviera"), DisclosurePurpose.PatientRequest, Today));
    }

    [Fact]
    public void A_consent_awaiting_the_patients_signature_covers_nothing()
    {
        var consent = new Part2Consent { RecipientPayerIds = [Aetna], Purposes = DisclosurePurpose.Payment };

        Assert.True(consent.IsAwaitingSignature);
        Assert.False(consent.IsActive(Today));
        Assert.False(consent.Covers(Aetna, DisclosurePurpose.Payment, Today));
        Assert.Equal("awaiting the patient's signature", consent.SignatureDescription);
    }

    [Fact]
    public void An_electronic_signature_keeps_the_typed_name_time_and_address()
    {
        var consent = Signed(new Part2Consent { RecipientPayerIds = [Aetna], Purposes = DisclosurePurpose.Payment });

        Assert.Equal((SignatureMethod.Electronic, "Alex Lopez", Now, "198.51.100.7"), (consent.SignatureMethod, consent.SignedName, consent.SignedAt, consent.SignedFromIp));
        Assert.Equal("signed “Alex Lopez” electronically", consent.SignatureDescription);
        Assert.Throws<DomainRuleException>(() => consent.SignElectronically("Alex Lopez", null, null, Now));
    }

    [Fact]
    public void Verbal_consent_is_recorded_as_taken_by_the_staff_member()
    {
        var consent = new Part2Consent { RecipientPayerIds = [Aetna], Purposes = DisclosurePurpose.Payment };

        consent.TakeVerbally("Alex Lopez", new Actor("u1", "Sam Reed"), Now);

        Assert.Equal("verbal consent taken by Sam Reed", consent.SignatureDescription);
        Assert.True(consent.IsActive(Today));
    }

    [Fact]
    public void A_withdrawn_request_cannot_be_signed_any_more()
    {
        var consent = new Part2Consent { RecipientPayerIds = [Aetna], Purposes = DisclosurePurpose.Payment };
        consent.Revoke("Patient changed their mind", new Actor("u1", "Sam Reed"), Now);

        var error = Assert.Throws<DomainRuleException>(() => consent.SignElectronically("Alex Lopez", null, null, Now));

        Assert.Equal("This consent request was withdrawn; prepare a new one.", error.Message);
    }

    [Fact]
    public void A_signing_link_works_once_until_it_expires_and_locks_after_five_wrong_tries()
    {
        var consent = new Part2Consent { RecipientPayerIds = [Aetna], Purposes = DisclosurePurpose.Payment };
        var (request, token) = ConsentSigningRequest.Create(consent, "Sms", "+15552014477", TimeSpan.FromHours(48), "Sam Reed", Now);

        Assert.Equal(ConsentSigningRequest.Hash(token), request.TokenHash);
        Assert.NotEqual(token, request.TokenHash);
        Assert.True(request.IsUsable(Now.AddHours(47)));
        Assert.False(request.IsUsable(Now.AddHours(48)));
        for (var i = 0; i < ConsentSigningRequest.MaxFailedAttempts; i++)
        {
            request.RecordFailedAttempt();
        }

        Assert.False(request.IsUsable(Now));
        var (second, _) = ConsentSigningRequest.Create(consent, "Sms", "+15552014477", TimeSpan.FromHours(48), "Sam Reed", Now);
        second.MarkUsed(Now);
        Assert.False(second.IsUsable(Now));
    }

    [Theory]
    [InlineData("Núñez, María-José", "maria jose nunez", false)]
    [InlineData("María José Núñez", "maria jose nunez", true)]
    [InlineData("O'Neil", "o neil", true)]
    [InlineData("", "", false)]
    public void Names_match_ignoring_case_accents_and_punctuation(string a, string b, bool same)
    {
        Assert.Equal(same, PersonNames.Same(a, b));
    }
}
