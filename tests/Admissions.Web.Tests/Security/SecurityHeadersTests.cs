using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Admissions.Application.ApiKeys;
using Admissions.Domain.Security;
using Admissions.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace Admissions.Web.Tests.Security;

/// <summary>The headers every answer carries (pages, the sign-in page, scripts, the API, errors) and Secure cookies.</summary>
public sealed partial class SecurityHeadersTests(AdmissionsWebFactory factory) : IClassFixture<AdmissionsWebFactory>
{
    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(", ", contentValues)
        : "";

    private static void AssertHardened(HttpResponseMessage response, string what)
    {
        Assert.True(Header(response, "X-Content-Type-Options") == "nosniff", $"{what}: X-Content-Type-Options");
        Assert.True(Header(response, "Referrer-Policy") == "no-referrer", $"{what}: Referrer-Policy");
        Assert.True(Header(response, "Permissions-Policy").Contains("camera=()", StringComparison.Ordinal), $"{what}: Permissions-Policy");
        var csp = Header(response, "Content-Security-Policy");
        Assert.True(csp.Contains("default-src 'self'", StringComparison.Ordinal), $"{what}: CSP '{csp}'");
        Assert.True(csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal), $"{what}: CSP frame-ancestors");
        Assert.True(csp.Contains("object-src 'none'", StringComparison.Ordinal), $"{what}: CSP object-src");
        // Scripts: this app's own files and one nonce, never inline code or eval.
        var scripts = ScriptSources().Match(csp).Groups[1].Value;
        Assert.Matches("^'self' 'nonce-[A-Za-z0-9_-]{22}'$", scripts);
    }

    [Fact]
    public async Task Pages_the_sign_in_page_scripts_the_api_and_errors_carry_the_security_headers()
    {
        using var anonymous = factory.CreateBrowser();
        using var signedIn = await factory.SignInAsync(Roles.AdmissionsCoordinator);
        using var api = new HttpRequestMessage(HttpMethod.Post, "/api/v1/inquiries") { Content = JsonContent.Create(new { }) };

        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["sign-in page"] = await anonymous.GetAsync("/account/login"),
            ["redirect to sign-in"] = await anonymous.GetAsync("/inquiries"),
            ["home page"] = await signedIn.GetAsync("/"),
            ["not found page"] = await signedIn.GetAsync("/no-such-page"),
            ["script"] = await anonymous.GetAsync("/js/idle.js"),
            ["api 401"] = await anonymous.SendAsync(api),
            ["openapi"] = await anonymous.GetAsync("/openapi/v1.json"),
            ["health"] = await anonymous.GetAsync("/health"),
        };

        foreach (var (what, response) in answers)
        {
            AssertHardened(response, what);
            response.Dispose();
        }
    }

    [Fact]
    public async Task The_page_gives_its_one_inline_script_the_nonce_of_its_own_policy()
    {
        using var anonymous = factory.CreateBrowser();

        using var response = await anonymous.GetAsync("/account/login");
        using var second = await anonymous.GetAsync("/account/login");

        var html = await response.Content.ReadAsStringAsync();
        var nonce = Regex.Match(Header(response, "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value;
        var inline = InlineScripts().Matches(html).ToList();
        Assert.NotEmpty(inline);
        Assert.All(inline, script => Assert.Contains($"nonce=\"{nonce}\"", script.Value, StringComparison.Ordinal));
        Assert.NotEqual(Header(response, "Content-Security-Policy"), Header(second, "Content-Security-Policy"));
    }

    [Fact]
    public async Task Cookies_are_secure_outside_development()
    {
        var email = await factory.CreateUserAsync(Roles.AdmissionsCoordinator);
        using var client = factory.CreateBrowser();

        using var login = await client.GetAsync("/account/login");
        using var response = await AdmissionsWebFactory.PostLoginAsync(client, email, AdmissionsWebFactory.Password);

        var cookies = new[] { login, response }.SelectMany(r => r.Headers.TryGetValues("Set-Cookie", out var values) ? values : []).ToList();
        Assert.Contains(cookies, c => c.StartsWith(AdmissionsWebFactory.AuthCookie + "=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex("script-src ([^;]*)")]
    private static partial Regex ScriptSources();

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>")]
    private static partial Regex InlineScripts();
}

/// <summary>What only the real server (Kestrel) does: its Server header, and cutting off a body sent without a length.</summary>
public sealed class KestrelHardeningTests(KestrelHardeningTests.KestrelFactory factory) : IClassFixture<KestrelHardeningTests.KestrelFactory>
{
    public sealed class KestrelFactory : AdmissionsWebFactory
    {
        public KestrelFactory() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    [Fact]
    public async Task No_answer_names_the_server()
    {
        using var client = factory.CreateClient();

        using var health = await client.GetAsync("/health");
        using var login = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Empty(health.Headers.Server);
        Assert.Empty(login.Headers.Server);
    }

    [Fact]
    public async Task A_body_sent_without_a_length_is_cut_off_at_64_KB_with_413()
    {
        var (_, key) = await factory.CreateApiKeyAsync();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/inquiries")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"notes\":\"" + new string('a', 200_000) + "\"}"))),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add(ApiKeySecret.HeaderName, key);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
