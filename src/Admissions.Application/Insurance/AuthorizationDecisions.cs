using Admissions.Application.Common;
using Admissions.Domain.Insurance;
using Admissions.Edi;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Insurance;

public static class AuthorizationDecisions
{
    /// <summary>The authorization, tracked, for utilization review to change.</summary>
    internal static async Task<PriorAuthorization> LoadAsync(IAdmissionsDbContext db, Guid authorizationId, CancellationToken cancellationToken) =>
        await db.PriorAuthorizations.FirstOrDefaultAsync(a => a.Id == authorizationId, cancellationToken)
        ?? throw new NotFoundException("The authorization");

    /// <summary>HCR01 action codes (X12 306) as utilization review speaks of them.</summary>
    public static AuthorizationStatus StatusFor(string? actionCode) => actionCode switch
    {
        "A1" => AuthorizationStatus.Certified,
        "A2" or "A6" => AuthorizationStatus.Partial,
        "A3" => AuthorizationStatus.Denied,
        "A4" => AuthorizationStatus.Pended,
        "C" => AuthorizationStatus.Cancelled,
        _ => AuthorizationStatus.Pended,
    };

    /// <summary>
    /// The 278 response as one consistent decision: a certification's days run from its first to its last day (the
    /// dates win over a quantity that disagrees with them; missing dates follow from the admission date and the days);
    /// a denial or pend carries no days, only its reason.
    /// </summary>
    public static AuthorizationDecision FromX12(ServiceReviewDecision decision, PriorAuthorization authorization)
    {
        var status = StatusFor(decision.ActionCode);
        var reason = DescribeReason(decision.ReasonCode);
        if (!PriorAuthorization.IsCertification(status))
        {
            return new AuthorizationDecision(status, decision.CertificationNumber, null, null, null, null, decision.ReasonCode,
                status == AuthorizationStatus.Denied ? reason : null, status == AuthorizationStatus.Pended ? reason : null);
        }

        var days = decision.Quantity is { } quantity ? (int)Math.Round(quantity) : (int?)null;
        var from = decision.CertifiedBegin ?? authorization.AdmissionDate;
        var to = decision.CertifiedEnd ?? PriorAuthorization.LastDay(from, days ?? authorization.RequestedDays);
        return new AuthorizationDecision(status, decision.CertificationNumber, to.DayNumber - from.DayNumber + 1, from, to, null,
            decision.ReasonCode, null);
    }

    /// <summary>Common HCR03 reasons (X12 code list 886) for denials and pends.</summary>
    public static string? DescribeReason(string? code) => code switch
    {
        null => null,
        "0U" => "Additional patient information required",
        "0V" => "Requires medical review",
        "33" => "Services not medically necessary",
        "35" => "Out of network",
        "AA" => "Authorization/access restrictions",
        _ => $"Payer reason code {code}",
    };
}
