using System.Threading.RateLimiting;
using Admissions.Infrastructure.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Admissions.Web.Security;

/// <summary>
/// The rate limiter of the sign-in forms (password, second factor, forgotten password): so many posts a minute from
/// one address, and so many from everyone together. Reading the forms is never limited. Pages opt in with
/// <c>[EnableRateLimiting(SignInThrottling.PolicyName)]</c>. The per-email delays after failures are
/// <see cref="Domain.Security.SignInThrottle"/>; this limiter is the ceiling above them.
/// </summary>
public sealed class SignInThrottling : IRateLimiterPolicy<string>, IDisposable
{
    public const string PolicyName = "sign-in";

    private readonly SignInThrottleOptions _options;
    private readonly RateLimiter _everyone;

    public SignInThrottling(IOptions<SecurityOptions> options)
    {
        _options = options.Value.SignIn;
        _everyone = new FixedWindowRateLimiter(PerMinute(_options.PermitsPerMinute));
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, cancellationToken) =>
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = "60";
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too many attempts · Admissions</title></head>" +
            "<body style=\"font-family: sans-serif; margin: 4rem auto; max-width: 32rem;\"><h1>Too many sign-in attempts</h1>" +
            "<p>Too many sign-in attempts came from your network in the last minute. Wait a minute, then " +
            "<a href=\"/account/login\">try again</a>.</p></body></html>", cancellationToken);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        if (!HttpMethods.IsPost(httpContext.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("read");
        }

        var address = httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.Get("ip:" + address, _ => RateLimiter.CreateChained(
            new FixedWindowRateLimiter(PerMinute(_options.PermitsPerMinutePerAddress)), new Shared(_everyone)));
    }

    public void Dispose() => _everyone.Dispose();

    private static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };

    /// <summary>The limit for everyone, in each address's chain; an idle address's chain must not dispose it.</summary>
    private sealed class Shared(RateLimiter inner) : RateLimiter
    {
        public override TimeSpan? IdleDuration => inner.IdleDuration;

        public override RateLimiterStatistics? GetStatistics() => inner.GetStatistics();

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => inner.AttemptAcquire(permitCount);

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            inner.AcquireAsync(permitCount, cancellationToken);

        protected override void Dispose(bool disposing) => base.Dispose(false);
    }
}

public static class SignInThrottlingServices
{
    public static IServiceCollection AddSignInThrottling(this IServiceCollection services)
    {
        services.Configure<RateLimiterOptions>(o => o.AddPolicy<string, SignInThrottling>(SignInThrottling.PolicyName));
        return services;
    }
}
