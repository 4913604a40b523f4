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
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            LogMigrating(logger, pending.Count);
            await db.Database.MigrateAsync(cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} database migration(s)")]
    private static partial void LogMigrating(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed the names of {Count} inquiries for search")]
    private static partial void LogIndexed(ILogger logger, int count);
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
