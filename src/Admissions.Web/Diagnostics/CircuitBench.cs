using System.Runtime;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Admissions.Web.Diagnostics;

/// <summary>
/// For scripts/bench-circuits only (<c>Diagnostics:CircuitBench=true</c>, never in Production): counts open circuits and
/// answers <c>GET /_bench/heap</c> with the live managed heap after a full, blocking, compacting collection, so the
/// bench can divide the heap that circuits hold by their number.
/// </summary>
public static class CircuitBench
{
    public const string Setting = "Diagnostics:CircuitBench";

    private static int _open;

    public static bool Enabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool>(Setting) && !environment.IsProduction();

    public static IServiceCollection AddCircuitBench(this IServiceCollection services) =>
        services.AddScoped<CircuitHandler, OpenCircuits>();

    public static void MapCircuitBench(this WebApplication app) =>
        app.MapGet("/_bench/heap", () =>
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            return Results.Json(new { circuits = Volatile.Read(ref _open), heapBytes = GC.GetTotalMemory(forceFullCollection: false) });
        }).AllowAnonymous();

    private sealed class OpenCircuits : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _open);
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Decrement(ref _open);
            return Task.CompletedTask;
        }
    }
}
