using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Admissions.Drill;

/// <summary>
/// One round: a coordinator signed in through the balancer half-types an intake while inquiries arrive through the
/// intake API; the node the coordinator is on is killed with jobs due; then the page must work again through the other
/// node with the coordinator still signed in, the half-typed intake must come back from its server-side draft, a job
/// on the surviving node must update the bell, and every inquiry must have exactly one speed-to-lead task.
/// </summary>
internal sealed class FailoverDrill : IAsyncDisposable
{
    public const string NodeCookie = "ADMISSIONS_NODE";
    private const string Password = "Admissions!2026";
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(90);

    private readonly DrillOptions _options;
    private readonly IReadOnlyList<Node> _nodes;
    private readonly DrillDatabase _database;
    private readonly HttpClient _api;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];

    private FailoverDrill(DrillOptions options, IReadOnlyList<Node> nodes, DrillDatabase database, string apiKey, IPlaywright playwright, IBrowser browser)
    {
        _options = options;
        _nodes = nodes;
        _database = database;
        _playwright = playwright;
        _browser = browser;
        _api = new HttpClient { BaseAddress = options.Balancer, Timeout = TimeSpan.FromSeconds(10) };
        _api.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
    }

    public static async Task<FailoverDrill> StartAsync(DrillOptions options, IReadOnlyList<Node> nodes, DrillDatabase database, string apiKey)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        return new FailoverDrill(options, nodes, database, apiKey, playwright, browser);
    }

    public async Task<RoundResult> RunRoundAsync(int round)
    {
        var result = new RoundResult(round);
        await _database.StartRoundAsync();
        await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _options.Balancer.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await SignInAsync(page);
        var victim = await NodeOfAsync(context);
        result.Node = victim.Name;

        // A coordinator mid-call: the intake is half typed when the node goes.
        await page.GotoAsync("inquiries/new");
        await WaitForInteractiveAsync(page);
        var typed = new Dictionary<string, string>
        {
            ["caller-name"] = $"Drill Caller {_run} {round}",
            ["patient-first-name"] = "Robin",
            ["patient-last-name"] = $"Drill{round}",
        };
        foreach (var (field, value) in typed)
        {
            await Input(page, field).FillAsync(value);
            await Input(page, field).PressAsync("Tab");
        }

        var numbers = new List<string>();
        result.Unacknowledged += await SendInquiriesAsync(round, 0, 4, numbers);
        // The drafts contract: autosave within about 5 s of typing.
        await Task.Delay(TimeSpan.FromSeconds(6));

        var sinceKill = Stopwatch.StartNew();
        await victim.KillAsync();
        var duringFailover = SendInquiriesAsync(round, 4, 3, numbers);
        (result.FailoverSeconds, result.SignedIn) = await FailoverAsync(page, context, victim, sinceKill);
        result.Unacknowledged += await duringFailover;
        // The killed node comes back while the rest of the round is checked; until it is ready the other node serves alone.
        victim.Start(seedDemoData: false);

        if (result.SignedIn)
        {
            (result.DraftRestored, result.DraftNote) = await RestoreDraftAsync(page, typed);
            (result.BellUpdated, result.BellNote) = await BellUpdatesAsync(page, round, numbers);
        }
        else
        {
            result.DraftNote = result.BellNote = "not signed in after failover";
        }

        (result.Lost, result.Duplicated, result.Missing) = await CountTasksAsync(numbers);
        result.Inquiries = numbers.Count;

        await victim.WaitUntilReadyAsync(TimeSpan.FromMinutes(3));
        // The balancer checks /health/ready every second and wants two answers before it sends traffic again.
        await Task.Delay(TimeSpan.FromSeconds(3));
        return result;
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("account/login");
        await page.Locator("#email").FillAsync(DrillDatabase.Coordinator);
        await page.Locator("#password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await WaitForInteractiveAsync(page);
    }

    private async Task<Node> NodeOfAsync(IBrowserContext context)
    {
        var cookie = (await context.CookiesAsync()).FirstOrDefault(c => c.Name == NodeCookie)
            ?? throw new InvalidOperationException($"The balancer set no {NodeCookie} cookie: sessions are not sticky.");
        return _nodes.FirstOrDefault(n => n.Name == cookie.Value) ?? throw new InvalidOperationException($"Unknown node '{cookie.Value}' in {NodeCookie}.");
    }

    /// <summary>Reloads through the balancer until a page renders interactively again; how long that took, and whether still signed in.</summary>
    private async Task<(double Seconds, bool SignedIn)> FailoverAsync(IPage page, IBrowserContext context, Node victim, Stopwatch sinceKill)
    {
        while (sinceKill.Elapsed < StepTimeout)
        {
            try
            {
                await page.GotoAsync("", new PageGotoOptions { Timeout = 5_000 });
                if (page.Url.Contains("/account/login", StringComparison.Ordinal))
                {
                    return (sinceKill.Elapsed.TotalSeconds, false);
                }

                await page.Locator("[data-testid=interactive]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 5_000 });
                var now = await NodeOfAsync(context);
                if (now.Name != victim.Name)
                {
                    return (sinceKill.Elapsed.TotalSeconds, true);
                }
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
            {
                // Still on the dead node, or the balancer has not noticed yet: try again.
            }

            await Task.Delay(250);
        }

        return (sinceKill.Elapsed.TotalSeconds, false);
    }

    private static async Task<(bool Restored, string Note)> RestoreDraftAsync(IPage page, IReadOnlyDictionary<string, string> typed)
    {
        var restore = page.Locator("[data-testid=draft-restore]");
        try
        {
            await restore.First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            return (false, "no draft-restore prompt within 15 s of the page coming back: the server-side drafts (first-day branch) are not in this build, or the autosave never reached the database");
        }

        await restore.First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/inquiries/new", StringComparison.Ordinal));
        // The same circuit navigates, so the interactive marker is there before the form is filled: the page says when it is.
        try
        {
            await page.Locator("[data-testid=draft-restored]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        }
        catch (TimeoutException)
        {
            var alerts = string.Join(" | ", await page.Locator(".mud-alert").AllInnerTextsAsync());
            return (false, $"Restore opened {page.Url} but no form was filled from the draft within 15 s (on the page: {alerts})");
        }

        foreach (var (field, value) in typed)
        {
            var restored = await Input(page, field).InputValueAsync();
            if (restored != value)
            {
                return (false, $"the draft came back with {field} '{restored}', typed '{value}'");
            }
        }

        return (true, "restored");
    }

    /// <summary>One more inquiry arrives; its speed-to-lead job can only run on the surviving node, and must ring this page's bell.</summary>
    private async Task<(bool Updated, string Note)> BellUpdatesAsync(IPage page, int round, List<string> numbers)
    {
        await page.GotoAsync("");
        await WaitForInteractiveAsync(page);
        var before = await BellCountAsync(page);
        if (await SendInquiriesAsync(round, 7, 1, numbers) > 0)
        {
            return (false, "the probe inquiry was not acknowledged");
        }

        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < StepTimeout)
        {
            if (await BellCountAsync(page) > before)
            {
                return (true, $"bell rang {watch.Elapsed.TotalSeconds:0} s after the probe inquiry");
            }

            await Task.Delay(500);
        }

        return (false, $"the bell stayed at {before} for {StepTimeout.TotalSeconds:0} s after the probe inquiry's job was due");
    }

    private static async Task<int> BellCountAsync(IPage page)
    {
        var badges = await page.Locator("[data-testid=notification-count] .mud-badge").AllTextContentsAsync();
        return badges.Select(b => int.TryParse(b.Trim().TrimEnd('+'), CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max();
    }

    /// <summary>Sends inquiries through the balancer, retrying each with its idempotency key until acknowledged; returns how many never were.</summary>
    private async Task<int> SendInquiriesAsync(int round, int first, int count, List<string> numbers)
    {
        var unacknowledged = 0;
        for (var i = first; i < first + count; i++)
        {
            var key = $"drill-{_run}-{round}-{i}";
            var body = new
            {
                callerName = $"Drill Caller {round}-{i}",
                callerPhone = $"(555) {200 + round:000}-{1000 + i:0000}",
                patientFirstName = $"Pat{i}",
                notes = "Failover drill.",
            };
            string? number = null;
            var watch = Stopwatch.StartNew();
            while (number is null && watch.Elapsed < TimeSpan.FromSeconds(45))
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/inquiries") { Content = JsonContent.Create(body) };
                    request.Headers.Add("Idempotency-Key", key);
                    using var response = await _api.SendAsync(request);
                    if (response.IsSuccessStatusCode)
                    {
                        number = (await response.Content.ReadFromJsonAsync<Acknowledged>())?.Number;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // The node died under the request: the same idempotency key is sent again.
                }

                if (number is null)
                {
                    await Task.Delay(500);
                }
            }

            if (number is null)
            {
                unacknowledged++;
            }
            else
            {
                lock (numbers)
                {
                    numbers.Add(number);
                }
            }
        }

        return unacknowledged;
    }

    /// <summary>Waits until every acknowledged inquiry has its speed-to-lead task (or the step times out), then counts.</summary>
    private async Task<(int Lost, int Duplicated, int Missing)> CountTasksAsync(List<string> numbers)
    {
        IReadOnlyDictionary<string, int?> tasks;
        var watch = Stopwatch.StartNew();
        do
        {
            tasks = await _database.SpeedToLeadTasksAsync(numbers);
            if (tasks.Values.All(c => c is > 0))
            {
                break;
            }

            await Task.Delay(1_000);
        }
        while (watch.Elapsed < StepTimeout);

        return (tasks.Values.Count(c => c is null), tasks.Values.Sum(c => Math.Max(0, (c ?? 0) - 1)), tasks.Values.Count(c => c == 0));
    }

    private static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator("[data-testid=interactive]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea").First;

    public async ValueTask DisposeAsync()
    {
        _api.Dispose();
        await _browser.CloseAsync();
        _playwright.Dispose();
    }

    private sealed record Acknowledged(string Number);
}
