using Admissions.Application.FollowUps;
using Hangfire;

namespace Admissions.Infrastructure.Jobs;

/// <summary>The Hangfire entry point for the speed-to-lead check; runs as the system user.</summary>
public sealed class SpeedToLeadJob(SystemSender sender)
{
    [AutomaticRetry(Attempts = 5)]
    [JobDisplayName("Speed to lead check for inquiry {0}")]
    public async Task RunAsync(Guid inquiryId, CancellationToken cancellationToken)
    {
        await sender.Send(new CheckSpeedToLead(inquiryId), cancellationToken);
    }
}
