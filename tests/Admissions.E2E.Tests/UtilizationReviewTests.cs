using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

public sealed class UtilizationReviewTests(AppServer app) : E2ETest(app)
{
    private const string Reviewer = "ur@demo.admissions.local";

    [Fact]
    public async Task Utilization_review_opens_its_board_sees_a_pended_authorization_with_the_payers_reason_and_a_decision_keeps_days_and_last_day_together()
    {
        await Page.SetViewportSizeAsync(1366, 768);
        await SignInAsync(Reviewer);

        // Utilization review's day starts on its board, straight from the sign-in.
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/authorizations$"));
        await Expect(ByTestId("ur-board-title")).ToHaveTextAsync("Utilization review");
        var pended = ByTestId("section-pended");
        await Expect(pended.Locator("[data-testid=pended-reason]").Filter(new LocatorFilterOptions { HasText = "Requires medical review" })).ToBeVisibleAsync();
        await Expect(pended.Locator("[data-testid=long-pend]").First).ToHaveTextAsync("Over 3 days");
        await Expect(ByTestId("count-long-pends")).ToContainTextAsync("1 pended over 3 days");
        await Expect(ByTestId("section-covered").Locator("[data-testid=last-day-flag]").First).ToBeVisibleAsync();
        await Expect(ByTestId("section-denials")).ToContainTextAsync("left");
        await ScreenshotAsync("ur-board.png");

        // The first admitted stay: its authorization on the Insurance tab, with history and days used and left.
        await ByTestId("section-covered").Locator("a[href^='/inquiries/']").First.ClickAsync();
        var authorization = ByTestId("authorization").First;
        await Expect(authorization.Locator("[data-testid=auth-coverage]")).ToContainTextAsync("left");
        await Expect(authorization.Locator("[data-testid=auth-history-row]").First).ToBeVisibleAsync();

        await authorization.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Record decision" }).ClickAsync();
        var dialog = Page.Locator(".mud-dialog");
        var days = Input("decision-days");
        var lastDay = Input("decision-to");
        var firstDay = DateOnly.ParseExact(await Input("decision-from").InputValueAsync(), "MM/dd/yyyy",
            System.Globalization.CultureInfo.InvariantCulture);

        await days.FillAsync("6");
        await days.PressAsync("Tab");
        await Expect(lastDay).ToHaveValueAsync(firstDay.AddDays(5).ToString("MM/dd/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(dialog.Locator("[data-testid=decision-summary]")).ToContainTextAsync("6 days approved");

        await lastDay.FillAsync(firstDay.AddDays(9).ToString("MM/dd/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await lastDay.PressAsync("Tab");
        await Expect(days).ToHaveValueAsync("10");
        await Expect(Input("decision-review")).ToHaveValueAsync(firstDay.AddDays(8).ToString("MM/dd/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await HideSnackbarsAsync();
        await ScreenshotAsync("decision-dialog.png");

        // A denial shows no days at all.
        await dialog.Locator("[data-testid=decision-status]").ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = "Not certified" }).ClickAsync();
        await Expect(dialog.Locator("[data-testid=decision-days]")).ToHaveCountAsync(0);
        await Expect(dialog).ToContainTextAsync("A denial approves no days.");
        await dialog.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Cancel" }).ClickAsync();
    }

    [Fact]
    public async Task Utilization_review_completes_a_review_task_as_submitted_and_the_review_joins_the_authorizations_history()
    {
        await Page.SetViewportSizeAsync(1366, 768);
        await SignInAsync(Reviewer);
        await GotoAsync("/work");

        // The demo's morning sweep left a concurrent-review task for each review due: one is completed as submitted.
        var task = ByTestId("work-grid").Locator("tr").Filter(new LocatorFilterOptions { HasText = "Concurrent review for" }).First;
        var inquiry = (await task.Locator("a[href^='/inquiries/']").First.GetAttributeAsync("href"))!;
        await task.Locator("[data-testid=complete-task]").ClickAsync();
        await ClickChipAsync("outcome-chips", "Review submitted");
        await Expect(ByTestId("submission")).ToBeVisibleAsync();
        await Input("submission-days").FillAsync("7");
        await Input("submission-reference").FillAsync("CR-2291");
        await HideSnackbarsAsync();
        await ScreenshotAsync("ur-review-submitted-dialog.png");
        await ByTestId("confirm-complete").ClickAsync();
        await Expect(ByTestId("submission")).ToHaveCountAsync(0);

        await GotoAsync(inquiry.Split('?')[0] + "?tab=insurance");
        var history = ByTestId("auth-history-row").Filter(new LocatorFilterOptions { HasText = "Concurrent review sent" });
        await Expect(history.First).ToContainTextAsync("CR-2291");
        await Expect(history.First).ToContainTextAsync("7 days");
    }
}
