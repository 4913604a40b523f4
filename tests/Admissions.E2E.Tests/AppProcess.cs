using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Admissions.E2E.Tests;

/// <summary>
/// The real web app from its build output, as a child process on a free port of 127.0.0.1, with the
/// settings a test gives it as environment variables. Started and waited for until GET /health answers
/// 200; killed (SIGKILL, the whole process tree) when the test is done with it, or to crash it on purpose.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly StringBuilder _output = new();
    private readonly Process _process;

    private AppProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public Uri BaseUrl { get; }

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

    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> environment, TimeSpan startupTimeout)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";
        var webDirectory = Path.Combine(RepositoryRoot, "src", "Admissions.Web");
        var dll = Path.Combine(webDirectory, "bin", configuration, "net10.0", "Admissions.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} does not exist. Build src/Admissions.Web in {configuration} first.");
        }

        var port = FreePort();
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

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var app = new AppProcess(new Process { StartInfo = start }, new Uri($"http://127.0.0.1:{port}/"));
        app._process.OutputDataReceived += (_, e) => app.Append(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        app._process.Start();
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilHealthyAsync(startupTimeout);
        }
        catch
        {
            await app.KillAsync();
            app.Dispose();
            throw;
        }

        return app;
    }

    /// <summary>SIGKILL to the app and everything it started: no shutdown hooks, no flushing, like a crash.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public void Dispose() => _process.Dispose();

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
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

        throw new InvalidOperationException($"The app did not answer GET /health with 200 within {timeout.TotalSeconds:0} s.\n{Output}");
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
