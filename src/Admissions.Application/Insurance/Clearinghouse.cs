using Admissions.Application.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Placement;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Insurance;

/// <summary>
/// The clearinghouse connection: sends X12 requests and returns the payer's X12 response text.
/// Production speaks CAQH CORE real-time connectivity; the embedded default is the simulator.
/// </summary>
public interface IEligibilityGateway
{
    /// <summary>Sends a 270 and returns the 271.</summary>
    Task<string> CheckEligibilityAsync(string request270, CancellationToken cancellationToken = default);

    /// <summary>Sends a 278 request for review and returns the 278 response.</summary>
    Task<string> RequestReviewAsync(string request278, CancellationToken cancellationToken = default);
}

/// <summary>The clearinghouse could not be reached or did not answer in time, after retries.</summary>
public sealed class ClearinghouseUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);

/// <summary>Who we are on the wire: interchange ids, and the provider named in every request.</summary>
public sealed record ClearinghouseIdentity(
    string SubmitterId,
    string ReceiverId,
    string ProviderName,
    string ProviderNpi,
    string TraceOriginator,
    bool Production)
{
    /// <summary>The provider as a facility is known to payers: its own NPI and clearinghouse name where set, the organisation's otherwise.</summary>
    public ClearinghouseIdentity For(Facility? facility) => facility is null ? this : this with
    {
        ProviderName = string.IsNullOrWhiteSpace(facility.ClearinghouseProviderName) ? ProviderName : facility.ClearinghouseProviderName,
        ProviderNpi = string.IsNullOrWhiteSpace(facility.Npi) ? ProviderNpi : facility.Npi,
    };

    /// <summary>The identity of the facility an inquiry belongs to.</summary>
    public async Task<ClearinghouseIdentity> ForInquiryAsync(IAdmissionsDbContext db, Inquiry inquiry, CancellationToken cancellationToken) =>
        For(inquiry.FacilityId is { } id ? await db.Facilities.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken) : null);
}
