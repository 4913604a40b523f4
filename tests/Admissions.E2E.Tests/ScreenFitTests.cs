using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

/// <summary>
/// Every page in the navigation (and the pages a coordinator lives in: New inquiry, every tab of an inquiry) fits a
/// 1366×768 and a 1440×900 laptop: the main area never scrolls sideways, and no table inside it does either (row
/// actions would hide behind the scroll). One screenshot per page and width, in test-output/screenshots/fit-*.png.
/// </summary>
public sealed class ScreenFitTests(AppServer app) : E2ETest(app)
{
    private static readonly string[] InquiryTabs = ["", "?tab=details", "?tab=insurance", "?tab=screening", "?tab=level-of-care", "?tab=admission"];

    private const string Overflow = """
        () => {
            const main = document.querySelector('main') ?? document.querySelector('.mud-main-content');
            const found = [];
            if (main.scrollWidth > main.clientWidth + 1) found.push(`main ${main.scrollWidth}px in ${main.clientWidth}px`);
            if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1)
                found.push(`page ${document.documentElement.scrollWidth}px in ${document.documentElement.clientWidth}px`);
            for (const el of main.querySelectorAll('*')) {
                const style = getComputedStyle(el);
                if (!['auto', 'scroll'].includes(style.overflowX) || el.clientWidth === 0) continue;
                if (el.closest('.mud-tabs-tabbar, .mud-popover, .mud-picker, .mud-input-control')) continue;
                if (el.scrollWidth > el.clientWidth + 1)
                    found.push(`${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 2).join('.')} ${el.scrollWidth}px in ${el.clientWidth}px`);
            }
            return found;
        }
        """;

    [Theory]
    [InlineData(AppServer.Admin, "admin", 1366, 768)]
    [InlineData(AppServer.Coordinator, "coordinator", 1366, 768)]
    [InlineData(AppServer.BusinessDevelopment, "bd", 1366, 768)]
    [InlineData(AppServer.Coordinator, "coordinator", 1440, 900)]
    public async Task Every_page_in_the_navigation_fits_the_screen(string user, string role, int width, int height)
    {
        await Page.SetViewportSizeAsync(width, height);
        await SignInAsync(user);
        var pages = await NavigationPagesAsync();
        if (role == "coordinator")
        {
            pages.Add("/inquiries/new");
            var inquiry = await FirstInquiryAsync();
            pages.AddRange(InquiryTabs.Select(tab => inquiry + tab));
            pages.Add("/notifications");
        }

        var problems = new List<string>();
        foreach (var path in pages.Distinct())
        {
            await GotoAsync(path);
            await SettleAsync();
            var found = await Page.EvaluateAsync<string[]>(Overflow);
            if (found.Length > 0)
            {
                problems.Add($"{path}: {string.Join("; ", found)}");
            }

            await ScreenshotAsync($"fit-{width}-{role}-{Slug(path)}.png");
        }

        Assert.True(problems.Count == 0, $"Pages wider than {width}px:\n{string.Join('\n', problems)}");
        Assert.NotEmpty(pages);
    }

    /// <summary>The links of the navigation drawer this role sees (pages of the app, not the job dashboard in its own tab).</summary>
    private async Task<List<string>> NavigationPagesAsync()
    {
        var links = Page.Locator(".mud-drawer a[href]:not([target=_blank])");
        await Expect(links.First).ToBeVisibleAsync();
        var hrefs = await links.EvaluateAllAsync<string[]>("links => links.map(a => new URL(a.href).pathname + new URL(a.href).search)");
        return [.. hrefs.Where(h => h.StartsWith('/'))];
    }

    private async Task<string> FirstInquiryAsync()
    {
        await GotoAsync("/inquiries");
        var link = ByTestId("inquiry-grid").Locator("tbody a[href^='/inquiries/']").First;
        await Expect(link).ToBeVisibleAsync();
        return await link.GetAttributeAsync("href") ?? throw new InvalidOperationException("No inquiry link");
    }

    /// <summary>Waits until loading bars are gone and web fonts and images have laid out.</summary>
    private async Task SettleAsync()
    {
        await Expect(Page.Locator(".mud-progress-linear-indeterminate, .mud-table-loading-progress")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await HideSnackbarsAsync();
    }

    private static string Slug(string path)
    {
        var named = System.Text.RegularExpressions.Regex.Replace(path, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "one");
        var slug = new string([.. named.Trim('/').Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        return slug.Length == 0 ? "home" : slug.Length > 60 ? slug[..60] : slug;
    }
}
