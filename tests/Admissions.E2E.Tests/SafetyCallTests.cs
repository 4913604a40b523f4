using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

public sealed class SafetyCallTests(AppServer app) : E2ETest(app)
{
    private const string Clinician = "clinician@demo.admissions.local";

    /// <summary>
    /// Issue 12's safety journey: PHQ-9 item 9 above 0 makes a safety call owned by the on-call clinician, red in the
    /// inquiry header; the coordinator is offered neither Complete nor Snooze; the clinician sees it red on My work and in
    /// the bell, records the disposition there, and that completes the task and clears the banner.
    /// </summary>
    [Fact]
    public async Task A_safety_call_is_red_everywhere_cannot_be_snoozed_by_the_coordinator_and_is_completed_by_the_clinicians_disposition()
    {
        await SignInAsync(AppServer.Coordinator);
        await Page.SetViewportSizeAsync(1366, 768);
        await OpenNewInquiryAsync();
        await FillMinimalInquiryAsync("Sam Ortiz", UniquePhone(), "Jamie", UniqueSurname("Ortiz"));
        await ByTestId("save-inquiry").ClickAsync();
        var number = await WaitForCreatedInquiryAsync();
        var inquiryUrl = Page.Url;

        await Page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Screening" }).ClickAsync();
        await ByTestId("instrument-Phq9").ClickAsync();
        foreach (var item in new[] { "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8" })
        {
            await AnswerAsync(item, 0);
        }

        await AnswerAsync("q9", 1);
        await ByTestId("save-draft").ClickAsync();
        await Expect(ByTestId("safety-banner")).ToBeVisibleAsync();

        // The header: red and filled, owned by the demo clinician (on call by day, the fallback by night).
        var safetyTask = ByTestId("open-task").And(Page.Locator("[data-kind=SafetyCall]"));
        await Expect(safetyTask).ToContainTextAsync("Safety call within 15 minutes");
        await Expect(safetyTask).ToContainTextAsync("Dr. Riley Brooks");
        await Expect(safetyTask).ToHaveClassAsync(new Regex("mud-alert-filled-error"));
        // A coordinator can neither complete, snooze, push nor dispose of it.
        await Expect(safetyTask.Locator("[data-testid=complete-task]")).ToHaveCountAsync(0);
        await Expect(safetyTask.Locator("[data-testid=snooze-task]")).ToBeDisabledAsync();
        await Expect(safetyTask.Locator("[data-testid=push-safety-call]")).ToHaveCountAsync(0);
        await Expect(safetyTask.Locator("[data-testid=task-disposition]")).ToHaveCountAsync(0);
        await HideSnackbarsAsync();
        await ScreenshotAsync("safety-call-header-coordinator-1366.png");

        await SwitchUserAsync(Clinician);
        await Page.SetViewportSizeAsync(1366, 768);
        await ByTestId("notification-bell-button").ClickAsync();
        var alert = ByTestId("notification-title").Filter(new LocatorFilterOptions { HasText = $"Safety alert: inquiry {number}" });
        await Expect(alert).ToHaveAttributeAsync("data-urgent", "true");
        await Expect(alert).ToHaveClassAsync(new Regex("notification-urgent"));
        await SettledScreenshotAsync("safety-call-bell-clinician-1366.png");
        await Page.Keyboard.PressAsync("Escape");

        await GotoAsync("/work");
        var row = ByTestId("work-grid").Locator("tbody tr").Filter(new LocatorFilterOptions { HasText = number });
        await Expect(row).ToHaveClassAsync(new Regex("task-safety"));
        await Expect(row.Locator("[data-testid=safety-chip]")).ToBeVisibleAsync();
        await Expect(row.Locator("[data-testid=complete-task]")).ToHaveCountAsync(0);
        await Expect(row.Locator("[data-testid=snooze-task]")).ToBeDisabledAsync();
        await Expect(row.Locator("[data-testid=push-safety-call]")).ToBeVisibleAsync();
        // Safety calls sit on top of the list.
        await Expect(ByTestId("work-grid").Locator("tbody tr").First).ToHaveClassAsync(new Regex("task-safety"));
        await ScreenshotAsync("safety-call-my-work-clinician-1366.png");

        await row.Locator("[data-testid=task-disposition]").ClickAsync();
        await ChooseAsync("disposition-select", "Crisis line given");
        await Input("disposition-note").FillAsync("Spoke with Jamie's mother; gave 988 and agreed a safety plan for tonight.");
        await SettledScreenshotAsync("safety-call-disposition-dialog-1366.png");
        await ByTestId("disposition-confirm").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);

        await GotoAsync(inquiryUrl);
        await Expect(ByTestId("safety-banner")).ToHaveCountAsync(0);
        await Expect(ByTestId("open-task").And(Page.Locator("[data-kind=SafetyCall]"))).ToHaveCountAsync(0);
        await Expect(ByTestId("timeline")).ToContainTextAsync("Safety disposition: Crisis line given");
    }

    /// <summary>The viewport as it shows once menus and dialogs have finished fading in.</summary>
    private async Task SettledScreenshotAsync(string fileName) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(App.ScreenshotDirectory, fileName), Animations = ScreenshotAnimations.Disabled });

    private Task AnswerAsync(string itemId, int value) =>
        ByTestId($"item-{itemId}").Locator(".mud-radio").Filter(new LocatorFilterOptions { HasTextRegex = new Regex($"^\\s*{value} ·") }).ClickAsync();
}
