using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

public sealed partial class StaffAccountTests(AppServer app) : E2ETest(app)
{
    private const string NewPassword = "Welcome-To-Riverbend-26";

    [Fact]
    public async Task An_admin_invites_a_coordinator_who_sets_a_password_works_an_inquiry_and_is_signed_out_when_disabled()
    {
        var email = $"morgan.{Guid.NewGuid().ToString("N")[..12]}@demo.admissions.local";
        var lastName = UniqueSurname("Okafor");

        // Admin → Staff: add the coordinator; the invitation goes through the outbox.
        await SignInAsync(AppServer.Admin);
        await ByTestId("nav-staff").ClickAsync();
        await Expect(Page).ToHaveURLAsync(StaffUrl());
        await Expect(ByTestId("staff")).ToContainTextAsync("Casey Nguyen");
        await ScreenshotAsync("staff.png");
        await ByTestId("staff-add").ClickAsync();
        await Input("staff-name").FillAsync("Morgan Okafor");
        await Input("staff-email").FillAsync(email);
        await Input("staff-phone").FillAsync("(555) 310-2299");
        await Page.Locator("input[data-testid=role-AdmissionsCoordinator], [data-testid=role-AdmissionsCoordinator] input").First.CheckAsync();
        await ScreenshotAsync("staff-invite.png");
        await ByTestId("invite-send").ClickAsync();
        await Expect(Page.Locator(".mud-snackbar", new PageLocatorOptions { HasText = "Morgan Okafor added" })).ToBeVisibleAsync();
        var row = ByTestId("staff-row").Filter(new LocatorFilterOptions { HasText = email });
        await Expect(row.Locator("[data-testid=staff-status]")).ToHaveTextAsync("Invited");
        var adminPage = Page;

        // The coordinator opens the link in the .eml the file outbox wrote, and chooses a password.
        var link = await InvitationLinkAsync(email);
        var coordinator = await App.NewPageAsync();
        await coordinator.GotoAsync(link);
        await Expect(coordinator.Locator("[data-testid=set-password-email]")).ToHaveTextAsync(email);
        await coordinator.Locator("#new-password").FillAsync(NewPassword);
        await coordinator.Locator("#confirm-password").FillAsync(NewPassword);
        await coordinator.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(App.ScreenshotDirectory, "set-password.png") });
        await coordinator.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save password" }).ClickAsync();
        await Expect(coordinator).ToHaveURLAsync(LoginUrl());
        await Expect(coordinator.Locator("[data-testid=login-message]")).ToContainTextAsync("Your password is set");
        await Expect(coordinator.Locator("#email")).ToHaveValueAsync(email);

        // The link worked once.
        var reused = await coordinator.Context.NewPageAsync();
        await reused.GotoAsync(link);
        await Expect(reused.Locator("[data-testid=login-message]")).ToContainTextAsync("already been used");
        await reused.CloseAsync();

        // Signs in and works an inquiry.
        await coordinator.Locator("#password").FillAsync(NewPassword);
        await coordinator.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await coordinator.Locator("[data-testid=interactive]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        Page = coordinator;
        await OpenNewInquiryAsync();
        await FillMinimalInquiryAsync("Sam Okafor", UniquePhone(), "Dana", lastName);
        await ByTestId("save-inquiry").ClickAsync();
        await WaitForCreatedInquiryAsync();
        await ChooseAsync("contact-outcome", "Reached");
        await ByTestId("log-contact").ClickAsync();
        await Expect(ByTestId("timeline")).ToContainTextAsync("Call: reached");
        await Expect(ByTestId("timeline")).ToContainTextAsync("Morgan Okafor");

        // The admin disables the leaver; the coordinator's open page is signed out without a click.
        Page = adminPage;
        await Page.BringToFrontAsync();
        await row.ClickAsync();
        await Expect(Page.Locator("h4")).ToHaveTextAsync("Morgan Okafor");
        await ByTestId("disable").ClickAsync();
        await Input("prompt-text").FillAsync("Left the organisation");
        await ByTestId("prompt-confirm").ClickAsync();
        await Expect(ByTestId("disable-result")).ToContainTextAsync("can no longer sign in");
        await Expect(ByTestId("staff-status")).ToHaveTextAsync("Disabled");
        await ScreenshotAsync("staff-disabled.png");

        await Expect(coordinator).ToHaveURLAsync(LoginUrl(), new PageAssertionsToHaveURLOptions { Timeout = 30_000 });
        await Expect(coordinator.Locator("[data-testid=login-message]")).ToContainTextAsync("Your session has ended");
        await coordinator.Locator("#email").FillAsync(email);
        await coordinator.Locator("#password").FillAsync(NewPassword);
        await coordinator.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await Expect(coordinator.Locator("[data-testid=login-message]")).ToContainTextAsync("do not match an active account");
        await coordinator.Context.CloseAsync();
    }

    /// <summary>The set-password link in the invitation the file outbox wrote (as a path, since the app's port is chosen at run time).</summary>
    private async Task<string> InvitationLinkAsync(string email)
    {
        var folder = Path.Combine(App.DataDirectory, "outbox", "email");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.GetFiles(folder, "*.eml"))
                {
                    var text = await File.ReadAllTextAsync(file);
                    if (text.Contains(email, StringComparison.OrdinalIgnoreCase) && LinkPattern().Match(text) is { Success: true } match)
                    {
                        return match.Value;
                    }
                }
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"No invitation for {email} in {folder}");
    }

    [GeneratedRegex(@"/account/set-password\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("/admin/staff$")]
    private static partial Regex StaffUrl();
}
