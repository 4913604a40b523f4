using System.Diagnostics;
using System.Text;

namespace Admissions.Drill;

/// <summary>One app node: the built web app on its own loopback port, started and killed (SIGKILL) by the drill.</summary>
public sealed class Node(string name, int port, string repository, IReadOnlyDictionary<string, string> environment, string logFolder) : IDisposable
{
    private Process? _process;

    public string Name { get; } = name;

    public Uri Url { get; } = new($"http://127.0.0.1:{port}/");

    public bool Running => _process is { HasExited: false };

    public void Start(bool seedDemoData)
    {
        var web = Path.Combine(repository, "src", "Admissions.Web");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(web, "bin", "Release", "net10.0", "Admissions.Web.dll"), "--urls", Url.ToString().TrimEnd('/'), "--contentRoot", web })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["Admissions__NodeName"] = Name;
        start.Environment["Admissions__SeedDemoData"] = seedDemoData ? "true" : "false";
        start.Environment["Admissions__DataFolder"] = Path.Combine(logFolder, Name);
        var log = new StreamWriter(Path.Combine(logFolder, $"{Name}.log"), append: true, Encoding.UTF8) { AutoFlush = true };
        _process?.Dispose();
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Write(log, e.Data);
        _process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>kill -9: the process gets no chance to finish a request, a job or a save.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (_process is { HasExited: true } exited)
            {
                throw new InvalidOperationException($"{Name} exited with code {exited.ExitCode} before it was ready (see its log).");
            }

            try
            {
                using var ready = await http.GetAsync(new Uri("health/ready", UriKind.Relative));
                if (ready.IsSuccessStatusCode)
                {
                    // The sign-in page protects an antiforgery token: the node makes (or reads) the shared Data Protection key now.
                    using var login = await http.GetAsync(new Uri("account/login", UriKind.Relative));
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"{Name} was not ready within {timeout.TotalSeconds:0} s.");
    }

    public void Dispose() => _process?.Dispose();

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }
}
