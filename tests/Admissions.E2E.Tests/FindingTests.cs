using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

/// <summary>Getting to an inquiry fast: the global search, its number in the address, a tab in the address, the home tiles.</summary>
public sealed partial class FindingTests(AppServer app) : E2ETest(app)
{
    [Fact]
    public async Task Slash_focuses_the_global_search_which_finds_by_name_phone_or_number_and_Enter_opens()
    {
        await SignInAsync(AppServer.Coordinator);
        await OpenNewInquiryAsync();
        var surname = UniqueSurname("Quintero");
        var phone = UniquePhone();
        await FillMinimalInquiryAsync("Elena Quintero", phone, "Rafael", surname);
        await ByTestId("save-inquiry").ClickAsync();
        var number = await WaitForCreatedInquiryAsync();
        await GotoAsync("/work");

        await Page.Locator("body").PressAsync("/");
        var search = Input("global-search");
        await Expect(search).ToBeFocusedAsync();
        await search.PressSequentiallyAsync($"raf {surname[..6]}");
        var result = Page.Locator("[data-testid=global-search-result]").Filter(new LocatorFilterOptions { HasText = number });
        await Expect(result).ToBeVisibleAsync();
        await ScreenshotAsync("global-search.png");
        await search.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new Regex($"/inquiries/{number}$"));
        await Expect(ByTestId("inquiry-number")).ToHaveTextAsync(number);

        // A phone number in another format finds it too.
        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        await Page.Locator("body").PressAsync("/");
        await Input("global-search").PressSequentiallyAsync($"{digits[..3]}.{digits[3..6]}.{digits[6..]}");
        await Expect(Page.Locator("[data-testid=global-search-result]").Filter(new LocatorFilterOptions { HasText = number })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_inquiry_opens_by_its_number_and_every_tab_has_its_own_address()
    {
        await SignInAsync(AppServer.Coordinator);
        await GotoAsync("/inquiries/INQ-2026-000001");
        await Expect(ByTestId("inquiry-number")).ToHaveTextAsync("INQ-2026-000001");

        await GotoAsync("/inquiries/INQ-2026-000001?tab=level-of-care");
        await Expect(Page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Level of care" })).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(ByTestId("level-of-care-panel")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Screening" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/inquiries/INQ-2026-000001\?tab=screening$"));
        await Page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Details" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"\?tab=details$"));
        await Page.ReloadAsync();
        await WaitForInteractiveAsync();
        await Expect(Page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Details" })).ToHaveAttributeAsync("aria-selected", "true");

        await GotoAsync("/inquiries/INQ-2099-999999");
        await Expect(ByTestId("inquiry-not-found")).ToContainTextAsync("There is no inquiry INQ-2099-999999");
    }

    [Fact]
    public async Task Home_tiles_open_the_list_of_what_they_count()
    {
        await SignInAsync(AppServer.Manager);
        var waiting = await CountAsync("tile-awaiting-contact");
        await ByTestId("tile-awaiting-contact").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/inquiries\?contact=none$"));
        await Expect(ByTestId("drill-down-filter")).ToContainTextAsync("waiting for first contact");
        await Expect(Page.Locator(".mud-table-pagination")).ToContainTextAsync($"of {waiting}");

        await GotoAsync("/");
        var newToday = await CountAsync("tile-new-today");
        await ByTestId("tile-new-today").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/inquiries\?from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d$"));
        await Expect(Page.Locator(".mud-table-pagination")).ToContainTextAsync($"of {newToday}");
    }

    [Fact]
    public async Task The_managers_attention_items_open_everyones_overdue_work()
    {
        await SignInAsync(AppServer.Manager);
        await Expect(ByTestId("attention")).ToBeVisibleAsync();
        await ScreenshotAsync("home-manager-attention-1366.png");
        var overdue = int.Parse(Digits().Match(await ByTestId("attention-overdue").Locator(".mud-typography-h5").InnerTextAsync()).Value,
            System.Globalization.CultureInfo.InvariantCulture);

        await ByTestId("attention-overdue").ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex(@"/work\?view=overdue$"));
        await Expect(Page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Overdue and safety, everyone" })).ToHaveAttributeAsync("aria-selected", "true");
        if (overdue > 0)
        {
            await Expect(ByTestId("task-owner").First).ToContainTextAsync(" · on ");
        }
        else
        {
            await Expect(ByTestId("work-empty")).ToBeVisibleAsync();
        }

        await SwitchUserAsync(AppServer.Coordinator);
        await Expect(ByTestId("tile-new-today")).ToBeVisibleAsync();
        await Expect(ByTestId("attention")).ToHaveCountAsync(0);
    }

    private async Task<int> CountAsync(string tile) =>
        int.Parse(Digits().Match(await ByTestId(tile).Locator(".mud-typography-h3").InnerTextAsync()).Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
