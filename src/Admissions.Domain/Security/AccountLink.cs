using System.Security.Cryptography;
using System.Text;
using Admissions.Domain.Common;

namespace Admissions.Domain.Security;

public enum AccountLinkPurpose
{
    /// <summary>A new staff member sets their first password.</summary>
    Invitation,

    /// <summary>An existing staff member sets a new password (asked by them or by an administrator).</summary>
    PasswordReset,
}

public enum AccountLinkState
{
    Open,
    Used,
    Expired,
    Revoked,
}

/// <summary>
/// A single-use link, sent by email, that lets one person set their password. Only a hash of its
/// secret is kept, so the table (or a backup) cannot be used to take over an account.
/// </summary>
public sealed class AccountLink
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromHours(72);
    public static readonly TimeSpan PasswordResetLifetime = TimeSpan.FromHours(24);

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string UserId { get; init; } = "";
    public AccountLinkPurpose Purpose { get; init; }
    public string TokenHash { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public string CreatedById { get; init; } = "";
    public string CreatedByName { get; init; } = "";
    public DateTimeOffset? UsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>A new link and the secret to put in the email (returned once, never stored).</summary>
    public static (AccountLink Link, string Token) Create(string userId, AccountLinkPurpose purpose, Actor by, DateTimeOffset now)
    {
        var token = UserSession.Base64Url(RandomNumberGenerator.GetBytes(32));
        var link = new AccountLink
        {
            UserId = userId,
            Purpose = purpose,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now + (purpose == AccountLinkPurpose.Invitation ? InvitationLifetime : PasswordResetLifetime),
            CreatedById = by.Id,
            CreatedByName = by.Name,
        };
        return (link, token);
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public AccountLinkState StateAt(DateTimeOffset now) =>
        UsedAt is not null ? AccountLinkState.Used
        : RevokedAt is not null ? AccountLinkState.Revoked
        : now >= ExpiresAt ? AccountLinkState.Expired
        : AccountLinkState.Open;

    /// <summary>Uses the link up; a second use, an expired or a revoked link is refused.</summary>
    public void Redeem(DateTimeOffset now)
    {
        switch (StateAt(now))
        {
            case AccountLinkState.Used:
                throw new DomainRuleException("This link has already been used. Ask your administrator for a new one, or use 'Forgot your password?'.");
            case AccountLinkState.Revoked:
                throw new DomainRuleException("This link was withdrawn. Ask your administrator for a new one.");
            case AccountLinkState.Expired:
                throw new DomainRuleException("This link has expired. Ask your administrator for a new one, or use 'Forgot your password?'.");
        }

        UsedAt = now;
    }

    public void Revoke(DateTimeOffset now)
    {
        if (StateAt(now) == AccountLinkState.Open)
        {
            RevokedAt = now;
        }
    }
}
