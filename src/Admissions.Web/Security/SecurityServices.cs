using System.Threading.RateLimiting;
using Admissions.Domain.Security;
using Admissions.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Admissions.Web.Security;

public sealed class IdleLogoffOptions
{
    public const string Section = "Security";

    /// <summary>HIPAA automatic logoff: minutes without keyboard or mouse activity before sign-out.</summary>
    public int IdleTimeoutMinutes { get; set; } = 15;
}

public static class SecurityServices
{
    public const string ApiKeyPolicy = "IntakeApi";

    /// <summary>The Hangfire dashboard (<c>/jobs</c>): administrators.</summary>
    public const string JobsDashboardPolicy = "JobsDashboard";
    public const string IntakeRateLimit = "intake";

    public static IServiceCollection AddAdmissionsSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var idle = configuration.GetSection(IdleLogoffOptions.Section).Get<IdleLogoffOptions>() ?? new IdleLogoffOptions();
        services.Configure<IdleLogoffOptions>(configuration.GetSection(IdleLogoffOptions.Section));

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/access-denied";
                // A little longer than the idle logoff, so the browser's own sign-out still carries a valid session.
                o.ExpireTimeSpan = TimeSpan.FromMinutes(idle.IdleTimeoutMinutes + 2);
                o.SlidingExpiration = true;
                o.Cookie.Name = "admissions.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }));
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

        services.AddAuthorizationBuilder()
            // Every endpoint needs a signed-in user unless it says otherwise.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(ApiKeyPolicy, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireRole(Roles.IntakeApi))
            .AddPolicy(JobsDashboardPolicy, policy => policy.RequireRole(Roles.Admin))
            .AddRequestPolicies();
        return services;
    }

    /// <summary>Each API key gets its own budget of requests per minute; over it, 429.</summary>
    public static IServiceCollection AddIntakeRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("Api:PermitsPerMinute", 60);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return new ValueTask(ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests,
                    "Too many requests", $"This API key may send {permits} requests a minute. Retry after a minute."));
            };
            options.AddPolicy(IntakeRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                ApiKeyAuthenticationHandler.PartitionKey(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }
}
