using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Admissions.Application.Common;
using Admissions.Domain.Security;
using Admissions.Web.Security;
using Admissions.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Admissions.Web.Tests.Security;

/// <summary>
/// Roles are written once, on the requests. A page, a menu entry or a button that lets in a role its request refuses, or
/// keeps out a role its request accepts, fails here: every page is opened and every menu read as every staff role.
/// </summary>
public sealed partial class RoleConsistencyTests(AdmissionsWebFactory factory) : IClassFixture<AdmissionsWebFactory>
{
    /// <summary>Pages any signed-in person may open: they send only requests every staff role may send.</summary>
    private static readonly HashSet<string> SignedInPages = ["/", "/notifications", "/access-denied", "/account", "/account/mfa"];

    private static readonly string Source = Path.Combine(FindRepositoryRoot(), "src", "Admissions.Web");

    private static IEnumerable<(string Route, AuthorizeAttribute Authorize)> Pages() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (Route: r.Template, Authorize: t.GetCustomAttribute<AuthorizeAttribute>(inherit: true))))
            .Where(p => p.Authorize is not null)
            .Select(p => (p.Route, p.Authorize!));

    /// <summary>The roles a page admits: its request's, or every staff role for the signed-in pages.</summary>
    private static IReadOnlyList<string> PageRoles(AuthorizeAttribute authorize) =>
        authorize.Policy is { } policy ? RequestPolicies.All[policy] : Roles.StaffRoles;

    public static IEnumerable<object[]> PagesAndRoles() =>
        from page in Pages()
        from role in Roles.StaffRoles
        select new object[] { page.Route, role };

    [Fact]
    public void Every_page_takes_its_roles_from_a_request_and_none_lists_roles_of_its_own()
    {
        var pages = Pages().ToList();

        Assert.True(pages.Count >= 20, $"Only {pages.Count} pages found.");
        Assert.All(pages, page =>
        {
            Assert.Null(page.Authorize.Roles);
            Assert.True(page.Authorize.Policy is null ? SignedInPages.Contains(page.Route) : RequestPolicies.All.ContainsKey(page.Authorize.Policy),
                $"{page.Route} is authorized by '{page.Authorize.Policy}', which is no request.");
        });
    }

    [Theory]
    [MemberData(nameof(PagesAndRoles))]
    public async Task A_page_opens_for_exactly_the_roles_its_request_accepts(string route, string role)
    {
        var allowed = PageRoles(Pages().First(p => p.Route == route).Authorize).Contains(role);
        using var client = await factory.SignInAsync(role);

        using var response = await client.GetAsync(Concrete(route));

        var opened = response.StatusCode == HttpStatusCode.OK
            || (route == "/" && StaffHome.IsReviewBoard(UserIn(role)) && response.Headers.Location?.AbsolutePath == StaffHome.ReviewBoard);
        var refused = response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location!.OriginalString.Contains("/access-denied", StringComparison.Ordinal);
        Assert.True(allowed ? opened : refused, $"{role} on {route}: {(int)response.StatusCode} {response.Headers.Location}");
    }

    [Theory]
    [MemberData(nameof(StaffRoles))]
    public async Task The_menu_links_exactly_the_pages_a_role_may_open(string role)
    {
        using var client = await factory.SignInAsync(role);
        var html = await client.GetStringAsync(AdmissionsWebFactory.MenuPage);
        var linked = Href().Matches(html).Select(m => m.Groups[1].Value.Split('?')[0]).ToHashSet(StringComparer.Ordinal);
        var pages = Pages().Where(p => !p.Route.Contains('{', StringComparison.Ordinal)).ToDictionary(p => p.Route, p => PageRoles(p.Authorize));

        foreach (var href in linked.Where(pages.ContainsKey))
        {
            Assert.True(pages[href].Contains(role), $"{role} is shown a link to {href}, which refuses the role.");
        }

        foreach (var (route, roles) in pages.Where(p => MenuPages.Contains(p.Key)))
        {
            Assert.True(!roles.Contains(role) || linked.Contains(route), $"{role} may open {route} but the menu does not link it.");
        }
    }

    /// <summary>Pages the menu or the app bar links to for every role allowed on them.</summary>
    private static readonly HashSet<string> MenuPages =
    [
        "/work", "/inquiries", "/inquiries/new", "/beds", "/verifications", "/authorizations", "/admin/partners", "/admin/referral-organisations",
        "/admin/outbox", "/admin/facilities", "/admin/audit", "/admin/api-keys", "/dashboard", "/dashboard/funnel", "/dashboard/referrals",
        "/dashboard/scorecard",
    ];

    private static ICurrentUser UserIn(string role)
    {
        var user = new Mock<ICurrentUser>();
        user.SetupGet(u => u.IsAuthenticated).Returns(true);
        user.Setup(u => u.IsInRole(It.IsAny<string>())).Returns<string>(r => r == role);
        return user.Object;
    }

    public static IEnumerable<object[]> StaffRoles() => Roles.StaffRoles.Select(role => new object[] { role });

    [Fact]
    public void A_button_is_shown_for_exactly_the_roles_its_request_accepts()
    {
        var requests = typeof(RequiresRoleAttribute).Assembly.GetTypes().Where(t => t.GetCustomAttribute<RequiresRoleAttribute>() is not null).ToList();
        var allows = typeof(RequestPolicies).GetMethod(nameof(RequestPolicies.Allows))!;

        Assert.NotEmpty(requests);
        foreach (var request in requests)
        {
            foreach (var role in Roles.StaffRoles)
            {
                var shown = (bool)allows.MakeGenericMethod(request).Invoke(null, [UserIn(role)])!;
                Assert.True(shown == request.GetCustomAttribute<RequiresRoleAttribute>()!.Roles.Contains(role), $"{request.Name} for {role}");
            }
        }
    }

    [Fact]
    public async Task Every_request_policy_requires_exactly_the_requests_roles()
    {
        var provider = factory.Services.GetRequiredService<IAuthorizationPolicyProvider>();

        foreach (var (name, roles) in RequestPolicies.All)
        {
            var policy = await provider.GetPolicyAsync(name);
            var required = Assert.Single(policy!.Requirements.OfType<RolesAuthorizationRequirement>());
            Assert.Equal(roles.Order(), required.AllowedRoles.Order());
        }
    }

    [Fact]
    public void No_razor_file_writes_a_role_or_checks_one_itself()
    {
        var offenders = Directory.EnumerateFiles(Source, "*.razor", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, index)))
            .Where(x => RoleLiteral().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(Source, x.file)}:{x.index + 1}: {x.line.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, string.Join('\n', offenders));
    }

    private static string Concrete(string route) =>
        RouteParameter().Replace(route, m => m.Value.Contains(":guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : "x");

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Admissions.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Admissions.sln not found above the test output.");
    }

    [GeneratedRegex("href=\"(/[^\"#]*)\"")]
    private static partial Regex Href();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"Roles\s*=|IsInRole\(|Roles\.(Admin|AdmissionsManager|AdmissionsCoordinator|Clinician|UtilizationReview|BusinessDevelopment|PhiRoles|StaffRoles)\b")]
    private static partial Regex RoleLiteral();
}
