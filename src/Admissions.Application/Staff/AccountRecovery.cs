using Admissions.Application.Common;
using Admissions.Application.Messaging;
using Admissions.Domain.Auditing;
using Admissions.Domain.Common;
using Admissions.Domain.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Admissions.Application.Staff;

/// <summary>What a set-password link is for, as the page shows it before the person types.</summary>
public sealed record AccountLinkView(AccountLinkPurpose Purpose, AccountLinkState State, string Name, string Email);

/// <summary>
/// The account steps a person takes before they can sign in: asking for a reset link from the sign-in page, and
/// choosing a password from a link. Not Mediator requests: nobody is signed in yet, so they run as the system.
/// </summary>
public sealed class AccountRecovery(
    IAdmissionsDbContextFactory dbFactory, IStaffAccounts accounts, ISessionEvents sessions, IOutboxDispatchSignal dispatch,
    IOptions<MessagingOptions> messaging, TimeProvider clock)
{
    /// <summary>
    /// Sends a reset link when the email belongs to an account that can sign in. The caller shows the same answer
    /// either way, so the page does not tell anyone which emails have accounts.
    /// </summary>
    public async Task RequestPasswordResetAsync(string email, CancellationToken cancellationToken = default)
    {
        var account = await accounts.FindByEmailAsync(email.Trim(), cancellationToken);
        if (account is null || account.IsDisabled)
        {
            return;
        }

        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        await AccountLinks.IssueAsync(db, account, AccountLinkPurpose.PasswordReset, new Actor(account.Id, account.Name), messaging.Value, now, cancellationToken);
        Audit(db, account, now, "Password reset link requested from the sign-in page");
        await db.SaveChangesAsync(cancellationToken);
        dispatch.DispatchSoon();
    }

    /// <summary>The link's state and whose it is; null for a token that matches no link.</summary>
    public async Task<AccountLinkView?> ReadLinkAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var hash = AccountLink.Hash(token);
        var link = await db.AccountLinks.AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        if (link is null || await accounts.FindAsync(link.UserId, cancellationToken) is not { } account)
        {
            return null;
        }

        var state = account.IsDisabled && link.StateAt(clock.GetUtcNow()) == AccountLinkState.Open ? AccountLinkState.Revoked : link.StateAt(clock.GetUtcNow());
        return new AccountLinkView(link.Purpose, state, account.Name, account.Email);
    }

    /// <summary>
    /// Sets the password from a link and uses the link up. A used, expired or withdrawn link is refused; a password the
    /// policy refuses leaves the link usable. Every session of the person ends (a reset means the old password is not trusted).
    /// </summary>
    public async Task<StaffAccount> SetPasswordAsync(string token, string password, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var hash = AccountLink.Hash(token);
        var link = await db.AccountLinks.AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash, cancellationToken)
            ?? throw new DomainRuleException("This link is not valid. Check that you opened the whole link from the email.");
        var account = await StaffAccountRules.RequireAsync(accounts, link.UserId, cancellationToken);
        if (account.IsDisabled)
        {
            throw new DomainRuleException("This account is disabled. Ask your administrator.");
        }

        var now = clock.GetUtcNow();
        link.Redeem(now);

        // Claimed in one statement, so of two posts with the same link only one gets through.
        var claimed = await db.AccountLinks.Where(l => l.Id == link.Id && l.UsedAt == null && l.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now), cancellationToken);
        if (claimed == 0)
        {
            throw new DomainRuleException("This link has already been used. Ask your administrator for a new one, or use 'Forgot your password?'.");
        }

        try
        {
            await accounts.SetPasswordAsync(account.Id, password, cancellationToken);
        }
        catch (RequestValidationException)
        {
            // A password the policy refuses does not use the link up.
            await db.AccountLinks.Where(l => l.Id == link.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, (DateTimeOffset?)null), cancellationToken);
            throw;
        }

        Audit(db, account, now, link.Purpose == AccountLinkPurpose.Invitation ? "Invitation accepted: password set" : "Password reset from a link");
        await db.SaveChangesAsync(cancellationToken);
        await StaffAccountRules.EndSessionsAsync(db, sessions, account.Id, SessionEndReason.PasswordChanged, now, cancellationToken);
        return account;
    }

    private static void Audit(IAdmissionsDbContext db, StaffAccount account, DateTimeOffset now, string what) =>
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = now,
            UserId = account.Id,
            UserName = account.Name,
            Action = AuditAction.Update,
            EntityType = "StaffAccount",
            EntityId = account.Id,
            Fields = what,
        });
}
