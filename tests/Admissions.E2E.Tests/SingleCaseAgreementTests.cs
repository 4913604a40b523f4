using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

public sealed class SingleCaseAgreementTests(AppServer app) : E2ETest(app)
{
    private const string Reviewer = "ur@demo.admissions.local";

    [Fact]
    public async Task Utilization_review_finds_the_single_case_agreement_on_the_board_sees_it_on_the_authorization_and_in_the_estimate_and_its_days_follow_its_dates()
    {
        await Page.SetViewportSizeAsync(1366, 768);
        await SignInAsync(Reviewer);
        await ByTestId("nav-authorizations").ClickAsync();

        // The demo's out-of-network patient: the chip on the board row leads to the authorization.
        var chip = ByTestId("sca-chip").First;
        await Expect(chip).ToHaveTextAsync(new Regex(@"^SCA \$1,150/day × \d+$"));
        var days = (await chip.TextContentAsync())!.Split('×')[1].Trim();
        await Page.Locator("[data-testid=ur-row]").Filter(new LocatorFilterOptions { Has = Page.Locator("[data-testid=sca-chip]") })
            .First.Locator("a[href^='/inquiries/']").ClickAsync();

        var authorization = ByTestId("authorization").Filter(new LocatorFilterOptions { Has = Page.Locator("[data-testid=sca]") });
        var agreement = authorization.Locator("[data-testid=sca]");
        await Expect(agreement.Locator("[data-testid=sca-terms]")).ToHaveTextAsync($"$1,150.00/day × {days} days");
        await Expect(agreement).ToContainTextAsync("ref SCA-2026-0417");
        await Expect(agreement).ToContainTextAsync("Dana Whitfield");
        await HideSnackbarsAsync();
        await ScreenshotAsync("sca-authorization.png");
        await ViewportScreenshotAsync(authorization, "sca-authorization-1366x768.png");

        // The estimate used it: the agreed days at the agreed rate, said in a note.
        var note = ByTestId("estimate-note").Filter(new LocatorFilterOptions { HasText = "Single case agreement SCA-2026-0417" });
        await Expect(note.First).ToContainTextAsync(new Regex(@"\d+ days at the agreed \$1,150\.00"));
        await Expect(ByTestId("rate-basis").Filter(new LocatorFilterOptions { HasText = "single case agreement" }).First).ToBeVisibleAsync();
        await ViewportScreenshotAsync(ByTestId("benefit-row").Filter(new LocatorFilterOptions { Has = note }), "sca-estimate-1366x768.png");

        // Per day, the days and the last day are one thing.
        await agreement.Locator("[data-testid=sca-edit]").ClickAsync();
        var dialog = Page.Locator(".mud-dialog");
        var firstDay = DateOnly.ParseExact(await Input("sca-starts").InputValueAsync(), "MM/dd/yyyy", CultureInfo.InvariantCulture);
        var units = Input("sca-units");
        await units.FillAsync("10");
        await units.PressAsync("Tab");
        await Expect(Input("sca-ends")).ToHaveValueAsync(firstDay.AddDays(9).ToString("MM/dd/yyyy", CultureInfo.InvariantCulture));
        await Expect(dialog.Locator("[data-testid=sca-summary]")).ToContainTextAsync("$1,150.00/day × 10 days = $11,500");

        // A payer contact with neither phone nor email is refused at the field, and nothing is lost.
        await Input("sca-phone").FillAsync("");
        await Input("sca-email").FillAsync("");
        await dialog.Locator("[data-testid=sca-save]").ClickAsync();
        await Expect(dialog).ToContainTextAsync("Enter the payer contact's phone or email, so billing can reach them.");
        await Expect(units).ToHaveValueAsync("10");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(App.ScreenshotDirectory, "sca-dialog-1366x768.png") });
        await dialog.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Cancel" }).ClickAsync();
        await Expect(agreement.Locator("[data-testid=sca-terms]")).ToHaveTextAsync($"$1,150.00/day × {days} days");
    }

    /// <summary>What a reviewer sees at 1366x768 with <paramref name="target"/> scrolled into view (the app bar stays on top).</summary>
    private async Task ViewportScreenshotAsync(ILocator target, string fileName)
    {
        await target.EvaluateAsync("e => e.scrollIntoView({ block: 'center' })");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(App.ScreenshotDirectory, fileName) });
    }
}
