using Admissions.Application.Common;
using Admissions.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Infrastructure.Identity;

public sealed class StaffDirectory(IDbContextFactory<AdmissionsDbContext> contexts) : IStaffDirectory
{
    public async Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking()
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        return [.. users.Select(u => new StaffMember(u.Id, u.DisplayName, u.Email ?? "", [.. byUser[u.Id]]))];
    }

    public async Task<StaffMember?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(m => m.Id == id);

    public async Task<IReadOnlyList<string>> UserIdsInRoleAsync(string role, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await (from ur in db.UserRoles
                      join r in db.Roles on ur.RoleId equals r.Id
                      where r.Name == role
                      select ur.UserId).ToListAsync(cancellationToken);
    }
}
