using Admissions.Domain.Security;
using Admissions.Infrastructure.Identity;
using Admissions.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Admissions.Infrastructure.Seeding;

/// <summary>Brings a database up to date: migrations, name-search terms for older inquiries, then the roles and payer directory every install needs.</summary>
public sealed partial class DatabaseInitializer(
    IDbContextFactory<AdmissionsDbContext> contexts, RoleManager<IdentityRole> roles, ILogger<DatabaseInitializer> logger)
{
    /// <param name="recreateOutdated">
    /// Demo and Development only: a database made before the migration history was squashed (it has migrations this
    /// version does not know) is deleted and made again instead of refusing to start.
    /// </param>
    public async Task MigrateAsync(bool recreateOutdated = false, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Except(db.Database.GetMigrations()).ToList();
        if (unknown.Count > 0)
        {
            if (!recreateOutdated)
            {
                throw new OutdatedDatabaseException(unknown);
            }

            LogRecreating(logger, unknown.Count);
            await db.Database.EnsureDeletedAsync(cancellationToken);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            LogMigrating(logger, pending.Count);
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            // A SQLite migration that rebuilds a table drops that table's triggers and hand-kept indexes with it: they are put
            // back at every start.
            foreach (var statement in AppendOnlySql.Sqlite.Concat(InquiryListIndexes.Sqlite))
            {
                await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
            }
        }

        var indexed = await SearchTermBackfill.RunAsync(contexts, cancellationToken);
        if (indexed > 0)
        {
            LogIndexed(logger, indexed);
        }

        await PayerDirectory.EnsureAsync(db, cancellationToken);
        foreach (var role in Roles.StaffRoles)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database was made by an older version of Admissions ({Count} migration(s) this version does not know); deleting it and making a new one with fresh demo data")]
    private static partial void LogRecreating(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} database migration(s)")]
    private static partial void LogMigrating(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed the names of {Count} inquiries for search")]
    private static partial void LogIndexed(ILogger logger, int count);
}

/// <summary>The database holds migrations this version does not know: it was made before the history was squashed.</summary>
public sealed class OutdatedDatabaseException(IReadOnlyList<string> unknownMigrations) : Exception(
    $"The database was made by an older version of Admissions: it has {unknownMigrations.Count} migration(s) this version does not know " +
    $"(first: {unknownMigrations[0]}). This version starts from one 'Initial' migration. Back up the database, then either restore it " +
    "into an older version to export what you need, or point ConnectionStrings:Admissions at a new, empty database and run 'scripts/admissions migrate'.")
{
    public IReadOnlyList<string> UnknownMigrations { get; } = unknownMigrations;
}

/// <summary>Creates a staff account; used by the CLI's create-admin and by demo seeding.</summary>
public static class StaffAccounts
{
    public static async Task<IdentityResult> CreateAsync(
        UserManager<AdmissionsUser> users, string email, string displayName, string password, params string[] roles)
    {
        var user = new AdmissionsUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created;
        }

        return await users.AddToRolesAsync(user, roles);
    }
}
