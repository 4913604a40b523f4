using System.Security.Cryptography;

namespace Admissions.Domain.Security;

public enum SessionEndReason
{
    SignedOut,
    IdleTimeout,
    Expired,
    AccountDisabled,
    RolesChanged,
    PasswordChanged,
    MfaReset,
    Replaced,
}

/// <summary>
/// One sign-in, kept in the database so that every node agrees whether it is still alive: the
/// cookie carries only the session's id. A session ends when its person signs out, sits idle too
/// long, reaches its absolute lifetime, or an administrator changes the account.
/// </summary>
public sealed class UserSession
{
    public const int MaxUserAgentLength = 300;

    public string Id { get; init; } = NewId();
    public string UserId { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The last request the person made (page load or the browser's keep-alive while they work).</summary>
    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>The absolute end, whatever the activity.</summary>
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? EndedAt { get; private set; }
    public SessionEndReason? EndReason { get; private set; }

    /// <summary>How the person signed in: password, authenticator, recovery code, passkey, single sign-on.</summary>
    public string Method { get; init; } = "";
    public string? IpAddress { get; init; }
    public string? UserAgent { get; init; }

    public static UserSession Start(string userId, string method, DateTimeOffset now, TimeSpan lifetime, string? ipAddress, string? userAgent) => new()
    {
        UserId = userId,
        Method = method,
        CreatedAt = now,
        LastSeenAt = now,
        ExpiresAt = now + lifetime,
        IpAddress = ipAddress,
        UserAgent = userAgent is { Length: > MaxUserAgentLength } ? userAgent[..MaxUserAgentLength] : userAgent,
    };

    /// <summary>Why the session is over at <paramref name="now"/>, or null while it is alive.</summary>
    public SessionEndReason? EndedBy(DateTimeOffset now, TimeSpan idleLimit) =>
        EndReason ?? (now >= ExpiresAt ? SessionEndReason.Expired
            : now - LastSeenAt > idleLimit ? SessionEndReason.IdleTimeout
            : null);

    public void End(SessionEndReason reason, DateTimeOffset now)
    {
        if (EndedAt is not null)
        {
            return;
        }

        EndedAt = now;
        EndReason = reason;
    }

    /// <summary>256 random bits: the cookie is useless without the row, and the row cannot be guessed.</summary>
    public static string NewId() => Base64Url(RandomNumberGenerator.GetBytes(32));

    internal static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
