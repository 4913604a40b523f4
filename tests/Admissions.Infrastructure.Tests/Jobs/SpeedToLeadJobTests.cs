using System.Security.Claims;
using Admissions.Application.Inquiries;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Security;
using Admissions.Infrastructure.Jobs;
using Admissions.Infrastructure.Security;
using Hangfire;
using Hangfire.InMemory;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admissions.Infrastructure.Tests.Jobs;

public class SpeedToLeadJobTests
{
    [Fact]
    public void The_scheduler_puts_a_speed_to_lead_job_in_storage_for_the_due_time()
    {
        using var storage = new InMemoryStorage();
        var scheduler = new HangfireFollowUpScheduler(new BackgroundJobClient(storage), TimeProvider.System);
        var inquiryId = Guid.CreateVersion7();
        var runAt = new DateTimeOffset(2026, 3, 10, 14, 5, 0, TimeSpan.Zero);

        scheduler.ScheduleSpeedToLeadCheck(inquiryId, runAt);

        var scheduled = storage.GetMonitoringApi().ScheduledJobs(0, 10);
        var job = Assert.Single(scheduled).Value;
        Assert.Equal(typeof(SpeedToLeadJob), job.Job.Type);
        Assert.Equal(nameof(SpeedToLeadJob.RunAsync), job.Job.Method.Name);
        Assert.Equal(inquiryId, job.Job.Args[0]);
        Assert.Equal(runAt.UtcDateTime, job.EnqueueAt);
    }

    [Fact]
    public async Task The_job_runs_the_check_as_the_system_and_escalates_an_inquiry_nobody_reached()
    {
        await using var host = await InfrastructureHost.StartMigratedAsync();
        Guid inquiryId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
                [
                    new Claim(ClaimTypes.NameIdentifier, "coordinator-1"),
                    new Claim(CurrentUser.DisplayNameClaim, "Casey Nguyen"),
                    new Claim(ClaimTypes.Role, Roles.AdmissionsCoordinator),
                ], "Test")), "10.0.0.1");
            var created = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateInquiry(new InquiryForm
            {
                CallerName = "Pat Doe",
                CallerPhone = "(555) 201-9999",
                PatientFirstName = "Pat",
            }));
            inquiryId = created.InquiryId!.Value;
        }

        var (scheduledFor, runAt) = Assert.Single(host.Scheduler.Checks);
        Assert.Equal(inquiryId, scheduledFor);
        host.Clock.SetUtcNow(runAt);

        // Hangfire activates the job in a fresh scope, as here, with no user set.
        await using (var jobScope = host.Services.CreateAsyncScope())
        {
            var job = ActivatorUtilities.CreateInstance<SpeedToLeadJob>(jobScope.ServiceProvider);
            await job.RunAsync(inquiryId, CancellationToken.None);
        }

        var task = Assert.Single(await host.QueryAsync(db => db.FollowUpTasks.ToListAsync()));
        // The first check makes one high-priority task; the escalation later raises that same task to urgent.
        Assert.Equal((inquiryId, FollowUpKind.SpeedToLead, TaskPriority.High), (task.InquiryId, task.Kind, task.Priority));
        var audit = await host.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.EntityType == nameof(FollowUpTask)));
        Assert.Equal("system", audit.UserId);
    }
}
