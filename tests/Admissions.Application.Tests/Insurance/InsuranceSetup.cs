using Admissions.Application.Inquiries;
using Admissions.Application.Insurance;
using Admissions.Domain.Care;
using Admissions.Domain.Insurance;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.Insurance;

/// <summary>An inquiry with a primary policy (and a signed consent unless asked otherwise).</summary>
public sealed record InsuredInquiry(Guid InquiryId, Guid PolicyId, Guid PayerId, Guid? ConsentId);

/// <summary>Policies, consents and verifications arranged through the real commands.</summary>
public static class InsuranceSetup
{
    public const string MemberId = "W123456789";

    /// <summary>A year after <see cref="TestHost.StartTime"/>.</summary>
    public static readonly DateOnly ConsentExpiry = new(2027, 3, 10);

    public static Task<Guid> PayerIdAsync(TestHost host, string name) =>
        host.QueryAsync(db => db.Payers.Where(p => p.Name == name).Select(p => p.Id).SingleAsync());

    public static Task<Payer> PayerAsync(TestHost host, string name) =>
        host.QueryAsync(db => db.Payers.AsNoTracking().SingleAsync(p => p.Name == name));

    /// <summary>Marks a payer as taking 278 inquiries, as the directory would after a clearinghouse import.</summary>
    public static async Task TakesReviewInquiriesAsync(TestHost host, string name = "Aetna")
    {
        await using var db = host.CreateDbContext();
        var payer = await db.Payers.SingleAsync(p => p.Name == name);
        payer.Transactions |= PayerTransactions.ServiceReviewInquiry;
        await db.SaveChangesAsync();
    }

    /// <summary>Adds a payer the clearinghouse does not know (no payer id): verifications go by phone.</summary>
    public static async Task<Guid> AddPhoneOnlyPayerAsync(TestHost host, string name = "Riverbend Community Health Plan")
    {
        await using var db = host.CreateDbContext();
        var payer = new Payer { Name = name, Kind = PayerKind.Commercial, InNetwork = true };
        db.Payers.Add(payer);
        await db.SaveChangesAsync();
        return payer.Id;
    }

    public static PolicyForm Policy(Guid payerId, Action<PolicyForm>? change = null)
    {
        var form = new PolicyForm
        {
            Rank = PolicyRank.Primary,
            PayerId = payerId,
            MemberId = MemberId,
            GroupNumber = "G-4410",
            Relationship = SubscriberRelationship.Self,
        };
        change?.Invoke(form);
        return form;
    }

    /// <summary>A consent naming <paramref name="payerIds"/> for payment, whose signing link goes by text to the test patient's phone.</summary>
    public static ConsentForm Consent(params Guid[] payerIds) => new()
    {
        RecipientPayerIds = [.. payerIds],
        Purposes = DisclosurePurpose.Payment,
        ExpiresOn = ConsentExpiry,
        Signing = ConsentSigning.LinkByText,
        SendTo = "(555) 201-4477",
    };

    /// <summary>The token in the newest signing link queued in the outbox (what the patient taps).</summary>
    /// <param name="inquiryId">Whose link: two links sent at the same (fake) instant tie on their time, and PostgreSQL breaks the tie either way.</param>
    public static async Task<string> LatestSigningTokenAsync(TestHost host, Guid? inquiryId = null)
    {
        var body = await host.QueryAsync(db => db.OutboundMessages.AsNoTracking()
            .Where(m => m.TemplateKey == Domain.Messaging.MessageTemplates.ConsentSigning && (inquiryId == null || m.InquiryId == inquiryId))
            .OrderByDescending(m => m.CreatedAt).Select(m => m.Body).FirstAsync());
        var start = body.IndexOf(ConsentSigningLinks.PagePath, StringComparison.Ordinal) + ConsentSigningLinks.PagePath.Length;
        var end = start;
        while (end < body.Length && (char.IsAsciiLetterOrDigit(body[end]) || body[end] is '-' or '_'))
        {
            end++;
        }

        return body[start..end];
    }

    /// <summary>The patient opens the newest link and signs with the name and date of birth the inquiry has for them.</summary>
    public static async Task<SigningOutcome> PatientSignsAsync(TestHost host, Guid inquiryId)
    {
        var patient = await host.QueryAsync(db => db.Inquiries.AsNoTracking().Where(i => i.Id == inquiryId)
            .Select(i => new { i.Details.PatientFirstName, i.Details.PatientLastName, i.Details.PatientDateOfBirth }).SingleAsync());
        return await host.SendAsync(TestUser.ConsentSigner, new SignConsent(await LatestSigningTokenAsync(host, inquiryId),
            $"{patient.PatientFirstName} {patient.PatientLastName}", patient.PatientDateOfBirth, true, "xunit"));
    }

    /// <summary>Prepares the consent, sends its link, and has the patient sign it: an active consent, as in real life.</summary>
    public static async Task<Guid> SignedConsentAsync(TestHost host, Guid inquiryId, ConsentForm form, TestUser? by = null)
    {
        var id = await host.SendAsync(by ?? host.Coordinator, new CaptureConsent(inquiryId, form));
        var outcome = await PatientSignsAsync(host, inquiryId);
        Assert.Equal(SigningPageState.AlreadySigned, outcome.State);
        return id;
    }

    /// <summary>An inquiry (the standard test patient), a primary policy with <paramref name="payer"/> and, by default, a consent naming that payer.</summary>
    public static async Task<InsuredInquiry> InsuredAsync(
        TestHost host, string payer = "Aetna", bool consent = true, Action<InquiryForm>? patient = null, Action<PolicyForm>? policy = null)
    {
        var payerId = await PayerIdAsync(host, payer);
        return await InsuredAsync(host, payerId, consent, patient, policy);
    }

    public static async Task<InsuredInquiry> InsuredAsync(
        TestHost host, Guid payerId, bool consent = true, Action<InquiryForm>? patient = null, Action<PolicyForm>? policy = null)
    {
        var inquiryId = (await host.CreateInquiryAsync(TestForms.Valid(patient))).InquiryId!.Value;
        var policyId = await host.SendAsync(host.Coordinator, new SavePolicy(inquiryId, null, Policy(payerId, policy)));
        Guid? consentId = consent ? await SignedConsentAsync(host, inquiryId, Consent(payerId)) : null;
        return new InsuredInquiry(inquiryId, policyId, payerId, consentId);
    }

    public static Task<Guid> RequestVerificationAsync(TestHost host, InsuredInquiry insured, params LevelOfCare[] levels) =>
        host.SendAsync(host.Coordinator, new RequestVerification(insured.InquiryId, insured.PolicyId,
            levels.Length == 0 ? [LevelOfCare.Residential] : levels));

    public static Task<EligibilityCheck> CheckAsync(TestHost host, Guid checkId) =>
        host.QueryAsync(db => db.EligibilityChecks.AsNoTracking().SingleAsync(c => c.Id == checkId));

    public static Task<PriorAuthorization> AuthorizationAsync(TestHost host, Guid authorizationId) =>
        host.QueryAsync(db => db.PriorAuthorizations.AsNoTracking().SingleAsync(a => a.Id == authorizationId));

    public static Task<List<Domain.FollowUps.FollowUpTask>> TasksAsync(TestHost host) =>
        host.QueryAsync(db => db.FollowUpTasks.AsNoTracking().OrderBy(t => t.CreatedAt).ToListAsync());

    public static Task<List<Disclosure>> DisclosuresAsync(TestHost host) =>
        host.QueryAsync(db => db.Disclosures.AsNoTracking().OrderBy(d => d.DisclosedAt).ToListAsync());

    public static Task<List<string>> TimelineAsync(TestHost host, Guid inquiryId) =>
        host.QueryAsync(db => db.InquiryActivities.AsNoTracking()
            .Where(a => a.InquiryId == inquiryId)
            .OrderBy(a => a.OccurredAt)
            .Select(a => a.Summary)
            .ToListAsync());
}
