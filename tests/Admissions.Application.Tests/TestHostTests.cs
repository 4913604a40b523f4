using Admissions.Application.Common;
using Admissions.Domain.Security;
using Admissions.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Admissions.Application.Tests;

/// <summary>The harness itself: if these fail, every other result in this project is suspect.</summary>
public class TestHostTests
{
    [Fact]
    public async Task The_host_uses_the_fake_clock_scheduler_and_notifier_instead_of_the_real_ones()
    {
        await using var host = await TestHost.StartAsync();

        var clock = Assert.Single(host.Services.GetServices<TimeProvider>());
        Assert.Same(host.Clock, clock);
        Assert.IsType<FakeTimeProvider>(clock);
        Assert.Equal(TestHost.StartTime, clock.GetUtcNow());
        await using var scope = host.Services.CreateAsyncScope();
        Assert.Same(host.Scheduler, Assert.Single(scope.ServiceProvider.GetServices<IFollowUpScheduler>()));
        Assert.Same(host.Live, Assert.Single(scope.ServiceProvider.GetServices<ILiveNotifier>()));
    }

    [Fact]
    public async Task The_host_runs_on_its_own_migrated_database_with_the_staff_accounts()
    {
        string folder;
        await using (var host = await TestHost.StartAsync())
        {
            folder = host.DataFolder;
            await using var db = host.CreateDbContext();
            if (PostgresLane.Enabled)
            {
                Assert.True(db.Database.IsNpgsql());
                Assert.Equal(host.PostgresDatabase, new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).Database);
            }
            else
            {
                Assert.True(File.Exists(host.DatabasePath));
                Assert.True(db.Database.IsSqlite());
                Assert.Equal(host.DatabasePath, new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
            }

            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(Roles.StaffRoles.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());
            Assert.Equal(host.Staff.All.Select(u => u.Id).Order(), (await db.Users.Select(u => u.Id).ToListAsync()).Order());

            await using var scope = host.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Infrastructure.Identity.AdmissionsUser>>();
            var coordinator = await users.FindByIdAsync(host.Coordinator.Id);
            Assert.NotNull(coordinator);
            Assert.Equal(host.Coordinator.Name, coordinator.DisplayName);
            Assert.True(await users.IsInRoleAsync(coordinator, Roles.AdmissionsCoordinator));
        }

        Assert.False(Directory.Exists(folder), "Disposing the host deletes its data folder.");
    }

    [Fact]
    public async Task Two_hosts_do_not_share_data()
    {
        await using var first = await TestHost.StartAsync();
        await using var second = await TestHost.StartAsync();

        await first.CreateInquiryAsync(TestForms.Valid());

        Assert.NotEqual(first.DatabasePath, second.DatabasePath);
        Assert.NotEqual(first.PostgresDatabase ?? first.DatabasePath, second.PostgresDatabase ?? second.DatabasePath);
        Assert.Equal(1, await first.QueryAsync(db => db.Inquiries.CountAsync()));
        Assert.Equal(0, await second.QueryAsync(db => db.Inquiries.CountAsync()));
    }
}
