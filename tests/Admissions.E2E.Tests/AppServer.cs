using Microsoft.Playwright;

namespace Admissions.E2E.Tests;

/// <summary>All E2E tests share one running app and one browser; each test opens its own browser context.</summary>
[CollectionDefinition(Name)]
public sealed class E2EGroup : ICollectionFixture<AppServer>
{
    public const string Name = "E2E";
}

/// <summary>
/// Starts the real app from its build output (Demo environment, demo users and data, a fresh SQLite
/// database in a temp folder) on a free port of 127.0.0.1, plus one headless Debian Chromium.
/// </summary>
public class AppServer : IAsyncLifetime, IDisposable
{
    public const string Password = "Admissions!2026";
    public const string Coordinator = "coordinator@demo.admissions.local";
    public const string Manager = "manager@demo.admissions.local";
    public const string Admin = "admin@demo.admissions.local";
    public const string BusinessDevelopment = "bd@demo.admissions.local";

    // Generous: in CI the app starts while the other test projects keep both cores busy.
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(180);

    private AppProcess? _app;
    private IPlaywright? _playwright;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "admissions-e2e-" + Guid.NewGuid().ToString("N"));

    public Uri BaseUrl { get; private set; } = default!;

    /// <summary>
    /// The same app by the name <c>localhost</c>: WebAuthn (passkeys) takes its relying party from the host name, and an
    /// IP address such as 127.0.0.1 cannot be one.
    /// </summary>
    public Uri LocalhostUrl => new UriBuilder(BaseUrl) { Host = "localhost" }.Uri;

    public IBrowser Browser { get; private set; } = default!;

    public string ScreenshotDirectory { get; private set; } = default!;

    /// <summary>What the app wrote to stdout and stderr so far.</summary>
    public string Output => _app?.Output ?? "";

    public async Task InitializeAsync()
    {
        var outputRoot = Environment.GetEnvironmentVariable("ADMISSIONS_TEST_OUTPUT");
        ScreenshotDirectory = Path.Combine(string.IsNullOrWhiteSpace(outputRoot) ? Path.Combine(AppProcess.RepositoryRoot, "test-output") : outputRoot, "screenshots");
        Directory.CreateDirectory(ScreenshotDirectory);
        Directory.CreateDirectory(DataDirectory);

        // The browser starts while the app boots.
        var browserTask = LaunchBrowserAsync();
        try
        {
            await StartAppAsync();
        }
        catch
        {
            await StopAppAsync();
            throw;
        }
        finally
        {
            Browser = await browserTask;
        }
    }

    /// <summary>
    /// A fresh browser context (own cookies) with a page on the app (or on <paramref name="baseUrl"/>: another app, or
    /// this one by another name), timeouts set for expect-style waits.
    /// </summary>
    public async Task<IPage> NewPageAsync(Uri? baseUrl = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (baseUrl ?? BaseUrl).ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Locale = "en-US",
            TimezoneId = "America/New_York",
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await StopAppAsync();

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task StopAppAsync()
    {
        if (_app is not null)
        {
            await _app.KillAsync();
        }
    }

    /// <summary>Releases the process handle; xunit calls this after <see cref="DisposeAsync"/> has stopped the app.</summary>
    public void Dispose()
    {
        _app?.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<IBrowser> LaunchBrowserAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(15_000);
        return await LaunchChromiumAsync(_playwright);
    }

    /// <summary>Debian's Chromium, headless, with the flags this machine's closed network needs.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });

    /// <summary>Settings a fixture of its own adds to (or changes from) the shared app's.</summary>
    protected virtual IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>();

    private async Task StartAppAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Demo",
            ["Admissions__DataFolder"] = DataDirectory,
            ["Admissions__SeedDemoData"] = "true",
            // Short, so a test can watch the speed-to-lead job fire; the journeys reach their callers well within it.
            ["FollowUps__SpeedToLeadDelay"] = "00:00:20",
            // Every test signs in from 127.0.0.1 to the one shared app: the per-address sign-in ceiling is for real networks.
            ["Security__SignIn__PermitsPerMinutePerAddress"] = "1000",
            ["Security__SignIn__PermitsPerMinute"] = "1000",
        };
        foreach (var (name, value) in ExtraSettings)
        {
            settings[name] = value;
        }

        _app = await AppProcess.StartAsync(settings, StartupTimeout);
        BaseUrl = _app.BaseUrl;
    }
}
