using Admissions.Application.Drafts;
using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Admissions.Infrastructure.Jobs;

/// <summary>The Hangfire entry point that deletes expired drafts; it runs as the system user.</summary>
public sealed class DraftJobs(SystemSender sender)
{
    public const string PurgeId = "drafts-purge";

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [JobDisplayName("Delete drafts older than their lifetime")]
    public async Task PurgeAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new PurgeExpiredDrafts(), cancellationToken);
    }
}

internal sealed class DraftJobsRegistration(IRecurringJobManager jobs, IOptions<DraftOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<DraftJobs>(DraftJobs.PurgeId, job => job.PurgeAsync(CancellationToken.None),
            options.Value.Purge, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
