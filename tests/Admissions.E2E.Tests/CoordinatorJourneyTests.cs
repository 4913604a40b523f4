using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

public sealed class CoordinatorJourneyTests(AppServer app) : E2ETest(app)
{
    [Fact]
    public async Task Coordinator_takes_a_call_finds_it_and_works_it_to_pre_screening()
    {
        // Signed out, the app sends you to the login page.
        await Page.GotoAsync("/");
        await Expect(Page).ToHaveURLAsync(LoginUrl());
        await Expect(Page.Locator("#email")).ToBeVisibleAsync();
        await ScreenshotAsync("login.png");

        await SignInAsync(AppServer.Coordinator);
        await Expect(Page.GetByText("Casey Nguyen")).ToBeVisibleAsync();

        // An empty intake cannot be saved.
        await OpenNewInquiryAsync();
        await ScreenshotAsync("intake-form.png");
        await ByTestId("save-inquiry").ClickAsync();
        await Expect(Field("caller-name")).ToContainTextAsync("Enter the caller's name.");
        await Expect(Page).ToHaveURLAsync(new Regex("/inquiries/new$"));
        await ScreenshotAsync("intake-form-invalid.png");

        // A parent calls about their son: alcohol and depression, so dual diagnosis.
        var phone = UniquePhone();
        var lastName = UniqueSurname("Whitfield");
        await FillMinimalInquiryAsync("Dana Whitfield", phone, "Riley", lastName);
        await ChooseAsync("relationship", "Parent");
        await ChooseAsync("urgency", "Urgent");
        await ClickChipAsync("substances", "Alcohol");
        await ClickChipAsync("mental-health", "Depression");
        await Expect(ByTestId("dual-diagnosis")).ToBeVisibleAsync();
        await Expect(Field("caller-name")).Not.ToContainTextAsync("Enter the caller's name.");
        await ScreenshotAsync("intake-form-filled.png");

        await ByTestId("save-inquiry").ClickAsync();
        var number = await WaitForCreatedInquiryAsync();
        await Expect(ByTestId("stage-chip")).ToHaveTextAsync("New");

        // The list finds it by the patient's last name.
        await GotoAsync("/inquiries");
        await Input("inquiry-search").FillAsync(lastName);
        var rows = ByTestId("inquiry-grid").Locator("tbody tr.mud-table-row");
        var row = rows.Filter(new() { HasText = number });
        await Expect(row).ToBeVisibleAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync($"Riley {lastName}");
        await Expect(row).ToContainTextAsync(phone);
        await ScreenshotAsync("list.png");

        // Anywhere on the row opens it: the number's link covers the row.
        await row.ClickAsync();
        await Expect(Page).ToHaveURLAsync(InquiryUrl());
        await Expect(ByTestId("inquiry-number")).ToHaveTextAsync(number);

        // Reaching the caller stops the speed-to-lead clock and makes the inquiry Contacted.
        await ChooseAsync("contact-outcome", "Reached");
        await ByTestId("log-contact").ClickAsync();
        await Expect(ByTestId("timeline")).ToContainTextAsync("Call: reached");
        await Expect(ByTestId("stage-chip")).ToHaveTextAsync("Contacted");
        await Expect(ByTestId("sla")).ToContainTextAsync("Reached after");

        await ChooseAsync("target-stage", "Pre-screening");
        await ByTestId("move-stage").ClickAsync();
        await Expect(ByTestId("stage-chip")).ToHaveTextAsync("Pre-screening");
        await Expect(ByTestId("timeline")).ToContainTextAsync("Pre-screening");
        await ScreenshotAsync("detail.png");

        // Closing as Not admitted needs a reason: the field asks for one and Move waits for it.
        await ChooseAsync("target-stage", "Not admitted");
        await Expect(ByTestId("not-admitted-reason")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Choose the reason the person was not admitted.")).ToBeVisibleAsync();
        await Expect(ByTestId("move-stage")).ToBeDisabledAsync();
        await Expect(ByTestId("stage-chip")).ToHaveTextAsync("Pre-screening");
        await ScreenshotAsync("detail-reason-required.png");
        await Page.ReloadAsync();
        await WaitForInteractiveAsync();
        await Expect(ByTestId("stage-chip")).ToHaveTextAsync("Pre-screening");
        await Expect(ByTestId("timeline")).Not.ToContainTextAsync("Not admitted");
    }
}
