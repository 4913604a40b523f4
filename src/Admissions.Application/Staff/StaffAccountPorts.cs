using Admissions.Application.Common;
using Admissions.Domain.Auditing;
using Admissions.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Staff;

/// <summary>A staff account as the account rules see it.</summary>
public sealed record StaffAccount(
    string Id, string Name, string Email, string? Phone, Guid? FacilityId, IReadOnlyList<string> Roles,
    DateTimeOffset? CreatedAt, DateTimeOffset? DisabledAt, bool HasPassword, bool HasSingleSignOn, bool MfaEnabled,
    DateTimeOffset? LockedOutUntil)
{
    public bool IsDisabled => DisabledAt is not null;

    public bool IsAdmin => Roles.Contains(Domain.Security.Roles.Admin);
}

/// <summary>Staff accounts, implemented over ASP.NET Core Identity. Password rules and hashing stay there.</summary>
public interface IStaffAccounts
{
    Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken = default);

    Task<StaffAccount?> FindAsync(string userId, CancellationToken cancellationToken = default);

    Task<StaffAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>Creates an account with no password (it is set from the invitation link); a taken email is a validation error.</summary>
    Task<string> CreateAsync(string email, string name, IReadOnlyList<string> roles, Guid? facilityId, string? phone, CancellationToken cancellationToken = default);

    Task UpdateProfileAsync(string userId, string name, Guid? facilityId, string? phone, CancellationToken cancellationToken = default);

    Task SetRolesAsync(string userId, IReadOnlyList<string> roles, CancellationToken cancellationToken = default);

    Task SetDisabledAsync(string userId, DateTimeOffset? disabledAt, CancellationToken cancellationToken = default);

    /// <summary>Sets a new password under the password policy (a validation error names what is wrong); confirms the email.</summary>
    Task SetPasswordAsync(string userId, string password, CancellationToken cancellationToken = default);

    /// <summary>Changes the password when the current one is right; a wrong current password is a validation error.</summary>
    Task ChangePasswordAsync(string userId, string currentPassword, string newPassword, CancellationToken cancellationToken = default);

    /// <summary>Clears a lockout from failed second-factor codes.</summary>
    Task UnlockAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Turns the authenticator off and forgets its key and recovery codes; the person sets it up again.</summary>
    Task ResetMfaAsync(string userId, CancellationToken cancellationToken = default);

    Task<int> RecoveryCodesLeftAsync(string userId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PasskeyItem>> PasskeysAsync(string userId, CancellationToken cancellationToken = default);

    Task RemovePasskeyAsync(string userId, string passkeyId, CancellationToken cancellationToken = default);
}

/// <summary>A passkey on an account; the id is its credential id in base64url.</summary>
public sealed record PasskeyItem(string Id, string Name, DateTimeOffset CreatedAt);

/// <summary>Tells this node's open pages that a person's sessions just ended.</summary>
public interface ISessionEvents
{
    void SessionsEnded(string userId);
}

internal static class StaffAccountRules
{
    public static async Task<StaffAccount> RequireAsync(IStaffAccounts accounts, string userId, CancellationToken cancellationToken) =>
        await accounts.FindAsync(userId, cancellationToken) ?? throw new NotFoundException("The staff member");

    /// <summary>An organisation always keeps one administrator who can sign in; otherwise nobody can manage accounts.</summary>
    public static async Task EnsureAnotherActiveAdminAsync(IStaffAccounts accounts, StaffAccount leaving, string change, CancellationToken cancellationToken)
    {
        if (!leaving.IsAdmin || leaving.IsDisabled)
        {
            return;
        }

        var others = (await accounts.ListAsync(cancellationToken)).Count(a => a.Id != leaving.Id && a.IsAdmin && !a.IsDisabled && (a.HasPassword || a.HasSingleSignOn));
        if (others == 0)
        {
            throw new Domain.Common.DomainRuleException($"{leaving.Name} is the last active administrator. Make someone else an administrator before you {change}.");
        }
    }

    /// <summary>Ends every live session of the person, in the database (all nodes) and on this node's open pages.</summary>
    public static async Task<int> EndSessionsAsync(IAdmissionsDbContext db, ISessionEvents events, string userId, SessionEndReason reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ended = await db.UserSessions
            .Where(s => s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, reason), cancellationToken);
        events.SessionsEnded(userId);
        return ended;
    }

    public static void Audit(IAdmissionsDbContext db, ICurrentUser user, DateTimeOffset now, AuditAction action, string userId, string what) =>
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = now,
            UserId = user.Id,
            UserName = user.Name,
            Action = action,
            EntityType = "StaffAccount",
            EntityId = userId,
            Fields = what.Length > 2000 ? what[..2000] : what,
            IpAddress = user.IpAddress,
        });

    public static string RoleList(IEnumerable<string> roles) =>
        string.Join(", ", Domain.Security.Roles.StaffRoles.Where(roles.Contains).Select(Domain.Security.Roles.Describe).DefaultIfEmpty("no role"));
}
