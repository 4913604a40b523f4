using System.Net;
using Admissions.Application.Insurance;
using Admissions.Infrastructure.Clearinghouse;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Admissions.Infrastructure.Tests.Clearinghouse;

/// <summary>AddClearinghouse as the app registers it: settings, identity, credentials, and the resilient typed client.</summary>
public sealed class ClearinghouseServicesTests
{
    private const string PipelineOptions = ClearinghouseServices.HttpClientName + "-standard";

    private static ServiceProvider Build(Dictionary<string, string?> settings, FakeClearinghouse? clearinghouse = null, TimeProvider? clock = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddClearinghouse(configuration);
        if (clearinghouse is not null)
        {
            services.AddHttpClient(ClearinghouseServices.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => clearinghouse);
        }

        // Back-off between retries is the handler's business; these tests count attempts, not seconds.
        services.Configure<HttpStandardResilienceOptions>(PipelineOptions, o => o.Retry.Delay = TimeSpan.Zero);
        return services.BuildServiceProvider();
    }

    private static Dictionary<string, string?> Core(string? password = "s3cret-pass") => new()
    {
        ["Clearinghouse:Mode"] = "Core",
        ["Clearinghouse:Endpoint"] = "https://clearinghouse.test/core",
        ["Clearinghouse:UserName"] = "riverbend",
        ["Clearinghouse:Password"] = password,
    };

    [Fact]
    public void The_defaults_are_the_simulator_with_the_documented_identity()
    {
        using var services = Build([]);

        var settings = services.GetRequiredService<IOptions<ClearinghouseSettings>>().Value;
        var identity = services.GetRequiredService<ClearinghouseIdentity>();

        Assert.Equal(ClearinghouseMode.Simulator, settings.Mode);
        Assert.Equal(new ClearinghouseIdentity("ADMISSIONS", "CLEARINGHSE", "RIVERBEND RECOVERY", "1234567893", "9123456789", Production: false), identity);
        Assert.Equal((10, 30, 2, 6), (settings.AttemptTimeoutSeconds, settings.TotalTimeoutSeconds, settings.MaxRetries, settings.SimulatorDelaySeconds));
        Assert.IsType<CoreConnectivityClient>(services.GetRequiredService<IEligibilityGateway>());
    }

    [Fact]
    public void Core_mode_is_production_and_uses_the_configured_credentials()
    {
        using var services = Build(Core());

        Assert.True(services.GetRequiredService<ClearinghouseIdentity>().Production);
        var credentials = services.GetRequiredService<ClearinghouseCredentials>();
        Assert.Equal(("riverbend", "s3cret-pass"), (credentials.UserName, credentials.Password));
    }

    [Fact]
    public void Core_mode_without_a_password_fails_with_the_environment_variable_to_set()
    {
        using var services = Build(Core(password: null));

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ClearinghouseSettings>>().Value);

        Assert.Contains("Clearinghouse__Password", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Clearinghouse:Endpoint", null, "Clearinghouse:Endpoint is required")]
    [InlineData("Clearinghouse:Endpoint", "https://user:pw@clearinghouse.test/core", "must not carry credentials")]
    [InlineData("Clearinghouse:TotalTimeoutSeconds", "10", "TotalTimeoutSeconds must be greater")]
    [InlineData("Clearinghouse:MaxRetries", "-1", "MaxRetries must be between")]
    [InlineData("Clearinghouse:SubmitterId", " ", "SubmitterId must not be empty")]
    public void Settings_that_could_only_fail_later_fail_at_start_up(string key, string? value, string message)
    {
        var settings = Core();
        settings[key] = value;
        using var services = Build(settings);

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ClearinghouseSettings>>().Value);

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulator_mode_without_credentials_makes_a_random_pair_per_process()
    {
        using var first = Build([]);
        using var second = Build([]);

        var one = first.GetRequiredService<ClearinghouseCredentials>();
        var other = second.GetRequiredService<ClearinghouseCredentials>();

        Assert.Same(one, first.GetRequiredService<ClearinghouseCredentials>());
        Assert.NotEqual(one.Password, other.Password);
        Assert.True(one.Password.Length >= 32);
        Assert.True(one.Match(one.UserName, one.Password));
        Assert.False(one.Match(one.UserName, other.Password));
        Assert.False(one.Match(null, null));
    }

    [Fact]
    public async Task Server_failures_are_retried_MaxRetries_times_then_reported_unavailable()
    {
        var clearinghouse = new FakeClearinghouse(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        using var services = Build(Core(), clearinghouse);

        var failure = await Assert.ThrowsAsync<ClearinghouseUnavailableException>(
            () => services.GetRequiredService<IEligibilityGateway>().CheckEligibilityAsync("ISA*270~"));

        Assert.Equal(3, clearinghouse.Received.Count);
        Assert.Contains("HTTP 503", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejected_credentials_are_not_retried()
    {
        var clearinghouse = new FakeClearinghouse(_ => new HttpResponseMessage(HttpStatusCode.Unauthorized));
        using var services = Build(Core(), clearinghouse);

        await Assert.ThrowsAsync<ClearinghouseUnavailableException>(
            () => services.GetRequiredService<IEligibilityGateway>().CheckEligibilityAsync("ISA*270~"));

        Assert.Single(clearinghouse.Received);
    }

    [Fact]
    public async Task A_clearinghouse_that_never_answers_times_out_after_the_attempt_timeout()
    {
        var clock = new FakeTimeProvider(InfrastructureHost.StartTime);
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clearinghouse = new FakeClearinghouse(async (_, token) =>
        {
            waiting.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            throw new InvalidOperationException("unreachable");
        });
        var settings = Core();
        settings["Clearinghouse:MaxRetries"] = "0";
        using var services = Build(settings, clearinghouse, clock);

        var check = services.GetRequiredService<IEligibilityGateway>().CheckEligibilityAsync("ISA*270~");
        await waiting.Task;
        clock.Advance(TimeSpan.FromSeconds(10));

        var failure = await Assert.ThrowsAsync<ClearinghouseUnavailableException>(() => check);
        Assert.Contains("did not answer in time", failure.Message, StringComparison.Ordinal);
        Assert.Single(clearinghouse.Received);
    }
}
