using Admissions.Application.Dashboards;
using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Admissions.Infrastructure.Jobs;

/// <summary>The Hangfire entry point that keeps the dashboards' daily figures; it runs as the system user.</summary>
public sealed class DashboardJobs(SystemSender sender)
{
    public const string DailyFiguresId = "dashboards-daily-figures";

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [JobDisplayName("Bring the dashboards' daily figures up to date")]
    public async Task RefreshDailyFiguresAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new RefreshDailyFigures(), cancellationToken);
    }
}

public sealed class DashboardJobsRegistration(IRecurringJobManager jobs, IOptions<DailyFiguresOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<DashboardJobs>(DashboardJobs.DailyFiguresId, job => job.RefreshDailyFiguresAsync(CancellationToken.None),
            options.Value.DailyFiguresRefresh, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
