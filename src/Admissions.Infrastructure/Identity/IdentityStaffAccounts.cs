using Admissions.Application.Common;
using Admissions.Application.Staff;
using Admissions.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admissions.Infrastructure.Identity;

/// <summary>
/// Staff accounts over ASP.NET Core Identity. Each call gets its own scope, so a Blazor circuit never holds a
/// long-lived UserManager (and its DbContext) with stale users.
/// </summary>
public sealed class IdentityStaffAccounts(IServiceScopeFactory scopes, IDbContextFactory<AdmissionsDbContext> contexts, TimeProvider clock) : IStaffAccounts
{
    public Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken = default) => LoadAsync(null, null, cancellationToken);

    public async Task<StaffAccount?> FindAsync(string userId, CancellationToken cancellationToken = default) =>
        await LoadAsync(userId, null, cancellationToken) is [var account, ..] ? account : null;

    public async Task<StaffAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) =>
        await LoadAsync(null, email.Trim().ToUpperInvariant(), cancellationToken) is [var account, ..] ? account : null;

    private async Task<IReadOnlyList<StaffAccount>> LoadAsync(string? id, string? normalizedEmail, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking()
            .Where(u => (id == null || u.Id == id) && (normalizedEmail == null || u.NormalizedEmail == normalizedEmail))
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                u.PhoneNumber,
                u.FacilityId,
                u.CreatedAt,
                u.DisabledAt,
                HasPassword = u.PasswordHash != null,
                u.TwoFactorEnabled,
                u.LockoutEnd,
            })
            .ToListAsync(cancellationToken);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var sso = (await db.UserLogins.Where(l => ids.Contains(l.UserId)).Select(l => l.UserId).ToListAsync(cancellationToken)).ToHashSet();
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        var now = clock.GetUtcNow();
        return [.. users.Select(u => new StaffAccount(
            u.Id, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName, u.Email ?? "", u.PhoneNumber, u.FacilityId,
            [.. Domain.Security.Roles.StaffRoles.Where(byUser[u.Id].Contains)], u.CreatedAt, u.DisabledAt, u.HasPassword, sso.Contains(u.Id),
            u.TwoFactorEnabled, u.LockoutEnd > now ? u.LockoutEnd : null))];
    }

    public Task<string> CreateAsync(string email, string name, IReadOnlyList<string> roles, Guid? facilityId, string? phone, CancellationToken cancellationToken = default) =>
        WithUsersAsync(async users =>
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                throw Invalid("Email", "Someone already has an account with this email. Find them in the list instead.");
            }

            var user = new AdmissionsUser
            {
                UserName = email,
                Email = email,
                DisplayName = name,
                FacilityId = facilityId,
                PhoneNumber = phone,
                CreatedAt = clock.GetUtcNow(),
            };
            Check(await users.CreateAsync(user), "Email");
            Check(await users.AddToRolesAsync(user, roles), "Roles");
            return user.Id;
        });

    public Task UpdateProfileAsync(string userId, string name, Guid? facilityId, string? phone, CancellationToken cancellationToken = default) =>
        WithUserAsync(userId, async (users, user) =>
        {
            user.DisplayName = name;
            user.FacilityId = facilityId;
            user.PhoneNumber = phone;
            Check(await users.UpdateAsync(user), "Name");
        });

    public Task SetRolesAsync(string userId, IReadOnlyList<string> roles, CancellationToken cancellationToken = default) =>
        WithUserAsync(userId, async (users, user) =>
        {
            var current = await users.GetRolesAsync(user);
            Check(await users.RemoveFromRolesAsync(user, current.Except(roles)), "Roles");
            Check(await users.AddToRolesAsync(user, roles.Except(current)), "Roles");
        });

    public Task SetDisabledAsync(string userId, DateTimeOffset? disabledAt, CancellationToken cancellationToken = default) =>
        WithUserAsync(userId, async (users, user) =>
        {
            user.DisabledAt = disabledAt;
            Check(await users.UpdateAsync(user), "Account");
            await users.UpdateSecurityStampAsync(user);
        });

    public Task SetPasswordAsync(string userId, string password, CancellationToken cancellationToken = default) =>
        WithUserAsync(userId, async (users, user) =>
        {
            foreach (var validator in users.PasswordValidators)
            {
                Check(await validator.ValidateAsync(users, user, password), "Password");
            }

            if (await users.HasPasswordAsync(user))
            {
                Check(await users.RemovePasswordAsync(user), "Password");
            }

            Check(await users.AddPasswordAsync(user, password), "Password");
            user.EmailConfirmed = true;
            Check(await users.UpdateAsync(user), "Password");
            await users.ResetAccessFailedCountAsync(user);
            await users.SetLockoutEndDateAsync(user, null);
        });

    public Task ChangePasswordAsync(string userId, string currentPassword, string newPassword, CancellationToken cancellationToken = default) =>
        WithUserAsync(userId, async (users, user) =>
        {
            if (!await users.CheckPasswordAsync(user, currentPassword))
            {
                throw Invalid("CurrentPassword", "That is not your current password.");
            }

            Check(await users.ChangePasswordAsync(user, currentPassword, newPassword), "NewPassword");
        });

    public Task UnlockAsync(string userId, CancellationToken cancellationToken = default) =>
        WithUserAsync(userId, async (users, user) =>
        {
            await users.ResetAccessFailedCountAsync(user);
            await users.SetLockoutEndDateAsync(user, null);
        });

    public Task ResetMfaAsync(string userId, CancellationToken cancellationToken = default) =>
        WithUserAsync(userId, async (users, user) =>
        {
            Check(await users.SetTwoFactorEnabledAsync(user, false), "Mfa");
            Check(await users.ResetAuthenticatorKeyAsync(user), "Mfa");
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        });

    public Task<int> RecoveryCodesLeftAsync(string userId, CancellationToken cancellationToken = default) =>
        WithUsersAsync(async users => await users.FindByIdAsync(userId) is { } user ? await users.CountRecoveryCodesAsync(user) : 0);

    public Task<IReadOnlyList<PasskeyItem>> PasskeysAsync(string userId, CancellationToken cancellationToken = default) =>
        WithUsersAsync<IReadOnlyList<PasskeyItem>>(async users => await users.FindByIdAsync(userId) is { } user
            ? [.. (await users.GetPasskeysAsync(user)).OrderBy(p => p.CreatedAt)
                .Select(p => new PasskeyItem(Base64UrlEncoder(p.CredentialId), p.Name ?? "Passkey", p.CreatedAt))]
            : []);

    public Task RemovePasskeyAsync(string userId, string passkeyId, CancellationToken cancellationToken = default) =>
        WithUserAsync(userId, async (users, user) =>
        {
            var passkey = (await users.GetPasskeysAsync(user)).FirstOrDefault(p => Base64UrlEncoder(p.CredentialId) == passkeyId)
                ?? throw new NotFoundException("The passkey");
            Check(await users.RemovePasskeyAsync(user, passkey.CredentialId), "Passkey");
        });

    private static string Base64UrlEncoder(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private async Task<T> WithUsersAsync<T>(Func<UserManager<AdmissionsUser>, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserManager<AdmissionsUser>>());
    }

    private Task<bool> WithUserAsync(string userId, Func<UserManager<AdmissionsUser>, AdmissionsUser, Task> work) =>
        WithUsersAsync(async users =>
        {
            var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("The staff member");
            await work(users, user);
            return true;
        });

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw Invalid(field, [.. result.Errors.Select(e => e.Description)]);
        }
    }

    private static RequestValidationException Invalid(string field, params string[] messages) =>
        new(new Dictionary<string, string[]> { [field] = messages });
}
