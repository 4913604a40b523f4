using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

public sealed class SubstanceUseTests(AppServer app) : E2ETest(app)
{
    /// <summary>
    /// The coordinator records daily drinking with a history of withdrawal seizures during the call; the clinician
    /// sees what the rules read and the recommendation moves to withdrawal management.
    /// </summary>
    [Fact]
    public async Task Alcohol_with_prior_seizures_recorded_by_the_coordinator_leads_the_clinician_to_withdrawal_management()
    {
        await SignInAsync(AppServer.Coordinator);
        await OpenNewInquiryAsync();
        await FillMinimalInquiryAsync("Jamie Park", UniquePhone(), "Jamie", UniqueSurname("Park"));
        await ByTestId("save-inquiry").ClickAsync();
        await WaitForCreatedInquiryAsync();
        var inquiryUrl = Page.Url;

        await Page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Level of care" }).ClickAsync();
        await Expect(ByTestId("substance-empty")).ToHaveTextAsync("No substances recorded yet.");
        await ByTestId("substance-add").ClickAsync();
        await Expect(ByTestId("substance-dialog")).ToBeVisibleAsync();
        await ChooseAsync("substance-frequency", "Daily");
        await Input("substance-amount").FillAsync("about a fifth of vodka");
        // Yesterday on the facility's clock (the app's default zone), so the use is current whatever the time of day.
        var facility = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        var yesterday = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, facility).AddDays(-1);
        await Input("substance-last-use-date").FillAsync(yesterday.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture));
        await Input("substance-last-use-date").PressAsync("Tab");
        await Page.GetByText("Prior withdrawal seizures").ClickAsync();
        await ByTestId("substance-confirm").ClickAsync();
        await Expect(ByTestId("substance-row")).ToContainTextAsync("withdrawal seizures");
        await ByTestId("intake-save").ClickAsync();
        await Expect(ByTestId("care-substances")).ToContainTextAsync("Alcohol, daily, about a fifth of vodka");
        await Expect(ByTestId("care-substances")).ToContainTextAsync("prior seizures");
        await HideSnackbarsAsync();
        await ScreenshotAsync("substance-use.png");

        await SwitchUserAsync("clinician@demo.admissions.local");
        await GotoAsync(inquiryUrl + "?tab=care");
        await Expect(ByTestId("substance-row")).ToHaveCountAsync(1);
        await ByTestId("recommend").ClickAsync();

        await Expect(ByTestId("recommendation")).ToContainTextAsync("ASAM 3.7-WM");
        await Expect(ByTestId("recommendation-reasons")).ToContainTextAsync("current alcohol use with a history of withdrawal seizures");
    }
}
