using Admissions.Application.Insurance;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Admissions.Infrastructure.Clearinghouse;

public static class ClearinghouseServices
{
    /// <summary>The typed HttpClient's name; its resilience pipeline is named <c>Clearinghouse-standard</c>.</summary>
    public const string HttpClientName = "Clearinghouse";

    /// <summary>
    /// The eligibility gateway (CORE client over a resilient HttpClient), its settings, credentials and
    /// identity, and the simulator that answers in Simulator mode. Settings are checked at start-up.
    /// </summary>
    public static IServiceCollection AddClearinghouse(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClearinghouseSettings>()
            .Bind(configuration.GetSection(ClearinghouseSettings.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClearinghouseSettings>, ClearinghouseSettingsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => ClearinghouseCredentials.From(Settings(sp)));
        services.AddSingleton(sp => Settings(sp).Identity());
        services.AddSingleton<ClearinghouseEndpoint>();
        services.AddSingleton<ClearinghouseSimulator>();

        services.AddHttpClient<IEligibilityGateway, CoreConnectivityClient>(HttpClientName)
            // The resilience handler owns every timeout; HttpClient's own 100 s must not cut across it.
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler()
            .Configure((options, sp) => Apply(options, Settings(sp)));
        return services;
    }

    private static ClearinghouseSettings Settings(IServiceProvider services) =>
        services.GetRequiredService<IOptions<ClearinghouseSettings>>().Value;

    private static void Apply(HttpStandardResilienceOptions options, ClearinghouseSettings settings)
    {
        var attempt = TimeSpan.FromSeconds(settings.AttemptTimeoutSeconds);
        options.AttemptTimeout.Timeout = attempt;
        options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(settings.TotalTimeoutSeconds);
        // The standard handler insists on sampling at least two attempts' worth of time.
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(options.CircuitBreaker.SamplingDuration.Ticks, 2 * attempt.Ticks));
        options.Retry.MaxRetryAttempts = Math.Max(1, settings.MaxRetries);
        if (settings.MaxRetries == 0)
        {
            // Polly wants at least one retry attempt configured; zero retries means handling nothing.
            options.Retry.ShouldHandle = _ => ValueTask.FromResult(false);
        }
    }
}
