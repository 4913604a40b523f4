using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

public sealed class DuplicateDetectionTests(AppServer app) : E2ETest(app)
{
    [Fact]
    public async Task A_second_inquiry_with_the_same_phone_warns_and_can_still_be_created()
    {
        await SignInAsync(AppServer.Coordinator);
        var phone = UniquePhone();

        await OpenNewInquiryAsync();
        await FillMinimalInquiryAsync("Morgan Ellis", phone, "Jamie", UniqueSurname("Ellis"));
        await ByTestId("save-inquiry").ClickAsync();
        var first = await WaitForCreatedInquiryAsync();

        // Same caller phone, another patient name: the match is on the phone.
        await OpenNewInquiryAsync();
        await FillMinimalInquiryAsync("Morgan Ellis", phone, "Jordan", UniqueSurname("Ellis"));
        await ByTestId("save-inquiry").ClickAsync();
        var warning = ByTestId("duplicate-warning");
        await Expect(warning).ToBeVisibleAsync();
        await Expect(warning).ToContainTextAsync(first);
        await Expect(warning).ToContainTextAsync("same phone number");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/inquiries/new$"));
        await ScreenshotAsync("duplicate-warning.png");

        await ByTestId("continue-duplicate").ClickAsync();
        var second = await WaitForCreatedInquiryAsync();
        Assert.NotEqual(first, second);
        await Expect(Page.GetByText("Created as a possible duplicate of")).ToContainTextAsync(first);
    }
}
