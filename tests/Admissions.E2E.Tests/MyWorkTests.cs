using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

public sealed class MyWorkTests(AppServer app) : E2ETest(app)
{
    private const string DemoCallback = "Call back: caller asked about detox beds";

    private ILocator Row(string title) => ByTestId("work-grid").Locator("tr").Filter(new LocatorFilterOptions { HasText = title });

    [Fact]
    public async Task A_coordinator_sees_overdue_work_first_and_completes_a_task_with_an_outcome()
    {
        await SignInAsync(AppServer.Coordinator);
        await ByTestId("nav-work").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/work$"));

        // The demo day: two overdue tasks on top, highlighted, and the badge in the navigation counts them.
        var rows = ByTestId("work-grid").Locator("tbody tr.task-overdue");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.First).ToContainTextAsync(DemoCallback);
        await Expect(ByTestId("nav-work-overdue")).ToHaveTextAsync("2");
        var openBefore = int.Parse(await ByTestId("nav-work-open").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await ScreenshotAsync("my-work.png");

        await Page.Locator(".mud-tab").Filter(new LocatorFilterOptions { HasText = "Team queue" }).ClickAsync();
        await Expect(ByTestId("claim-task").First).ToBeVisibleAsync();
        await ScreenshotAsync("my-work-team-queue.png");

        await Page.Locator(".mud-tab").Filter(new LocatorFilterOptions { HasText = "My tasks" }).ClickAsync();
        await Row(DemoCallback).Locator("[data-testid=complete-task]").ClickAsync();
        await Expect(ByTestId("confirm-complete")).ToBeDisabledAsync();
        await ClickChipAsync("outcome-chips", "Reached the caller");
        await Expect(Input("task-outcome")).ToHaveValueAsync("Reached the caller");
        await ScreenshotAsync("my-work-complete-dialog.png");
        await ByTestId("confirm-complete").ClickAsync();

        await Expect(Row(DemoCallback)).ToHaveCountAsync(0);
        await Expect(ByTestId("nav-work-overdue")).ToHaveTextAsync("1");
        await Expect(ByTestId("nav-work-open")).ToHaveTextAsync((openBefore - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_coordinator_promises_a_callback_from_the_inquiry_and_it_lands_on_my_work()
    {
        await SignInAsync(AppServer.Coordinator);
        await OpenNewInquiryAsync();
        await FillMinimalInquiryAsync("Dana Brooks", UniquePhone(), "Lee", UniqueSurname("Brooks"));
        await ByTestId("save-inquiry").ClickAsync();
        var number = await WaitForCreatedInquiryAsync();

        await ByTestId("schedule-callback").ClickAsync();
        await ChooseAsync("callback-zone", "Hawaii");
        var tomorrow = DateTime.UtcNow.AddHours(-10).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await Input("callback-date").FillAsync(tomorrow);
        await Input("callback-time").FillAsync("10:30");
        await ByTestId("confirm-callback").ClickAsync();

        await Expect(ByTestId("open-task").Filter(new LocatorFilterOptions { HasText = "10:30 AM Hawaii (caller's time)" })).ToBeVisibleAsync();
        await Expect(ByTestId("timeline")).ToContainTextAsync("Callback promised for");

        await ByTestId("nav-work").ClickAsync();
        await Expect(Row(number)).ToContainTextAsync("Call back at");
    }
}
