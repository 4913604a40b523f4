using Admissions.Application.Common;
using Admissions.Domain.Insurance;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Infrastructure.Seeding;

/// <summary>
/// The payers every install starts with. Clearinghouse payer ids are the common public ones;
/// a centre checks them against its clearinghouse's payer list and edits them as needed.
/// </summary>
public static class PayerDirectory
{
    private static readonly ServiceTypeCodes Standard = new();

    public static IReadOnlyList<Payer> Defaults() =>
    [
        new() { Name = "Aetna", Kind = PayerKind.Commercial, ClearinghousePayerId = "60054", InNetwork = true, ServiceTypes = Standard },
        new() { Name = "Blue Cross Blue Shield of Illinois", Kind = PayerKind.Commercial, ClearinghousePayerId = "00621", InNetwork = true, ServiceTypes = Standard },
        new() { Name = "Blue Cross Blue Shield of Texas", Kind = PayerKind.Commercial, ClearinghousePayerId = "84980", InNetwork = true, ServiceTypes = Standard },
        new()
        {
            Name = "Anthem Blue Cross", Kind = PayerKind.Commercial, ClearinghousePayerId = "040", InNetwork = true, ServiceTypes = Standard,
            BehavioralCarveOut = "Carelon Behavioral Health", BehavioralCarveOutPhone = "8004545555",
        },
        new() { Name = "Carelon Behavioral Health", Kind = PayerKind.Commercial, ClearinghousePayerId = "43324", InNetwork = true, ServiceTypes = Standard },
        new()
        {
            Name = "Cigna", Kind = PayerKind.Commercial, ClearinghousePayerId = "62308", InNetwork = true, ServiceTypes = Standard,
            BehavioralCarveOut = "Evernorth Behavioral Health", BehavioralCarveOutPhone = "8005550100",
        },
        new() { Name = "Humana", Kind = PayerKind.Commercial, ClearinghousePayerId = "61101", InNetwork = true, ServiceTypes = Standard },
        new() { Name = "TRICARE East", Kind = PayerKind.Military, ClearinghousePayerId = "TREST", InNetwork = true, ServiceTypes = Standard },
        new() { Name = "TRICARE West", Kind = PayerKind.Military, ClearinghousePayerId = "99726", InNetwork = true, ServiceTypes = Standard },
        new()
        {
            Name = "UnitedHealthcare", Kind = PayerKind.Commercial, ClearinghousePayerId = "87726", InNetwork = false, ServiceTypes = Standard,
            BehavioralCarveOut = "Optum Behavioral Health", BehavioralCarveOutPhone = "8006003333",
        },
        new() { Name = "State Medicaid", Kind = PayerKind.Medicaid, ClearinghousePayerId = "SKMED", InNetwork = true, ServiceTypes = Standard },
        new() { Name = "Medicare", Kind = PayerKind.Medicare, ClearinghousePayerId = "CMS", InNetwork = true, ServiceTypes = Standard },
        new() { Name = "Self-pay", Kind = PayerKind.SelfPay, InNetwork = true, ServiceTypes = Standard },
    ];

    /// <summary>Adds the default payers that are missing (by name); never changes one an admin edited.</summary>
    public static async Task<int> EnsureAsync(IAdmissionsDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Payers.Select(p => p.Name).ToListAsync(cancellationToken);
        var missing = Defaults().Where(p => !existing.Contains(p.Name)).ToList();
        if (missing.Count == 0)
        {
            return 0;
        }

        db.Payers.AddRange(missing);
        await db.SaveChangesAsync(cancellationToken);
        return missing.Count;
    }
}
