using Admissions.Application.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Insurance;

/// <summary>
/// Part 2 consent lookups and the disclosure ledger, shared by every path that sends records out: 270, 278, phone VOB,
/// portal or phone authorization, refer-out and updates to a named family member. Each asks one question — does an active
/// consent cover this recipient for this purpose? — and writes one ledger line before anything leaves.
/// </summary>
internal static class Disclosures
{
    /// <summary>The newest active consent that lets us disclose to <paramref name="payerId"/> for payment, if any.</summary>
    public static async Task<Part2Consent?> PaymentConsentAsync(
        IAdmissionsDbContext db, Guid inquiryId, Guid payerId, DateOnly today, CancellationToken cancellationToken) =>
        PaymentConsent(await db.Part2Consents.Where(c => c.InquiryId == inquiryId).ToListAsync(cancellationToken), payerId, today);

    /// <summary>
    /// The newest of <paramref name="consents"/> that lets us disclose to <paramref name="payerId"/> for payment, if any: a consent
    /// naming the payer, or a single TPO consent naming health plans and third-party payers as a class.
    /// </summary>
    public static Part2Consent? PaymentConsent(IEnumerable<Part2Consent> consents, Guid payerId, DateOnly today) =>
        ConsentFor(consents, DisclosureRecipient.Payer(payerId), DisclosurePurpose.Payment, today);

    /// <summary>The newest of <paramref name="consents"/> covering <paramref name="recipient"/> for <paramref name="purpose"/>, if any.</summary>
    public static Part2Consent? ConsentFor(IEnumerable<Part2Consent> consents, DisclosureRecipient recipient, DisclosurePurpose purpose, DateOnly today) =>
        consents.Where(c => c.IsSigned).OrderByDescending(c => c.SignedAt).FirstOrDefault(c => c.Covers(recipient, purpose, today));

    public static async Task<Part2Consent?> ConsentForAsync(
        IAdmissionsDbContext db, Guid inquiryId, DisclosureRecipient recipient, DisclosurePurpose purpose, DateOnly today, CancellationToken cancellationToken) =>
        ConsentFor(await db.Part2Consents.Where(c => c.InquiryId == inquiryId).ToListAsync(cancellationToken), recipient, purpose, today);

    /// <summary>Whether the inquiry's records are Part 2 records (anything but a mental-health-only inquiry).</summary>
    public static async Task<bool> IsPart2RecordAsync(IAdmissionsDbContext db, Inquiry inquiry, CancellationToken cancellationToken)
    {
        var intake = await db.ClinicalIntakes.AsNoTracking().FirstOrDefaultAsync(i => i.InquiryId == inquiry.Id, cancellationToken);
        return !CareScope.IsMentalHealthOnly(inquiry.Details, intake?.Substances.Count > 0);
    }

    /// <summary>Writes one line of the accounting of disclosures: what went to whom, how, why, under which consent.</summary>
    public static void Record(
        IAdmissionsDbContext db, Guid inquiryId, Part2Consent consent, string recipient, string information, string channel,
        string? reference, string byId, string byName, DateTimeOffset at, DisclosurePurpose purpose = DisclosurePurpose.Payment) =>
        Add(db, inquiryId, consent, recipient, information, channel, reference, byId, byName, at, purpose, resendOfId: null);

    /// <summary>
    /// Writes the ledger line of a request to a payer before it leaves. A request sent again under the same trace number
    /// is recorded as a re-send of its first disclosure, not as a new one.
    /// </summary>
    public static async Task RecordAsync(
        IAdmissionsDbContext db, Guid inquiryId, Part2Consent consent, string recipient, string information, string channel,
        string? reference, string byId, string byName, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var first = reference is null
            ? null
            : await db.Disclosures.Where(d => d.InquiryId == inquiryId && d.Reference == reference && d.Recipient == recipient && d.ResendOfId == null)
                .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken);
        Add(db, inquiryId, consent, recipient, information, channel, reference, byId, byName, at, DisclosurePurpose.Payment, first);
    }

    private static void Add(
        IAdmissionsDbContext db, Guid inquiryId, Part2Consent consent, string recipient, string information, string channel,
        string? reference, string byId, string byName, DateTimeOffset at, DisclosurePurpose purpose, Guid? resendOfId) =>
        db.Disclosures.Add(new Disclosure
        {
            InquiryId = inquiryId,
            ConsentId = consent.Id,
            DisclosedAt = at,
            DisclosedById = byId,
            DisclosedByName = byName,
            Recipient = recipient,
            Purpose = purpose,
            Information = information,
            Channel = channel,
            Reference = reference,
            ResendOfId = resendOfId,
        });
}
