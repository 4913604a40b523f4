using Admissions.Application.FollowUps;
using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Admissions.Infrastructure.Jobs;

/// <summary>
/// A follow-up job failed. Each job saves once at its end, so nothing of the failed run was kept; the
/// message (shown in the Hangfire dashboard) names the job and what it was working on.
/// </summary>
public sealed class FollowUpJobFailedException(string job, Exception inner)
    : Exception($"{job} failed and saved nothing: {inner.Message} Hangfire retries it; if it keeps failing, see the application log.", inner);

/// <summary>Hangfire entry points for the follow-up clocks and sweeps; they run as the system user.</summary>
public sealed class FollowUpJobs(SystemSender sender)
{
    public const string UnworkedSweepId = "follow-ups-unworked-inquiries";
    public const string VerificationSweepId = "follow-ups-stale-verifications";
    public const string AuthorizationReviewSweepId = "follow-ups-authorization-reviews";

    [AutomaticRetry(Attempts = 5)]
    [JobDisplayName("Speed to lead escalation for inquiry {0}")]
    public Task EscalateSpeedToLeadAsync(Guid inquiryId, CancellationToken cancellationToken) =>
        RunAsync($"Speed to lead escalation for inquiry {inquiryId}", () => sender.Send(new EscalateSpeedToLead(inquiryId), cancellationToken));

    [AutomaticRetry(Attempts = 5)]
    [JobDisplayName("Callback reminder for task {0}")]
    public Task RemindCallbackAsync(Guid taskId, CancellationToken cancellationToken) =>
        RunAsync($"Callback reminder for task {taskId}", () => sender.Send(new SendCallbackReminder(taskId), cancellationToken));

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [JobDisplayName("Flag unworked inquiries")]
    public Task FlagUnworkedInquiriesAsync(CancellationToken cancellationToken) =>
        RunAsync("Flag unworked inquiries", () => sender.Send(new FlagUnworkedInquiries(), cancellationToken));

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [JobDisplayName("Escalate stuck verifications")]
    public Task EscalateStaleVerificationsAsync(CancellationToken cancellationToken) =>
        RunAsync("Escalate stuck verifications", () => sender.Send(new EscalateStaleVerifications(), cancellationToken));

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [JobDisplayName("Remind utilization review of concurrent reviews")]
    public Task RemindAuthorizationReviewsAsync(CancellationToken cancellationToken) =>
        RunAsync("Concurrent review reminders", () => sender.Send(new RemindAuthorizationReviews(), cancellationToken));

    private static async Task RunAsync<T>(string job, Func<ValueTask<T>> send)
    {
        try
        {
            await send();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new FollowUpJobFailedException(job, ex);
        }
    }
}

/// <summary>
/// Registers the recurring follow-up sweeps from <c>FollowUps:*Sweep</c> (cron, UTC) when this process runs
/// the job server; their schedules show in the Hangfire dashboard under Recurring jobs.
/// </summary>
public sealed class FollowUpRecurringJobsRegistration(IRecurringJobManager jobs, IOptions<FollowUpOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var utc = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
        var followUps = options.Value;
        jobs.AddOrUpdate<FollowUpJobs>(FollowUpJobs.UnworkedSweepId, job => job.FlagUnworkedInquiriesAsync(CancellationToken.None),
            followUps.UnworkedSweep, utc);
        jobs.AddOrUpdate<FollowUpJobs>(FollowUpJobs.VerificationSweepId, job => job.EscalateStaleVerificationsAsync(CancellationToken.None),
            followUps.VerificationSweep, utc);
        jobs.AddOrUpdate<FollowUpJobs>(FollowUpJobs.AuthorizationReviewSweepId, job => job.RemindAuthorizationReviewsAsync(CancellationToken.None),
            followUps.AuthorizationReviewSweep, utc);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
