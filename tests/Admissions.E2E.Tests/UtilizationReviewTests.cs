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

public sealed class StepDownTests(AppServer app) : E2ETest(app)
{
    [Fact]
    public async Task Utilization_review_steps_a_residential_patient_down_to_PHP_and_sees_the_new_authorization_to_send()
    {
        await Page.SetViewportSizeAsync(1366, 768);
        await SignInAsync("ur@demo.admissions.local");
        await GotoAsync("/authorizations");

        // The last residential stay with no concurrent review open and no single case agreement: the review test above
        // completes the demo's review task and the agreement's test finds its stay on the board; a step-down ends both.
        var rows = ByTestId("section-covered").Locator("tr[data-testid=ur-row]")
            .Filter(new LocatorFilterOptions { HasText = "Residential", HasNot = Page.Locator("[data-testid=sca-chip]") });
        await Expect(rows.First).ToBeVisibleAsync();
        var links = rows.Locator("a[href^='/inquiries/']");
        var hrefs = await links.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var numbers = await rows.Locator("a[href^='/inquiries/'] b").AllInnerTextsAsync();
        string? number = null, href = null;
        foreach (var (link, candidate) in hrefs.Zip(numbers).Reverse())
        {
            await GotoAsync(link.Replace("tab=insurance", "tab=admission", StringComparison.Ordinal));
            await Expect(ByTestId("current-stay")).ToBeVisibleAsync();
            if (await Page.GetByText($"Concurrent review for {candidate}").CountAsync() == 0)
            {
                (number, href) = (candidate, link);
                break;
            }
        }

        Assert.True(number is not null && href is not null, "The demo has an admitted residential stay without a review due.");

        var stay = ByTestId("current-stay");
        await Expect(stay.Locator("[data-testid=stay-program]")).ToContainTextAsync("Residential");
        await Expect(stay.Locator("[data-testid=step-down]")).ToBeVisibleAsync();
        await Expect(stay.Locator("[data-testid=discharge]")).ToHaveCountAsync(0);
        await ScreenshotAsync("stay-panel.png");

        await stay.Locator("[data-testid=step-down]").ClickAsync();
        var dialog = Page.Locator(".mud-dialog");
        await ChooseAsync("step-down-program", "Partial Hospitalization (PHP) · PHP (partial hospitalization)");
        await Expect(Input("stay-day")).Not.ToHaveValueAsync("");
        await ScreenshotAsync("step-down-dialog.png");
        await dialog.Locator("[data-testid=stay-confirm]").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        await Expect(ByTestId("stay-program")).ToContainTextAsync("Partial Hospitalization (PHP)");
        await Expect(ByTestId("stay-bed")).ToHaveCountAsync(0);
        await Expect(ByTestId("admission-history")).ToContainTextAsync("Stepped down");
        await HideSnackbarsAsync();
        await ScreenshotAsync("stay-after-step-down.png");

        // The new authorization, opened from the residential one, waits for UR to send it.
        await GotoAsync(href!);
        var opened = ByTestId("authorization").Filter(new LocatorFilterOptions { HasText = "PHP (partial hospitalization)" });
        await Expect(opened.Locator("[data-testid=auth-to-send]")).ToHaveTextAsync("Not sent yet");
        await Expect(opened).ToContainTextAsync("Opened at the step-down from the Residential authorization");
        await Expect(opened.Locator("[data-testid=auth-send]")).ToBeVisibleAsync();
        await GotoAsync("/authorizations");
        await Expect(ByTestId("section-to-send")).ToContainTextAsync(number!);
    }
}
