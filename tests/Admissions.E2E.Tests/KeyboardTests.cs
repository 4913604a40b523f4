using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

/// <summary>
/// Every form with a Ctrl+Enter shortcut saves what the focused field shows, typed last and never left (MudBlazor
/// fields tell the server on blur), and the questionnaires answer by number key from item to item.
/// </summary>
public sealed partial class KeyboardTests(AppServer app) : E2ETest(app)
{
    [Fact]
    public async Task Ctrl_Enter_on_New_inquiry_saves_the_first_name_typed_last()
    {
        await SignInAsync(AppServer.Coordinator);
        await OpenNewInquiryAsync();
        var surname = UniqueSurname("Okafor");
        await Input("caller-name").FillAsync("Ngozi Okafor");
        await Input("caller-phone").FillAsync(UniquePhone());
        await Input("patient-last-name").FillAsync(surname);
        await Input("notes").FillAsync("Called from the ER waiting room.");

        await Input("patient-first-name").PressSequentiallyAsync("Chidi");
        await Input("patient-first-name").PressAsync("Control+Enter");

        await WaitForCreatedInquiryAsync();
        await Expect(MainContent).ToContainTextAsync($"Chidi {surname}");
    }

    [Fact]
    public async Task New_inquiry_starts_in_the_callers_name_but_a_late_focus_never_pulls_the_cursor_from_where_the_person_is_typing()
    {
        await SignInAsync(AppServer.Coordinator);
        await OpenNewInquiryAsync();
        await Expect(Input("caller-name")).ToBeFocusedAsync();

        // The person has moved on before the page's focus request arrives (a busy server): it leaves their cursor alone.
        await Input("patient-first-name").ClickAsync();
        Assert.False(await Page.EvaluateAsync<bool>("() => admissionsKeys.focusIfIdle('input[data-testid=caller-name]')"));
        await Page.Keyboard.TypeAsync("Casey");
        await Expect(Input("patient-first-name")).ToHaveValueAsync("Casey");
        await Expect(Input("caller-name")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task Ctrl_Enter_completes_a_task_with_the_outcome_typed_last()
    {
        await SignInAsync(AppServer.Coordinator);
        await CreateInquiryAsync("Abebe");
        await ByTestId("add-task").ClickAsync();
        await Input("new-task-title").FillAsync("Send the family the visiting hours");
        await ByTestId("confirm-new-task").ClickAsync();
        var task = ByTestId("open-task").Filter(new LocatorFilterOptions { HasText = "visiting hours" });
        await task.Locator("[data-testid=complete-task]").ClickAsync();

        await Input("task-outcome").PressSequentiallyAsync("Emailed them the leaflet");
        await Input("task-outcome").PressAsync("Control+Enter");

        await Expect(task).ToHaveCountAsync(0);
        await Expect(ByTestId("timeline")).ToContainTextAsync("Emailed them the leaflet");
    }

    [Fact]
    public async Task Ctrl_Enter_saves_a_phone_VOB_with_the_call_reference_typed_last()
    {
        await SignInAsync(AppServer.Coordinator);
        await GotoAsync("/verifications");
        var row = ByTestId("verification-grid").Locator("tbody tr").Filter(new LocatorFilterOptions { Has = ByTestId("enter-phone-vob") }).First;
        var number = InquiryNumberIn().Match(await row.InnerTextAsync()).Value;
        var sameRow = ByTestId("verification-grid").Locator("tbody tr").Filter(new LocatorFilterOptions { HasText = number });
        await row.Locator("[data-testid=enter-phone-vob]").ClickAsync();

        await Input("rep-name").FillAsync("Terry at the payer");
        await Input("call-reference").PressSequentiallyAsync("REF-44120");
        await Input("call-reference").PressAsync("Control+Enter");

        await Expect(ByTestId("phone-vob-dialog")).ToHaveCountAsync(0);
        await Expect(sameRow.Locator("[data-testid=awaiting-approval]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Number_keys_answer_each_PHQ9_item_and_move_to_the_next_and_Ctrl_Enter_completes()
    {
        await SignInAsync(AppServer.Coordinator);
        await CreateInquiryAsync("Sione");
        await Page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Screening" }).ClickAsync();
        await ByTestId("instrument-Phq9").ClickAsync();
        await ByTestId("item-q1").Locator("input[type=radio]").First.FocusAsync();

        int[] answers = [1, 2, 3, 0, 1, 2, 3, 0, 0];
        foreach (var answer in answers)
        {
            await Page.Keyboard.PressAsync(answer.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await Expect(ByTestId("live-total")).ToContainTextAsync("12");
        for (var i = 0; i < answers.Length; i++)
        {
            var choice = ByTestId($"item-q{i + 1}").Locator(".mud-radio").Filter(new LocatorFilterOptions { HasTextRegex = new Regex($"^\\s*{answers[i]} ·") });
            await Expect(choice.Locator("input")).ToBeCheckedAsync();
        }

        await ScreenshotAsync("screening-number-keys.png");
        await Page.Keyboard.PressAsync("Control+Enter");
        await Expect(ByTestId("screening-history").Locator("[data-testid=history-row]").First).ToContainTextAsync("Completed");
    }

    private async Task CreateInquiryAsync(string firstName)
    {
        await OpenNewInquiryAsync();
        await FillMinimalInquiryAsync("Sam Taylor", UniquePhone(), firstName, UniqueSurname("Taylor"));
        await ByTestId("save-inquiry").ClickAsync();
        await WaitForCreatedInquiryAsync();
    }
}
