using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Admissions.Web.Nodes;

/// <summary>Healthy when Redis answers a ping: live updates and shared rate limits reach the other nodes.</summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"{latency.TotalMilliseconds:0} ms");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis is unreachable.", ex);
        }
    }
}
