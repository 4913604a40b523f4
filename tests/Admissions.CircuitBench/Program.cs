using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Playwright;

// Capacity of one node (scripts/bench-circuits): opens N signed-in Chromium pages on the inquiry list, then on an
// inquiry's page, and prints the live managed heap each circuit holds (the node's /_bench/heap after a full collection,
// minus the heap with no circuit open) and the paging latency of the inquiry list while they are all open.
var pages = 100;
Uri? site = null;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    if (args[i] == "--pages" && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0)
    {
        pages = n;
    }
    else if (args[i] == "--url")
    {
        site = new Uri(args[i + 1].TrimEnd('/') + "/");
    }
}

if (site is null)
{
    await Console.Error.WriteLineAsync("usage: Admissions.CircuitBench --url http://127.0.0.1:PORT [--pages 100]");
    return 2;
}

using var http = new HttpClient { BaseAddress = site, Timeout = TimeSpan.FromMinutes(2) };
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-renderer-backgrounding", "--disable-background-timer-throttling"],
});
await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.ToString(), ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
context.SetDefaultTimeout(120_000);

// One sign-in; every page of the context shares the cookie but has its own circuit.
var first = await context.NewPageAsync();
await first.GotoAsync("account/login");
await first.Locator("#email").FillAsync("coordinator@demo.admissions.local");
await first.Locator("#password").FillAsync("Admissions!2026");
await first.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
await first.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
await first.GotoAsync("about:blank");
// Circuits of closed pages are kept for a while; the empty baseline is taken with none ever opened but the sign-in's.
await Task.Delay(2_000);
var empty = await HeapAsync(http);
Console.WriteLine($"Baseline: {Mb(empty.HeapBytes)} live heap with {empty.Circuits} circuit(s) open");

var open = new List<IPage> { first };
for (var i = 1; i < pages; i++)
{
    open.Add(await context.NewPageAsync());
}

// Half the pages first, then the rest: the heap the second half adds is what one more circuit costs, without the
// caches the first pages warm (compiled queries, component metadata), which the all-in figure spreads over the pages.
var watch = Stopwatch.StartNew();
var half = open.Count / 2;
await OpenListAsync(open.Take(half));
var halfway = await HeapAsync(http);
await OpenListAsync(open.Skip(half));
var list = await HeapAsync(http);
Console.WriteLine($"Inquiry list: {pages} pages open in {watch.Elapsed.TotalSeconds:0} s; {list.Circuits} circuits; "
    + $"{Mb(list.HeapBytes)} live heap; {Mb((list.HeapBytes - empty.HeapBytes) / (double)pages)} per circuit; "
    + $"{Mb((list.HeapBytes - halfway.HeapBytes) / (double)(pages - half))} for each circuit after the first {half}");

// What one circuit holds: its components by type, with their render trees' capacity (the bulk of a circuit's memory).
var components = await http.GetAsync("_bench/components");
// (An older build of the app answers with its HTML page: nothing to print then.)
if (components.IsSuccessStatusCode && components.Content.Headers.ContentType?.MediaType == "application/json"
    && await components.Content.ReadFromJsonAsync<Components>() is { } held)
{
    Console.WriteLine($"One circuit on the list: {held.Count} components, render trees of {held.Frames:N0} frames; most: "
        + string.Join(", ", held.Types.Take(6).Select(t => $"{t.Type} {t.Count}x ({t.Frames:N0} frames)")));
}

// BENCH_HOLD_SECONDS keeps the pages open on the list for a heap dump of the node (dotnet gcdump collect -p <pid>).
if (int.TryParse(Environment.GetEnvironmentVariable("BENCH_HOLD_SECONDS"), CultureInfo.InvariantCulture, out var hold) && hold > 0)
{
    Console.WriteLine($"Holding the pages open for {hold} s");
    await Task.Delay(TimeSpan.FromSeconds(hold));
}

// Paging while every circuit is open: next page, then back, on each page in turn. Two figures: in the page, from the
// click event to the rows changing (what the person waits for: the server's work, the network and the browser's), and
// as the driver sees it, which adds Playwright's own checks before the click (it waits for the button to hold still
// over two animation frames) and its polling after.
var inPage = new List<double>();
var driven = new List<double>();
var rounds = Math.Max(100, pages);
for (var i = 0; i < rounds; i++)
{
    var page = open[i % open.Count];
    var forward = i / open.Count % 2 == 0;
    // The tab in front, as the one a person pages through is: a background tab gets few animation frames, which the
    // click's own checks wait for.
    await page.BringToFrontAsync();
    await page.EvaluateAsync("""
        () => {
            const rows = document.querySelector('[data-testid=inquiry-grid] tbody');
            const turn = window.benchPageTurn = { clicked: 0, changed: 0 };
            document.addEventListener('click', () => turn.clicked = performance.now(), { capture: true, once: true });
            const observer = new MutationObserver(() => { turn.changed = performance.now(); observer.disconnect(); });
            observer.observe(rows, { childList: true, subtree: true, characterData: true });
        }
        """);
    var button = page.Locator(".mud-table-pagination-actions button").Nth(forward ? 2 : 1);
    var click = Stopwatch.StartNew();
    await button.ClickAsync();
    await page.WaitForFunctionAsync("() => window.benchPageTurn.changed > 0", null, new PageWaitForFunctionOptions { PollingInterval = 10 });
    driven.Add(click.Elapsed.TotalMilliseconds);
    inPage.Add(await page.EvaluateAsync<double>("() => window.benchPageTurn.changed - window.benchPageTurn.clicked"));
}

inPage.Sort();
driven.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Paging with {pages} circuits open ({inPage.Count} page turns), click to new rows in the page: p50 {Percentile(inPage, 0.50):0} ms, p95 {Percentile(inPage, 0.95):0} ms, max {inPage[^1]:0} ms; "
    + $"through the driver: p50 {Percentile(driven, 0.50):0} ms, p95 {Percentile(driven, 0.95):0} ms"));

// The same circuits on an inquiry's page.
var link = await first.Locator("[data-testid=inquiry-grid] tbody tr td a").First.GetAttributeAsync("href");
var loaded = 0;
await Parallel.ForEachAsync(open, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (page, _) =>
{
    try
    {
        await page.GotoAsync(link!.TrimStart('/'));
        await page.Locator("[data-testid=interactive]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        Interlocked.Increment(ref loaded);
    }
    catch (TimeoutException)
    {
        // Counted below: a page that did not load in time is reported, not hidden.
    }
});
await Task.Delay(2_000);
var detail = await HeapAsync(http);
Console.WriteLine($"Inquiry page: {loaded} of {pages} pages loaded; {detail.Circuits} circuits; {Mb(detail.HeapBytes)} live heap; "
    + $"{Mb((detail.HeapBytes - empty.HeapBytes) / (double)pages)} per circuit");
return 0;

static Task OpenListAsync(IEnumerable<IPage> pages) =>
    Parallel.ForEachAsync(pages, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (page, _) =>
    {
        await page.GotoAsync("inquiries");
        await page.Locator("[data-testid=interactive]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await page.Locator("[data-testid=inquiry-grid] tbody tr td a").First.WaitForAsync();
    });

static async Task<Heap> HeapAsync(HttpClient http) => (await http.GetFromJsonAsync<Heap>("_bench/heap"))!;

static string Mb(double bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024 / 1024:0.00} MB");

static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

internal sealed record Heap(int Circuits, long HeapBytes);

internal sealed record Components([property: JsonPropertyName("components")] int Count, int Frames, IReadOnlyList<ComponentType> Types);

internal sealed record ComponentType(string Type, int Count, int Frames);
