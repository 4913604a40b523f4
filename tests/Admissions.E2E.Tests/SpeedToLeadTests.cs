using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

public sealed class SpeedToLeadTests(AppServer app) : E2ETest(app)
{
    [Fact]
    public async Task An_inquiry_nobody_calls_back_reaches_the_managers_bell_without_a_reload()
    {
        await SignInAsync(AppServer.Manager);
        await OpenNewInquiryAsync();
        await FillMinimalInquiryAsync("Robin Hale", UniquePhone(), "Avery", UniqueSurname("Hale"));
        await ByTestId("save-inquiry").ClickAsync();
        var number = await WaitForCreatedInquiryAsync();
        await Expect(ByTestId("sla")).ToContainTextAsync("left to reach the caller");

        // The menu stays open while the job runs; the notification must arrive through the live channel.
        await Page.Locator("[data-testid=notification-bell] button").First.ClickAsync();
        await Expect(Page.Locator(".mud-popover-open")).ToContainTextAsync(
            $"Speed to lead missed: {number}", new LocatorAssertionsToContainTextOptions { Timeout = 90_000 });
        await ScreenshotAsync("notification-bell.png");
    }
}
