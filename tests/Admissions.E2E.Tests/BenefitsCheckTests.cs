using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

public sealed class BenefitsCheckTests(AppServer app) : E2ETest(app)
{
    [Fact]
    public async Task The_levels_to_verify_start_from_the_inquiry_are_plainly_chosen_and_a_disabled_check_says_why()
    {
        await Page.SetViewportSizeAsync(1366, 768);
        await SignInAsync(AppServer.Coordinator);
        await OpenNewInquiryAsync();
        var (phone, surname) = (UniquePhone(), UniqueSurname("Holt"));
        await FillMinimalInquiryAsync("Grace Holt", phone, "Nora", surname);
        await Input("patient-dob").FillAsync("09/30/1991");
        await Input("patient-dob").PressAsync("Tab");
        await ClickChipAsync("mental-health", "Depression");
        await ByTestId("save-inquiry").ClickAsync();
        await WaitForCreatedInquiryAsync();
        await Page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Insurance" }).ClickAsync();
        await ByTestId("add-policy").ClickAsync();
        await ChoosePayerAsync("policy-payer", "Cigna");
        await Input("policy-member-id").FillAsync("U7654321001");
        await ByTestId("policy-save").ClickAsync();

        // Mental health only: mental-health residential is chosen, filled and ticked; the rest are plain outlines.
        await Expect(ByTestId("vob-level-MentalHealthResidential")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(ByTestId("vob-level-MentalHealthResidential")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-chip-filled"));
        await Expect(ByTestId("vob-level-Residential")).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(ByTestId("vob-level-Residential")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-chip-outlined"));
        await Expect(ByTestId("run-vob")).ToBeDisabledAsync();
        await Expect(ByTestId("vob-blocked")).ToHaveTextAsync("Before verifying, add a signed Part 2 consent to disclose to Cigna for payment.");

        await ByTestId("capture-consent").ClickAsync();
        await SendSigningLinkAsync(phone);
        await (await PatientSignsAsync(await SigningLinkTokenAsync(E164(phone)), $"Nora {surname}", "1991-09-30")).Context.CloseAsync();
        await Expect(ByTestId("run-vob")).ToBeEnabledAsync();
        await Expect(ByTestId("vob-levels-why")).ToContainTextAsync("mental-health concerns on the inquiry");
        await HideSnackbarsAsync();
        await ScreenshotAsync("benefits-check-levels.png");

        await ByTestId("vob-level-MentalHealthResidential").ClickAsync();
        await Expect(ByTestId("run-vob")).ToBeDisabledAsync();
        await Expect(ByTestId("vob-blocked")).ToHaveTextAsync("Choose at least one level of care.");
        await ScreenshotAsync("benefits-check-disabled.png");
    }
}
