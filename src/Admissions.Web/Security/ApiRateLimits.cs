using System.Threading.RateLimiting;
using Admissions.Web.Api;
using Microsoft.AspNetCore.RateLimiting;

namespace Admissions.Web.Security;

/// <summary>
/// Two budgets guard the public API. By address: a named rate limiter policy that the rate limiter applies before
/// authorization looks the API key up, so a flood of made-up keys is turned away without touching the database. By key:
/// once the key is known, each key has its own budget (<see cref="ApiKeyRateLimitFilter"/>), so one integrator behind
/// many addresses cannot crowd out the others.
/// </summary>
public static class ApiRateLimits
{
    public const string ByAddressPolicy = "api-by-address";

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perAddress = configuration.GetValue("Api:PermitsPerMinutePerAddress", 120);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(ByAddressPolicy, context => SharedRateLimits.FixedWindow(
                context, ByAddressPolicy, context.Connection.RemoteIpAddress?.ToString() ?? "unknown", perAddress, TimeSpan.FromMinutes(1)));
            options.OnRejected = (context, _) => ApiRequestRejected(context.HttpContext, context.HttpContext.Request.Path.StartsWithSegments("/api")
                ? $"This address may send {perAddress} requests a minute. Retry after a minute."
                : "Too many requests. Retry after a minute.");
        });
        services.AddSingleton(new ApiKeyRateLimiter(configuration.GetValue("Api:PermitsPerMinute", 60)));
        return services;
    }

    public static ValueTask ApiRequestRejected(HttpContext context, string detail)
    {
        context.Response.Headers.RetryAfter = "60";
        return new ValueTask(ApiProblems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests", detail));
    }
}

/// <summary>
/// Each API key's own budget of requests a minute, counted once the key is known to be real; kept in Redis when the app
/// runs on several nodes, so the budget is the key's, not each node's.
/// </summary>
public sealed class ApiKeyRateLimiter(int permitsPerMinute) : IDisposable
{
    private const string Policy = "api-key";

    // A request without a key never reaches the API's endpoints (authorization refuses it first), so it is not counted.
    private readonly PartitionedRateLimiter<HttpContext> _limiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        context.User.FindFirst(ApiKeyAuthenticationHandler.ApiKeyIdClaim)?.Value is { } keyId
            ? SharedRateLimits.FixedWindow(context, Policy, keyId, permitsPerMinute, TimeSpan.FromMinutes(1))
            : RateLimitPartition.GetNoLimiter(""));

    public int PermitsPerMinute => permitsPerMinute;

    public async ValueTask<bool> TryAcquireAsync(HttpContext context)
    {
        using var lease = await _limiter.AcquireAsync(context, cancellationToken: context.RequestAborted);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}

public sealed class ApiKeyRateLimitFilter(ApiKeyRateLimiter limiter) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!await limiter.TryAcquireAsync(context.HttpContext))
        {
            await ApiRateLimits.ApiRequestRejected(context.HttpContext,
                $"This API key may send {limiter.PermitsPerMinute} requests a minute. Retry after a minute.");
            return Results.Empty;
        }

        return await next(context);
    }
}
