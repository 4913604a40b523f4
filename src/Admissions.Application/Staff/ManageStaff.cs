using Admissions.Application.Common;
using Admissions.Application.Messaging;
using Admissions.Domain.Auditing;
using Admissions.Domain.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Admissions.Application.Staff;

/// <summary>What Admin → Staff edits about a person (the email is the sign-in and does not change).</summary>
public sealed record StaffProfileForm(string Name, Guid? FacilityId, string? Phone);

internal static class StaffFormRules
{
    public static void Profile<T>(AbstractValidator<T> validator, Func<T, string> name, Func<T, string?> phone)
    {
        validator.RuleFor(c => name(c)).NotEmpty().WithMessage("Enter the person's name.").MaximumLength(200).OverridePropertyName("Name");
        validator.RuleFor(c => phone(c)).Must(p => string.IsNullOrWhiteSpace(p) || PhoneNumber.TryNormalize(p, out _))
            .WithMessage("Enter a 10-digit US phone number, e.g. (555) 010-2345, or leave it empty.").OverridePropertyName("Phone");
    }

    public static void Roles<T>(AbstractValidator<T> validator, Func<T, IReadOnlyList<string>> roles) =>
        validator.RuleFor(c => roles(c)).NotEmpty().WithMessage("Choose at least one role.")
            .Must(r => r.All(Domain.Security.Roles.StaffRoles.Contains)).WithMessage("Choose roles from the list.").OverridePropertyName("Roles");

    public static string? Phone(string? phone) =>
        PhoneNumber.TryNormalize(phone, out var digits) ? PhoneNumber.Format(digits) : null;
}

/// <summary>Adds a staff member and emails them a single-use link (72 hours) to choose their password.</summary>
[RequiresRole(Domain.Security.Roles.Admin)]
public sealed record InviteStaffMember(string Name, string Email, IReadOnlyList<string> Roles, Guid? FacilityId, string? Phone) : ICommand<string>;

public sealed class InviteStaffMemberValidator : AbstractValidator<InviteStaffMember>
{
    public InviteStaffMemberValidator()
    {
        StaffFormRules.Profile(this, c => c.Name, c => c.Phone);
        StaffFormRules.Roles(this, c => c.Roles);
        RuleFor(c => c.Email).NotEmpty().WithMessage("Enter the person's work email: it is their sign-in.")
            .EmailAddress().WithMessage("Enter a valid email address.").MaximumLength(256);
    }
}

public sealed class InviteStaffMemberHandler(
    IAdmissionsDbContextFactory dbFactory, IStaffAccounts accounts, ICurrentUser user, IOutboxDispatchSignal dispatch, IOptions<MessagingOptions> messaging, TimeProvider clock)
    : ICommandHandler<InviteStaffMember, string>
{
    public async ValueTask<string> Handle(InviteStaffMember command, CancellationToken cancellationToken)
    {
        var roles = command.Roles.Distinct().ToList();
        var id = await accounts.CreateAsync(command.Email.Trim(), command.Name.Trim(), roles, command.FacilityId, StaffFormRules.Phone(command.Phone), cancellationToken);
        var account = await StaffAccountRules.RequireAsync(accounts, id, cancellationToken);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await AccountLinks.IssueAsync(db, account, AccountLinkPurpose.Invitation, new Actor(user.Id, user.Name), messaging.Value, now, cancellationToken);
        StaffAccountRules.Audit(db, user, now, AuditAction.Create, id, $"Invited {account.Email} as {StaffAccountRules.RoleList(roles)}");
        await db.SaveChangesAsync(cancellationToken);
        dispatch.DispatchSoon();
        return id;
    }
}

/// <summary>Sends a new invitation link (the old one stops working) to someone who has not set a password yet.</summary>
[RequiresRole(Roles.Admin)]
public sealed record ResendInvitation(string UserId) : ICommand;

public sealed class ResendInvitationHandler(
    IAdmissionsDbContextFactory dbFactory, IStaffAccounts accounts, ICurrentUser user, IOutboxDispatchSignal dispatch, IOptions<MessagingOptions> messaging, TimeProvider clock)
    : ICommandHandler<ResendInvitation>
{
    public async ValueTask<Unit> Handle(ResendInvitation command, CancellationToken cancellationToken)
    {
        var account = await StaffAccountRules.RequireAsync(accounts, command.UserId, cancellationToken);
        if (account.IsDisabled)
        {
            throw new DomainRuleException($"{account.Name}'s account is disabled. Enable it before inviting them again.");
        }

        if (account.HasPassword)
        {
            throw new DomainRuleException($"{account.Name} has already set a password. Send a password reset instead.");
        }

        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await AccountLinks.IssueAsync(db, account, AccountLinkPurpose.Invitation, new Actor(user.Id, user.Name), messaging.Value, now, cancellationToken);
        StaffAccountRules.Audit(db, user, now, AuditAction.Update, account.Id, "Invitation sent again");
        await db.SaveChangesAsync(cancellationToken);
        dispatch.DispatchSoon();
        return Unit.Value;
    }
}

/// <summary>Withdraws an invitation: its link stops working. The account stays, unable to sign in, until invited again or disabled.</summary>
[RequiresRole(Roles.Admin)]
public sealed record RevokeInvitation(string UserId) : ICommand;

public sealed class RevokeInvitationHandler(IAdmissionsDbContextFactory dbFactory, IStaffAccounts accounts, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RevokeInvitation>
{
    public async ValueTask<Unit> Handle(RevokeInvitation command, CancellationToken cancellationToken)
    {
        var account = await StaffAccountRules.RequireAsync(accounts, command.UserId, cancellationToken);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await AccountLinks.RevokeOpenAsync(db, account.Id, AccountLinkPurpose.Invitation, now, cancellationToken);
        StaffAccountRules.Audit(db, user, now, AuditAction.Update, account.Id, "Invitation withdrawn");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>Name, facility and the phone on-call paging texts.</summary>
[RequiresRole(Roles.Admin)]
public sealed record UpdateStaffProfile(string UserId, StaffProfileForm Form) : ICommand;

public sealed class UpdateStaffProfileValidator : AbstractValidator<UpdateStaffProfile>
{
    public UpdateStaffProfileValidator() => StaffFormRules.Profile(this, c => c.Form.Name, c => c.Form.Phone);
}

public sealed class UpdateStaffProfileHandler(IAdmissionsDbContextFactory dbFactory, IStaffAccounts accounts, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<UpdateStaffProfile>
{
    public async ValueTask<Unit> Handle(UpdateStaffProfile command, CancellationToken cancellationToken)
    {
        var before = await StaffAccountRules.RequireAsync(accounts, command.UserId, cancellationToken);
        var form = command.Form;
        var phone = StaffFormRules.Phone(form.Phone);
        await accounts.UpdateProfileAsync(before.Id, form.Name.Trim(), form.FacilityId, phone, cancellationToken);
        var changed = new List<string>();
        if (before.Name != form.Name.Trim())
        {
            changed.Add("Name");
        }

        if (before.FacilityId != form.FacilityId)
        {
            changed.Add("Facility");
        }

        if (before.Phone != phone)
        {
            changed.Add("Phone");
        }

        if (changed.Count > 0)
        {
            await using var db = await dbFactory.CreateAsync(cancellationToken);
            StaffAccountRules.Audit(db, user, clock.GetUtcNow(), AuditAction.Update, before.Id, string.Join(", ", changed));
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}

/// <summary>
/// Changes what a person may do. Recorded with who and why; the person's open sessions end so that the new roles
/// apply at once (they sign in again). The last active administrator keeps the role.
/// </summary>
[RequiresRole(Domain.Security.Roles.Admin)]
public sealed record ChangeStaffRoles(string UserId, IReadOnlyList<string> Roles, string Reason) : ICommand;

public sealed class ChangeStaffRolesValidator : AbstractValidator<ChangeStaffRoles>
{
    public ChangeStaffRolesValidator()
    {
        StaffFormRules.Roles(this, c => c.Roles);
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the roles change (it goes in the audit log).").MaximumLength(500);
    }
}

public sealed class ChangeStaffRolesHandler(
    IAdmissionsDbContextFactory dbFactory, IStaffAccounts accounts, ISessionEvents sessions, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ChangeStaffRoles>
{
    public async ValueTask<Unit> Handle(ChangeStaffRoles command, CancellationToken cancellationToken)
    {
        var account = await StaffAccountRules.RequireAsync(accounts, command.UserId, cancellationToken);
        var roles = command.Roles.Distinct().ToList();
        if (roles.ToHashSet().SetEquals(account.Roles))
        {
            return Unit.Value;
        }

        if (!roles.Contains(Roles.Admin))
        {
            await StaffAccountRules.EnsureAnotherActiveAdminAsync(accounts, account, "remove their administrator role", cancellationToken);
        }

        await accounts.SetRolesAsync(account.Id, roles, cancellationToken);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        StaffAccountRules.Audit(db, user, now, AuditAction.Update, account.Id,
            $"Roles: {StaffAccountRules.RoleList(account.Roles)} → {StaffAccountRules.RoleList(roles)}. Reason: {command.Reason.Trim()}");
        await db.SaveChangesAsync(cancellationToken);
        await StaffAccountRules.EndSessionsAsync(db, sessions, account.Id, SessionEndReason.RolesChanged, now, cancellationToken);
        return Unit.Value;
    }
}

public sealed record AssignedInquiry(Guid Id, string Number, InquiryStage Stage);

/// <summary>What disabling a leaver did, and what still needs a person's decision.</summary>
public sealed record DisableResult(int SessionsEnded, int TasksReturned, IReadOnlyList<AssignedInquiry> AssignedInquiries);

/// <summary>
/// A leaver: they cannot sign in from now on, every open session ends at once, their open tasks go back to the team
/// queue (managers are told) and their open inquiries are listed for reassignment. Their history stays.
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record DisableStaffMember(string UserId, string Reason) : ICommand<DisableResult>;

public sealed class DisableStaffMemberValidator : AbstractValidator<DisableStaffMember>
{
    public DisableStaffMemberValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the account is disabled (e.g. left the organisation).").MaximumLength(500);
}

public sealed class DisableStaffMemberHandler(
    IAdmissionsDbContextFactory dbFactory, IStaffAccounts accounts, IStaffDirectory directory, ISessionEvents sessions, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<DisableStaffMember, DisableResult>
{
    public async ValueTask<DisableResult> Handle(DisableStaffMember command, CancellationToken cancellationToken)
    {
        var account = await StaffAccountRules.RequireAsync(accounts, command.UserId, cancellationToken);
        if (account.Id == user.Id)
        {
            throw new DomainRuleException("You cannot disable your own account. Ask another administrator.");
        }

        await StaffAccountRules.EnsureAnotherActiveAdminAsync(accounts, account, "disable their account", cancellationToken);
        var now = clock.GetUtcNow();
        if (!account.IsDisabled)
        {
            await accounts.SetDisabledAsync(account.Id, now, cancellationToken);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var ended = await StaffAccountRules.EndSessionsAsync(db, sessions, account.Id, SessionEndReason.AccountDisabled, now, cancellationToken);
        await AccountLinks.RevokeOpenAsync(db, account.Id, null, now, cancellationToken);

        var tasks = await db.FollowUpTasks.Where(t => t.AssigneeId == account.Id && t.State == FollowUpState.Open).ToListAsync(cancellationToken);
        tasks.ForEach(t => t.ReturnToTeamQueue());
        var inquiries = await db.Inquiries.AsNoTracking()
            .Where(i => i.AssignedCoordinatorId == account.Id && InquiryStageMachine.OpenStages.Contains(i.Stage))
            .OrderBy(i => i.Number)
            .Select(i => new AssignedInquiry(i.Id, i.Number, i.Stage))
            .ToListAsync(cancellationToken);

        StaffAccountRules.Audit(db, user, now, AuditAction.Update, account.Id,
            $"Disabled. Reason: {command.Reason.Trim()}. {ended} session(s) ended, {tasks.Count} open task(s) back to the team queue.");
        if (tasks.Count > 0 || inquiries.Count > 0)
        {
            var managers = await directory.UserIdsInRoleAsync(Roles.AdmissionsManager, cancellationToken);
            await FollowUpEffects.NotifyOnceAsync(db, managers.Where(m => m != account.Id), $"{account.Name} no longer has access",
                $"{tasks.Count} open task(s) went back to the team queue; {inquiries.Count} open inquiry(ies) need a new coordinator.",
                "/work", $"staff-disabled:{account.Id}:{now.UtcTicks}", now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new DisableResult(ended, tasks.Count, inquiries);
    }
}

/// <summary>Lets a returning person sign in again with their old password (or a reset link).</summary>
[RequiresRole(Roles.Admin)]
public sealed record EnableStaffMember(string UserId) : ICommand;

public sealed class EnableStaffMemberHandler(IAdmissionsDbContextFactory dbFactory, IStaffAccounts accounts, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<EnableStaffMember>
{
    public async ValueTask<Unit> Handle(EnableStaffMember command, CancellationToken cancellationToken)
    {
        var account = await StaffAccountRules.RequireAsync(accounts, command.UserId, cancellationToken);
        if (!account.IsDisabled)
        {
            return Unit.Value;
        }

        await accounts.SetDisabledAsync(account.Id, null, cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        StaffAccountRules.Audit(db, user, clock.GetUtcNow(), AuditAction.Update, account.Id, "Enabled");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>Emails the person a single-use link (24 hours) to choose a new password. No password is ever shown.</summary>
[RequiresRole(Roles.Admin)]
public sealed record SendPasswordReset(string UserId) : ICommand;

public sealed class SendPasswordResetHandler(
    IAdmissionsDbContextFactory dbFactory, IStaffAccounts accounts, ICurrentUser user, IOutboxDispatchSignal dispatch, IOptions<MessagingOptions> messaging, TimeProvider clock)
    : ICommandHandler<SendPasswordReset>
{
    public async ValueTask<Unit> Handle(SendPasswordReset command, CancellationToken cancellationToken)
    {
        var account = await StaffAccountRules.RequireAsync(accounts, command.UserId, cancellationToken);
        if (account.IsDisabled)
        {
            throw new DomainRuleException($"{account.Name}'s account is disabled. Enable it first.");
        }

        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await AccountLinks.IssueAsync(db, account, AccountLinkPurpose.PasswordReset, new Actor(user.Id, user.Name), messaging.Value, now, cancellationToken);
        StaffAccountRules.Audit(db, user, now, AuditAction.Update, account.Id, "Password reset link sent");
        await db.SaveChangesAsync(cancellationToken);
        dispatch.DispatchSoon();
        return Unit.Value;
    }
}

/// <summary>Clears every sign-in delay and lockout on the account, from any address.</summary>
[RequiresRole(Roles.Admin)]
public sealed record UnlockStaffMember(string UserId) : ICommand;

public sealed class UnlockStaffMemberHandler(IAdmissionsDbContextFactory dbFactory, IStaffAccounts accounts, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<UnlockStaffMember>
{
    public async ValueTask<Unit> Handle(UnlockStaffMember command, CancellationToken cancellationToken)
    {
        var account = await StaffAccountRules.RequireAsync(accounts, command.UserId, cancellationToken);
        await accounts.UnlockAsync(account.Id, cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var subject = SignInThrottle.SubjectOf(account.Email);
        var cleared = await db.SignInThrottles.Where(t => t.Subject == subject).ExecuteDeleteAsync(cancellationToken);
        StaffAccountRules.Audit(db, user, clock.GetUtcNow(), AuditAction.Update, account.Id, $"Unlocked (sign-in delays cleared for {cleared} address(es))");
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>For a lost phone: turns the authenticator off (the person sets it up again at next sign-in) and ends their sessions.</summary>
[RequiresRole(Roles.Admin)]
public sealed record ResetStaffMfa(string UserId, string Reason) : ICommand;

public sealed class ResetStaffMfaValidator : AbstractValidator<ResetStaffMfa>
{
    public ResetStaffMfaValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why (e.g. lost phone, identity checked by phone call).").MaximumLength(500);
}

public sealed class ResetStaffMfaHandler(
    IAdmissionsDbContextFactory dbFactory, IStaffAccounts accounts, ISessionEvents sessions, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ResetStaffMfa>
{
    public async ValueTask<Unit> Handle(ResetStaffMfa command, CancellationToken cancellationToken)
    {
        var account = await StaffAccountRules.RequireAsync(accounts, command.UserId, cancellationToken);
        await accounts.ResetMfaAsync(account.Id, cancellationToken);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        StaffAccountRules.Audit(db, user, now, AuditAction.Update, account.Id, $"MFA reset. Reason: {command.Reason.Trim()}");
        await db.SaveChangesAsync(cancellationToken);
        await StaffAccountRules.EndSessionsAsync(db, sessions, account.Id, SessionEndReason.MfaReset, now, cancellationToken);
        return Unit.Value;
    }
}
