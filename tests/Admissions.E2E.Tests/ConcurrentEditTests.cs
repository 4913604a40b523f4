using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

public sealed class ConcurrentEditTests(AppServer app) : E2ETest(app)
{
    [Fact]
    public async Task The_second_of_two_editors_is_told_what_changed_and_keeps_what_they_typed()
    {
        await SignInAsync(AppServer.Coordinator);
        await OpenNewInquiryAsync();
        await FillMinimalInquiryAsync("Lee Park", UniquePhone(), "Dana", UniqueSurname("Park"));
        await ByTestId("save-inquiry").ClickAsync();
        await WaitForCreatedInquiryAsync();
        var inquiryUrl = Page.Url;
        await OpenDetailsTabAsync(Page);

        // A manager edits the same inquiry in another browser and saves first.
        var other = await App.NewPageAsync();
        try
        {
            await other.GotoAsync("/account/login");
            await other.Locator("#email").FillAsync(AppServer.Manager);
            await other.Locator("#password").FillAsync(AppServer.Password);
            await other.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
            await Expect(other).Not.ToHaveURLAsync(LoginUrl());
            await other.GotoAsync(inquiryUrl);
            await other.Locator("[data-testid=interactive]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
            await OpenDetailsTabAsync(other);
            await other.Locator("input[data-testid=patient-phone]").FillAsync("(555) 777-0101");
            await other.Locator("[data-testid=save-details]").ClickAsync();
            await Expect(other.GetByText("Details saved.")).ToBeVisibleAsync();
        }
        finally
        {
            await other.Context.CloseAsync();
        }

        await Input("notes").FillAsync("Prefers a call after 5 pm.");
        await ByTestId("save-details").ClickAsync();
        await Expect(ByTestId("conflict")).ToContainTextAsync("Patient phone");
        await Expect(Input("notes")).ToHaveValueAsync("Prefers a call after 5 pm.");
        await Expect(Input("patient-phone")).ToHaveValueAsync("(555) 777-0101");
        await ScreenshotAsync("edit-conflict.png");

        await ByTestId("save-details").ClickAsync();
        await Expect(Page.GetByText("Details saved.")).ToBeVisibleAsync();
        await Page.ReloadAsync();
        await WaitForInteractiveAsync();
        await OpenDetailsTabAsync(Page);
        await Expect(Input("notes")).ToHaveValueAsync("Prefers a call after 5 pm.");
        await Expect(Input("patient-phone")).ToHaveValueAsync("(555) 777-0101");
    }

    private static Task OpenDetailsTabAsync(IPage page) =>
        page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Details" }).ClickAsync();
}
