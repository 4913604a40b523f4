using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

public sealed class ReferralOrganisationTests(AppServer app) : E2ETest(app)
{
    [Fact]
    public async Task Business_development_adds_an_organisation_and_a_coordinator_attributes_a_referral_to_it()
    {
        var name = UniqueSurname("Harbor Counseling ");

        // Business development keeps the list: an invalid phone is explained next to the field.
        await SignInAsync(AppServer.BusinessDevelopment);
        await ByTestId("nav-referral-organisations").ClickAsync();
        await Expect(ByTestId("referral-organisations")).ToContainTextAsync("St. Mary's Hospital Emergency Department");
        await ByTestId("referral-organisation-new").ClickAsync();
        await Input("referral-organisation-name").FillAsync(name);
        await Input("referral-organisation-contact").FillAsync("Sam Ortiz, LMFT");
        await Input("referral-organisation-phone").FillAsync("555-12");
        await ByTestId("form-save").ClickAsync();
        await Expect(Field("referral-organisation-phone")).ToContainTextAsync("Enter a 10-digit US phone number");
        await Input("referral-organisation-phone").FillAsync("916 555 0199");
        await ByTestId("form-save").ClickAsync();
        await Expect(ByTestId("referral-organisations")).ToContainTextAsync(name);
        await Expect(ByTestId("referral-organisations")).ToContainTextAsync("(916) 555-0199");
        await ScreenshotAsync("referral-organisations.png");

        // A coordinator takes a referral from them.
        await SwitchUserAsync(AppServer.Coordinator);
        await OpenNewInquiryAsync();
        await FillMinimalInquiryAsync("Sam Ortiz", UniquePhone(), "Jesse", UniqueSurname("Moreno"));
        await Expect(ByTestId("referral-organisation")).ToHaveCountAsync(0);
        await ChooseAsync("source", "Referral");
        await Input("referral-source").FillAsync("Therapist called on the patient's behalf");
        await ChooseAsync("referral-organisation", name);
        await ScreenshotAsync("intake-referral-organisation.png");
        await ByTestId("save-inquiry").ClickAsync();
        await WaitForCreatedInquiryAsync();

        await Expect(ByTestId("timeline")).ToContainTextAsync($"Referred by {name}");
        await Expect(MainContent).ToContainTextAsync($"Referral · {name} · Therapist called on the patient's behalf");
        await Page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Details" }).ClickAsync();
        await Expect(Input("referral-organisation")).ToHaveValueAsync(name);
        await ScreenshotAsync("details-referral-organisation.png");
    }
}
