using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admissions.E2E.Tests;

/// <summary>
/// The app works under its strict Content-Security-Policy in Chromium: no page in the navigation, nor the sign-in
/// page, an inquiry, a dialog or a drop-down, makes the browser refuse anything. The session cookie is Secure and
/// still signs in over http://127.0.0.1 (a secure context for Chromium).
/// </summary>
public sealed partial class ContentSecurityPolicyTests(AppServer app) : E2ETest(app)
{
    private readonly List<string> _violations = [];

    /// <summary>Listens for what the browser refused (a policy violation event and its console error) on every page of this context.</summary>
    private async Task WatchForViolationsAsync()
    {
        await Page.Context.AddInitScriptAsync("""
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', e =>
                window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
            """);
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                _violations.Add($"{Page.Url}: console: {message.Text}");
            }
        };
    }

    private async Task CollectViolationsAsync(string where)
    {
        var found = await Page.EvaluateAsync<string[]>("() => window.__cspViolations || []");
        _violations.AddRange(found.Select(v => $"{where}: {v}"));
    }

    [Fact]
    public async Task Every_page_in_the_nav_works_without_a_single_content_security_policy_violation()
    {
        await WatchForViolationsAsync();
        await Page.GotoAsync("/account/login");
        await CollectViolationsAsync("/account/login");
        await SignInAsync(AppServer.Admin);

        var links = await Page.Locator(".mud-navmenu a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var pages = links.Where(href => href.StartsWith('/')).Distinct().ToList();
        Assert.Contains("/inquiries", pages);
        Assert.Contains("/jobs", pages);
        Assert.True(pages.Count >= 12, string.Join(", ", pages));

        foreach (var path in pages)
        {
            await Page.GotoAsync(path);
            if (path == "/jobs")
            {
                // The job dashboard is Hangfire's own page, not a Blazor one.
                await Expect(Page.GetByText("Admissions jobs").First).ToBeVisibleAsync();
            }
            else
            {
                await WaitForInteractiveAsync();
                await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            }

            await CollectViolationsAsync(path);
        }

        // An inquiry with its tabs, the new-inquiry form with a drop-down open, and a dialog.
        await GotoAsync("/inquiries");
        await ByTestId("inquiry-grid").Locator("a[href^='/inquiries/']").Filter(new LocatorFilterOptions { HasTextRegex = InquiryNumber() }).First.ClickAsync();
        await Expect(ByTestId("inquiry-number")).ToBeVisibleAsync();
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await CollectViolationsAsync("an inquiry");
        await OpenNewInquiryAsync();
        await ByTestId("relationship").ClickAsync();
        await Expect(Page.Locator(".mud-popover-open .mud-list-item").First).ToBeVisibleAsync();
        await CollectViolationsAsync("/inquiries/new with a drop-down open");
        await ScreenshotAsync("csp-new-inquiry-dropdown.png");

        Assert.True(_violations.Count == 0, "The browser refused:\n" + string.Join('\n', _violations.Distinct()));
    }

    [Fact]
    public async Task The_session_cookie_is_secure_and_signing_in_over_loopback_http_still_works()
    {
        await SignInAsync(AppServer.Coordinator);

        Assert.StartsWith("http://127.0.0.1:", Page.Url, StringComparison.Ordinal);
        var cookies = await Page.Context.CookiesAsync();
        var session = Assert.Single(cookies, c => c.Name == "admissions.auth");
        Assert.True(session.Secure, "The session cookie is not Secure");
        Assert.True(session.HttpOnly);
        Assert.All(cookies, c => Assert.True(c.Secure, $"{c.Name} is not Secure"));
        await GotoAsync("/inquiries");
        await Expect(Page).Not.ToHaveURLAsync(LoginUrl());
    }

    [GeneratedRegex(@"^\s*INQ-\d{4}-\d{6}\s*$")]
    private static partial Regex InquiryNumber();
}
