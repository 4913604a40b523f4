using Admissions.Application.Safety;
using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Admissions.Infrastructure.Jobs;

/// <summary>The Hangfire entry point of the suicide-risk clock; it runs as the system user.</summary>
public sealed class SafetyJobs(SystemSender sender)
{
    public const string EscalationSweepId = "safety-escalations";

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [JobDisplayName("Escalate safety calls with no disposition")]
    public async Task EscalateSafetyCallsAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new EscalateSafetyCalls(), cancellationToken);
    }
}

/// <summary>Registers the escalation sweep (<c>Safety:EscalationSweep</c>, UTC) where this process runs the job server.</summary>
public sealed class SafetyJobsRegistration(IRecurringJobManager jobs, IOptions<SafetyOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<SafetyJobs>(SafetyJobs.EscalationSweepId, job => job.EscalateSafetyCallsAsync(CancellationToken.None),
            options.Value.EscalationSweep, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
