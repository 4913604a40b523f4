using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Admissions.Infrastructure.Health;

/// <summary>Healthy when the job storage answers: follow-ups can be scheduled and picked up.</summary>
public sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers().Count;
            return Task.FromResult(HealthCheckResult.Healthy($"{servers} job server(s)"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Job storage is unreachable.", ex));
        }
    }
}
