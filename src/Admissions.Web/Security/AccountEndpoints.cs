using Admissions.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Admissions.Web.Security;

public static class AccountEndpoints
{
    public const string LogoutPath = "/account/logout";

    public static void MapAccountEndpoints(this WebApplication app)
    {
        var account = app.MapGroup("/account");

        app.MapPost(LogoutPath, async ([FromForm] string? reason, SignInManager<AdmissionsUser> signIn) =>
        {
            await signIn.SignOutAsync();
            reason = reason == "idle" ? "?reason=idle" : "?reason=signedout";
            return TypedResults.LocalRedirect("/account/login" + reason);
        }).AllowAnonymous();

        // Pinged by the browser while the person is active, so the sliding cookie outlives a long circuit.
        account.MapGet("/keepalive", () => TypedResults.NoContent());
    }
}
