using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

/// <summary>
/// What a coordinator typed and did not save survives the session ending (idle sign-out, another node, a closed tab):
/// it is kept on the server within seconds and offered back on the next page after signing in again.
/// </summary>
public sealed class DraftTests(AppServer app) : E2ETest(app)
{
    private static readonly LocatorAssertionsToContainTextOptions Autosave = new() { Timeout = 20_000 };

    [Fact]
    public async Task An_intake_typed_before_the_session_ended_is_offered_back_after_signing_in_again()
    {
        await SignInAsync(AppServer.Coordinator);
        await OpenNewInquiryAsync();
        var surname = UniqueSurname("Whitfield");
        var phone = UniquePhone();
        await Input("caller-name").FillAsync("Dana Whitfield");
        await Input("caller-phone").FillAsync(phone);
        await Input("patient-first-name").FillAsync("Linda");
        // Typed last and never left: the field is committed by the autosave itself.
        await Input("patient-last-name").PressSequentiallyAsync(surname);
        await Expect(ByTestId("draft-status")).ToContainTextAsync("Draft kept", Autosave);

        await SwitchUserAsync(AppServer.Coordinator);
        var offer = ByTestId("draft-offer").Filter(new LocatorFilterOptions { HasText = "Restore the inquiry you were entering for Linda W.?" });
        await Expect(offer).ToBeVisibleAsync();
        await ScreenshotAsync("draft-prompt.png");
        await offer.Locator("[data-testid=draft-restore]").ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/inquiries/new\\?draft="));
        await Expect(ByTestId("draft-restored")).ToBeVisibleAsync();
        await Expect(Input("patient-last-name")).ToHaveValueAsync(surname);
        await Expect(Input("caller-phone")).ToHaveValueAsync(phone);
        await Expect(ByTestId("draft-offer").Filter(new LocatorFilterOptions { HasText = "Linda W." })).ToHaveCountAsync(0);
        await ByTestId("save-inquiry").ClickAsync();
        await WaitForCreatedInquiryAsync();
        await Expect(MainContent).ToContainTextAsync($"Linda {surname}");

        // Saved, the draft is gone: nothing is offered on the next sign-in.
        await SwitchUserAsync(AppServer.Coordinator);
        await Expect(ByTestId("draft-offer").Filter(new LocatorFilterOptions { HasText = "Linda W." })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Restore_fills_the_new_inquiry_form_that_is_already_open()
    {
        await SignInAsync(AppServer.Coordinator);
        await OpenNewInquiryAsync();
        var surname = UniqueSurname("Okafor");
        await Input("caller-name").FillAsync("Grace Okafor");
        await Input("patient-first-name").FillAsync("Ada");
        await Input("patient-last-name").PressSequentiallyAsync(surname);
        await Expect(ByTestId("draft-status")).ToContainTextAsync("Draft kept", Autosave);

        // Back after the session ended, the coordinator opens a blank intake first; the prompt's Restore must fill that form.
        await SwitchUserAsync(AppServer.Coordinator);
        await OpenNewInquiryAsync();
        await ByTestId("draft-offer").Filter(new LocatorFilterOptions { HasText = "Ada O." }).First.Locator("[data-testid=draft-restore]").ClickAsync();

        await Expect(ByTestId("draft-restored")).ToBeVisibleAsync();
        await Expect(Input("patient-last-name")).ToHaveValueAsync(surname);
        await Expect(Input("caller-name")).ToHaveValueAsync("Grace Okafor");
    }

    [Fact]
    public async Task A_note_half_written_on_an_inquiry_comes_back_on_that_inquiry()
    {
        await SignInAsync(AppServer.Coordinator);
        await OpenNewInquiryAsync();
        await FillMinimalInquiryAsync("Rosa Mendez", UniquePhone(), "Tomas", UniqueSurname("Mendez"));
        await ByTestId("save-inquiry").ClickAsync();
        var number = await WaitForCreatedInquiryAsync();
        await Input("note-text").PressSequentiallyAsync("Mother says he has not slept in three days");
        await Expect(ByTestId("draft-status")).ToContainTextAsync("Draft kept", Autosave);

        await SwitchUserAsync(AppServer.Coordinator);
        var offer = ByTestId("draft-offer").Filter(new LocatorFilterOptions { HasText = $"the note you were writing on {number} (Tomas M.)" });
        await offer.Locator("[data-testid=draft-restore]").ClickAsync();

        await Expect(ByTestId("inquiry-number")).ToHaveTextAsync(number);
        await Expect(Input("note-text")).ToHaveValueAsync("Mother says he has not slept in three days");
        await ByTestId("add-note").ClickAsync();
        await Expect(ByTestId("timeline")).ToContainTextAsync("Mother says he has not slept in three days");

        await SwitchUserAsync(AppServer.Coordinator);
        await Expect(ByTestId("draft-offer").Filter(new LocatorFilterOptions { HasText = number })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Screening_answers_and_a_phone_VOB_entry_come_back_where_they_were_typed()
    {
        await SignInAsync(AppServer.Coordinator);
        await OpenNewInquiryAsync();
        await FillMinimalInquiryAsync("Ana Ruiz", UniquePhone(), "Marisol", UniqueSurname("Ruiz"));
        await ByTestId("save-inquiry").ClickAsync();
        var number = await WaitForCreatedInquiryAsync();
        await Page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Screening" }).ClickAsync();
        await ByTestId("instrument-Gad7").ClickAsync();
        await ByTestId("item-q1").Locator("input[type=radio]").First.FocusAsync();
        await Page.Keyboard.PressAsync("2");
        await Page.Keyboard.PressAsync("3");
        await Expect(ByTestId("screening-form").Locator("[data-testid=draft-status]")).ToContainTextAsync("Draft kept", Autosave);

        await GotoAsync("/verifications");
        var row = ByTestId("verification-grid").Locator("tbody tr").Filter(new LocatorFilterOptions { Has = ByTestId("enter-phone-vob") }).Last;
        await row.Locator("[data-testid=enter-phone-vob]").ClickAsync();
        await Input("rep-name").PressSequentiallyAsync("Jordan at Carelon");
        await Expect(ByTestId("phone-vob-dialog").Locator("[data-testid=draft-status]")).ToContainTextAsync("Draft kept", Autosave);

        await SwitchUserAsync(AppServer.Coordinator);
        await Expect(ByTestId("draft-offer").Filter(new LocatorFilterOptions { HasText = "phone VOB" })).ToBeVisibleAsync();
        await ByTestId("draft-offer").Filter(new LocatorFilterOptions { HasText = $"GAD-7 you were answering on {number}" })
            .Locator("[data-testid=draft-restore]").ClickAsync();
        await Expect(ByTestId("screening-restored")).ToBeVisibleAsync();
        await Expect(ByTestId("live-total")).ToContainTextAsync("5");
        await ByTestId("save-draft").ClickAsync();
        await Expect(ByTestId("screening-history")).ToContainTextAsync("Draft");

        await ByTestId("draft-offer").Filter(new LocatorFilterOptions { HasText = "phone VOB" }).Locator("[data-testid=draft-restore]").ClickAsync();
        await Expect(ByTestId("phone-vob-restored")).ToBeVisibleAsync();
        await Expect(Input("rep-name")).ToHaveValueAsync("Jordan at Carelon");
        await ByTestId("cancel-phone-vob").ClickAsync();
    }
}
