using Admissions.Application.FollowUps;
using Admissions.Infrastructure.Jobs;
using Admissions.Infrastructure.Security;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage;
using Mediator;
using Microsoft.Extensions.Options;
using Moq;

namespace Admissions.Infrastructure.Tests.Jobs;

public class FollowUpJobsTests
{
    [Fact]
    public void The_escalation_is_scheduled_for_its_due_time()
    {
        using var storage = new InMemoryStorage();
        var scheduler = new HangfireFollowUpScheduler(new BackgroundJobClient(storage), TimeProvider.System);
        var inquiryId = Guid.CreateVersion7();
        var runAt = DateTimeOffset.UtcNow.AddMinutes(15);

        scheduler.ScheduleSpeedToLeadEscalation(inquiryId, runAt);

        var job = Assert.Single(storage.GetMonitoringApi().ScheduledJobs(0, 10)).Value;
        Assert.Equal((typeof(FollowUpJobs), nameof(FollowUpJobs.EscalateSpeedToLeadAsync)), (job.Job.Type, job.Job.Method.Name));
        Assert.Equal(inquiryId, job.Job.Args[0]);
        Assert.Equal(runAt.UtcDateTime, job.EnqueueAt, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void A_reminder_already_due_goes_straight_to_the_queue()
    {
        using var storage = new InMemoryStorage();
        var scheduler = new HangfireFollowUpScheduler(new BackgroundJobClient(storage), TimeProvider.System);

        scheduler.ScheduleCallbackReminder(Guid.CreateVersion7(), DateTimeOffset.UtcNow.AddSeconds(-1));

        Assert.Empty(storage.GetMonitoringApi().ScheduledJobs(0, 10));
        Assert.Equal(1, storage.GetMonitoringApi().EnqueuedCount("default"));
    }

    [Fact]
    public void Verification_and_authorization_work_due_later_waits_for_its_time_and_work_due_now_is_queued()
    {
        using var storage = new InMemoryStorage();
        var scheduler = new HangfireFollowUpScheduler(new BackgroundJobClient(storage), TimeProvider.System);
        var (later, now) = (DateTimeOffset.UtcNow.AddMinutes(30), DateTimeOffset.UtcNow.AddSeconds(-1));

        scheduler.ScheduleAuthorizationSubmission(Guid.CreateVersion7(), later);
        scheduler.ScheduleEligibilityCheck(Guid.CreateVersion7(), later);
        scheduler.ScheduleAuthorizationSubmission(Guid.CreateVersion7(), now);
        scheduler.ScheduleEligibilityCheck(Guid.CreateVersion7(), now);

        var scheduled = storage.GetMonitoringApi().ScheduledJobs(0, 10).Select(j => j.Value.Job.Method.Name).Order(StringComparer.Ordinal);
        Assert.Equal([nameof(InsuranceJobs.SubmitAuthorizationAsync), nameof(InsuranceJobs.VerifyEligibilityAsync)], scheduled);
        Assert.Equal(2, storage.GetMonitoringApi().EnqueuedCount("default"));
    }

    [Fact]
    public async Task The_sweeps_are_registered_as_recurring_jobs_with_the_configured_schedules()
    {
        using var storage = new InMemoryStorage();
        var options = Options.Create(new FollowUpOptions { UnworkedSweep = "*/10 * * * *", VerificationSweep = "5 * * * *", AuthorizationReviewSweep = "0 6 * * *" });

        await new FollowUpRecurringJobsRegistration(new RecurringJobManager(storage), options).StartAsync(CancellationToken.None);

        using var connection = storage.GetConnection();
        var recurring = connection.GetRecurringJobs().ToDictionary(j => j.Id, j => j.Cron);
        Assert.Equal("*/10 * * * *", recurring[FollowUpJobs.UnworkedSweepId]);
        Assert.Equal("5 * * * *", recurring[FollowUpJobs.VerificationSweepId]);
        Assert.Equal("0 6 * * *", recurring[FollowUpJobs.AuthorizationReviewSweepId]);
    }

    [Fact]
    public async Task A_failing_job_fails_with_a_message_that_names_the_job_and_the_cause()
    {
        var sender = new Mock<ISender>();
        sender.Setup(s => s.Send(It.IsAny<FlagUnworkedInquiries>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("SQLite Error 5: 'database is locked'."));
        var jobs = new FollowUpJobs(new SystemSender(new CurrentUser(), sender.Object));

        var error = await Assert.ThrowsAsync<FollowUpJobFailedException>(() => jobs.FlagUnworkedInquiriesAsync(CancellationToken.None));

        Assert.Equal("Flag unworked inquiries failed and saved nothing: SQLite Error 5: 'database is locked'. "
            + "Hangfire retries it; if it keeps failing, see the application log.", error.Message);
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }
}
