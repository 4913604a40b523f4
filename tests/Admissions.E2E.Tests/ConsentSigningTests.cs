using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

[Collection(E2EGroup.Name)]
public sealed class ConsentSigningTests(AppServer app) : E2ETest(app)
{
    /// <summary>
    /// The patient signs, not staff: the coordinator prepares the single TPO consent and texts the link; the outbox writes the
    /// text as a .json file; the patient opens the page in their own browser, types their name and date of birth and confirms;
    /// the coordinator sees the consent active, and the link cannot be used again.
    /// </summary>
    [Fact]
    public async Task A_coordinator_texts_a_signing_link_and_the_patient_signs_on_the_public_page()
    {
        await SignInAsync(AppServer.Coordinator);
        await OpenNewInquiryAsync();
        var phone = UniquePhone();
        var surname = UniqueSurname("Okafor");
        await FillMinimalInquiryAsync("Ada Okafor", phone, "Ada", surname);
        await Input("patient-dob").FillAsync("09/21/1991");
        await Input("patient-dob").PressAsync("Tab");
        await ByTestId("save-inquiry").ClickAsync();
        await WaitForCreatedInquiryAsync();

        await Page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Insurance" }).ClickAsync();
        await ByTestId("capture-consent").ClickAsync();
        await ByTestId("consent-kind-tpo").ClickAsync();
        await Expect(ByTestId("tpo-statements")).ToContainTextAsync("treatment, payment and health care operations");
        await Input("consent-send-to").FillAsync(phone);
        await Page.SetViewportSizeAsync(1366, 768);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(App.ScreenshotDirectory, "consent-dialog-1366.png") });
        await ByTestId("consent-save").ClickAsync();
        await Expect(ByTestId("consent").First).ToContainTextAsync("Awaiting signature");
        await Expect(ByTestId("consent").First).ToContainTextAsync("my treating providers");
        await HideSnackbarsAsync();
        await ScreenshotAsync("consent-awaiting-signature.png");

        var token = await SigningLinkTokenAsync(E164(phone));
        var patient = await App.NewPageAsync();
        await patient.SetViewportSizeAsync(1366, 768);
        await patient.GotoAsync($"/sign/{token}");
        await Expect(patient.Locator("[data-testid=signing-page]")).ToContainTextAsync("Hi Ada");
        await Expect(patient.Locator("[data-testid=signing-page]")).Not.ToContainTextAsync(surname);

        // A wrong date of birth is refused without saying which field was wrong.
        await patient.Locator("[data-testid=signing-name]").FillAsync($"Ada {surname}");
        await patient.Locator("[data-testid=signing-birth-date]").FillAsync("1991-09-22");
        await patient.Locator("[data-testid=signing-agree]").CheckAsync();
        await patient.Locator("[data-testid=signing-submit]").ClickAsync();
        await Expect(patient.Locator("[data-testid=signing-message]")).ToContainTextAsync("does not match our records");
        await patient.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(App.ScreenshotDirectory, "signing-page-1366.png"), FullPage = true });
        await patient.Context.CloseAsync();

        await (await PatientSignsAsync(token, $"ada {surname}", "1991-09-21", "signing-page-1440.png")).Context.CloseAsync();

        await Expect(ByTestId("consent").First).ToContainTextAsync("Active", new LocatorAssertionsToContainTextOptions { Timeout = 20_000 });
        await Page.ReloadAsync();
        await WaitForInteractiveAsync();
        await Page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Insurance" }).ClickAsync();
        await Expect(ByTestId("consent-signature-line").First).ToContainTextAsync("electronically");
        await Page.SetViewportSizeAsync(1440, 900);
        await ScreenshotAsync("consent-signed.png");

        var again = await App.NewPageAsync();
        await again.GotoAsync($"/sign/{token}");
        await Expect(again.Locator("[data-testid=signing-done]")).ToContainTextAsync("already signed");
        await again.Context.CloseAsync();
    }
}
