using Admissions.Domain.Security;
using Admissions.Infrastructure.Identity;
using Admissions.Infrastructure.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admissions.Infrastructure.Tests.Seeding;

public class DatabaseInitializerTests
{
    private static readonly string[] OldHistory =
    [
        "20261206140121_Initial", "20261206150751_Production", "20261206173110_Payers", "20261206173641_Identity",
        "20261206174952_ClinicalConsent", "20261206181907_Hardening", "20261206185251_FirstDay", "20261206191118_Safety",
        "20261207002242_UtilizationReview", "20261207002929_FacilityPerInquiry", "20261207011411_LooseEnds", "20261207034342_Stay",
        "20261207034620_SingleCaseAgreements",
    ];

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
    public async Task The_inquiry_list_indexes_the_model_cannot_declare_are_made_and_on_SQLite_put_back_at_start_if_a_rebuild_dropped_them()
    {
        string[] expected = ["IX_Inquiries_PatientName", "IX_Inquiries_Source", "IX_Inquiries_Urgency"];
        await using var host = await InfrastructureHost.StartMigratedAsync();
        Assert.Equal(expected, await host.QueryAsync(ListIndexesAsync));
        if (!await host.QueryAsync(db => Task.FromResult(db.Database.IsSqlite())))
        {
            return;
        }

        await host.QueryAsync(db => db.Database.ExecuteSqlRawAsync("DROP INDEX IX_Inquiries_PatientName; DROP INDEX IX_Inquiries_Urgency;"));
        Assert.Equal(["IX_Inquiries_Source"], await host.QueryAsync(ListIndexesAsync));

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        }

        Assert.Equal(expected, await host.QueryAsync(ListIndexesAsync));
    }

    private static async Task<List<string>> ListIndexesAsync(Admissions.Infrastructure.Persistence.AdmissionsDbContext db)
    {
        string[] names = ["IX_Inquiries_PatientName", "IX_Inquiries_Source", "IX_Inquiries_Urgency"];
        var sql = db.Database.IsSqlite()
            ? "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'index'"
            : "SELECT indexname AS \"Value\" FROM pg_indexes";
        return [.. (await db.Database.SqlQueryRaw<string>(sql).ToListAsync()).Where(names.Contains).Order(StringComparer.Ordinal)];
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
        // The history as the version before the last squash left it: its own Initial and twelve later migrations.
        await host.QueryAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsHistory\""));
        foreach (var id in OldHistory)
        {
            await host.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ({0}, '10.0.15')", id));
        }

        await host.QueryAsync(db => db.Database.ExecuteSqlRawAsync("INSERT INTO \"AspNetRoles\" (\"Id\", \"Name\") VALUES ('old', 'Old')"));

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var refused = await Assert.ThrowsAsync<OutdatedDatabaseException>(
                () => scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync());
            Assert.Equal(OldHistory, refused.UnknownMigrations);
            Assert.Contains("first: 20261206140121_Initial", refused.Message, StringComparison.Ordinal);
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
