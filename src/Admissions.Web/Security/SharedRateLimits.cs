using System.Threading.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;

namespace Admissions.Web.Security;

/// <summary>
/// Where a named rate-limit policy keeps its counts: in this process on one node, in Redis when the app runs on several
/// (every node then draws on the same budget). Each policy passes its own name, so its counters never mix with another's.
/// </summary>
public static class SharedRateLimits
{
    public static RateLimitPartition<string> FixedWindow(HttpContext context, string policy, string key, int permits, TimeSpan window)
    {
        var partition = $"{policy}:{key}";
        if (context.RequestServices.GetService<IConnectionMultiplexer>() is { } redis)
        {
            return RedisRateLimitPartition.GetFixedWindowRateLimiter(partition, _ => new RedisFixedWindowRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis,
                PermitLimit = permits,
                Window = window,
            });
        }

        return RateLimitPartition.GetFixedWindowLimiter(partition,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });
    }
}
