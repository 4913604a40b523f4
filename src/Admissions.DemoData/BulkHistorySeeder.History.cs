using System.Globalization;
using Admissions.Domain.Inquiries;
using Admissions.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Admissions.DemoData;

/// <summary>The made-up history itself: referral organisations, how an inquiry ended, weighted picks and progress.</summary>
public sealed partial class BulkHistorySeeder
{
    private sealed record Organisation(Guid Id, string Name, bool Stopped);

    private static async Task<List<Organisation>> EnsureOrganisationsAsync(AdmissionsDbContext db, Random random, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await db.ReferralOrganisations.AsNoTracking().OrderBy(o => o.CreatedAt).ThenBy(o => o.Name).ToListAsync(cancellationToken);
        if (existing.Count == 0)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            while (names.Count < 40)
            {
                names.Add($"{Cities[random.Next(Cities.Length)]} {OrganisationKinds[random.Next(OrganisationKinds.Length)]}");
            }

            existing = [.. names.Select((name, i) => new ReferralOrganisation
            {
                Name = name,
                ContactName = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}",
                ContactPhone = $"555{random.Next(1000000, 9999999)}",
                CreatedAt = now.AddDays(-1100 + i),
            })];
            db.ReferralOrganisations.AddRange(existing);
            await db.SaveChangesAsync(cancellationToken);
        }

        // A few partners (every seventh) stopped referring a couple of months ago, for the "stopped referring" report.
        return [.. existing.Select((o, i) => new Organisation(o.Id, o.Name, i % 7 == 3))];
    }

    private static (InquiryStage Stage, NotAdmittedReason? Reason, DateTimeOffset? ClosedAt) Outcome(
        Random random, DateTimeOffset created, TimeSpan age, DateTimeOffset? firstContact, bool duplicate, bool insured, DateTimeOffset now)
    {
        if (duplicate && random.NextDouble() < 0.8)
        {
            return (InquiryStage.NotAdmitted, NotAdmittedReason.Duplicate, Min(now, created.AddHours(random.Next(1, 48))));
        }

        var roll = random.NextDouble();
        var admitChance = firstContact is null ? 0.0 : insured ? 0.16 : 0.05;
        var daysToClose = Math.Exp(random.NextDouble() * 3.2) - 0.5;
        var closedAt = created.AddDays(Math.Max(0.05, daysToClose));
        if (closedAt > now)
        {
            // Still in the pipeline, somewhere according to how long it has been going.
            if (firstContact is null)
            {
                return (InquiryStage.New, null, null);
            }

            InquiryStage[] open = [InquiryStage.Contacted, InquiryStage.PreScreening, InquiryStage.InsuranceVerification, InquiryStage.ClinicalReview,
                InquiryStage.Approved, InquiryStage.AdmissionScheduled];
            var index = Math.Min(open.Length - 1, (int)(age.TotalDays / 2.5 * random.NextDouble() * 2));
            return (open[index], null, null);
        }

        if (roll < admitChance)
        {
            return (InquiryStage.Admitted, null, closedAt);
        }

        if (roll < admitChance + 0.12)
        {
            return (InquiryStage.ReferredOut, null, closedAt);
        }

        var reason = firstContact is null ? NotAdmittedReason.Unreachable : Pick(random, LostReasons);
        return (InquiryStage.NotAdmitted, reason, closedAt);
    }

    /// <summary>Minutes to the first contact: a third inside 5 minutes, most within the hour, a long tail to days.</summary>
    private static double MinutesToContact(Random random) => random.NextDouble() switch
    {
        < 0.35 => random.NextDouble() * 5,
        < 0.75 => 5 + random.NextDouble() * 55,
        < 0.95 => 60 + random.NextDouble() * 600,
        _ => 660 + random.NextDouble() * 4000,
    };

    /// <summary>More inquiries by day than by night.</summary>
    private static TimeSpan DaytimeShift(Random random) => random.NextDouble() < 0.3 ? TimeSpan.Zero : TimeSpan.FromHours(random.Next(-4, 5));

    private static T Pick<T>(Random random, (T Value, int Weight)[] weighted)
    {
        var roll = random.Next(weighted.Sum(w => w.Weight));
        foreach (var (value, weight) in weighted)
        {
            if ((roll -= weight) < 0)
            {
                return value;
            }
        }

        return weighted[^1].Value;
    }

    /// <summary>A few items get most of the picks (big payers, busy referral partners).</summary>
    private static int Zipf(Random random, int count) => Math.Min(count - 1, (int)(count * Math.Pow(random.NextDouble(), 2.2)));

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static string Format(string digits) => $"({digits[..3]}) {digits[3..6]}-{digits[6..]}";

    private static void Progress(TextWriter output, int done, int total, TimeSpan elapsed)
    {
        const int width = 40;
        var filled = (int)((long)width * done / total);
        var rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        output.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r[{new string('#', filled)}{new string('.', width - filled)}] {100.0 * done / total,5:0.0}%  {done:N0}/{total:N0}  {rate:N0} inquiries/s  "));
        output.Flush();
    }
}
