using Admissions.Cli;
using Admissions.Domain.Security;
using Admissions.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

/// <summary>
/// The second step of signing in, in Chromium: an authenticator app (TOTP) with recovery codes, and passkeys through
/// Chromium's virtual authenticator. Each test makes its own staff member, since the demo users are shared by every test.
/// </summary>
public sealed class SignInSecurityTests(AppServer app) : E2ETest(app)
{
    [Fact]
    public async Task A_coordinator_turns_on_an_authenticator_app_then_signs_in_with_a_code_or_once_with_a_recovery_code()
    {
        var (email, name) = await NewStaffMemberAsync("Jordan Avery");
        await Page.SetViewportSizeAsync(1366, 768);
        await SignInAsync(email);

        // My account → Set up an authenticator app: the page shows a QR code and the key an app would read from it.
        await GotoAsync("/account");
        await Expect(ByTestId("mfa-status")).ToContainTextAsync("off");
        await ByTestId("set-up-mfa").ClickAsync();
        await Expect(ByTestId("mfa-qr").Locator("svg")).ToBeVisibleAsync();
        var key = (await ByTestId("mfa-key").InnerTextAsync()).Trim();
        await ScreenshotAsync("mfa-setup.png");

        await Page.Locator("#code").FillAsync(WrongCode(key));
        await ByTestId("mfa-verify").ClickAsync();
        await Expect(ByTestId("login-message")).ToContainTextAsync("That code is not right");
        await Page.Locator("#code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await ByTestId("mfa-verify").ClickAsync();
        var recoveryCodes = ByTestId("recovery-codes").Locator("div");
        await Expect(recoveryCodes).ToHaveCountAsync(10);
        var recoveryCode = (await recoveryCodes.First.InnerTextAsync()).Trim();
        await ScreenshotAsync("mfa-recovery-codes.png");
        await ByTestId("mfa-continue").ClickAsync();
        await WaitForInteractiveAsync();

        // The password alone no longer opens anything: the code prompt comes next.
        await SignOutAsync(name);
        await EnterPasswordAsync(email);
        await Expect(Page).ToHaveURLAsync(CodeUrl);
        await Expect(Page.GetByText("Enter the 6-digit code from your authenticator app.")).ToBeVisibleAsync();
        await ScreenshotAsync("mfa-code-prompt.png");

        await Page.Locator("#code").FillAsync(WrongCode(key));
        await ContinueAsync();
        await Expect(ByTestId("login-message")).ToContainTextAsync("That code is not right. Codes change every 30 seconds");
        await Expect(Page).ToHaveURLAsync(CodeUrl);
        // The next 30-second step's code: a different code from the one that turned the app on, as a phone would show later.
        await Page.Locator("#code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)));
        await ContinueAsync();
        await ExpectSignedInAsync(name);

        // A lost phone: a recovery code opens the account once.
        await SignOutAsync(name);
        await EnterRecoveryCodeAsync(email, recoveryCode);
        await ExpectSignedInAsync(name);

        await SignOutAsync(name);
        await EnterRecoveryCodeAsync(email, recoveryCode);
        await Expect(ByTestId("login-message")).ToContainTextAsync("That recovery code is not one of yours, or it was used already.");
        await Expect(Page).ToHaveURLAsync(CodeUrl);
    }

    /// <summary>
    /// WebAuthn refuses an IP address as the relying party, so this test opens the app as http://localhost (a secure
    /// context in Chromium) and the passkey is bound to "localhost": the app takes the relying party from the request.
    /// </summary>
    [Fact]
    public async Task A_passkey_added_on_my_account_signs_in_without_a_password()
    {
        var (email, name) = await NewStaffMemberAsync("Riley Brooks");
        await Page.Context.CloseAsync();
        Page = await App.NewPageAsync(App.LocalhostUrl);
        await Page.SetViewportSizeAsync(1366, 768);
        var authenticator = await VirtualAuthenticator.AttachAsync(Page);
        await SignInAsync(email);

        await GotoAsync("/account");
        await Expect(ByTestId("passkey")).ToHaveCountAsync(0);
        await Input("passkey-name").FillAsync("Work laptop");
        await ByTestId("add-passkey").ClickAsync();
        await Expect(Page.Locator(".mud-snackbar", new PageLocatorOptions { HasText = "Passkey added" })).ToBeVisibleAsync();
        await Expect(ByTestId("passkey")).ToContainTextAsync("Work laptop");
        await Expect(ByTestId("passkey-error")).ToHaveCountAsync(0);
        Assert.Equal(1, await authenticator.CredentialCountAsync());

        // Signed out, the passkey alone signs in: no email, no password, no code.
        await SignOutAsync(name);
        await ScreenshotAsync("passkey-sign-in.png");
        await ByTestId("passkey-sign-in").ClickAsync();
        await ExpectSignedInAsync(name);
        await GotoAsync("/account");
        await Expect(ByTestId("sign-ins").Locator("tbody tr").Filter(new LocatorFilterOptions { HasText = "Active" })).ToContainTextAsync("Passkey");
        await Expect(ByTestId("passkey")).ToContainTextAsync("Work laptop");
        await ScreenshotAsync("passkey-account.png");
        await authenticator.DisposeAsync();
    }

    private static readonly System.Text.RegularExpressions.Regex CodeUrl = new("/account/login/code");

    /// <summary>A coordinator made with the operator CLI on the running app's database, with the demo password.</summary>
    private async Task<(string Email, string Name)> NewStaffMemberAsync(string name)
    {
        var email = $"{name.Split(' ')[0].ToLowerInvariant()}.{Guid.NewGuid().ToString("N")[..10]}@demo.admissions.local";
        Environment.SetEnvironmentVariable("ADMISSIONS_USER_PASSWORD", AppServer.Password);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await OperatorCommands.RunAsync(
            ["create-user", "--Admissions:DataFolder", App.DataDirectory, "--email", email, "--name", name, "--roles", Roles.AdmissionsCoordinator],
            output, error);
        Assert.True(exitCode == 0, error.ToString());
        return (email, name);
    }

    /// <summary>A six-digit code the authenticator would not accept now (none of the steps around the current one).</summary>
    private static string WrongCode(string key)
    {
        var now = DateTimeOffset.UtcNow;
        var valid = Enumerable.Range(-3, 7).Select(step => Totp.Code(key, now.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 6)).First(code => !valid.Contains(code));
    }

    private async Task SignOutAsync(string name)
    {
        await ByTestId("user-menu").ClickAsync();
        await ByTestId("sign-out").ClickAsync();
        await Expect(Page).ToHaveURLAsync(LoginUrl());
        await Expect(ByTestId("login-message")).ToContainTextAsync("You have signed out.");
        await Expect(Page.GetByText(name)).ToHaveCountAsync(0);
    }

    private async Task EnterPasswordAsync(string email)
    {
        await Page.Locator("#email").FillAsync(email);
        await Page.Locator("#password").FillAsync(AppServer.Password);
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
    }

    private async Task EnterRecoveryCodeAsync(string email, string recoveryCode)
    {
        await EnterPasswordAsync(email);
        await Expect(Page).ToHaveURLAsync(CodeUrl);
        await Page.Locator("#use-recovery").CheckAsync();
        await Page.Locator("#code").FillAsync(recoveryCode);
        await ContinueAsync();
    }

    private Task ContinueAsync() => Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Continue" }).ClickAsync();

    private async Task ExpectSignedInAsync(string name)
    {
        await Expect(Page).Not.ToHaveURLAsync(LoginUrl());
        await WaitForInteractiveAsync();
        await Expect(ByTestId("user-menu")).ToContainTextAsync(name);
    }

    /// <summary>
    /// Chromium's virtual authenticator (DevTools protocol, WebAuthn domain): a platform authenticator that keeps
    /// discoverable credentials and verifies the user at once, as a laptop's fingerprint reader would.
    /// </summary>
    private sealed class VirtualAuthenticator(ICDPSession session, string id) : IAsyncDisposable
    {
        public static async Task<VirtualAuthenticator> AttachAsync(IPage page)
        {
            var session = await page.Context.NewCDPSessionAsync(page);
            await session.SendAsync("WebAuthn.enable");
            var added = await session.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
            {
                ["options"] = new Dictionary<string, object>
                {
                    ["protocol"] = "ctap2",
                    ["transport"] = "internal",
                    ["hasResidentKey"] = true,
                    ["hasUserVerification"] = true,
                    ["isUserVerified"] = true,
                },
            });
            return new VirtualAuthenticator(session, added!.Value.GetProperty("authenticatorId").GetString()!);
        }

        public async Task<int> CredentialCountAsync()
        {
            var result = await session.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = id });
            return result!.Value.GetProperty("credentials").GetArrayLength();
        }

        public async ValueTask DisposeAsync()
        {
            await session.SendAsync("WebAuthn.removeVirtualAuthenticator", new Dictionary<string, object> { ["authenticatorId"] = id });
            await session.DetachAsync();
        }
    }
}
