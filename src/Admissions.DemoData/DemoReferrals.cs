using Admissions.Application.Common;
using Admissions.Domain.Inquiries;
using Microsoft.EntityFrameworkCore;

namespace Admissions.DemoData;

/// <summary>
/// The organisations that refer people to the demo campus. Demo inquiries whose source is a referral
/// name one of them in the free-text referral source and are attributed to it (alumni inquiries to the
/// alumni association), so the referral reports have something to show.
/// </summary>
internal static class DemoReferrals
{
    /// <summary>An organisation, and what a coordinator typed as the referral source when it called.</summary>
    public sealed record Spec(string Name, string ContactName, string ContactPhone, string TypedAs);

    public static readonly Spec[] Organisations =
    [
        new("St. Mary's Hospital Emergency Department", "Dana Whitfield, LCSW (ED social work)", "(916) 555-0142", "St. Mary's Hospital ED"),
        new("Alvarez Psychiatry & Counseling", "Dr. Elena Alvarez", "(916) 555-0178", "Dr. Alvarez (psychiatry)"),
        new("Hope Interventions", "Marcus Bell, CIP", "(530) 555-0115", "Hope Interventions"),
        new("Lakeside Employee Assistance Program", "Priya Shah", "(800) 555-0133", "Lakeside EAP"),
        new("Sacramento County Adult Drug Court", "Tom Reilly (treatment court coordinator)", "(916) 555-0160", "County Drug Court"),
        new("Riverbend Alumni Association", "Rachel Thompson", "(916) 555-0191", AlumniTypedAs),
    ];

    /// <summary>Inquiries whose source is Alumni came through the alumni association.</summary>
    public const string AlumniTypedAs = "Alumni: R. Thompson";

    /// <summary>Adds the organisations (once) and returns them by what coordinators type for them.</summary>
    public static async Task<IReadOnlyDictionary<string, ReferralOrganisation>> SeedOrganisationsAsync(
        IAdmissionsDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await db.ReferralOrganisations.ToListAsync(cancellationToken);
        var byName = existing.ToDictionary(o => o.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var spec in Organisations.Where(s => !byName.ContainsKey(s.Name)))
        {
            var organisation = new ReferralOrganisation { Name = spec.Name, ContactName = spec.ContactName, ContactPhone = spec.ContactPhone, CreatedAt = now.AddDays(-120) };
            db.ReferralOrganisations.Add(organisation);
            byName[spec.Name] = organisation;
        }

        return Organisations.ToDictionary(s => s.TypedAs, s => byName[s.Name]);
    }
}
