using System.Net;
using Admissions.Domain.Security;
using Admissions.Testing;
using Admissions.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Web.Tests.Security;

/// <summary>OpenID Connect single sign-on against a provider the tests start on 127.0.0.1.</summary>
public sealed class SingleSignOnTests(SingleSignOnTests.Factory factory) : IClassFixture<SingleSignOnTests.Factory>
{
    public sealed class Factory : AdmissionsWebFactory
    {
        public TestOidcProvider Provider { get; } = new();

        // MFA on, to show that a single sign-on is not asked for it again.
        protected override bool RequireMfa => true;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Provider.StartAsync().GetAwaiter().GetResult();
            base.ConfigureWebHost(builder);
            builder.UseSetting("Security:Sso:Authority", Provider.Issuer);
            builder.UseSetting("Security:Sso:ClientId", TestOidcProvider.ClientId);
            builder.UseSetting("Security:Sso:ClientSecret", TestOidcProvider.ClientSecret);
            builder.UseSetting("Security:Sso:DisplayName", "Riverbend SSO");
            builder.UseSetting("Security:Sso:RequireHttpsMetadata", "false");
            builder.UseSetting("Security:Sso:RoleGroups:AdmissionsCoordinator:0", "admissions-coordinators");
            builder.UseSetting("Security:Sso:RoleGroups:AdmissionsManager:0", "admissions-managers");
            builder.UseSetting("Security:Sso:RoleGroups:Admin:0", "it-admins");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Provider.DisposeAsync();
        }
    }

    private static Uri Resolve(Uri location) => new(new Uri("http://localhost"), location);

    /// <summary>Follows the redirects as a browser would: the app's in memory, the provider's over HTTP.</summary>
    private async Task<(HttpClient App, Uri Landed)> SignInThroughProviderAsync(OidcPerson person, string returnUrl = "/inquiries")
    {
        factory.Provider.NextPerson = person;
        var app = factory.CreateBrowser();
        using var providerClient = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var next = new Uri($"http://localhost/account/sso?returnUrl={Uri.EscapeDataString(returnUrl)}");
        for (var hop = 0; hop < 10; hop++)
        {
            var fromProvider = next.Authority == new Uri(factory.Provider.Issuer).Authority;
            using var response = fromProvider ? await providerClient.GetAsync(next) : await app.GetAsync(next.PathAndQuery);
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                return (app, next);
            }

            next = new Uri(next, response.Headers.Location!);
            if (next.Host == "localhost" && next.AbsolutePath is "/account/login" or "/inquiries" or "/")
            {
                return (app, next);
            }
        }

        throw new InvalidOperationException("Too many redirects");
    }

    [Fact]
    public async Task The_sign_in_page_offers_the_provider()
    {
        using var client = factory.CreateBrowser();

        var page = await client.GetStringAsync("/account/login");

        Assert.Contains("Sign in with Riverbend SSO", page, StringComparison.Ordinal);
        Assert.Contains("break-glass", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_first_sign_in_creates_the_account_with_the_roles_of_its_groups_and_opens_the_page_asked_for()
    {
        var email = $"alex.{Guid.NewGuid():N}@sso.test";

        var (app, landed) = await SignInThroughProviderAsync(new OidcPerson("sub-" + email, email, "Alex Rivera", ["admissions-coordinators", "unrelated"]));

        Assert.Equal("/inquiries", landed.AbsolutePath);
        using var page = await app.GetAsync("/inquiries");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(factory.Provider.PkceVerified > 0);
        var roles = await RolesOfAsync(email);
        Assert.Equal([Roles.AdmissionsCoordinator], roles);
        var method = await factory.QueryAsync(db => db.UserSessions.Where(s => s.UserId == db.Users.Single(u => u.Email == email).Id).Select(s => s.Method).SingleAsync());
        Assert.Equal("Single sign-on", method);
    }

    [Fact]
    public async Task Roles_follow_the_groups_at_every_sign_in()
    {
        var email = $"sam.{Guid.NewGuid():N}@sso.test";
        await SignInThroughProviderAsync(new OidcPerson("sub-" + email, email, "Sam Lee", ["admissions-coordinators"]));

        var (app, _) = await SignInThroughProviderAsync(new OidcPerson("sub-" + email, email, "Sam Lee", ["admissions-managers"]));

        Assert.Equal([Roles.AdmissionsManager], await RolesOfAsync(email));
        using var outbox = await app.GetAsync("/admin/outbox");
        Assert.Equal(HttpStatusCode.OK, outbox.StatusCode);
    }

    [Fact]
    public async Task Someone_in_no_mapped_group_is_refused()
    {
        var email = $"visitor.{Guid.NewGuid():N}@sso.test";

        var (_, landed) = await SignInThroughProviderAsync(new OidcPerson("sub-" + email, email, "Visitor", ["marketing"]));

        Assert.Equal("/account/login", landed.AbsolutePath);
        Assert.Contains("reason=sso-no-role", landed.Query, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task A_disabled_account_is_refused_even_by_the_provider()
    {
        var email = $"leaver.{Guid.NewGuid():N}@sso.test";
        await SignInThroughProviderAsync(new OidcPerson("sub-" + email, email, "Leaver", ["admissions-coordinators"]));
        await factory.QueryAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Email == email)).DisabledAt = DateTimeOffset.UtcNow;
            return await db.SaveChangesAsync();
        });

        var (_, landed) = await SignInThroughProviderAsync(new OidcPerson("sub-" + email, email, "Leaver", ["admissions-coordinators"]));

        Assert.Contains("reason=sso-disabled", landed.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_single_sign_on_only_administrators_keep_a_password_break_glass()
    {
        var coordinator = await factory.CreateUserAsync(Roles.AdmissionsCoordinator);
        var admin = await factory.CreateUserAsync(Roles.Admin);
        using var client = factory.CreateBrowser();

        using var refused = await AdmissionsWebFactory.PostLoginAsync(client, coordinator, AdmissionsWebFactory.Password);
        using var allowed = await AdmissionsWebFactory.PostLoginAsync(client, admin, AdmissionsWebFactory.Password);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("do not match an active account", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
    }

    private Task<List<string>> RolesOfAsync(string email) => factory.QueryAsync(db =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where u.Email == email
         select r.Name!).ToListAsync());
}
