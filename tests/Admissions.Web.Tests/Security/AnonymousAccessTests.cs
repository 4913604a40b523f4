using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Admissions.Domain.Security;
using Admissions.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace Admissions.Web.Tests.Security;

/// <summary>
/// Deny by default: every endpoint the app maps (pages, APIs, the job dashboard, OpenAPI, Blazor's
/// own endpoints) refuses an anonymous caller, except a short, explicit list of public routes.
/// </summary>
public sealed partial class AnonymousAccessTests(AdmissionsWebFactory factory) : IClassFixture<AdmissionsWebFactory>
{
    /// <summary>The only routes a visitor may reach without signing in.</summary>
    private static readonly HashSet<string> PublicRoutes = new(StringComparer.OrdinalIgnoreCase)
    {
        "/account/login",
        "/health",
        "/health/live", // the load balancer's checks: status words only, no data
        "/health/ready",
        "/error",
        "/not-found",
        "/account/logout", // POST, antiforgery-protected
        "/account/login/code", // the second step: only with the password step's cookie (see MfaTests)
        "/account/forgot-password", // the same answer for every email (see StaffAccountWebTests)
        "/account/set-password", // needs a single-use link's token
        "/account/sso", // starts single sign-on (404 when it is not configured)
        "/account/sso/complete", // finishes it: only with the provider's signed answer
        "/account/passkey/request-options", // POST, antiforgery-protected: a WebAuthn challenge
        "/account/passkey/sign-in", // POST, antiforgery-protected: only with a signed passkey answer
        "/api/messaging/twilio/inbound", // POST from Twilio, protected by Messaging:Sms:InboundSecret (see InboundTextWebhookTests)
        "/sign/{Token}", // The patient's consent signing page: a single-use, expiring token is the key (see ConsentSigningTests)
        "/openapi/{documentName}.json", // the public API's contract: no patient data (see OpenApiDocumentTests)
    };

    private static string Route(RouteEndpoint endpoint) => "/" + endpoint.RoutePattern.RawText!.TrimStart('/');

    private List<RouteEndpoint> Endpoints() =>
        [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    /// <summary>CSS, scripts and fonts from wwwroot and packages: public by design, and never pages or data.</summary>
    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null;

    private static string ConcreteUrl(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => SampleValue(parameter),
            _ => throw new InvalidOperationException($"Unexpected route part {part}"),
        })));
        return "/" + string.Join('/', segments);
    }

    private static string SampleValue(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content).ToList();
        if (constraints.Contains("guid"))
        {
            return Guid.NewGuid().ToString();
        }

        return constraints.Contains("file") ? "x.txt" : "x";
    }

    private static HttpMethod MethodFor(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
        return methods is null || methods.Count == 0 || methods.Contains(HttpMethods.Get)
            ? HttpMethod.Get
            : new HttpMethod(methods[0]);
    }

    private static bool IsRedirectToLogin(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect
        && response.Headers.Location is { } location
        && new Uri(new Uri("http://localhost"), location).AbsolutePath.Equals("/account/login", StringComparison.OrdinalIgnoreCase);

    [Fact]
    public async Task Every_endpoint_refuses_anonymous_callers_except_the_public_routes()
    {
        var endpoints = Endpoints().Where(e => !IsStaticAsset(e)).ToList();
        var routes = endpoints.Select(Route).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // The walk must see the whole app, or it proves nothing.
        Assert.Superset(new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "/", "/inquiries", "/inquiries/new", "/inquiries/{InquiryId:guid}", "/admin/audit", "/admin/api-keys", "/access-denied",
            "/verifications", "/authorizations", "/inquiries/{InquiryId:guid}/disclosures", "/beds", "/admin/facilities",
            "/api/v1/inquiries", "/api/v1/inquiries/{number}", "/jobs/{**path}", "/openapi/{documentName}.json",
            "/account/keepalive", "/_blazor", "/_blazor/negotiate", "/health", "/account/login", "/account/logout",
        }, routes);

        var failures = new List<string>();
        foreach (var endpoint in endpoints.Where(e => !PublicRoutes.Contains(Route(e))))
        {
            using var client = factory.CreateBrowser();
            var method = MethodFor(endpoint);
            var url = ConcreteUrl(endpoint.RoutePattern);
            using var request = new HttpRequestMessage(method, url);
            if (method == HttpMethod.Post)
            {
                request.Content = new StringContent("");
            }

            using var response = await client.SendAsync(request);
            var refused = IsRedirectToLogin(response)
                || response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                || (method == HttpMethod.Post && response.StatusCode == HttpStatusCode.BadRequest);
            if (!refused)
            {
                failures.Add($"{method} {url} ({endpoint.DisplayName}) answered {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(failures.Count == 0, "Reachable without signing in:\n" + string.Join('\n', failures));
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/health")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/error")]
    [InlineData("/not-found")]
    public async Task Public_pages_answer_anonymous_visitors(string url)
    {
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Logout_without_an_antiforgery_token_only_leads_to_the_sign_in_page()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "idle" }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_page_can_load_its_own_styles_and_scripts()
    {
        using var client = factory.CreateBrowser();
        var html = await client.GetStringAsync("/account/login");
        var assets = AssetReference().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Contains(assets, a => a.Contains("MudBlazor", StringComparison.Ordinal) && a.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.Contains("blazor.web", StringComparison.Ordinal));

        foreach (var asset in assets)
        {
            using var response = await client.GetAsync("/" + asset.TrimStart('/'));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset} answered {(int)response.StatusCode} {response.Headers.Location}");
            Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public void Static_assets_are_files_not_pages()
    {
        var assets = Endpoints().Where(IsStaticAsset).ToList();

        Assert.NotEmpty(assets);
        Assert.All(assets, e => Assert.DoesNotMatch(@"\.html?$", e.Metadata.GetMetadata<StaticAssetDescriptor>()!.AssetPath));
    }

    [Theory]
    [InlineData("/jobs")]
    [InlineData("/jobs/jobs/enqueued")]
    [InlineData("/jobs/recurring")]
    public async Task Job_dashboard_is_for_administrators_only(string url)
    {
        using var anonymous = factory.CreateBrowser();
        using var anonymousResponse = await anonymous.GetAsync(url);
        Assert.True(IsRedirectToLogin(anonymousResponse), $"Anonymous got {(int)anonymousResponse.StatusCode}");

        using var coordinator = await factory.SignInAsync(Roles.AdmissionsCoordinator);
        using var coordinatorResponse = await coordinator.GetAsync(url);
        Assert.NotEqual(HttpStatusCode.OK, coordinatorResponse.StatusCode);
        // Cookie authentication answers "forbidden" with a redirect to the access-denied page.
        var refused = coordinatorResponse.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            || (coordinatorResponse.StatusCode == HttpStatusCode.Redirect
                && coordinatorResponse.Headers.Location!.OriginalString.Contains("/access-denied", StringComparison.Ordinal));
        Assert.True(refused, $"Coordinator got {(int)coordinatorResponse.StatusCode} {coordinatorResponse.Headers.Location}");

        using var admin = await factory.SignInAsync(Roles.Admin);
        using var adminResponse = await admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, adminResponse.StatusCode);
        Assert.Contains("Admissions jobs", await adminResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_routable_page_declares_its_authorization()
    {
        var pages = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (Type: t, Route: r.Template)))
            .ToList();
        Assert.Contains(pages, p => p.Route == "/inquiries/new");

        var failures = new List<string>();
        foreach (var (type, route) in pages)
        {
            var authorize = type.GetCustomAttributes<AuthorizeAttribute>(inherit: true).Any();
            var anonymous = type.GetCustomAttributes<AllowAnonymousAttribute>(inherit: true).Any();
            if (anonymous && !PublicRoutes.Contains(route))
            {
                failures.Add($"{type.Name} ({route}) allows anonymous access but is not a public route");
            }
            else if (!authorize && !anonymous)
            {
                failures.Add($"{type.Name} ({route}) has neither [Authorize] nor [AllowAnonymous]");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Fallback_policy_requires_a_signed_in_user()
    {
        var policies = factory.Services.GetRequiredService<IAuthorizationPolicyProvider>();

        var fallback = await policies.GetFallbackPolicyAsync();

        Assert.NotNull(fallback);
        Assert.Contains(fallback.Requirements, r => r is DenyAnonymousAuthorizationRequirement);
    }

    [GeneratedRegex("(?:href|src)=\"([^\"]+\\.(?:css|js))\"")]
    private static partial Regex AssetReference();
}
