using Admissions.Application.Insurance;
using Admissions.Edi;
using Admissions.Infrastructure.Clearinghouse;
using Admissions.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Admissions.Web.Tests.Clearinghouse;

/// <summary>
/// On a real Kestrel socket, as at run time: with no endpoint configured, the client finds the simulator
/// at the address the server actually listens on (a random loopback port here) and the check goes through.
/// </summary>
public sealed class SimulatorDiscoveryTests
{
    [Fact]
    public async Task Without_an_endpoint_the_client_calls_the_simulator_at_the_servers_own_address()
    {
        var factory = new AdmissionsWebFactory();
        try
        {
            factory.UseKestrel(port: 0);
            factory.StartServer();
            var request = X12.Write(new EligibilityRequest(
                "0001", "VOB9", new Party("AETNA", "60054"), new Party("RIVERBEND RECOVERY", "1234567893"),
                new RequestedMember("W100000089", "RIVERA", "SAM", new DateOnly(1988, 2, 29), "M"), null,
                "TRACE9", "9123456789", new DateOnly(2026, 3, 10), ["AI"]),
                new X12Envelope("ADMISSIONS", "CLEARINGHSE", 9, DateTimeOffset.UtcNow, Production: false));

            var answer = await factory.Services.GetRequiredService<IEligibilityGateway>().CheckEligibilityAsync(request);

            var endpoint = factory.Services.GetRequiredService<ClearinghouseEndpoint>().Resolve();
            Assert.Equal(("http", "127.0.0.1", "/clearinghouse/core"), (endpoint.Scheme, endpoint.Host, endpoint.AbsolutePath));
            Assert.NotEqual(0, endpoint.Port);
            var subscriber = X12.Read(answer).Transactions.OfType<EligibilityResponse>().Single().Subscribers.Single();
            Assert.Equal(["TRACE9"], subscriber.TraceNumbers);
        }
        finally
        {
            await ((IAsyncLifetime)factory).DisposeAsync();
        }
    }
}
