using Admissions.Application.Placement;
using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Admissions.Infrastructure.Jobs;

/// <summary>The Hangfire entry points for the placement clocks; they run as the system user.</summary>
public sealed class PlacementJobs(SystemSender sender)
{
    public const string ReservationSweepId = "placement-reservation-sweep";
    public const string AdmissionDayClockId = "placement-admission-day";
    public const string ReverificationId = "placement-reverify-upcoming";
    public const string CensusSnapshotId = "placement-census-snapshot";

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [JobDisplayName("Release expired bed reservations")]
    public async Task ReleaseExpiredReservationsAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new ReleaseExpiredReservations(), cancellationToken);
    }

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [JobDisplayName("Admission day: reminders and missed check-ins")]
    public async Task RunAdmissionDayClockAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new RunAdmissionDayClock(), cancellationToken);
    }

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [JobDisplayName("Count the census for the occupancy trend")]
    public async Task RecordCensusSnapshotAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new RecordCensusSnapshot(), cancellationToken);
    }

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [JobDisplayName("Re-verify insurance for admissions in the next 48 hours")]
    public async Task ReverifyUpcomingAdmissionsAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new ReverifyUpcomingAdmissions(), cancellationToken);
    }
}

/// <summary>Registers the recurring jobs when this process runs the job server (Jobs:RunServer).</summary>
internal sealed class RecurringJobsRegistration(IRecurringJobManager jobs, IOptions<PlacementOptions> placement) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<PlacementJobs>(PlacementJobs.ReservationSweepId, job => job.ReleaseExpiredReservationsAsync(CancellationToken.None),
            placement.Value.ReservationSweep, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        jobs.AddOrUpdate<PlacementJobs>(PlacementJobs.AdmissionDayClockId, job => job.RunAdmissionDayClockAsync(CancellationToken.None),
            placement.Value.AdmissionDayClock, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        jobs.AddOrUpdate<PlacementJobs>(PlacementJobs.ReverificationId, job => job.ReverifyUpcomingAdmissionsAsync(CancellationToken.None),
            placement.Value.Reverification, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        jobs.AddOrUpdate<PlacementJobs>(PlacementJobs.CensusSnapshotId, job => job.RecordCensusSnapshotAsync(CancellationToken.None),
            placement.Value.CensusSnapshot, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
