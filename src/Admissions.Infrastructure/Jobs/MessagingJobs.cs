using Admissions.Application.Messaging;
using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Admissions.Infrastructure.Jobs;

/// <summary>The Hangfire entry points for the outbox and the manager digest; they run as the system user.</summary>
public sealed class MessagingJobs(SystemSender sender)
{
    public const string DispatchId = "messaging-dispatch";
    public const string DigestId = "messaging-manager-digest";

    // No Hangfire retries: the next minute's run picks up whatever is due, and a message's own attempts carry its back-off.
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Send due outbound messages")]
    public async Task DispatchAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new DispatchOutbox(), cancellationToken);
    }

    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Email the daily manager digest")]
    public async Task SendDigestAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new SendManagerDigest(), cancellationToken);
    }
}

public sealed class HangfireOutboxDispatchSignal(IBackgroundJobClient jobs) : IOutboxDispatchSignal
{
    public void DispatchSoon() => jobs.Enqueue<MessagingJobs>(job => job.DispatchAsync(CancellationToken.None));
}

/// <summary>Registers the outbox dispatch (every minute) and the digest (Messaging:Digest:Cron, facility time).</summary>
internal sealed class MessagingJobsRegistration(IRecurringJobManager jobs, IOptions<MessagingOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        jobs.AddOrUpdate<MessagingJobs>(MessagingJobs.DispatchId, job => job.DispatchAsync(CancellationToken.None), Cron.Minutely(),
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        if (settings.Digest.Enabled)
        {
            jobs.AddOrUpdate<MessagingJobs>(MessagingJobs.DigestId, job => job.SendDigestAsync(CancellationToken.None), settings.Digest.Cron,
                new RecurringJobOptions { TimeZone = settings.FacilityZone });
        }
        else
        {
            jobs.RemoveIfExists(MessagingJobs.DigestId);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
