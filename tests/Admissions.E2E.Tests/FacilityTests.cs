using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

public sealed partial class FacilityTests(AppServer app) : E2ETest(app)
{
    [Fact]
    public async Task An_inquiry_taken_for_a_new_facility_is_on_its_page_and_the_only_one_on_that_facilitys_dashboard()
    {
        // Sorted after the demo facility, so "All facilities" keeps counting days in the demo's zone for the other tests on this app.
        var facility = "Riverbend Tucson " + UniqueSurname("E");
        await SignInAsync(AppServer.Admin);
        await Page.SetViewportSizeAsync(1366, 768);

        // A new site with its own NPI: a mistyped check digit is caught at the field.
        await GotoAsync("/admin/facilities");
        await ByTestId("new-facility").ClickAsync();
        await Input("facility-name").FillAsync(facility);
        await Input("facility-time-zone").FillAsync("America/Phoenix");
        await Input("facility-npi").FillAsync("1234567890");
        await Input("facility-tax-id").FocusAsync();
        await Expect(Field("facility-npi")).ToContainTextAsync("valid check digit");
        await Input("facility-npi").FillAsync("1987654328");
        await Input("facility-tax-id").FillAsync("86-1234567");
        await Input("facility-clearinghouse-name").FillAsync("RIVERBEND TUCSON");
        await ByTestId("form-save").ClickAsync();
        await Expect(ByTestId("facility-grid")).ToContainTextAsync("1987654328");

        // Intake: the facility is chosen at the top of the form.
        await OpenNewInquiryAsync();
        await Expect(ByTestId("inquiry-facility-select")).ToBeVisibleAsync();
        await ScreenshotAsync("new-inquiry-facility.png");
        await ChooseAsync("inquiry-facility-select", facility);
        var surname = UniqueSurname("Facility");
        await FillMinimalInquiryAsync("Dana Caller", UniquePhone(), "Jules", surname);
        await ByTestId("save-inquiry").ClickAsync();
        var number = await WaitForCreatedInquiryAsync();
        await Expect(ByTestId("inquiry-facility")).ToContainTextAsync(facility);
        await Expect(ByTestId("change-facility")).ToBeVisibleAsync();
        await ScreenshotAsync("inquiry-facility.png");

        // The dashboard for that facility counts that inquiry alone, and its drill-down lists it alone.
        await GotoAsync("/dashboard");
        await Expect(ByTestId("kpi-inquiries-value")).ToBeVisibleAsync();
        await ChooseAsync("facility-filter", facility);
        await Expect(ByTestId("period-label")).ToContainTextAsync(facility);
        await Expect(ByTestId("kpi-inquiries-value")).ToHaveTextAsync(new Regex(@"^\s*1\s*$"));
        await Expect(ByTestId("panel-funnel-loading")).ToHaveCountAsync(0);
        await ScreenshotAsync("dashboard-facility.png");

        await ByTestId("kpi-inquiries-value").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("facility=[0-9a-f-]{36}"));
        await WaitForInteractiveAsync();
        var rows = ByTestId("inquiry-grid").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync(number);

        // Utilization review's board: the new site has no stay to review yet; the demo's site has its admitted patients.
        await GotoAsync("/authorizations");
        await Expect(ByTestId("section-covered").Locator("[data-testid=ur-row]").First).ToBeVisibleAsync();
        await ChooseAsync("ur-facility-filter", facility);
        await Expect(ByTestId("section-covered")).ToContainTextAsync("No admitted patient has a certified stay.");
        await Expect(Page.Locator("[data-testid=ur-row]")).ToHaveCountAsync(0);
        await ChooseAsync("ur-facility-filter", "Riverbend Recovery Center");
        await Expect(ByTestId("section-covered").Locator("[data-testid=ur-row]").First).ToContainTextAsync("Riverbend Recovery Center");
    }
}
