using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

public sealed class PipelineBoardTests(AppServer app) : E2ETest(app)
{
    [Fact]
    public async Task A_coordinator_drags_a_new_inquiry_to_Contacted_and_the_board_refuses_a_move_the_stages_do_not_allow()
    {
        await SignInAsync(AppServer.Coordinator);
        await OpenNewInquiryAsync();
        var surname = UniqueSurname("Ibarra");
        await FillMinimalInquiryAsync("Luz Ibarra", UniquePhone(), "Mateo", surname);
        await ChooseAsync("urgency", "Crisis");
        await ByTestId("save-inquiry").ClickAsync();
        var number = await WaitForCreatedInquiryAsync();

        await Page.SetViewportSizeAsync(1366, 768);
        await ByTestId("nav-pipeline").ClickAsync();
        var card = ByTestId("pipeline-card").Filter(new LocatorFilterOptions { HasText = $"Mateo {surname}" });
        await Expect(ByTestId("column-New").Locator("[data-testid=pipeline-card]").Filter(new LocatorFilterOptions { HasText = number })).ToBeVisibleAsync();
        await Expect(card.Locator("[data-testid=speed-to-lead]")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("to reach|Not reached"));
        await ScreenshotAsync("pipeline-board.png");

        // New may only go on to Contacted: dropped on Approved it stays where it is.
        await DragAsync(card, "Approved", "pipeline-no-drop");
        await Expect(ByTestId("column-New").Locator("[data-testid=pipeline-card]").Filter(new LocatorFilterOptions { HasText = number })).ToBeVisibleAsync();

        await DragAsync(card, "Contacted", "pipeline-can-drop");
        await Expect(ByTestId("column-Contacted").Locator("[data-testid=pipeline-card]").Filter(new LocatorFilterOptions { HasText = number })).ToBeVisibleAsync();

        await GotoAsync($"/inquiries/{number}");
        await Expect(ByTestId("stage-chip")).ToHaveTextAsync("Contacted");
        await Expect(ByTestId("timeline")).ToContainTextAsync("Contacted");
    }

    [Fact]
    public async Task Business_development_sees_the_board_with_initials_and_nothing_to_open_or_move()
    {
        await SignInAsync(AppServer.BusinessDevelopment);
        await ByTestId("nav-pipeline").ClickAsync();

        var cards = ByTestId("pipeline-card");
        await Expect(cards.First).ToBeVisibleAsync();
        await Expect(cards.First.Locator(".pipeline-name")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*([A-Z]\.){1,2}\s*$"));
        await Expect(MainContent).Not.ToContainTextAsync("INQ-");
        await Expect(ByTestId("pipeline-board").Locator("a[href^='/inquiries']")).ToHaveCountAsync(0);
        await Expect(ByTestId("card-menu")).ToHaveCountAsync(0);
        await ScreenshotAsync("pipeline-board-bd.png");
    }

    /// <summary>
    /// A drag as a hand does it: press on the card, move over the column in steps, see whether it lights up (a move the
    /// stage allows) or fades (one it does not), let go.
    /// </summary>
    private async Task DragAsync(ILocator card, string stage, string expectedZoneClass)
    {
        await card.HoverAsync();
        await Page.Mouse.DownAsync();
        var zone = ByTestId($"column-{stage}").Locator(".pipeline-zone");
        var box = await zone.BoundingBoxAsync();
        await Page.Mouse.MoveAsync(box!.X + (box.Width / 2), box.Y + 20, new MouseMoveOptions { Steps = 8 });
        await Expect(zone).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(expectedZoneClass));
        await Page.Mouse.UpAsync();
    }
}
