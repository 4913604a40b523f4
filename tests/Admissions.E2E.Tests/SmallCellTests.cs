using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

/// <summary>Business development reads referral counts under 11 as "&lt;11"; a manager reads the counts.</summary>
public sealed class SmallCellTests(AppServer app) : E2ETest(app)
{
    [Fact]
    public async Task Business_development_sees_small_referral_counts_held_back_and_a_manager_sees_them()
    {
        await SignInAsync(AppServer.BusinessDevelopment);
        await GotoAsync("/dashboard/referrals");

        await Expect(ByTestId("referrals-table")).ToContainTextAsync("<11");
        await Expect(ByTestId("small-cells-note").First).ToBeVisibleAsync();
        await HideSnackbarsAsync();
        await ScreenshotAsync("referrals-bd-small-cells.png");

        await SwitchUserAsync(AppServer.Manager);
        await GotoAsync("/dashboard/referrals");
        await Expect(ByTestId("referrals-table").Locator("tbody tr").First).ToBeVisibleAsync();
        await Expect(ByTestId("referrals-table")).Not.ToContainTextAsync("<11");
        await Expect(ByTestId("small-cells-note")).ToHaveCountAsync(0);
    }
}
