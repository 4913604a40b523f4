using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Admissions.Web.Tests.Support;

/// <summary>
/// A private Redis for the tests that need one (what several nodes share): Debian's redis-server on a free loopback
/// port with no persistence, in a temp folder, stopped when the fixture is disposed. scripts/test installs the package
/// when it is missing.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private const string Executable = "/usr/bin/redis-server";
    private readonly string _folder = Directory.CreateTempSubdirectory("admissions-redis").FullName;
    private Process? _process;

    public string Configuration { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing: apt-get install redis-server (scripts/test installs it).");
        var port = FreePort();
        _process = Process.Start(new ProcessStartInfo(Executable)
        {
            ArgumentList = { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _folder },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        Configuration = $"127.0.0.1:{port}";

        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync(Configuration);
                await probe.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"redis-server did not answer on {Configuration}.");
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
