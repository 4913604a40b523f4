using Admissions.Application.Placement;
using Admissions.Infrastructure.Security;
using Hangfire;
using Mediator;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Admissions.Infrastructure.Jobs;

/// <summary>The Hangfire entry point for the bed reservation sweep; runs as the system user.</summary>
public sealed class PlacementJobs(CurrentUser currentUser, ISender sender)
{
    public const string ReservationSweepId = "placement-reservation-sweep";

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [JobDisplayName("Release expired bed reservations")]
    public async Task ReleaseExpiredReservationsAsync(CancellationToken cancellationToken)
    {
        currentUser.SetSystem();
        await sender.Send(new ReleaseExpiredReservations(), cancellationToken);
    }
}

/// <summary>Registers the recurring jobs when this process runs the job server (Jobs:RunServer).</summary>
internal sealed class RecurringJobsRegistration(IRecurringJobManager jobs, IOptions<PlacementOptions> placement) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<PlacementJobs>(PlacementJobs.ReservationSweepId, job => job.ReleaseExpiredReservationsAsync(CancellationToken.None),
            placement.Value.ReservationSweep, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
