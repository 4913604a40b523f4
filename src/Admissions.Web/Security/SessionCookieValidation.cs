using System.Security.Claims;
using Admissions.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Admissions.Web.Security;

/// <summary>
/// Every request with a sign-in cookie asks the database whether its session is still alive (signed out, idle,
/// past its lifetime, account changed: dead), and records the request as activity. A copied cookie is only as
/// good as the row it names.
/// </summary>
public static class SessionCookieValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
        var check = await sessions.CheckAsync(context.Principal?.FindFirstValue(SessionClaims.SessionId), touch: true, context.HttpContext.RequestAborted);
        if (!check.IsAlive)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
