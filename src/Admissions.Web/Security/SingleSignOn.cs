using System.Security.Claims;
using Admissions.Domain.Auditing;
using Admissions.Domain.Security;
using Admissions.Infrastructure.Identity;
using Admissions.Infrastructure.Persistence;
using Admissions.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Admissions.Web.Security;

/// <summary>
/// OpenID Connect single sign-on, configured by <c>Security:Sso:*</c> alone: authorization code flow with PKCE, the
/// provider's groups mapped to our six roles at every sign-in, accounts created at the first sign-in (just in time),
/// and passwords kept for the break-glass administrators.
/// </summary>
public sealed class SingleSignOn(IOptions<SecurityOptions> options)
{
    public const string Scheme = "sso";
    public const string ChallengePath = "/account/sso";
    public const string CompletePath = "/account/sso/complete";

    private SingleSignOnOptions Sso => options.Value.Sso;

    public bool IsEnabled => Sso.IsEnabled;

    public string DisplayName => Sso.DisplayName;

    public string LocalSignInNote => Sso.LocalSignInForAdminsOnly
        ? "The password form below is for administrators' break-glass accounts."
        : "Or sign in with your Admissions password.";
}

public static class SingleSignOnServices
{
    public static AuthenticationBuilder AddSingleSignOn(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        authentication.Services.AddScoped<SingleSignOn>();
        var sso = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>()?.Sso ?? new SingleSignOnOptions();
        if (!sso.IsEnabled)
        {
            return authentication;
        }

        return authentication.AddOpenIdConnect(SingleSignOn.Scheme, sso.DisplayName, o =>
        {
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Authority = sso.Authority;
            o.ClientId = sso.ClientId;
            o.ClientSecret = sso.ClientSecret;
            o.ResponseType = "code";
            o.UsePkce = true;
            // A top-level GET back to us: the correlation and nonce cookies can stay SameSite=Lax (no cross-site POST).
            o.ResponseMode = "query";
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request is (always, behind TLS), like the sign-in cookie.
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.RequireHttpsMetadata = sso.RequireHttpsMetadata;
            o.MapInboundClaims = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.SaveTokens = false;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.Scope.Add("email");

            o.TokenValidationParameters.NameClaimType = "name";
            // Identity finds the external login by the name identifier: the provider's subject.
            o.Events.OnTokenValidated = context =>
            {
                if (context.Principal?.Identity is ClaimsIdentity identity && identity.FindFirst("sub") is { } subject
                    && !identity.HasClaim(c => c.Type == ClaimTypes.NameIdentifier))
                {
                    identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, subject.Value));
                }

                return Task.CompletedTask;
            };
        });
    }

    public static void MapSingleSignOn(this WebApplication app)
    {
        app.MapGet(SingleSignOn.ChallengePath, (string? returnUrl, SingleSignOn sso, AdmissionsSignInManager signIn) => !sso.IsEnabled
            ? Results.NotFound()
            : Results.Challenge(signIn.ConfigureExternalAuthenticationProperties(SingleSignOn.Scheme, SingleSignOn.CompletePath + ReturnUrls.Query(returnUrl)),
                [SingleSignOn.Scheme]))
            .AllowAnonymous();

        app.MapGet(SingleSignOn.CompletePath, async (string? returnUrl, HttpContext context, AdmissionsSignInManager signIn, SingleSignOnAccounts accounts) =>
        {
            var info = await signIn.GetExternalLoginInfoAsync();
            await context.SignOutAsync(IdentityConstants.ExternalScheme);
            if (info is null)
            {
                return Results.LocalRedirect(AccountEndpoints.LoginPath + "?reason=sso-failed");
            }

            var (user, refusal) = await accounts.ResolveAsync(info);
            if (user is null)
            {
                return Results.LocalRedirect(AccountEndpoints.LoginPath + "?reason=" + refusal);
            }

            await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: SingleSignOn.Scheme);
            return Results.LocalRedirect(ReturnUrls.Safe(returnUrl));
        }).AllowAnonymous();
    }
}

/// <summary>Finds, links or creates the account of a person the provider signed in, and keeps their roles in step with their groups.</summary>
public sealed class SingleSignOnAccounts(
    UserManager<AdmissionsUser> users, IDbContextFactory<AdmissionsDbContext> contexts, IOptions<SecurityOptions> options, TimeProvider clock)
{
    public async Task<(AdmissionsUser? User, string Refusal)> ResolveAsync(ExternalLoginInfo info)
    {
        var sso = options.Value.Sso;
        var principal = info.Principal;
        var roles = sso.RolesFor(principal.FindAll(sso.GroupsClaim).Select(c => c.Value));
        var email = principal.FindFirstValue("email") ?? principal.FindFirstValue(ClaimTypes.Email);
        var user = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey)
            ?? (string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email));
        if (user?.DisabledAt is not null)
        {
            return (null, "sso-disabled");
        }

        if (roles.Count == 0)
        {
            return (null, "sso-no-role");
        }

        var name = principal.FindFirstValue("name") ?? principal.FindFirstValue(ClaimTypes.Name) ?? email ?? info.ProviderKey;
        if (user is null)
        {
            if (!sso.CreateUsers || string.IsNullOrWhiteSpace(email))
            {
                return (null, "sso-no-role");
            }

            user = new AdmissionsUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = clock.GetUtcNow() };
            if (!(await users.CreateAsync(user)).Succeeded)
            {
                return (null, "sso-failed");
            }

            await AuditAsync(user, $"Created at first single sign-on ({info.LoginProvider}) as {string.Join(", ", roles.Select(Roles.Describe))}");
        }

        if ((await users.GetLoginsAsync(user)).All(l => l.LoginProvider != info.LoginProvider))
        {
            await users.AddLoginAsync(user, new UserLoginInfo(info.LoginProvider, info.ProviderKey, info.ProviderDisplayName));
        }

        var current = await users.GetRolesAsync(user);
        if (!current.ToHashSet().SetEquals(roles))
        {
            await users.RemoveFromRolesAsync(user, current.Except(roles));
            await users.AddToRolesAsync(user, roles.Except(current));
            await AuditAsync(user, $"Roles from single sign-on groups: {string.Join(", ", current.Select(Roles.Describe).DefaultIfEmpty("none"))} → {string.Join(", ", roles.Select(Roles.Describe))}");
        }

        return (user, "");
    }

    private async Task AuditAsync(AdmissionsUser user, string what)
    {
        await using var db = await contexts.CreateDbContextAsync();
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = clock.GetUtcNow(),
            UserId = user.Id,
            UserName = user.DisplayName,
            Action = AuditAction.Update,
            EntityType = "StaffAccount",
            EntityId = user.Id,
            Fields = what,
        });
        await db.SaveChangesAsync();
    }
}
