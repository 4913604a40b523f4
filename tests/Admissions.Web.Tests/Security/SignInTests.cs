using System.Net;
using Admissions.Domain.Security;
using Admissions.Web.Tests.Support;

namespace Admissions.Web.Tests.Security;

/// <summary>The real sign-in form (static SSR, antiforgery) and sign-out endpoint.</summary>
public sealed class SignInTests(AdmissionsWebFactory factory) : IClassFixture<AdmissionsWebFactory>
{
    private const string Password = AdmissionsWebFactory.Password;

    private static bool SetsAuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith(AdmissionsWebFactory.AuthCookie + "=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));

    private static Uri Resolve(Uri location) => new(new Uri("http://localhost"), location);

    [Fact]
    public async Task Right_password_signs_in_and_redirects_home()
    {
        var email = await factory.CreateUserAsync(Roles.Admin);
        using var client = factory.CreateBrowser();

        using var response = await AdmissionsWebFactory.PostLoginAsync(client, email, Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = Resolve(response.Headers.Location!);
        Assert.Equal("localhost", location.Host);
        Assert.Equal("/", location.AbsolutePath);
        Assert.True(SetsAuthCookie(response), "The auth cookie was not set");

        using var audit = await client.GetAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_user_without_the_role_is_refused_an_admin_page()
    {
        using var client = await factory.SignInAsync(Roles.AdmissionsCoordinator);

        using var home = await client.GetAsync("/");
        using var audit = await client.GetAsync("/admin/audit");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, audit.StatusCode);
        Assert.Equal("/access-denied", Resolve(audit.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task Wrong_password_shows_a_message_and_sets_no_cookie()
    {
        var email = await factory.CreateUserAsync(Roles.AdmissionsCoordinator);
        using var client = factory.CreateBrowser();

        using var response = await AdmissionsWebFactory.PostLoginAsync(client, email, "Wrong-Password-99");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("do not match", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(SetsAuthCookie(response));
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        var email = await factory.CreateUserAsync(Roles.AdmissionsCoordinator);
        using var client = factory.CreateBrowser();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await AdmissionsWebFactory.PostLoginAsync(client, email, $"Wrong-Password-{attempt:00}");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var response = await AdmissionsWebFactory.PostLoginAsync(client, email, Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("locked", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(SetsAuthCookie(response));
    }

    [Fact]
    public async Task Four_wrong_passwords_do_not_lock_the_account()
    {
        var email = await factory.CreateUserAsync(Roles.AdmissionsCoordinator);
        using var client = factory.CreateBrowser();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await AdmissionsWebFactory.PostLoginAsync(client, email, $"Wrong-Password-{attempt:00}");
            Assert.DoesNotContain("locked", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var response = await AdmissionsWebFactory.PostLoginAsync(client, email, Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(SetsAuthCookie(response));
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task An_off_site_return_url_is_ignored(string returnUrl)
    {
        var email = await factory.CreateUserAsync(Roles.AdmissionsCoordinator);
        using var client = factory.CreateBrowser();

        using var response = await AdmissionsWebFactory.PostLoginAsync(client, email, Password, "?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = Resolve(response.Headers.Location!);
        Assert.Equal("localhost", location.Host);
        Assert.Equal("/", location.AbsolutePath);
    }

    [Fact]
    public async Task A_local_return_url_is_followed()
    {
        var email = await factory.CreateUserAsync(Roles.AdmissionsCoordinator);
        using var client = factory.CreateBrowser();

        using var response = await AdmissionsWebFactory.PostLoginAsync(client, email, Password, "?returnUrl=" + Uri.EscapeDataString("/inquiries"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/inquiries", Resolve(response.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task Logout_with_the_antiforgery_token_signs_out()
    {
        using var client = await factory.SignInAsync(Roles.AdmissionsCoordinator);
        // The layout carries the sign-out form (also used by the idle logoff) with its token.
        var token = await AdmissionsWebFactory.AntiforgeryTokenAsync(client, "/");

        using var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["reason"] = "signedout",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = Resolve(response.Headers.Location!);
        Assert.Equal("/account/login", location.AbsolutePath);
        Assert.Equal("?reason=signedout", location.Query);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AdmissionsWebFactory.AuthCookie + "=;", StringComparison.Ordinal));

        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/account/login", Resolve(home.Headers.Location!).AbsolutePath);

        using var loginPage = await client.GetAsync(location.PathAndQuery);
        Assert.Contains("You have signed out.", await loginPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_without_a_valid_token_keeps_the_session()
    {
        using var client = await factory.SignInAsync(Roles.AdmissionsCoordinator);

        using var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = "forged",
            ["reason"] = "signedout",
        }));

        // Nothing is signed out; the browser is sent to the sign-in page as after an idle logoff.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", Resolve(response.Headers.Location!).AbsolutePath);
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }
}
