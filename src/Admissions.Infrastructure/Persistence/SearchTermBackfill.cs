using Admissions.Domain.Inquiries;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Infrastructure.Persistence;

/// <summary>
/// Gives name-search terms to inquiries written before the terms existed (or by a bulk insert that left them out).
/// Idempotent and resumable: it walks the inquiries without terms in key order, a batch per save.
/// </summary>
internal static class SearchTermBackfill
{
    private const int Batch = 5_000;

    public static async Task<int> RunAsync(IDbContextFactory<AdmissionsDbContext> contexts, CancellationToken cancellationToken)
    {
        var filled = 0;
        Guid? after = null;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var missing = db.Inquiries.AsNoTracking().Where(i => !db.InquirySearchTerms.Any(t => t.InquiryId == i.Id));
            if (after is { } last)
            {
                missing = missing.Where(i => i.Id > last);
            }

            var batch = await missing.OrderBy(i => i.Id).Take(Batch)
                .Select(i => new { i.Id, i.Details.PatientFirstName, i.Details.PatientLastName, i.Details.CallerName })
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return filled;
            }

            foreach (var inquiry in batch)
            {
                var details = new InquiryDetails
                {
                    PatientFirstName = inquiry.PatientFirstName,
                    PatientLastName = inquiry.PatientLastName,
                    CallerName = inquiry.CallerName,
                };
                db.InquirySearchTerms.AddRange(InquirySearchTerm.For(details).Select(term => new InquirySearchTerm(inquiry.Id, term)));
            }

            await db.SaveChangesAsync(cancellationToken);
            filled += batch.Count;
            after = batch[^1].Id;
        }
    }
}
