using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

/// <summary>
/// Base for E2E tests: a fresh browser context per test on the shared app, and the few moves every
/// test needs (sign in, wait for the Blazor circuit, pick from a MudSelect, take a screenshot).
/// </summary>
[Collection(E2EGroup.Name)]
public abstract partial class E2ETest(AppServer app) : IAsyncLifetime
{
    protected AppServer App { get; } = app;

    protected IPage Page { get; set; } = default!;

    public async Task InitializeAsync() => Page = await App.NewPageAsync();

    public async Task DisposeAsync() => await Page.Context.CloseAsync();

    /// <summary>Loads a page in full and waits until its Blazor circuit is interactive.</summary>
    protected async Task GotoAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitForInteractiveAsync();
    }

    /// <summary>The layout renders this marker only once the circuit is live; clicks before that do nothing.</summary>
    protected Task WaitForInteractiveAsync() =>
        Page.Locator("[data-testid=interactive]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>Signs in on the login page (opening it unless it is already showing) and waits for the app.</summary>
    protected async Task SignInAsync(string email)
    {
        if (!Page.Url.Contains("/account/login", StringComparison.Ordinal))
        {
            await Page.GotoAsync("/account/login");
        }

        await Page.Locator("#email").FillAsync(email);
        await Page.Locator("#password").FillAsync(AppServer.Password);
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await Expect(Page).Not.ToHaveURLAsync(LoginUrl());
        await WaitForInteractiveAsync();
    }

    protected static Regex LoginUrl() => LoginUrlPattern();

    protected static Regex InquiryUrl() => InquiryUrlPattern();

    protected ILocator ByTestId(string testId) => Page.Locator($"[data-testid={testId}]");

    /// <summary>
    /// The text input of a MudTextField. MudBlazor 9 puts the data-testid on the input itself; older
    /// versions put it on the wrapper, so both are accepted.
    /// </summary>
    protected ILocator Input(string testId) =>
        Page.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea").First;

    /// <summary>The whole MudBlazor field around an input: label, input and helper or error text.</summary>
    protected ILocator Field(string testId) =>
        Input(testId).Locator("xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' mud-input-control ')][1]");

    /// <summary>The page body next to the app bar and navigation.</summary>
    protected ILocator MainContent => Page.Locator(".mud-main-content");

    /// <summary>Opens a MudSelect and clicks the item whose text is exactly <paramref name="option"/>.</summary>
    protected async Task ChooseAsync(string testId, string option)
    {
        await ByTestId(testId).ClickAsync();
        var item = Page.Locator(".mud-popover-open .mud-list-item")
            .Filter(new LocatorFilterOptions { HasTextRegex = new Regex($"^\\s*{Regex.Escape(option)}\\s*$") });
        await item.ClickAsync();
        await Expect(Page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>Types into the payer autocomplete and picks the payer whose name is exactly <paramref name="name"/>.</summary>
    protected async Task ChoosePayerAsync(string testId, string name)
    {
        await Input(testId).FillAsync(name);
        var item = Page.Locator(".mud-popover-open .mud-list-item")
            .Filter(new LocatorFilterOptions { Has = Page.Locator("b", new PageLocatorOptions { HasTextRegex = new Regex($"^{Regex.Escape(name)}$") }) });
        await item.First.ClickAsync();
        await Expect(Page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>Clicks a chip of a MudChipSet by its text.</summary>
    protected Task ClickChipAsync(string chipSetTestId, string text) =>
        ByTestId(chipSetTestId).Locator(".mud-chip").Filter(new LocatorFilterOptions { HasText = text }).ClickAsync();

    /// <summary>Continues the story as someone else, in a fresh browser context (its own cookies).</summary>
    protected async Task SwitchUserAsync(string email)
    {
        await Page.Context.CloseAsync();
        Page = await App.NewPageAsync();
        await SignInAsync(email);
    }

    /// <summary>Hides the confirmation toasts (by style, leaving Blazor's DOM alone) so a screenshot shows what is under them.</summary>
    protected Task HideSnackbarsAsync() =>
        Page.AddStyleTagAsync(new PageAddStyleTagOptions { Content = ".mud-snackbar { display: none !important; }" });

    /// <summary>Saves a full-page PNG to test-output/screenshots (or $ADMISSIONS_TEST_OUTPUT/screenshots).</summary>
    protected async Task ScreenshotAsync(string fileName)
    {
        // The app bar is fixed: scrolled down, a full-page capture would show it in the middle of the page.
        await Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(App.ScreenshotDirectory, fileName), FullPage = true });
    }

    /// <summary>A valid NANP number nobody else uses: area code 555, exchange 3xx.</summary>
    protected static string UniquePhone() =>
        $"(555) 3{Random.Shared.Next(0, 100):00}-{Random.Shared.Next(0, 10_000):0000}";

    /// <summary>A surname that makes the search find exactly this test's inquiry.</summary>
    protected static string UniqueSurname(string stem) =>
        stem + new string([.. Enumerable.Range(0, 6).Select(_ => (char)('a' + Random.Shared.Next(26)))]);

    /// <summary>Fills in and saves a minimal intake (caller, phone, patient) from the app bar's New inquiry button.</summary>
    protected async Task OpenNewInquiryAsync()
    {
        await ByTestId("new-inquiry").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/inquiries/new$"));
        await Expect(Input("caller-name")).ToBeEditableAsync();
    }

    protected async Task FillMinimalInquiryAsync(string callerName, string phone, string firstName, string lastName)
    {
        await Input("caller-name").FillAsync(callerName);
        await Input("caller-phone").FillAsync(phone);
        await Input("patient-first-name").FillAsync(firstName);
        await Input("patient-last-name").FillAsync(lastName);
    }

    /// <summary>Waits for the inquiry page after a save and returns its INQ number.</summary>
    protected async Task<string> WaitForCreatedInquiryAsync()
    {
        await Expect(Page).ToHaveURLAsync(InquiryUrl());
        var number = ByTestId("inquiry-number");
        await Expect(number).ToHaveTextAsync(InquiryNumberPattern());
        return (await number.InnerTextAsync()).Trim();
    }

    [GeneratedRegex("/account/login")]
    private static partial Regex LoginUrlPattern();

    [GeneratedRegex("/inquiries/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex InquiryUrlPattern();

    /// <summary>An inquiry number anywhere in a text.</summary>
    [GeneratedRegex(@"INQ-\d{4}-\d{6}")]
    protected static partial Regex InquiryNumberIn();

    [GeneratedRegex(@"^\s*INQ-\d{4}-\d{6}\s*$")]
    protected static partial Regex InquiryNumberPattern();
}
