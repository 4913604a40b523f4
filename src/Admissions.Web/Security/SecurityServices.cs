using Admissions.Domain.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

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
                .RequireRole(Roles.IntakeApi));
        return services;
    }
}
