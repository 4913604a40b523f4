using Admissions.Application.Staff;
using Admissions.Domain.Security;
using Admissions.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Admissions.Infrastructure.Security;

/// <summary>The claims a session's cookie carries besides the person's own.</summary>
public static class SessionClaims
{
    /// <summary>The id of the <see cref="UserSession"/> row: without a live row the cookie opens nothing.</summary>
    public const string SessionId = "admissions:sid";

    /// <summary>Signed in with a password only while MFA is required: the person must set it up before anything else.</summary>
    public const string MfaSetupRequired = "admissions:mfa-setup";
}

/// <summary>Whether a session is alive, and if not, why.</summary>
public sealed record SessionCheck(bool IsAlive, SessionEndReason? EndReason, DateTimeOffset? ExpiresAt)
{
    public static readonly SessionCheck Unknown = new(false, null, null);
}

/// <summary>
/// Server-side sessions in the database (every node sees the same rows): started at sign-in, checked on every
/// request and by every open page once a minute, ended at sign-out, idle time, the absolute lifetime, or when an
/// administrator changes the account.
/// </summary>
public sealed class SessionStore(IDbContextFactory<AdmissionsDbContext> contexts, TimeProvider clock, IOptionsMonitor<SecurityOptions> options, SessionEvents events)
{
    /// <summary>Activity is written at most this often per session, so page loads do not each cost a write.</summary>
    private static readonly TimeSpan TouchInterval = TimeSpan.FromSeconds(15);

    public async Task<UserSession> StartAsync(string userId, string method, string? ipAddress, string? userAgent, CancellationToken cancellationToken = default)
    {
        var session = UserSession.Start(userId, method, clock.GetUtcNow(), options.CurrentValue.SessionLifetime, ipAddress, userAgent);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    /// <summary>
    /// Checks the session; a session found idle or past its lifetime is marked ended. With <paramref name="touch"/>
    /// (a request the person made) a live session's last activity moves to now.
    /// </summary>
    public async Task<SessionCheck> CheckAsync(string? sessionId, bool touch, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(sessionId))
        {
            return SessionCheck.Unknown;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = await db.UserSessions.FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return SessionCheck.Unknown;
        }

        var now = clock.GetUtcNow();
        if (session.EndedBy(now, options.CurrentValue.ServerIdleLimit) is { } ended)
        {
            if (session.EndedAt is null)
            {
                session.End(ended, now);
                await db.SaveChangesAsync(cancellationToken);
            }

            return new SessionCheck(false, ended, session.ExpiresAt);
        }

        if (touch && now - session.LastSeenAt >= TouchInterval)
        {
            session.LastSeenAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return new SessionCheck(true, null, session.ExpiresAt);
    }

    public async Task EndAsync(string? sessionId, SessionEndReason reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(sessionId))
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = await db.UserSessions.FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is { EndedAt: null })
        {
            session.End(reason, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);

            // A person signing out is already leaving the page, and a replaced session (the second step passed) is
            // this very request's new cookie: telling its page would race the redirect or the page it is rendering.
            // Their other tabs find out at their next check.
            if (reason is not (SessionEndReason.SignedOut or SessionEndReason.Replaced))
            {
                events.SessionsEnded(session.UserId);
            }
        }
    }
}

/// <summary>
/// Tells this node's open pages at once that a person's sessions ended (disabled, roles changed, signed out),
/// so they need not wait for their next check. Other nodes' pages find out at their next check.
/// </summary>
public sealed class SessionEvents : ISessionEvents
{
    public event Action<string>? Ended;

    public void SessionsEnded(string userId) => Ended?.Invoke(userId);
}
