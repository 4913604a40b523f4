using Admissions.Application.Insurance;
using Admissions.Infrastructure.Clearinghouse;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Moq;

namespace Admissions.Infrastructure.Tests.Clearinghouse;

/// <summary>In Simulator mode the client calls this app's own simulator, wherever the web server listens.</summary>
public sealed class ClearinghouseEndpointTests
{
    private static ClearinghouseEndpoint Endpoint(Uri? configured, params string[] addresses)
    {
        var feature = new ServerAddressesFeature();
        foreach (var address in addresses)
        {
            feature.Addresses.Add(address);
        }

        var features = new FeatureCollection();
        features.Set<IServerAddressesFeature>(feature);
        var server = new Mock<IServer>();
        server.Setup(s => s.Features).Returns(features);
        return new ClearinghouseEndpoint(Options.Create(new ClearinghouseSettings { Endpoint = configured }), server.Object);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/clearinghouse/core", "http://127.0.0.1:5000")]
    [InlineData("http://localhost:5080/clearinghouse/core", "https://localhost:5443", "http://localhost:5080")]
    [InlineData("http://127.0.0.1:8080/clearinghouse/core", "http://0.0.0.0:8080")]
    [InlineData("http://127.0.0.1:8080/clearinghouse/core", "http://[::]:8080")]
    [InlineData("http://127.0.0.1:80/clearinghouse/core", "http://+:80")]
    [InlineData("http://127.0.0.1:5000/clearinghouse/core", "http://*:5000")]
    [InlineData("http://127.0.0.1:5000/clearinghouse/core", "http://admissions.internal:6000", "http://*:5000")]
    [InlineData("https://127.0.0.1:5443/clearinghouse/core", "https://[::]:5443")]
    public void The_simulator_is_found_at_the_servers_own_address(string expected, params string[] addresses)
    {
        Assert.Equal(new Uri(expected), Endpoint(null, addresses).Resolve());
    }

    [Fact]
    public void A_configured_endpoint_wins()
    {
        var configured = new Uri("http://localhost/clearinghouse/core");

        Assert.Equal(configured, Endpoint(configured, "http://127.0.0.1:5000").Resolve());
    }

    [Fact]
    public void Before_the_server_listens_there_is_no_simulator_to_call()
    {
        var failure = Assert.Throws<ClearinghouseUnavailableException>(() => Endpoint(null).Resolve());

        Assert.Contains("Clearinghouse:Endpoint", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_web_server_there_is_no_simulator_to_call()
    {
        var endpoint = new ClearinghouseEndpoint(Options.Create(new ClearinghouseSettings()));

        Assert.Throws<ClearinghouseUnavailableException>(endpoint.Resolve);
    }
}
