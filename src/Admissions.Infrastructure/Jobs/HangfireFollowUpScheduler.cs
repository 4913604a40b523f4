using Admissions.Application.Common;
using Hangfire;

namespace Admissions.Infrastructure.Jobs;

public sealed class HangfireFollowUpScheduler(IBackgroundJobClient jobs) : IFollowUpScheduler
{
    public void ScheduleSpeedToLeadCheck(Guid inquiryId, DateTimeOffset runAt) =>
        jobs.Schedule<SpeedToLeadJob>(job => job.RunAsync(inquiryId, CancellationToken.None), runAt);
}
