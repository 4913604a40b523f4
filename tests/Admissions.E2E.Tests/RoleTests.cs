using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

public sealed class RoleTests(AppServer app) : E2ETest(app)
{
    [Fact]
    public async Task Business_development_sees_counts_but_no_inquiries()
    {
        await SignInAsync(AppServer.BusinessDevelopment);

        await Expect(ByTestId("new-today")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*\d+\s*$"));
        await Expect(Page.Locator(".mud-navmenu").First).ToContainTextAsync("Dashboard");
        await Expect(Page.Locator(".mud-navmenu a").Filter(new() { HasText = "Inquiries" })).ToHaveCountAsync(0);
        await Expect(ByTestId("new-inquiry")).ToHaveCountAsync(0);
        await Expect(MainContent).Not.ToContainTextAsync("INQ-");
        await ScreenshotAsync("dashboard-bd.png");

        await GotoAsync("/inquiries");
        await Expect(Page.GetByText("This page is not available to your role")).ToBeVisibleAsync();
        await Expect(ByTestId("inquiry-grid")).ToHaveCountAsync(0);
        await Expect(MainContent).Not.ToContainTextAsync("INQ-");
        await Expect(MainContent).Not.ToContainTextAsync("Patient");
        await ScreenshotAsync("inquiries-bd.png");
    }

    [Fact]
    public async Task Manager_sees_the_dashboard_with_links_to_the_inquiries()
    {
        await SignInAsync(AppServer.Manager);

        await Expect(ByTestId("new-today")).ToBeVisibleAsync();
        await Expect(Page.Locator(".mud-navmenu a").Filter(new() { HasText = "Inquiries" })).ToBeVisibleAsync();
        await Expect(ByTestId("new-inquiry")).ToBeVisibleAsync();
        await Expect(MainContent.Locator("a[href^='/inquiries?stage=']").First).ToBeVisibleAsync();
        await ScreenshotAsync("dashboard.png");
    }
}
