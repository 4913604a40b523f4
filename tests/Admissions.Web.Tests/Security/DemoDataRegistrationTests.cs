using Admissions.DemoData;
using Admissions.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Admissions.Web.Tests.Security;

/// <summary>The demo seeder (known passwords, made-up patients) is registered only where demo data may be seeded, never in Production.</summary>
public sealed class DemoDataRegistrationTests
{
    private sealed class SeedingFactory(string environment) : AdmissionsWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
            builder.UseSetting("Admissions:SeedDemoData", "true");
            // Production refuses the clearinghouse simulator unless opted into; this test is about the seeder.
            builder.UseSetting("Clearinghouse:AllowSimulatorInProduction", "true");
        }
    }

    [Theory]
    [InlineData("Production", false)]
    [InlineData("Demo", true)]
    public async Task The_demo_seeder_is_registered_when_demo_data_is_asked_for_outside_Production(string environment, bool registered)
    {
        var factory = new SeedingFactory(environment);
        try
        {
            await using var scope = factory.Services.CreateAsyncScope();

            Assert.Equal(registered, scope.ServiceProvider.GetService<DemoDataSeeder>() is not null);
        }
        finally
        {
            await ((IAsyncLifetime)factory).DisposeAsync();
        }
    }
}
