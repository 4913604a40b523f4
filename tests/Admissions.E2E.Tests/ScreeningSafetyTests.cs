using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

public sealed class ScreeningSafetyTests(AppServer app) : E2ETest(app)
{
    /// <summary>
    /// A PHQ-9 with thoughts of self-harm raises the safety banner the moment it is saved, even as a
    /// draft; a clinician records what was done and the banner goes.
    /// </summary>
    [Fact]
    public async Task A_positive_PHQ9_item_9_raises_the_safety_banner_until_a_clinician_records_a_disposition()
    {
        await SignInAsync(AppServer.Coordinator);
        await OpenNewInquiryAsync();
        await FillMinimalInquiryAsync("Alex Moore", UniquePhone(), "Alex", UniqueSurname("Moore"));
        await ByTestId("save-inquiry").ClickAsync();
        await WaitForCreatedInquiryAsync();
        var inquiryUrl = Page.Url;

        await Page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Screening" }).ClickAsync();
        await ByTestId("instrument-Phq9").ClickAsync();
        foreach (var item in new[] { "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8" })
        {
            await AnswerAsync(item, 1);
        }

        await Expect(ByTestId("live-total")).ToContainTextAsync("8");
        await AnswerAsync("q9", 1);
        await Expect(ByTestId("live-safety")).ToBeVisibleAsync();
        await ByTestId("save-draft").ClickAsync();

        var banner = ByTestId("safety-banner");
        await Expect(banner).ToBeVisibleAsync();
        await HideSnackbarsAsync();
        await ScreenshotAsync("screening-form.png");

        await SwitchUserAsync("clinician@demo.admissions.local");
        await GotoAsync(inquiryUrl);
        await Expect(ByTestId("safety-banner")).ToBeVisibleAsync();
        await ScreenshotAsync("safety-banner.png");
        await ByTestId("record-disposition").ClickAsync();
        await ChooseAsync("disposition-select", "Crisis line given");
        await Input("disposition-note").FillAsync("Spoke with Alex; gave 988 and agreed a safety plan with the caller.");
        await ByTestId("disposition-confirm").ClickAsync();
        await Expect(ByTestId("safety-banner")).ToHaveCountAsync(0);
    }

    private Task AnswerAsync(string itemId, int value) =>
        ByTestId($"item-{itemId}").Locator(".mud-radio").Filter(new LocatorFilterOptions { HasTextRegex = new Regex($"^\\s*{value} ·") }).ClickAsync();
}
