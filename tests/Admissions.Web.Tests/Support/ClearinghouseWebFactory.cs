using Admissions.Infrastructure.Clearinghouse;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Admissions.Web.Tests.Support;

/// <summary>
/// The app in Simulator mode with its CORE client's HttpClient sending into the in-memory TestServer:
/// the real client, envelope writer, simulator endpoint and reader, without a socket. TestServer listens
/// on no address to discover, so the endpoint is configured as the test host's own.
/// </summary>
public sealed class ClearinghouseWebFactory : AdmissionsWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Clearinghouse:Endpoint", "http://localhost" + ClearinghouseEndpoint.SimulatorPath);
        builder.ConfigureTestServices(services => services
            .AddHttpClient(ClearinghouseServices.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => ((TestServer)sp.GetRequiredService<IServer>()).CreateHandler()));
    }
}
