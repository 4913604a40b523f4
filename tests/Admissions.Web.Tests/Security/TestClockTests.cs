using Admissions.Web.Diagnostics;
using Admissions.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Admissions.Web.Tests.Security;

/// <summary>
/// The browser tests move the app's clock through a file; only a host in the E2E environment reads it. Production,
/// Demo, Development and the Testing environment keep the system clock even when the setting points at a file.
/// </summary>
public sealed class TestClockTests
{
    private sealed class ClockFactory(string environment, string offsetFile) : AdmissionsWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
            builder.UseSetting(TestClock.Setting, offsetFile);
            // Production refuses the clearinghouse simulator unless opted into; this test is about the clock.
            builder.UseSetting("Clearinghouse:AllowSimulatorInProduction", "true");
        }
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Demo")]
    [InlineData("Development")]
    [InlineData("Testing")]
    public async Task Outside_the_E2E_environment_the_clock_offset_file_is_never_read(string environment)
    {
        var clock = await ClockOfAppAsync(environment);

        Assert.Same(TimeProvider.System, clock.Provider);
        Assert.InRange(clock.Now - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(-1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task In_the_E2E_environment_the_app_clock_runs_ahead_by_the_span_in_the_file()
    {
        var clock = await ClockOfAppAsync(TestClock.Environment);

        Assert.NotSame(TimeProvider.System, clock.Provider);
        Assert.InRange(clock.Now - DateTimeOffset.UtcNow, TimeSpan.FromHours(23), TimeSpan.FromHours(25));
    }

    /// <summary>Starts the app with the setting pointing at a file that moves the clock a day ahead, and reads its clock.</summary>
    private static async Task<(TimeProvider Provider, DateTimeOffset Now)> ClockOfAppAsync(string environment)
    {
        var offsetFile = Path.Combine(Path.GetTempPath(), $"admissions-clock-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(offsetFile, "1.00:00:00");
        var factory = new ClockFactory(environment, offsetFile);
        try
        {
            var provider = factory.Services.GetRequiredService<TimeProvider>();
            return (provider, provider.GetUtcNow());
        }
        finally
        {
            await ((IAsyncLifetime)factory).DisposeAsync();
            File.Delete(offsetFile);
        }
    }
}
