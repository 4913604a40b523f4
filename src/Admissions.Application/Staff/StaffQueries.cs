using Admissions.Application.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Staff;

public enum StaffStatus
{
    Active,

    /// <summary>Invited; the link is still open.</summary>
    Invited,

    /// <summary>Invited, but the link expired or was withdrawn before a password was set.</summary>
    InvitationLapsed,
    Locked,
    Disabled,
}

public sealed record StaffAccountRow(
    string Id, string Name, string Email, string? Phone, Guid? FacilityId, string? FacilityName, IReadOnlyList<string> Roles,
    StaffStatus Status, bool MfaEnabled, DateTimeOffset? LastSignInAt);

public sealed record AccountLinkItem(Guid Id, AccountLinkPurpose Purpose, DateTimeOffset CreatedAt, string CreatedByName, DateTimeOffset ExpiresAt, AccountLinkState State);

public sealed record SessionItem(DateTimeOffset SignedInAt, DateTimeOffset LastSeenAt, string Method, string? IpAddress, string? UserAgent, DateTimeOffset? EndedAt, SessionEndReason? EndReason);

public sealed record StaffAccountDetails(
    StaffAccountRow Account, DateTimeOffset? CreatedAt, DateTimeOffset? DisabledAt, DateTimeOffset? LockedOutUntil, bool HasSingleSignOn,
    IReadOnlyList<AccountLinkItem> Links, IReadOnlyList<SessionItem> RecentSessions, int OpenTasks, IReadOnlyList<AssignedInquiry> AssignedInquiries);

internal static class StaffRows
{
    public static async Task<IReadOnlyList<StaffAccountRow>> BuildAsync(
        IAdmissionsDbContext db, IReadOnlyList<StaffAccount> accounts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = accounts.Select(a => a.Id).ToList();
        var facilities = await db.Facilities.AsNoTracking().Select(f => new { f.Id, f.Name }).ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken);
        var lastSignIns = await db.UserSessions.AsNoTracking().Where(s => ids.Contains(s.UserId))
            .GroupBy(s => s.UserId).Select(g => new { g.Key, Last = g.Max(s => s.CreatedAt) })
            .ToDictionaryAsync(g => g.Key, g => g.Last, cancellationToken);
        var openInvitations = (await db.AccountLinks.AsNoTracking()
            .Where(l => ids.Contains(l.UserId) && l.Purpose == AccountLinkPurpose.Invitation && l.UsedAt == null && l.RevokedAt == null && l.ExpiresAt > now)
            .Select(l => l.UserId).ToListAsync(cancellationToken)).ToHashSet();
        var blocked = (await db.SignInThrottles.AsNoTracking().Where(t => t.BlockedUntil > now).Select(t => t.Subject).ToListAsync(cancellationToken)).ToHashSet();

        return [.. accounts.Select(a => new StaffAccountRow(
            a.Id, a.Name, a.Email, a.Phone, a.FacilityId, a.FacilityId is { } f && facilities.TryGetValue(f, out var name) ? name : null, a.Roles,
            a.IsDisabled ? StaffStatus.Disabled
            : !a.HasPassword && !a.HasSingleSignOn ? (openInvitations.Contains(a.Id) ? StaffStatus.Invited : StaffStatus.InvitationLapsed)
            : a.LockedOutUntil > now || blocked.Contains(SignInThrottle.SubjectOf(a.Email)) ? StaffStatus.Locked
            : StaffStatus.Active,
            a.MfaEnabled, lastSignIns.TryGetValue(a.Id, out var last) ? last : null))];
    }

    public static async Task<IReadOnlyList<SessionItem>> RecentSessionsAsync(IAdmissionsDbContext db, string userId, CancellationToken cancellationToken)
    {
        var sessions = await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId)
            .OrderByDescending(s => s.CreatedAt).Take(10).ToListAsync(cancellationToken);
        return [.. sessions.Select(s => new SessionItem(s.CreatedAt, s.LastSeenAt, s.Method, s.IpAddress, s.UserAgent, s.EndedAt, s.EndReason))];
    }
}

/// <summary>Everyone with an account: active, invited, locked and disabled.</summary>
[RequiresRole(Roles.Admin)]
public sealed record ListStaffAccounts : IQuery<IReadOnlyList<StaffAccountRow>>;

public sealed class ListStaffAccountsHandler(IAdmissionsDbContextFactory dbFactory, IStaffAccounts accounts, TimeProvider clock)
    : IQueryHandler<ListStaffAccounts, IReadOnlyList<StaffAccountRow>>
{
    public async ValueTask<IReadOnlyList<StaffAccountRow>> Handle(ListStaffAccounts query, CancellationToken cancellationToken)
    {
        var all = await accounts.ListAsync(cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var rows = await StaffRows.BuildAsync(db, all, clock.GetUtcNow(), cancellationToken);
        return [.. rows.OrderBy(r => r.Status == StaffStatus.Disabled).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)];
    }
}

/// <summary>One person's account: status, links sent, recent sign-ins, and the work they hold.</summary>
[RequiresRole(Roles.Admin)]
public sealed record GetStaffAccount(string UserId) : IQuery<StaffAccountDetails>;

public sealed class GetStaffAccountHandler(IAdmissionsDbContextFactory dbFactory, IStaffAccounts accounts, TimeProvider clock)
    : IQueryHandler<GetStaffAccount, StaffAccountDetails>
{
    public async ValueTask<StaffAccountDetails> Handle(GetStaffAccount query, CancellationToken cancellationToken)
    {
        var account = await StaffAccountRules.RequireAsync(accounts, query.UserId, cancellationToken);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var row = (await StaffRows.BuildAsync(db, [account], now, cancellationToken))[0];
        var links = await db.AccountLinks.AsNoTracking().Where(l => l.UserId == account.Id).OrderByDescending(l => l.CreatedAt).Take(10).ToListAsync(cancellationToken);
        var openTasks = await db.FollowUpTasks.CountAsync(t => t.AssigneeId == account.Id && t.State == FollowUpState.Open, cancellationToken);
        var inquiries = await db.Inquiries.AsNoTracking()
            .Where(i => i.AssignedCoordinatorId == account.Id && InquiryStageMachine.OpenStages.Contains(i.Stage))
            .OrderBy(i => i.Number).Select(i => new AssignedInquiry(i.Id, i.Number, i.Stage)).ToListAsync(cancellationToken);
        return new StaffAccountDetails(row, account.CreatedAt, account.DisabledAt, account.LockedOutUntil, account.HasSingleSignOn,
            [.. links.Select(l => new AccountLinkItem(l.Id, l.Purpose, l.CreatedAt, l.CreatedByName, l.ExpiresAt, l.StateAt(now)))],
            await StaffRows.RecentSessionsAsync(db, account.Id, cancellationToken), openTasks, inquiries);
    }
}

public sealed record MyAccount(
    string Name, string Email, string? Phone, IReadOnlyList<string> Roles, bool MfaEnabled, int RecoveryCodesLeft, bool HasPassword,
    IReadOnlyList<PasskeyItem> Passkeys, IReadOnlyList<SessionItem> RecentSignIns);

/// <summary>The signed-in person's own account: roles, MFA, recent sign-ins.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview, Roles.BusinessDevelopment)]
public sealed record GetMyAccount : IQuery<MyAccount>;

public sealed class GetMyAccountHandler(IAdmissionsDbContextFactory dbFactory, IStaffAccounts accounts, ICurrentUser user)
    : IQueryHandler<GetMyAccount, MyAccount>
{
    public async ValueTask<MyAccount> Handle(GetMyAccount query, CancellationToken cancellationToken)
    {
        var account = await StaffAccountRules.RequireAsync(accounts, user.Id, cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return new MyAccount(account.Name, account.Email, account.Phone, account.Roles, account.MfaEnabled,
            account.MfaEnabled ? await accounts.RecoveryCodesLeftAsync(account.Id, cancellationToken) : 0, account.HasPassword,
            await accounts.PasskeysAsync(account.Id, cancellationToken), await StaffRows.RecentSessionsAsync(db, account.Id, cancellationToken));
    }
}

/// <summary>Changes the signed-in person's password (the current one is required). Every session ends; they sign in again.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview, Roles.BusinessDevelopment)]
public sealed record ChangeMyPassword(string CurrentPassword, string NewPassword, string ConfirmPassword) : ICommand;

public sealed class ChangeMyPasswordValidator : AbstractValidator<ChangeMyPassword>
{
    public ChangeMyPasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Enter your current password.");
        RuleFor(c => c.NewPassword).NotEmpty().WithMessage("Enter a new password.")
            .NotEqual(c => c.CurrentPassword).WithMessage("Choose a password different from the current one.");
        RuleFor(c => c.ConfirmPassword).Equal(c => c.NewPassword).WithMessage("The two new passwords do not match.");
    }
}

public sealed class ChangeMyPasswordHandler(
    IAdmissionsDbContextFactory dbFactory, IStaffAccounts accounts, ISessionEvents sessions, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ChangeMyPassword>
{
    public async ValueTask<Unit> Handle(ChangeMyPassword command, CancellationToken cancellationToken)
    {
        await accounts.ChangePasswordAsync(user.Id, command.CurrentPassword, command.NewPassword, cancellationToken);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        StaffAccountRules.Audit(db, user, now, Domain.Auditing.AuditAction.Update, user.Id, "Password changed by its owner");
        await db.SaveChangesAsync(cancellationToken);
        await StaffAccountRules.EndSessionsAsync(db, sessions, user.Id, SessionEndReason.PasswordChanged, now, cancellationToken);
        return Unit.Value;
    }
}

/// <summary>Removes one of the signed-in person's passkeys (a lost or replaced device).</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview, Roles.BusinessDevelopment)]
public sealed record RemoveMyPasskey(string PasskeyId) : ICommand;

public sealed class RemoveMyPasskeyHandler(IAdmissionsDbContextFactory dbFactory, IStaffAccounts accounts, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RemoveMyPasskey>
{
    public async ValueTask<Unit> Handle(RemoveMyPasskey command, CancellationToken cancellationToken)
    {
        await accounts.RemovePasskeyAsync(user.Id, command.PasskeyId, cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        StaffAccountRules.Audit(db, user, clock.GetUtcNow(), Domain.Auditing.AuditAction.Update, user.Id, "Passkey removed by its owner");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
