using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

public sealed partial class DashboardTests(AppServer app) : E2ETest(app)
{
    [Fact]
    public async Task A_manager_opens_the_dashboard_changes_the_range_and_drills_down_to_the_inquiries()
    {
        await SignInAsync(AppServer.Manager);
        await GotoAsync("/dashboard");
        await Expect(ByTestId("kpi-inquiries-value")).ToBeVisibleAsync();
        await Expect(ByTestId("panel-funnel-loading")).ToHaveCountAsync(0);
        await Expect(ByTestId("panel-authorizations-loading")).ToHaveCountAsync(0);
        await ScreenshotAsync("dashboard-overview.png");

        var before = await ByTestId("period-label").InnerTextAsync();
        await ChooseAsync("period-preset", "Last 365 days");
        await Expect(ByTestId("period-label")).Not.ToHaveTextAsync(before);
        await Expect(ByTestId("period-label")).ToContainTextAsync("compared with the 365 days before");
        await Expect(ByTestId("kpi-inquiries-value")).ToBeVisibleAsync();
        await Expect(ByTestId("period-daily-note")).ToContainTextAsync("daily totals");
        await Expect(ByTestId("period-preset")).ToContainTextAsync("Last 365 days");
        await ScreenshotAsync("dashboard-year.png");

        await ByTestId("panel-funnel-toggle").ClickAsync();
        await Expect(ByTestId("funnel-table")).ToBeVisibleAsync();

        await ByTestId("kpi-inquiries-value").ClickAsync();
        await Expect(Page).ToHaveURLAsync(DrillDownUrl());
        await WaitForInteractiveAsync();
        await Expect(ByTestId("drill-down-filter")).ToContainTextAsync("America/Los_Angeles");
        await Expect(ByTestId("inquiry-grid").Locator("tbody tr").First).ToContainTextAsync("INQ-");
    }

    [Fact]
    public async Task The_funnel_referral_and_scorecard_pages_show_their_tables()
    {
        await SignInAsync(AppServer.Manager);
        await GotoAsync("/dashboard/funnel");
        await Expect(ByTestId("panel-funnel-loading")).ToHaveCountAsync(0);
        await Expect(ByTestId("panel-lost-loading")).ToHaveCountAsync(0);
        await ScreenshotAsync("dashboard-funnel.png");

        await GotoAsync("/dashboard/referrals");
        await Expect(ByTestId("panel-referrals-loading")).ToHaveCountAsync(0);
        await Expect(ByTestId("panel-sources")).ToContainTextAsync("Phone");
        await ScreenshotAsync("dashboard-referrals.png");

        await GotoAsync("/dashboard/scorecard");
        await Expect(ByTestId("panel-scorecard-loading")).ToHaveCountAsync(0);
        await Expect(ByTestId("scorecard-table")).ToContainTextAsync("Casey Nguyen");
        await ScreenshotAsync("dashboard-scorecard.png");
    }

    [Fact]
    public async Task Business_development_sees_totals_without_links_to_inquiries()
    {
        await SignInAsync(AppServer.BusinessDevelopment);
        await GotoAsync("/dashboard");
        await Expect(ByTestId("kpi-inquiries-value")).ToBeVisibleAsync();
        await Expect(MainContent).ToContainTextAsync("Totals only");
        await Expect(ByTestId("kpi-inquiries-value")).Not.ToHaveAttributeAsync("href", new Regex(".+"));
        await Expect(MainContent.Locator("a[href^='/inquiries']")).ToHaveCountAsync(0);

        await GotoAsync("/dashboard/scorecard");
        await Expect(MainContent).ToContainTextAsync("This page is not available to your role");
    }

    [GeneratedRegex(@"/inquiries\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&tz=")]
    private static partial Regex DrillDownUrl();
}
