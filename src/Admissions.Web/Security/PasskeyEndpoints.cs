using Admissions.Domain.Auditing;
using Admissions.Infrastructure.Identity;
using Admissions.Infrastructure.Persistence;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Web.Security;

/// <summary>
/// Passkeys with .NET 10 Identity: the creation and request options, registering a passkey on My account, and signing
/// in with one. The JSON calls carry the antiforgery token in a header; the sign-in posts a form.
/// </summary>
public static class PasskeyEndpoints
{
    public sealed record PasskeyRegistration(string Credential, string? Name);

    public sealed record PasskeySignInAnswer(string Url);

    public static void MapPasskeyEndpoints(this WebApplication app)
    {
        var passkeys = app.MapGroup("/account/passkey");

        passkeys.MapPost("/creation-options", async (HttpContext context, IAntiforgery antiforgery, AdmissionsSignInManager signIn) =>
        {
            await antiforgery.ValidateRequestAsync(context);
            var user = await signIn.UserManager.GetUserAsync(context.User);
            if (user is null)
            {
                return Results.Unauthorized();
            }

            var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
            {
                Id = user.Id,
                Name = user.Email ?? user.Id,
                DisplayName = string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? user.Id : user.DisplayName,
            });
            return Results.Content(options, "application/json");
        });

        passkeys.MapPost("/register", async (HttpContext context, IAntiforgery antiforgery, AdmissionsSignInManager signIn,
            IDbContextFactory<AdmissionsDbContext> contexts, TimeProvider clock, [FromBody] PasskeyRegistration registration) =>
        {
            await antiforgery.ValidateRequestAsync(context);
            var user = await signIn.UserManager.GetUserAsync(context.User);
            if (user is null)
            {
                return Results.Unauthorized();
            }

            var attestation = await signIn.PerformPasskeyAttestationAsync(registration.Credential);
            if (!attestation.Succeeded)
            {
                return Results.BadRequest("The passkey could not be checked: " + attestation.Failure.Message);
            }

            var passkey = attestation.Passkey;
            passkey.Name = string.IsNullOrWhiteSpace(registration.Name) ? "Passkey" : registration.Name.Trim()[..Math.Min(registration.Name.Trim().Length, 100)];
            var saved = await signIn.UserManager.AddOrUpdatePasskeyAsync(user, passkey);
            if (!saved.Succeeded)
            {
                return Results.BadRequest(string.Join(" ", saved.Errors.Select(e => e.Description)));
            }

            await using var db = await contexts.CreateDbContextAsync();
            db.AuditEntries.Add(new AuditEntry
            {
                OccurredAt = clock.GetUtcNow(),
                UserId = user.Id,
                UserName = user.DisplayName,
                Action = AuditAction.Update,
                EntityType = "StaffAccount",
                EntityId = user.Id,
                Fields = $"Passkey added: {passkey.Name}",
                IpAddress = context.Connection.RemoteIpAddress?.ToString(),
            });
            await db.SaveChangesAsync();
            return Results.NoContent();
        });

        passkeys.MapPost("/request-options", async (HttpContext context, IAntiforgery antiforgery, AdmissionsSignInManager signIn) =>
        {
            await antiforgery.ValidateRequestAsync(context);
            return Results.Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");
        }).AllowAnonymous();

        // Called by the script with fetch, not posted as a form: under Referrer-Policy: no-referrer a form post carries
        // "Origin: null", and Identity checks the passkey's origin against the request's Origin header. The answer says
        // where the browser goes next.
        passkeys.MapPost("/sign-in", async ([FromForm] string? credential, [FromForm] string? returnUrl, AdmissionsSignInManager signIn) =>
        {
            var failed = AccountEndpoints.LoginPath + "?reason=passkey-failed" + ReturnUrls.Query(returnUrl, "&");
            if (string.IsNullOrWhiteSpace(credential))
            {
                return Results.Json(new PasskeySignInAnswer(failed));
            }

            var result = await signIn.PasskeySignInAsync(credential);
            return Results.Json(new PasskeySignInAnswer(result.Succeeded ? ReturnUrls.Safe(returnUrl) : failed));
        }).AllowAnonymous();
    }
}
