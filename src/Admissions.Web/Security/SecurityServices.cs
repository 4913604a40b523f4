using Admissions.Application.Common;
using Admissions.Domain.Security;
using Admissions.Infrastructure.Security;
using Admissions.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Admissions.Web.Security;

public static class SecurityServices
{
    public const string ApiKeyPolicy = "IntakeApi";

    /// <summary>The Hangfire dashboard (<c>/jobs</c>): administrators.</summary>
    public const string JobsDashboardPolicy = "JobsDashboard";

    private static readonly string[] JobsDashboardRoles = [Roles.Admin];

    /// <summary>Whether the person may open the jobs dashboard: what its policy asks, for the menu entry.</summary>
    public static bool SeesJobsDashboard(ICurrentUser user) => user.IsAuthenticated && JobsDashboardRoles.Any(user.IsInRole);

    public static IServiceCollection AddAdmissionsSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.PostConfigure<SecurityOptions>(o => o.RequireMfa ??= o.MfaRequiredIn(environment.EnvironmentName));

        var authentication = services.AddAuthentication(IdentityConstants.ApplicationScheme);
        authentication.AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/account/login";
                o.LogoutPath = AccountEndpoints.LogoutPath;
                o.AccessDeniedPath = "/access-denied";
                // The session row in the database decides idle time and sign-out; the ticket itself carries the absolute end.
                o.ExpireTimeSpan = security.SessionLifetime;
                o.SlidingExpiration = false;
                o.Events.OnValidatePrincipal = SessionCookieValidation.ValidateAsync;
                o.Cookie.Name = "admissions.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }));
        authentication.AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        authentication.AddSingleSignOn(configuration);
        services.AddScoped<SingleSignOnAccounts>();

        services.AddAuthorizationBuilder()
            // Every endpoint needs a signed-in user unless it says otherwise.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(ApiKeyPolicy, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireRole(Roles.IntakeApi))
            .AddPolicy(JobsDashboardPolicy, policy => policy.RequireRole(JobsDashboardRoles))
            .AddRequestPolicies();

        // Open pages check their session against the database every minute (and at once when it ends on this node).
        services.AddScoped<SignOutHooks>();
        services.AddScoped<SessionAuthenticationStateProvider>();
        services.AddScoped<AuthenticationStateProvider>(sp => sp.GetRequiredService<SessionAuthenticationStateProvider>());
        services.AddSignInThrottling();
        return services;
    }
}
