using Admissions.Application.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Placement;
using Admissions.Domain.Screening;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Placement;

/// <summary>Gathers what the program fit checks read about an inquiry's patient: safety, level of care, payer and authorizations.</summary>
internal static class PlacementCandidates
{
    public static async Task<PlacementCandidate> LoadAsync(IAdmissionsDbContext db, Inquiry inquiry, CancellationToken cancellationToken)
    {
        var openSafetyAlert = await HasOpenSafetyAlertAsync(db, inquiry.Id, cancellationToken);
        var history = await db.LevelOfCareHistories.AsNoTracking().FirstOrDefaultAsync(h => h.InquiryId == inquiry.Id, cancellationToken);
        return new PlacementCandidate
        {
            DateOfBirth = inquiry.Details.PatientDateOfBirth,
            Sex = inquiry.Details.PatientSex,
            HasOpenSafetyAlert = openSafetyAlert,
            LevelOfCare = history?.Current,
            Payer = await PayerAsync(db, inquiry.Id, cancellationToken),
        };
    }

    /// <summary>An immediate safety alert no clinician has closed yet: scheduling and check-in wait for it.</summary>
    public static Task<bool> HasOpenSafetyAlertAsync(IAdmissionsDbContext db, Guid inquiryId, CancellationToken cancellationToken) =>
        db.SafetyAlerts.AsNoTracking().AnyAsync(a => a.InquiryId == inquiryId && a.Level == AlertLevel.Immediate && a.ResolvedAt == null, cancellationToken);

    private static async Task<PayerStanding?> PayerAsync(IAdmissionsDbContext db, Guid inquiryId, CancellationToken cancellationToken)
    {
        var policy = await db.InsurancePolicies.AsNoTracking()
            .Where(p => p.InquiryId == inquiryId && p.RemovedAt == null && p.Rank == PolicyRank.Primary)
            .FirstOrDefaultAsync(cancellationToken);
        if (policy is null)
        {
            return null;
        }

        var payer = await db.Payers.AsNoTracking().FirstAsync(p => p.Id == policy.PayerId, cancellationToken);
        var checks = await db.EligibilityChecks.AsNoTracking()
            .Where(c => c.PolicyId == policy.Id && c.State == VerificationState.Completed)
            .ToListAsync(cancellationToken);

        // The latest word per level: a later verification of residential does not erase an earlier one of detox.
        var levels = checks.OrderByDescending(c => c.CompletedAt)
            .Where(c => c.Result is not null)
            .SelectMany(c => c.Result!.Levels.Select(l => new LevelBenefitsStanding(l.Level, c.Result.CoverageActive, l.InNetwork,
                // The payer's word first; where it said nothing, the directory's rule for the level.
                l.AuthorizationRequired ?? payer.RuleFor(l.Level, CareTrack.SubstanceUse).PriorAuthorizationRequired)))
            .DistinctBy(l => l.Level)
            .ToList();
        var authorizations = (await db.PriorAuthorizations.AsNoTracking()
                .Where(a => a.InquiryId == inquiryId && a.PolicyId == policy.Id)
                .ToListAsync(cancellationToken))
            .OrderByDescending(a => a.RequestedAt)
            .Select(a => new AuthorizationStanding(a.Level, a.Status, a.CertificationNumber))
            .ToList();
        return new PayerStanding(policy.PayerName, payer.IsSelfPay)
        {
            Levels = levels,
            Authorizations = authorizations,
            AgeLimits = PayerAgeLimit.Of(payer),
            NonCoveredNeedsAdvanceWaiver = payer.NonCoveredNeedsAdvanceWaiver,
        };
    }
}
