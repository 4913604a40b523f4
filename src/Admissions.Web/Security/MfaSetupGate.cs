using Admissions.Infrastructure.Security;
using Microsoft.AspNetCore.StaticAssets;

namespace Admissions.Web.Security;

/// <summary>
/// A person whose roles see PHI and who signed in with a password only, while MFA is required, may do one thing:
/// set up their authenticator app. Every other request (pages, the Blazor connection, the API) is sent there.
/// </summary>
public sealed class MfaSetupGate(RequestDelegate next)
{
    public const string SetupPath = "/account/mfa";

    public Task InvokeAsync(HttpContext context)
    {
        if (!context.User.HasClaim(c => c.Type == SessionClaims.MfaSetupRequired)
            || context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null
            || context.Request.Path.StartsWithSegments(SetupPath)
            || context.Request.Path.StartsWithSegments(AccountEndpoints.LogoutPath)
            || context.Request.Path.StartsWithSegments("/account/keepalive"))
        {
            return next(context);
        }

        context.Response.Redirect(SetupPath + ReturnUrls.Query(context.Request.Path + context.Request.QueryString));
        return Task.CompletedTask;
    }
}
