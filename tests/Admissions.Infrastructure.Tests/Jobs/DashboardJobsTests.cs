using Admissions.Application.Dashboards;
using Admissions.Domain.Security;
using Admissions.Infrastructure.Jobs;
using Admissions.Infrastructure.Security;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage;
using Mediator;
using Microsoft.Extensions.Options;
using Moq;

namespace Admissions.Infrastructure.Tests.Jobs;

public class DashboardJobsTests
{
    [Fact]
    public async Task The_daily_figures_refresh_is_a_recurring_job_on_the_configured_schedule()
    {
        using var storage = new InMemoryStorage();
        var options = Options.Create(new DailyFiguresOptions { DailyFiguresRefresh = "*/2 * * * *" });

        await new DashboardJobsRegistration(new RecurringJobManager(storage), options).StartAsync(CancellationToken.None);

        using var connection = storage.GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == DashboardJobs.DailyFiguresId);
        Assert.Equal("*/2 * * * *", job.Cron);
        Assert.Equal(nameof(DashboardJobs.RefreshDailyFiguresAsync), job.Job.Method.Name);
    }

    [Fact]
    public async Task The_job_refreshes_the_figures_as_the_system_user()
    {
        var currentUser = new CurrentUser();
        var sender = new Mock<ISender>();
        bool? asSystem = null;
        sender.Setup(s => s.Send(It.IsAny<RefreshDailyFigures>(), It.IsAny<CancellationToken>()))
            .Callback(() => asSystem = currentUser.IsInRole(Roles.System))
            .ReturnsAsync(new DailyFiguresRefresh(1, 3));

        await new DashboardJobs(new SystemSender(currentUser, sender.Object)).RefreshDailyFiguresAsync(CancellationToken.None);

        Assert.True(asSystem);
    }
}
