using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
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
public sealed class AppServer : IAsyncLifetime, IDisposable
{
    public const string Password = "Admissions!2026";
    public const string Coordinator = "coordinator@demo.admissions.local";
    public const string Manager = "manager@demo.admissions.local";
    public const string Admin = "admin@demo.admissions.local";
    public const string BusinessDevelopment = "bd@demo.admissions.local";

    // Generous: in CI the app starts while the other test projects keep both cores busy.
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(180);

    private readonly StringBuilder _output = new();
    private Process? _process;
    private IPlaywright? _playwright;

    public string RootDirectory { get; } = FindRepositoryRoot();

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "admissions-e2e-" + Guid.NewGuid().ToString("N"));

    public Uri BaseUrl { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public string ScreenshotDirectory { get; private set; } = default!;

    /// <summary>What the app wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        var outputRoot = Environment.GetEnvironmentVariable("ADMISSIONS_TEST_OUTPUT");
        ScreenshotDirectory = Path.Combine(string.IsNullOrWhiteSpace(outputRoot) ? Path.Combine(RootDirectory, "test-output") : outputRoot, "screenshots");
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

    /// <summary>A fresh browser context (own cookies) with a page on the app, timeouts set for expect-style waits.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
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
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>Releases the process handle; xunit calls this after <see cref="DisposeAsync"/> has stopped the app.</summary>
    public void Dispose() => _process?.Dispose();

    private async Task<IBrowser> LaunchBrowserAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(15_000);
        return await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    private async Task StartAppAsync()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";
        var webDirectory = Path.Combine(RootDirectory, "src", "Admissions.Web");
        var dll = Path.Combine(webDirectory, "bin", configuration, "net10.0", "Admissions.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} does not exist. Build src/Admissions.Web in {configuration} first.");
        }

        var port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = webDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { dll, "--urls", $"http://127.0.0.1:{port}", "--contentRoot", webDirectory })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Demo";
        start.Environment["Admissions__DataFolder"] = DataDirectory;
        start.Environment["Admissions__SeedDemoData"] = "true";
        // Short, so a test can watch the speed-to-lead job fire; the journeys reach their callers well within it.
        start.Environment["FollowUps__SpeedToLeadDelay"] = "00:00:20";

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < StartupTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before it was healthy.\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow first answer; try again.
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException($"The app did not answer GET /health with 200 within {StartupTimeout.TotalSeconds:0} s.\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Admissions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Admissions.sln above {AppContext.BaseDirectory}.");
    }
}
