using Admissions.Application.Common;
using Admissions.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Infrastructure.Identity;

public sealed class StaffDirectory(IDbContextFactory<AdmissionsDbContext> contexts) : IStaffDirectory
{
    public Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken = default) =>
        LoadAsync(null, cancellationToken);

    public async Task<StaffMember?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        await LoadAsync(id, cancellationToken) is [var member, ..] ? member : null;

    /// <summary>Staff with their roles: everyone who can still sign in, or the one user <paramref name="id"/> (also a leaver, for names on old records).</summary>
    private async Task<IReadOnlyList<StaffMember>> LoadAsync(string? id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking()
            .Where(u => id == null ? u.DisabledAt == null : u.Id == id)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.PhoneNumber })
            .ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where id == null || ur.UserId == id
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        return [.. users.Select(u => new StaffMember(u.Id, u.DisplayName, u.Email ?? "", [.. byUser[u.Id]], u.PhoneNumber))];
    }

    public async Task<IReadOnlyList<string>> UserIdsInRoleAsync(string role, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await (from ur in db.UserRoles
                      join r in db.Roles on ur.RoleId equals r.Id
                      join u in db.Users on ur.UserId equals u.Id
                      where r.Name == role && u.DisabledAt == null
                      select ur.UserId).ToListAsync(cancellationToken);
    }
}
