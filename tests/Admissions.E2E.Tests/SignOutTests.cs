using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

public sealed class SignOutTests(AppServer app) : E2ETest(app)
{
    [Fact]
    public async Task Signing_out_from_the_user_menu_ends_on_the_login_page()
    {
        await SignInAsync(AppServer.Coordinator);

        await Page.Locator(".mud-appbar").GetByText("Casey Nguyen").ClickAsync();
        await Expect(ByTestId("sign-out")).ToBeVisibleAsync();
        await ByTestId("sign-out").ClickAsync();

        await Expect(Page).ToHaveURLAsync(LoginUrl());
        await Expect(ByTestId("login-message")).ToContainTextAsync("You have signed out.");
        await ScreenshotAsync("signed-out.png");

        // The session is gone: the app sends you back to sign in.
        await Page.GotoAsync("/inquiries");
        await Expect(Page).ToHaveURLAsync(LoginUrl());
    }
}
