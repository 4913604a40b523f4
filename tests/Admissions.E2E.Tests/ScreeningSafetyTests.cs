using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

public sealed class ScreeningSafetyTests(AppServer app) : E2ETest(app)
{
    /// <summary>
    /// The journey: a PHQ-9 with thoughts of self-harm raises the safety banner the moment it is saved and
    /// scheduling is blocked; a clinician records what was done and decides the level of care; the coordinator books
    /// a residential program with a bed and checks the patient in.
    /// </summary>
    [Fact]
    public async Task A_caller_screened_positive_is_kept_safe_then_placed_in_a_bed_and_checked_in()
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

        await Expect(ByTestId("safety-banner")).ToBeVisibleAsync();
        await HideSnackbarsAsync();
        await ScreenshotAsync("screening-form.png");

        // The coordinator takes the inquiry to clinical review; approving it is a clinician's move, not offered to them.
        await ChooseAsync("contact-outcome", "Reached");
        await ByTestId("log-contact").ClickAsync();
        await Expect(ByTestId("stage-chip")).ToHaveTextAsync("Contacted");
        foreach (var stage in new[] { "Pre-screening", "Clinical review" })
        {
            await ChooseAsync("target-stage", stage);
            await ByTestId("move-stage").ClickAsync();
            await Expect(ByTestId("stage-chip")).ToHaveTextAsync(stage);
        }

        await ByTestId("target-stage").ClickAsync();
        await Expect(Page.Locator(".mud-popover-open .mud-list-item").First).ToBeVisibleAsync();
        await Expect(Page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasTextRegex = new Regex("^\\s*Approved\\s*$") })).ToHaveCountAsync(0);
        await Page.Keyboard.PressAsync("Escape");

        await SwitchUserAsync("clinician@demo.admissions.local");
        await GotoAsync(inquiryUrl);
        await ChooseAsync("target-stage", "Approved");
        await ByTestId("move-stage").ClickAsync();
        await Expect(ByTestId("stage-chip")).ToHaveTextAsync("Approved");

        // Approved, but the open alert still blocks booking.
        await SwitchUserAsync(AppServer.Coordinator);
        await GotoAsync(inquiryUrl + "?tab=admission");
        await Expect(ByTestId("schedule-blocked")).ToContainTextAsync("A safety alert is open");
        await Expect(ByTestId("schedule-form")).ToHaveCountAsync(0);

        await SwitchUserAsync("clinician@demo.admissions.local");
        await GotoAsync(inquiryUrl);
        await Expect(ByTestId("safety-banner")).ToBeVisibleAsync();
        await ScreenshotAsync("safety-banner.png");
        await ByTestId("record-disposition").ClickAsync();
        await ChooseAsync("disposition-select", "Crisis line given");
        await Input("disposition-note").FillAsync("Spoke with Alex; gave 988 and agreed a safety plan with the caller.");
        await ByTestId("disposition-confirm").ClickAsync();
        await Expect(ByTestId("safety-banner")).ToHaveCountAsync(0);

        // Relapse risk rated high: the rules recommend residential, and the clinician accepts.
        await OpenTabAsync("Level of care");
        await ChooseAsync("rating-5", "3");
        await ByTestId("recommend").ClickAsync();
        await Expect(ByTestId("recommendation")).ToContainTextAsync("3.5");
        await ByTestId("accept").ClickAsync();
        await Expect(ByTestId("care-decision")).ToContainTextAsync("3.5");
        await HideSnackbarsAsync();
        await ScreenshotAsync("level-of-care-decision.png");

        // The coordinator books the program that fits, with its first free bed, and checks the patient in.
        await SwitchUserAsync(AppServer.Coordinator);
        await GotoAsync(inquiryUrl + "?tab=admission");
        await Expect(ByTestId("schedule-form")).ToBeVisibleAsync();
        await Expect(ByTestId("decided-level")).ToContainTextAsync("ASAM 3.5");
        await Expect(ByTestId("fit-levelofcare")).ToContainTextAsync("Matches the decided level of care");
        await Input("brought-by").FillAsync("Sister (Dana), driving");
        await Input("arrival-notes").FillAsync("Arrives at the main entrance; bring current medications.");
        await ByTestId("schedule-admission").ClickAsync();
        await Expect(ByTestId("current-admission")).ToContainTextAsync("Adult Residential");
        await Expect(ByTestId("stage-chip")).ToHaveTextAsync("Admission scheduled");
        var number = (await ByTestId("inquiry-number").InnerTextAsync()).Trim();
        await HideSnackbarsAsync();
        await ScreenshotAsync("admission-scheduled.png");

        await GotoAsync("/beds");
        await Expect(BedOf(number)).ToHaveAttributeAsync("data-state", "Reserved");
        await ScreenshotAsync("bed-board.png");

        await GotoAsync(inquiryUrl + "?tab=admission");
        await ByTestId("check-in").ClickAsync();
        await Page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Check in" }).ClickAsync();
        await Expect(ByTestId("stage-chip")).ToHaveTextAsync("Admitted");
        await Expect(ByTestId("stay-admitted")).ToContainTextAsync("ASAM 3.5");
        await GotoAsync("/beds");
        await Expect(BedOf(number)).ToHaveAttributeAsync("data-state", "Occupied");
    }

    private ILocator BedOf(string inquiryNumber) => ByTestId("bed-tile").Filter(new LocatorFilterOptions { HasText = inquiryNumber });

    private Task OpenTabAsync(string name) => Page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = name }).ClickAsync();

    private Task AnswerAsync(string itemId, int value) =>
        ByTestId($"item-{itemId}").Locator(".mud-radio").Filter(new LocatorFilterOptions { HasTextRegex = new Regex($"^\\s*{value} ·") }).ClickAsync();
}
