using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

public sealed class PayerDirectoryTests(AppServer app) : E2ETest(app)
{
    [Fact]
    public async Task A_manager_finds_payers_by_alias_and_imports_a_clearinghouse_list_after_a_preview()
    {
        await SignInAsync(AppServer.Manager);
        await ByTestId("nav-payers").ClickAsync();
        await Expect(ByTestId("payers")).ToContainTextAsync("Florida Blue");

        await Input("payer-search").FillAsync("Beacon");
        await Expect(ByTestId("payer-row")).ToHaveCountAsync(1);
        await Expect(ByTestId("payers")).ToContainTextAsync("Carelon Behavioral Health");
        await Expect(ByTestId("payers")).ToContainTextAsync("Set your clearinghouse's payer id");
        await Page.SetViewportSizeAsync(1366, 768);
        await ScreenshotAsync("payers-1366.png");
        await Page.SetViewportSizeAsync(1440, 900);

        await ByTestId("payer-import-open").ClickAsync();
        var name = UniqueSurname("Gulf Coast Plan ");
        await Input("import-csv").FillAsync($"Payer ID,Payer Name,State,Transactions\n00590,Florida Blue,FL,270/271;278;278 Inquiry\nGC001,{name},Florida,270\n");
        await ByTestId("import-preview").ClickAsync();
        await Expect(ByTestId("import-errors")).ToContainTextAsync("\u201cFlorida\u201d is not a state code");
        await Expect(ByTestId("import-apply")).ToBeDisabledAsync();
        await ScreenshotAsync("payers-import-errors.png");

        await Input("import-csv").FillAsync($"Payer ID,Payer Name,State,Transactions\n00590,Florida Blue,FL,270/271;278;278 Inquiry\nGC001,{name},FL,270\n");
        await ByTestId("import-preview").ClickAsync();
        await Expect(ByTestId("import-summary")).ToContainTextAsync("1 to add · 1 to change");
        await Expect(ByTestId("import-rows")).ToContainTextAsync("payer id (none) \u2192 00590");
        await ScreenshotAsync("payers-import-preview.png");
        await ByTestId("import-apply").ClickAsync();
        await Page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Apply" }).ClickAsync();
        await Expect(ByTestId("payer-import")).ToHaveCountAsync(0);

        await Input("payer-search").FillAsync("Florida Blue");
        await Expect(ByTestId("payers")).ToContainTextAsync("00590");
        await Input("payer-search").FillAsync(name);
        await Expect(ByTestId("payer-row")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_coordinator_finds_carelon_in_the_policy_dialog_by_the_old_name_the_caller_uses()
    {
        await SignInAsync(AppServer.Coordinator);
        await OpenNewInquiryAsync();
        await FillMinimalInquiryAsync("Dana Reyes", UniquePhone(), "Chris", UniqueSurname("Reyes"));
        await ByTestId("save-inquiry").ClickAsync();
        await WaitForCreatedInquiryAsync();
        await Page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Insurance" }).ClickAsync();
        await ByTestId("add-policy").ClickAsync();

        await Input("policy-payer").FillAsync("ValueOptions");
        var options = Page.Locator(".mud-popover-open .mud-list-item");
        await Expect(options.First).ToContainTextAsync("Carelon Behavioral Health");
        await ScreenshotAsync("policy-payer-autocomplete.png");
        await options.First.ClickAsync();
        await Expect(Field("policy-payer")).ToContainTextAsync("set your clearinghouse's payer id");
    }
}
