using Admissions.Domain.Security;
using Admissions.Infrastructure.Persistence;
using Admissions.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Admissions.Infrastructure.Identity;

public enum SignInOutcome
{
    SignedIn,
    RequiresTwoFactor,
    Failed,

    /// <summary>Too many failures for this email from this address: wait, or an administrator unlocks it.</summary>
    Throttled,

    /// <summary>The password was right but too many wrong second-factor codes locked the account.</summary>
    LockedOut,
}

public sealed record SignInAttempt(SignInOutcome Outcome, TimeSpan Wait = default, DateTimeOffset? LockedUntil = null);

/// <summary>
/// The password step of signing in, built so that it tells an attacker nothing: every failure gets the same answer
/// and costs the same work (an unknown or disabled email is checked against a dummy hash), and repeated failures
/// slow down the one email from the one address (<see cref="SignInThrottle"/>) instead of locking the account for everyone.
/// </summary>
public sealed class PasswordSignIn(
    AdmissionsSignInManager signIn, IPasswordHasher<AdmissionsUser> hasher, IDbContextFactory<AdmissionsDbContext> contexts, TimeProvider clock,
    IOptions<SecurityOptions> security)
{
    private static readonly AdmissionsUser Nobody = new();
    private static string? _dummyHash;

    public async Task<SignInAttempt> SignInAsync(string email, string password, string? ipAddress, CancellationToken cancellationToken = default)
    {
        var subject = SignInThrottle.SubjectOf(email);
        var address = ipAddress ?? "unknown";
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var throttle = await db.SignInThrottles.FirstOrDefaultAsync(t => t.Subject == subject && t.IpAddress == address, cancellationToken);
        if (throttle?.WaitAt(clock.GetUtcNow()) is { } wait && wait > TimeSpan.Zero)
        {
            return new SignInAttempt(SignInOutcome.Throttled, wait);
        }

        var user = await signIn.UserManager.FindByEmailAsync(email.Trim());
        if (user is null || user.PasswordHash is null || !await signIn.CanSignInAsync(user) || !await MayUsePasswordAsync(user))
        {
            // The same PBKDF2 work as a real check, so the answer's timing does not tell which emails have accounts.
            hasher.VerifyHashedPassword(Nobody, _dummyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString()), password);
            return await FailAsync(db, throttle, subject, address, cancellationToken);
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
        if (result.IsLockedOut)
        {
            // Locked by wrong second-factor codes; only someone who knows the password hears so.
            return await signIn.UserManager.CheckPasswordAsync(user, password)
                ? new SignInAttempt(SignInOutcome.LockedOut, LockedUntil: user.LockoutEnd)
                : await FailAsync(db, throttle, subject, address, cancellationToken);
        }

        if (!result.Succeeded && !result.RequiresTwoFactor)
        {
            return await FailAsync(db, throttle, subject, address, cancellationToken);
        }

        if (throttle is not null)
        {
            db.SignInThrottles.Remove(throttle);
            await db.SaveChangesAsync(cancellationToken);
        }

        return new SignInAttempt(result.RequiresTwoFactor ? SignInOutcome.RequiresTwoFactor : SignInOutcome.SignedIn);
    }

    /// <summary>With single sign-on, passwords may be kept for the break-glass administrators only.</summary>
    private async Task<bool> MayUsePasswordAsync(AdmissionsUser user) =>
        !security.Value.Sso.LocalSignInForAdminsOnly || await signIn.UserManager.IsInRoleAsync(user, Roles.Admin);

    private async Task<SignInAttempt> FailAsync(AdmissionsDbContext db, SignInThrottle? throttle, string subject, string address, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (throttle is null)
        {
            throttle = new SignInThrottle { Subject = subject.Length > 256 ? subject[..256] : subject, IpAddress = address };
            db.SignInThrottles.Add(throttle);
        }

        throttle.RecordFailure(now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two failures at once for a new email and address: one row is enough to start counting.
        }

        return new SignInAttempt(SignInOutcome.Failed, throttle.WaitAt(now));
    }
}
