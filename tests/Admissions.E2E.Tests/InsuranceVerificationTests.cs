using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

public sealed class InsuranceVerificationTests(AppServer app) : E2ETest(app)
{
    /// <summary>
    /// The whole electronic VOB: the button explains what is missing, the coordinator captures the
    /// Part 2 consent and a Cigna policy, and the benefits arrive from the clearinghouse simulator
    /// (through the real CORE client, 270 writer, simulator and 271 reader) without a reload.
    /// </summary>
    [Fact]
    public async Task A_coordinator_captures_consent_adds_a_Cigna_policy_and_reads_the_benefits_summary()
    {
        await SignInAsync(AppServer.Coordinator);
        await OpenNewInquiryAsync();
        await FillMinimalInquiryAsync("Jane Doe", UniquePhone(), "Jane", UniqueSurname("Doe"));
        await Input("patient-dob").FillAsync("04/12/1988");
        await Input("patient-dob").PressAsync("Tab");
        await ByTestId("save-inquiry").ClickAsync();
        await WaitForCreatedInquiryAsync();

        await Page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Insurance" }).ClickAsync();
        await Expect(ByTestId("no-consent")).ToBeVisibleAsync();
        await Expect(ByTestId("no-policies")).ToBeVisibleAsync();

        await ByTestId("add-policy").ClickAsync();
        await ChooseAsync("policy-payer", "Cigna");
        await Input("policy-member-id").FillAsync("U1234567801");
        await ByTestId("policy-save").ClickAsync();
        await Expect(ByTestId("policy-member")).ToHaveTextAsync("U1234567801");

        // No consent yet: the button is off and says why.
        await Expect(ByTestId("run-vob")).ToBeDisabledAsync();
        await Expect(ByTestId("vob-blocked")).ToContainTextAsync("signed Part 2 consent to disclose to Cigna");

        await ByTestId("capture-consent").ClickAsync();
        await Expect(ByTestId("consent-statement")).ToContainTextAsync("42 CFR part 2");
        await Input("consent-signature").FillAsync("Jane Doe");
        await ByTestId("consent-confirm").Locator("input").CheckAsync();
        await ByTestId("consent-save").ClickAsync();
        await Expect(ByTestId("consent")).ToContainTextAsync("Active");
        await Expect(ByTestId("vob-blocked")).ToHaveCountAsync(0);

        await ByTestId("run-vob").ClickAsync();
        var summary = ByTestId("benefits-summary").First;
        await Expect(summary).ToHaveAttributeAsync("data-state", "Completed", new LocatorAssertionsToHaveAttributeOptions { Timeout = 60_000 });
        await Expect(ByTestId("coverage")).ToHaveTextAsync("Coverage active");
        await Expect(ByTestId("benefit-row")).ToHaveCountAsync(2);
        await Expect(ByTestId("benefits-table")).ToContainTextAsync("$3,000 ($1,850)");
        await Expect(ByTestId("read-aloud").Nth(1)).ToContainTextAsync("prior authorization");
        await ScreenshotAsync("benefits-summary.png");

        // The 270 went out under the consent: the ledger shows it.
        await Expect(ByTestId("ledger-link")).ToContainTextAsync("(1)");
        await ByTestId("ledger-link").ClickAsync();
        await WaitForInteractiveAsync();
        await Expect(MainContent).ToContainTextAsync("Cigna");
        await Expect(MainContent).ToContainTextAsync("42 CFR part 2");
        await ScreenshotAsync("disclosure-ledger.png");
    }
}
