using Admissions.Application.Insurance;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Admissions.Infrastructure.Clearinghouse;

/// <summary>
/// Where the client posts: <c>Clearinghouse:Endpoint</c> when set; otherwise, in Simulator mode, the
/// simulator mapped by this same app, at the address its web server actually listens on.
/// </summary>
public sealed class ClearinghouseEndpoint(IOptions<ClearinghouseSettings> settings, IServer? server = null)
{
    public const string SimulatorPath = "/clearinghouse/core";

    private static readonly string[] AnyHost = ["0.0.0.0", "[::]", "+", "*"];

    private Uri? _simulator;

    public Uri Resolve() => settings.Value.Endpoint ?? (_simulator ??= SimulatorAt(OwnAddress()));

    private static Uri SimulatorAt(BindingAddress address)
    {
        var host = AnyHost.Contains(address.Host) ? "127.0.0.1" : address.Host;
        return new Uri($"{address.Scheme}://{host}:{address.Port}{address.PathBase.TrimEnd('/')}{SimulatorPath}");
    }

    /// <summary>Plain http on loopback first: the call never leaves the machine and needs no certificate.</summary>
    private BindingAddress OwnAddress()
    {
        var addresses = (server?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            .Select(BindingAddress.Parse)
            .Where(a => !a.IsUnixPipe)
            .ToList();
        return addresses.FirstOrDefault(a => IsHttp(a) && IsLoopback(a.Host))
            ?? addresses.FirstOrDefault(a => IsHttp(a) && AnyHost.Contains(a.Host))
            ?? addresses.FirstOrDefault(IsHttp)
            ?? addresses.FirstOrDefault()
            ?? throw new ClearinghouseUnavailableException(
                "The clearinghouse simulator's address is not known: the web server is not listening yet. Set Clearinghouse:Endpoint.");
    }

    private static bool IsHttp(BindingAddress address) => address.Scheme.Equals("http", StringComparison.OrdinalIgnoreCase);

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host is "127.0.0.1" or "[::1]";
}
