using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

public sealed class OutboxTests(AppServer app) : E2ETest(app)
{
    [Fact]
    public async Task A_manager_reads_notifications_and_works_the_outbox()
    {
        await SignInAsync(AppServer.Manager);

        await ByTestId("notification-bell-button").ClickAsync();
        await Expect(ByTestId("notification-list")).ToBeVisibleAsync();
        await Expect(ByTestId("notifications-see-all")).ToBeVisibleAsync();
        await ScreenshotAsync("notification-list.png");
        await ByTestId("notifications-see-all").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/notifications$"));
        await Expect(MainContent.Locator("h4")).ToHaveTextAsync("Notifications");
        await ScreenshotAsync("notifications.png");

        await ByTestId("nav-outbox").ClickAsync();
        var failed = Page.Locator(".mud-table-row", new PageLocatorOptions { Has = Page.Locator("[data-testid=outbox-state]", new PageLocatorOptions { HasText = "Failed" }) });
        await Expect(failed).ToHaveCountAsync(1);
        await Expect(failed).ToContainTextAsync("Twilio answered 503");
        // The demo's own follow-up texts may be held too, depending on the hour the test runs.
        await Expect(ByTestId("outbox-state").Filter(new LocatorFilterOptions { HasText = "Deferred (quiet hours)" }).First).ToBeVisibleAsync();
        await ScreenshotAsync("outbox.png");

        await failed.Locator("[data-testid=outbox-view]").ClickAsync();
        await Expect(ByTestId("outbox-body")).ToContainTextAsync("Admissions at Riverbend");
        await ScreenshotAsync("outbox-message.png");
        await ByTestId("outbox-detail-close").ClickAsync();

        await failed.Locator("[data-testid=outbox-retry]").ClickAsync();
        await Page.Locator(".mud-message-box__yes-button").ClickAsync();
        await Expect(Page.Locator(".mud-snackbar")).ToContainTextAsync("The message will be sent again shortly.");
        await Expect(ByTestId("outbox-retry")).ToHaveCountAsync(0);

        await ByTestId("outbox-record-opt-out").ClickAsync();
        await Input("opt-out-address").FillAsync("(555) 201-0003");
        await ByTestId("opt-out-save").ClickAsync();
        await Expect(Page.Locator(".mud-snackbar", new PageLocatorOptions { HasText = "+15552010003 will not be messaged again; 1 waiting message(s) cancelled." })).ToBeVisibleAsync();
        await Expect(Page.Locator(".mud-table-row", new PageLocatorOptions { HasText = "+15552010003" })).ToContainTextAsync("Not sent");
    }
}
