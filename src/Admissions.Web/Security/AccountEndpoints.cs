using Admissions.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Admissions.Web.Security;

public static class AccountEndpoints
{
    public const string LogoutPath = "/account/logout";
    public const string LoginPath = "/account/login";

    public static void MapAccountEndpoints(this WebApplication app)
    {
        var account = app.MapGroup("/account");

        app.MapPost(LogoutPath, async ([FromForm] string? reason, [FromForm] string? returnUrl, AdmissionsSignInManager signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(LoginPath + (reason == "idle" ? "?reason=idle" + ReturnUrls.Query(returnUrl, "&") : "?reason=signedout"));
        }).AllowAnonymous();

        // Pinged by the browser while the person is active: the cookie check records it as activity on the session,
        // and a session the server has ended answers with the sign-in redirect, which the browser follows.
        account.MapGet("/keepalive", () => TypedResults.NoContent());
    }
}

/// <summary>Where to go after signing in: only paths of this app, so a crafted link cannot bounce anyone to another site.</summary>
public static class ReturnUrls
{
    public static string Safe(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";

    /// <summary>"returnUrl=..." after <paramref name="separator"/>, or nothing when the address is the home page or not ours.</summary>
    public static string Query(string? url, string separator = "?") =>
        Safe(url) is var safe && safe != "/" ? $"{separator}returnUrl={Uri.EscapeDataString(safe)}" : "";
}
