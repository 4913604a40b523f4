using System.Buffers.Text;
using System.Security.Cryptography;
using Admissions.Web.Api;
using Microsoft.AspNetCore.CookiePolicy;

namespace Admissions.Web.Security;

/// <summary>
/// The headers every answer carries, and the cookie rule. Scripts run only from this app's own files (plus the import
/// map, by a nonce made for each page); styles may be inline because Blazor and MudBlazor set them on elements.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceItem = "admissions.csp-nonce";

    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), clipboard-read=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), "
        + "microphone=(), payment=(), usb=(), fullscreen=(self)";

    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; "
        + $"script-src 'self' 'nonce-{nonce}'; "
        + "style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; "
        + "font-src 'self' data:; "
        + "connect-src 'self'; "
        + "object-src 'none'; "
        + "base-uri 'self'; "
        + "form-action 'self'; "
        + "frame-ancestors 'none'";

    /// <summary>The nonce of this page's Content-Security-Policy, for the one inline script (the import map).</summary>
    public static string Nonce(HttpContext context) => context.Items[NonceItem] as string ?? "";

    /// <summary>
    /// Cookies are Secure everywhere but Development, so a session never travels over plain HTTP. Browsers treat
    /// http://localhost and http://127.0.0.1 as secure, so local runs and the browser tests still sign in.
    /// </summary>
    public static IServiceCollection AddSecureCookies(this IServiceCollection services, IHostEnvironment environment) =>
        services.Configure<CookiePolicyOptions>(o => o.Secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);

    /// <summary>
    /// Set when the answer starts rather than now: the exception handler clears the headers of a failed request before
    /// it writes the error, and the error must carry them too.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Base64url: a nonce with '+' or '/' is written into the page's attribute HTML-encoded ("&#x2B;"), which only a
        // browser decodes back; without them the header and the attribute carry the same text.
        var nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceItem] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = PermissionsPolicy;
            if (ApiProblems.IsApiRequest(context))
            {
                // An inquiry number and its status are about a person: no browser or proxy keeps a copy.
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    });
}
