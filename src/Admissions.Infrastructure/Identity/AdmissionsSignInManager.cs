using System.Security.Claims;
using Admissions.Domain.Security;
using Admissions.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Admissions.Infrastructure.Identity;

/// <summary>
/// Identity's sign-in with the session in the database: every way in (password, authenticator, recovery code,
/// passkey, single sign-on) ends up here, starts a <see cref="UserSession"/> and puts only its id in the cookie.
/// Signing out ends the row, so a copy of the cookie opens nothing afterwards.
/// </summary>
public sealed class AdmissionsSignInManager(
    UserManager<AdmissionsUser> userManager, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<AdmissionsUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<AdmissionsUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AdmissionsUser> confirmation, SessionStore sessions, IOptions<SecurityOptions> security)
    : SignInManager<AdmissionsUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public const string PasswordMethod = "Password";
    public const string AuthenticatorMethod = "Password + authenticator";
    public const string PasskeyMethod = "Passkey";
    public const string SingleSignOnMethod = "Single sign-on";

    private bool _passkeySignIn;

    /// <summary>Identity marks a passkey sign-in "pwd" like a password; this remembers which it was.</summary>
    public override async Task<SignInResult> PasskeySignInAsync(string credentialJson)
    {
        _passkeySignIn = true;
        try
        {
            return await base.PasskeySignInAsync(credentialJson);
        }
        finally
        {
            _passkeySignIn = false;
        }
    }

    public override async Task SignInWithClaimsAsync(AdmissionsUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var claims = additionalClaims.ToList();
        var method = _passkeySignIn ? PasskeyMethod : MethodOf(claims);
        await EndCurrentSessionAsync(SessionEndReason.Replaced);

        var session = await sessions.StartAsync(user.Id, method, Context.Connection.RemoteIpAddress?.ToString(), Context.Request.Headers.UserAgent.ToString());
        claims.Add(new Claim(SessionClaims.SessionId, session.Id));
        if (method == PasswordMethod && await MustSetUpMfaAsync(user))
        {
            claims.Add(new Claim(SessionClaims.MfaSetupRequired, "true"));
        }

        var properties = authenticationProperties ?? new AuthenticationProperties();
        properties.IsPersistent = false;
        properties.AllowRefresh = false;
        properties.IssuedUtc = session.CreatedAt;
        properties.ExpiresUtc = session.ExpiresAt;
        await base.SignInWithClaimsAsync(user, properties, claims);
    }

    public override async Task SignOutAsync()
    {
        await EndCurrentSessionAsync(SessionEndReason.SignedOut);
        await base.SignOutAsync();
    }

    /// <summary>A disabled account cannot sign in by any route.</summary>
    public override async Task<bool> CanSignInAsync(AdmissionsUser user) =>
        user.DisabledAt is null && await base.CanSignInAsync(user);

    /// <summary>MFA is required for roles that see PHI; a password alone lets the person do one thing: set it up.</summary>
    public async Task<bool> MustSetUpMfaAsync(AdmissionsUser user)
    {
        if (security.Value.RequireMfa != true || user.TwoFactorEnabled)
        {
            return false;
        }

        var roles = await UserManager.GetRolesAsync(user);
        return roles.Any(Roles.PhiRoles.Contains);
    }

    private Task EndCurrentSessionAsync(SessionEndReason reason) =>
        sessions.EndAsync(Context.User.FindFirstValue(SessionClaims.SessionId), reason);

    /// <summary>Identity marks a password sign-in "pwd" and a second factor "mfa"; an external login names its scheme.</summary>
    private static string MethodOf(IReadOnlyList<Claim> claims)
    {
        if (claims.Any(c => c.Type == ClaimTypes.AuthenticationMethod))
        {
            return SingleSignOnMethod;
        }

        return claims.FirstOrDefault(c => c.Type == "amr")?.Value switch
        {
            "pwd" => PasswordMethod,
            "mfa" => AuthenticatorMethod,
            var other => other ?? PasswordMethod,
        };
    }
}
