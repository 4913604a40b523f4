using Admissions.Application.FollowUps;
using Admissions.Infrastructure.Security;
using Hangfire;
using Mediator;

namespace Admissions.Infrastructure.Jobs;

/// <summary>The Hangfire entry point for the speed-to-lead check; runs as the system user.</summary>
public sealed class SpeedToLeadJob(CurrentUser currentUser, ISender sender)
{
    [AutomaticRetry(Attempts = 5)]
    [JobDisplayName("Speed to lead check for inquiry {0}")]
    public async Task RunAsync(Guid inquiryId, CancellationToken cancellationToken)
    {
        currentUser.SetSystem();
        await sender.Send(new CheckSpeedToLead(inquiryId), cancellationToken);
    }
}
