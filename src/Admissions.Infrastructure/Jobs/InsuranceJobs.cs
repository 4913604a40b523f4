using Admissions.Application.Insurance;
using Hangfire;

namespace Admissions.Infrastructure.Jobs;

/// <summary>
/// Hangfire entry points for clearinghouse work; they run as the system user. Payer-side retries
/// (AAA 42, clearinghouse down) are scheduled by the handlers; Hangfire's own retries cover crashes.
/// </summary>
public sealed class InsuranceJobs(SystemSender sender)
{
    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Verify benefits (270/271) for check {0}")]
    public async Task VerifyEligibilityAsync(Guid checkId, CancellationToken cancellationToken)
    {
        await sender.Send(new RunVerification(checkId), cancellationToken);
    }

    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Prior authorization (278) for {0}")]
    public async Task SubmitAuthorizationAsync(Guid authorizationId, CancellationToken cancellationToken)
    {
        await sender.Send(new SubmitAuthorization(authorizationId), cancellationToken);
    }
}
