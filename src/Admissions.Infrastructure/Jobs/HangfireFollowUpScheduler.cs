using System.Linq.Expressions;
using Admissions.Application.Common;
using Hangfire;

namespace Admissions.Infrastructure.Jobs;

public sealed class HangfireFollowUpScheduler(IBackgroundJobClient jobs, TimeProvider clock) : IFollowUpScheduler
{
    public void ScheduleSpeedToLeadCheck(Guid inquiryId, DateTimeOffset runAt) =>
        jobs.Schedule<SpeedToLeadJob>(job => job.RunAsync(inquiryId, CancellationToken.None), runAt);

    public void ScheduleSpeedToLeadEscalation(Guid inquiryId, DateTimeOffset runAt) =>
        jobs.Schedule<FollowUpJobs>(job => job.EscalateSpeedToLeadAsync(inquiryId, CancellationToken.None), runAt);

    public void ScheduleCallbackReminder(Guid taskId, DateTimeOffset runAt) =>
        RunAt<FollowUpJobs>(job => job.RemindCallbackAsync(taskId, CancellationToken.None), runAt);

    public void ScheduleEligibilityCheck(Guid checkId, DateTimeOffset runAt) =>
        RunAt<InsuranceJobs>(job => job.VerifyEligibilityAsync(checkId, CancellationToken.None), runAt);

    public void ScheduleAuthorizationSubmission(Guid authorizationId, DateTimeOffset runAt) =>
        RunAt<InsuranceJobs>(job => job.SubmitAuthorizationAsync(authorizationId, CancellationToken.None), runAt);

    /// <summary>Work that is due now goes straight to the queue instead of waiting for the scheduler's next poll.</summary>
    private void RunAt<TJob>(Expression<Func<TJob, Task>> job, DateTimeOffset runAt)
    {
        if (runAt <= clock.GetUtcNow())
        {
            jobs.Enqueue(job);
            return;
        }

        jobs.Schedule(job, runAt);
    }
}
