using System.Net;
using System.Text.RegularExpressions;
using Admissions.Domain.Security;
using Admissions.Testing;
using Admissions.Web.Tests.Support;

namespace Admissions.Web.Tests.Security;

/// <summary>With Security:RequireMfa, PHI roles set up an authenticator app before anything opens, then sign in with a code.</summary>
public sealed partial class MfaTests(MfaTests.Factory factory) : IClassFixture<MfaTests.Factory>
{
    public sealed class Factory : AdmissionsWebFactory
    {
        protected override bool RequireMfa => true;
    }

    private static string Path(HttpResponseMessage response) => new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath;

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields)
    {
        fields["_handler"] = handler;
        fields["__RequestVerificationToken"] = await AdmissionsWebFactory.AntiforgeryTokenAsync(client, path);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    /// <summary>Signs in with the password and sets up the authenticator; returns the key and the recovery codes.</summary>
    private async Task<(string Email, string Key, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(string role)
    {
        var email = await factory.CreateUserAsync(role);
        using var client = factory.CreateBrowser();
        using var signIn = await AdmissionsWebFactory.PostLoginAsync(client, email, AdmissionsWebFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        using var blocked = await client.GetAsync("/inquiries");
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        Assert.Equal("/account/mfa", Path(blocked));

        var page = await client.GetStringAsync("/account/mfa");
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        var key = KeyPattern().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.NotEmpty(key);

        using var wrong = await PostFormAsync(client, "/account/mfa", "enable-mfa", new() { ["Input.Code"] = "000000" });
        Assert.Contains("That code is not right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var enabled = await PostFormAsync(client, "/account/mfa", "enable-mfa", new() { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var html = await enabled.Content.ReadAsStringAsync();
        var codes = CodesPattern().Match(html).Groups[1].Value;
        var recovery = DivPattern().Matches(codes).Select(m => m.Groups[1].Value.Trim()).ToList();
        Assert.Equal(10, recovery.Count);

        using var open = await client.GetAsync("/inquiries");
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        return (email, key, recovery);
    }

    [Fact]
    public async Task A_coordinator_sets_up_the_authenticator_before_anything_opens_then_signs_in_with_a_code()
    {
        var (email, key, _) = await EnrolAsync(Roles.AdmissionsCoordinator);

        using var client = factory.CreateBrowser();
        using var password = await AdmissionsWebFactory.PostLoginAsync(client, email, AdmissionsWebFactory.Password);
        Assert.Equal("/account/login/code", Path(password));
        using var notYet = await client.GetAsync("/inquiries");
        Assert.Equal("/account/login", Path(notYet));

        using var wrong = await PostFormAsync(client, "/account/login/code", "login-code", new() { ["Input.Code"] = "123456" });
        Assert.Contains("That code is not right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var right = await PostFormAsync(client, "/account/login/code", "login-code", new() { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/", Path(right));
        using var page = await client.GetAsync("/inquiries");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var (email, _, codes) = await EnrolAsync(Roles.Clinician);

        async Task<HttpResponseMessage> UseAsync()
        {
            var client = factory.CreateBrowser();
            using var password = await AdmissionsWebFactory.PostLoginAsync(client, email, AdmissionsWebFactory.Password);
            Assert.Equal("/account/login/code", Path(password));
            return await PostFormAsync(client, "/account/login/code", "login-code", new() { ["Input.Code"] = codes[0], ["Input.UseRecoveryCode"] = "true" });
        }

        using var first = await UseAsync();
        using var second = await UseAsync();

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/", Path(first));
        Assert.Contains("used already", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Business_development_sees_no_PHI_and_is_not_asked_for_MFA()
    {
        using var client = await factory.SignInAsync(Roles.BusinessDevelopment);

        using var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [GeneratedRegex("data-testid=\"mfa-key\"[^>]*>([^<]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("data-testid=\"recovery-codes\"(.*?)data-testid=\"mfa-continue\"", RegexOptions.Singleline)]
    private static partial Regex CodesPattern();

    [GeneratedRegex("<div>([^<]+)</div>")]
    private static partial Regex DivPattern();
}
