using Admissions.Domain.Security;
using Admissions.Infrastructure.Identity;
using Admissions.Infrastructure.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admissions.Infrastructure.Tests.Seeding;

public class DatabaseInitializerTests
{
    [Fact]
    public async Task Migrating_a_new_database_creates_it_applies_every_migration_and_creates_the_staff_roles()
    {
        await using var host = InfrastructureHost.Create();
        await using (var before = host.CreateDbContext())
        {
            Assert.False(await before.Database.CanConnectAsync());
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        }

        await using var db = host.CreateDbContext();
        Assert.True(await db.Database.CanConnectAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(Roles.StaffRoles.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());
        Assert.Equal(Roles.StaffRoles.Select(r => r.ToUpperInvariant()).Order(), (await db.Roles.Select(r => r.NormalizedName!).ToListAsync()).Order());
        Assert.Equal(0, await db.Inquiries.CountAsync());
    }

    [Fact]
    public async Task Migrating_again_changes_nothing()
    {
        await using var host = await InfrastructureHost.StartMigratedAsync();
        var roleIds = await host.QueryAsync(db => db.Roles.OrderBy(r => r.Name).Select(r => r.Id).ToListAsync());

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        }

        Assert.Equal(roleIds, await host.QueryAsync(db => db.Roles.OrderBy(r => r.Name).Select(r => r.Id).ToListAsync()));
    }

    [Fact]
    public async Task The_infrastructure_alone_can_create_staff_accounts_as_the_cli_does()
    {
        // Without the composition root's AddAuthentication, Identity's token providers have no Data Protection.
        await using var host = InfrastructureHost.Create();
        await using (var migrate = host.Services.CreateAsyncScope())
        {
            await migrate.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        }

        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AdmissionsUser>>();
        var result = await StaffAccounts.CreateAsync(users, "admin@test.local", "Avery Admin", "Correct-Horse-Battery-9", Roles.Admin);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task A_database_made_before_the_squashed_history_is_refused_unless_it_may_be_recreated()
    {
        await using var host = await InfrastructureHost.StartMigratedAsync();
        await host.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('20261128225807_Insurance', '10.0.15')"));
        await host.QueryAsync(db => db.Database.ExecuteSqlRawAsync("INSERT INTO \"AspNetRoles\" (\"Id\", \"Name\") VALUES ('old', 'Old')"));

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var refused = await Assert.ThrowsAsync<OutdatedDatabaseException>(
                () => scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync());
            Assert.Equal(["20261128225807_Insurance"], refused.UnknownMigrations);
            Assert.Contains("scripts/admissions migrate", refused.Message, StringComparison.Ordinal);
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(recreateOutdated: true);
        }

        await using var db = host.CreateDbContext();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.False(await db.Roles.AnyAsync(r => r.Id == "old"));
    }
}
