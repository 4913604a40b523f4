using Admissions.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

/// <summary>OpenID Connect single sign-on in Chromium: the app's button, the provider's round trip, and who comes back.</summary>
public sealed class SingleSignOnTests(AppServer app, SingleSignOnApp sso) : E2ETest(app), IClassFixture<SingleSignOnApp>
{
    [Fact]
    public async Task A_staff_member_signs_in_through_the_provider_and_someone_in_no_mapped_group_is_refused()
    {
        await OpenSsoAppAsync();
        sso.Provider.NextPerson = new OidcPerson("sub-" + sso.StaffEmail, sso.StaffEmail, "D. Whitfield (provider)", [SingleSignOnApp.CoordinatorGroup]);

        await Page.GotoAsync("/inquiries");
        await Expect(Page).ToHaveURLAsync(LoginUrl());
        var button = ByTestId("sso-sign-in");
        await Expect(button).ToHaveTextAsync($"Sign in with {SingleSignOnApp.ProviderName}");
        await Expect(Page.GetByText("The password form below is for administrators' break-glass accounts.")).ToBeVisibleAsync();
        await ScreenshotAsync("sso-sign-in.png");

        // Through the provider and back to the page asked for, as the staff member the app already knew by that email.
        await button.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/inquiries$"));
        await WaitForInteractiveAsync();
        await Expect(ByTestId("user-menu")).ToContainTextAsync(SingleSignOnApp.StaffName);
        Assert.True(sso.Provider.PkceVerified > 0);
        await GotoAsync("/account");
        await Expect(ByTestId("my-roles")).ToContainTextAsync("Admissions coordinator");
        await Expect(ByTestId("sign-ins").Locator("tbody tr").Filter(new LocatorFilterOptions { HasText = "Active" })).ToContainTextAsync("Single sign-on");
        await ScreenshotAsync("sso-signed-in.png");

        // Someone the provider knows but in no group that has a role here: refused, and no account is made.
        await OpenSsoAppAsync();
        sso.Provider.NextPerson = new OidcPerson("sub-visitor", "visitor@riverbend.example", "Pat Visitor", ["marketing"]);
        await Page.GotoAsync("/account/login");
        await ByTestId("sso-sign-in").ClickAsync();
        await Expect(Page).ToHaveURLAsync(LoginUrl());
        await Expect(ByTestId("login-message")).ToHaveTextAsync(
            $"Your {SingleSignOnApp.ProviderName} account is in no group that has a role in Admissions. Ask your administrator.");
        await ScreenshotAsync("sso-refused.png");
        await Page.GotoAsync("/inquiries");
        await Expect(Page).ToHaveURLAsync(LoginUrl());
    }

    /// <summary>A fresh browser context on the single sign-on app, in place of the current one.</summary>
    private async Task OpenSsoAppAsync()
    {
        await Page.Context.CloseAsync();
        Page = await App.NewPageAsync(sso.BaseUrl);
        await Page.SetViewportSizeAsync(1366, 768);
    }
}
