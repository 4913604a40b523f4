namespace Admissions.Domain.Security;

/// <summary>
/// Failed sign-ins for one email from one address. After a few failures each further attempt waits
/// longer (1, 2, 4, 8 then 15 minutes): an attacker guessing from one place is slowed to a crawl,
/// while the same person signing in from their own desk is not locked out by someone else's guesses.
/// Kept for any email typed, whether or not it belongs to an account, so the delay says nothing
/// about which emails exist.
/// </summary>
public sealed class SignInThrottle
{
    /// <summary>Failures allowed before the first delay.</summary>
    public const int FreeFailures = 4;

    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);

    /// <summary>A quiet day forgets the count.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromDays(1);

    public string Subject { get; init; } = "";
    public string IpAddress { get; init; } = "";
    public int Failures { get; private set; }
    public DateTimeOffset LastFailureAt { get; private set; }
    public DateTimeOffset? BlockedUntil { get; private set; }

    public static string SubjectOf(string email) => email.Trim().ToUpperInvariant();

    /// <summary>How long the next attempt must still wait (zero when it may go ahead).</summary>
    public TimeSpan WaitAt(DateTimeOffset now) =>
        BlockedUntil is { } until && until > now ? until - now : TimeSpan.Zero;

    public void RecordFailure(DateTimeOffset now)
    {
        if (now - LastFailureAt > Memory)
        {
            Failures = 0;
        }

        Failures++;
        LastFailureAt = now;
        BlockedUntil = Failures > FreeFailures ? now + DelayAfter(Failures) : null;
    }

    public static TimeSpan DelayAfter(int failures)
    {
        var doublings = Math.Min(failures - FreeFailures - 1, 4);
        var delay = TimeSpan.FromMinutes(1 << doublings);
        return delay < MaxDelay ? delay : MaxDelay;
    }
}
