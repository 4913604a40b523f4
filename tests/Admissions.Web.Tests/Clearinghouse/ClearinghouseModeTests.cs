using Admissions.Infrastructure.Clearinghouse;
using Admissions.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Admissions.Web.Tests.Clearinghouse;

/// <summary>What Core mode changes at start-up: no simulator endpoint, and no start without credentials.</summary>
public sealed class ClearinghouseModeTests
{
    private sealed class CoreModeFactory(string? password) : AdmissionsWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Clearinghouse:Mode", "Core");
            builder.UseSetting("Clearinghouse:Endpoint", "https://clearinghouse.test/core");
            builder.UseSetting("Clearinghouse:UserName", "riverbend");
            builder.UseSetting("Clearinghouse:Password", password);
        }
    }

    private sealed class ProductionSimulatorFactory(bool optedIn) : AdmissionsWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            if (optedIn)
            {
                builder.UseSetting("Clearinghouse:AllowSimulatorInProduction", "true");
            }
        }
    }

    [Fact]
    public async Task Production_refuses_to_start_with_the_simulator_unless_it_is_opted_into()
    {
        var factory = new ProductionSimulatorFactory(optedIn: false);
        try
        {
            var failure = Assert.ThrowsAny<Exception>(() => factory.Services);

            var messages = string.Join(" | ", Chain(failure).Select(e => e.Message));
            Assert.Contains("Clearinghouse:AllowSimulatorInProduction=true", messages, StringComparison.Ordinal);
            Assert.Contains("Clearinghouse:Mode=Core", messages, StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)factory).DisposeAsync();
        }
    }

    [Fact]
    public async Task Production_starts_with_the_simulator_when_it_is_opted_into()
    {
        var factory = new ProductionSimulatorFactory(optedIn: true);
        try
        {
            var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'));

            Assert.Contains(ClearinghouseEndpoint.SimulatorPath, routes);
        }
        finally
        {
            await ((IAsyncLifetime)factory).DisposeAsync();
        }
    }

    [Fact]
    public async Task In_Core_mode_the_simulator_endpoint_is_not_mapped()
    {
        var factory = new CoreModeFactory("s3cret-pass");
        try
        {
            var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'));

            Assert.DoesNotContain(ClearinghouseEndpoint.SimulatorPath, routes);
        }
        finally
        {
            await ((IAsyncLifetime)factory).DisposeAsync();
        }
    }

    [Fact]
    public async Task Core_mode_without_a_password_does_not_start_and_says_which_variable_to_set()
    {
        var factory = new CoreModeFactory(password: null);
        try
        {
            var failure = Assert.ThrowsAny<Exception>(() => factory.Services);

            var messages = string.Join(" | ", Chain(failure).Select(e => e.Message));
            Assert.Contains("Clearinghouse__Password", messages, StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)factory).DisposeAsync();
        }
    }

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
