using Admissions.Application.Common;
using Admissions.Domain.Insurance;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Insurance;

/// <summary>Part 2 consent lookups and the disclosure ledger, shared by every way records reach a payer.</summary>
internal static class Disclosures
{
    /// <summary>The newest active consent that lets us disclose to <paramref name="payerId"/> for payment, if any.</summary>
    public static async Task<Part2Consent?> PaymentConsentAsync(
        IAdmissionsDbContext db, Guid inquiryId, Guid payerId, DateOnly today, CancellationToken cancellationToken) =>
        PaymentConsent(await db.Part2Consents.Where(c => c.InquiryId == inquiryId).ToListAsync(cancellationToken), payerId, today);

    /// <summary>The newest of <paramref name="consents"/> that lets us disclose to <paramref name="payerId"/> for payment, if any.</summary>
    public static Part2Consent? PaymentConsent(IEnumerable<Part2Consent> consents, Guid payerId, DateOnly today) =>
        consents.OrderByDescending(c => c.SignedAt).FirstOrDefault(c => c.Covers(payerId, DisclosurePurpose.Payment, today));

    /// <summary>
    /// Writes one line of the accounting of disclosures: what went to the payer, how, under which consent. A request sent
    /// again under the same trace number is recorded as a re-send of its first disclosure, not as a new one.
    /// </summary>
    public static async Task RecordAsync(
        IAdmissionsDbContext db, Guid inquiryId, Part2Consent consent, string recipient, string information, string channel,
        string? reference, string byId, string byName, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var first = reference is null
            ? null
            : await db.Disclosures.Where(d => d.InquiryId == inquiryId && d.Reference == reference && d.Recipient == recipient && d.ResendOfId == null)
                .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken);
        db.Disclosures.Add(new Disclosure
        {
            InquiryId = inquiryId,
            ConsentId = consent.Id,
            DisclosedAt = at,
            DisclosedById = byId,
            DisclosedByName = byName,
            Recipient = recipient,
            Purpose = DisclosurePurpose.Payment,
            Information = information,
            Channel = channel,
            Reference = reference,
            ResendOfId = first,
        });
    }

    /// <summary>
    /// Before a request is sent again, the earlier attempts that neither got an answer nor failed to reach the
    /// clearinghouse were cut off (the app stopped while waiting): they are marked so, rather than left looking unanswered.
    /// </summary>
    public static async Task MarkInterruptedAttemptsAsync(IAdmissionsDbContext db, Guid subjectId, CancellationToken cancellationToken)
    {
        foreach (var cutOff in await db.X12Exchanges.Where(x => x.SubjectId == subjectId && x.Response == null && x.NoAnswer == null).ToListAsync(cancellationToken))
        {
            cutOff.NoAnswer = X12Exchange.Interrupted;
        }
    }
}
