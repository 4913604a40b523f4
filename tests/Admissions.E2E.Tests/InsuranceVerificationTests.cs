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
        var phone = UniquePhone();
        var surname = UniqueSurname("Doe");
        await FillMinimalInquiryAsync("Jane Doe", phone, "Jane", surname);
        await Input("patient-dob").FillAsync("04/12/1988");
        await Input("patient-dob").PressAsync("Tab");
        await ByTestId("save-inquiry").ClickAsync();
        await WaitForCreatedInquiryAsync();

        await Page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Insurance" }).ClickAsync();
        await Expect(ByTestId("no-consent")).ToBeVisibleAsync();
        await Expect(ByTestId("no-policies")).ToBeVisibleAsync();

        await ByTestId("add-policy").ClickAsync();
        await ChoosePayerAsync("policy-payer", "Cigna");
        await Input("policy-member-id").FillAsync("U1234567801");
        await ByTestId("policy-save").ClickAsync();
        await Expect(ByTestId("policy-member")).ToHaveTextAsync("U1234567801");

        // No consent yet: the button is off and says why.
        await Expect(ByTestId("run-vob")).ToBeDisabledAsync();
        await Expect(ByTestId("vob-blocked")).ToContainTextAsync("signed Part 2 consent to disclose to Cigna");

        await ByTestId("capture-consent").ClickAsync();
        await Expect(ByTestId("consent-statement")).ToContainTextAsync("42 CFR part 2");
        await SendSigningLinkAsync(phone);
        await (await PatientSignsAsync(await SigningLinkTokenAsync(E164(phone)), $"Jane {surname}", "1988-04-12")).Context.CloseAsync();
        await Expect(ByTestId("consent")).ToContainTextAsync("Active");
        await Expect(ByTestId("vob-blocked")).ToHaveCountAsync(0);

        await ByTestId("run-vob").ClickAsync();
        var summary = ByTestId("benefits-summary").First;
        await Expect(summary).ToHaveAttributeAsync("data-state", "Completed", new LocatorAssertionsToHaveAttributeOptions { Timeout = 60_000 });
        await Expect(ByTestId("coverage")).ToHaveTextAsync("Coverage active");
        await Expect(ByTestId("benefit-row")).ToHaveCountAsync(2);
        await Expect(ByTestId("benefits-table")).ToContainTextAsync("$3,000 ($1,850)");
        await Expect(ByTestId("read-aloud").Nth(1)).ToContainTextAsync("prior authorization");
        await HideSnackbarsAsync();
        await ScreenshotAsync("benefits-summary.png");

        // The 270 went out under the consent: the ledger shows it.
        await Expect(ByTestId("ledger-link")).ToContainTextAsync("(1)");
        await ByTestId("ledger-link").ClickAsync();
        await WaitForInteractiveAsync();
        await Expect(MainContent).ToContainTextAsync("Cigna");
        await Expect(MainContent).ToContainTextAsync("42 CFR part 2");
        await ScreenshotAsync("disclosure-ledger.png");
    }

    /// <summary>
    /// A carve-out sends the coordinator to the phone; a manager approves what they entered; utilization
    /// review then asks the payer for authorization (278 through the simulator) and sees it certified.
    /// </summary>
    [Fact]
    public async Task A_carved_out_plan_is_verified_by_phone_approved_by_a_manager_and_authorized_by_utilization_review()
    {
        await SignInAsync(AppServer.Coordinator);
        await OpenNewInquiryAsync();
        var surname = UniqueSurname("Rivera");
        var phone = UniquePhone();
        await FillMinimalInquiryAsync("Marco Rivera", phone, "Marco", surname);
        await Input("patient-dob").FillAsync("03/02/1979");
        await Input("patient-dob").PressAsync("Tab");
        await ByTestId("save-inquiry").ClickAsync();
        var number = await WaitForCreatedInquiryAsync();
        var inquiryUrl = Page.Url;

        await Page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Insurance" }).ClickAsync();
        await ByTestId("add-policy").ClickAsync();
        await ChoosePayerAsync("policy-payer", "Cigna");
        await Input("policy-member-id").FillAsync("U5550001102");
        await ByTestId("policy-save").ClickAsync();
        await ByTestId("capture-consent").ClickAsync();
        await SendSigningLinkAsync(phone);
        await (await PatientSignsAsync(await SigningLinkTokenAsync(E164(phone)), $"Marco {surname}", "1979-03-02")).Context.CloseAsync();
        await Expect(ByTestId("consent")).ToContainTextAsync("Active");
        await ByTestId("run-vob").ClickAsync();

        // Member ids ending 02: behavioural benefits carved out (EB*U with the partner's phone).
        var summary = ByTestId("benefits-summary").First;
        await Expect(summary).ToHaveAttributeAsync("data-state", "NeedsManual", new LocatorAssertionsToHaveAttributeOptions { Timeout = 60_000 });
        await Expect(ByTestId("carve-out")).ToContainTextAsync("EVERNORTH BEHAVIORAL HEALTH");

        await ByTestId("enter-phone-vob").ClickAsync();
        await Input("rep-name").FillAsync("Dana at Evernorth");
        await Input("call-reference").FillAsync("EVN-778812");
        await Input("deductible").First.FillAsync("2000");
        await Input("deductible-remaining").First.FillAsync("500");
        await Input("coinsurance").First.FillAsync("10");
        await ByTestId("save-phone-vob").ClickAsync();
        await Expect(summary).ToHaveAttributeAsync("data-state", "AwaitingApproval");

        await SwitchUserAsync(AppServer.Manager);
        await GotoAsync("/verifications");
        var row = Page.Locator("tr").Filter(new LocatorFilterOptions { HasText = number });
        await Expect(row).ToContainTextAsync("Awaiting approval");
        await ScreenshotAsync("vob-queue.png");
        await row.Locator("[data-testid=approve-vob]").ClickAsync();
        await Page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Approve" }).ClickAsync();
        await Expect(Page.Locator(".mud-snackbar")).ToContainTextAsync("approved");

        await SwitchUserAsync("ur@demo.admissions.local");
        await GotoAsync(inquiryUrl + "?tab=insurance");
        await Expect(ByTestId("benefits-summary").First).ToHaveAttributeAsync("data-state", "Completed");
        await ByTestId("request-auth").ClickAsync();
        await Input("auth-diagnoses").FillAsync("F10.20, F32.1");
        await ByTestId("auth-submit").ClickAsync();
        var authorization = ByTestId("authorization").First;
        await Expect(authorization.Locator("[data-testid=authorization-status]")).ToHaveTextAsync("Certified", new LocatorAssertionsToHaveTextOptions { Timeout = 60_000 });
        await Expect(authorization.Locator("[data-testid=auth-number]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^AUTH[0-9]{8}$"));
        await HideSnackbarsAsync();
        await ScreenshotAsync("authorization-on-inquiry.png");

        await GotoAsync("/authorizations/all");
        await Expect(Page.Locator("tr").Filter(new LocatorFilterOptions { HasText = number })).ToContainTextAsync("Certified");
        await ScreenshotAsync("authorizations.png");
    }
}
