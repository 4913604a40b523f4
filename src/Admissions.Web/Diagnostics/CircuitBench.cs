using System.Runtime;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Admissions.Web.Diagnostics;

/// <summary>
/// For scripts/bench-circuits only (<c>Diagnostics:CircuitBench=true</c>, never in Production): counts open circuits and
/// answers <c>GET /_bench/heap</c> with the live managed heap after a full, blocking, compacting collection, so the
/// bench can divide the heap that circuits hold by their number; and <c>GET /_bench/components</c>, what one circuit holds.
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

    private static WeakReference<Circuit>? _lastOpened;

    /// <summary>
    /// <c>GET /_bench/components</c>: the components the last opened circuit holds, by type, with their render-tree
    /// capacity in frames (each component keeps its tree for as long as the page is open). Read from the renderer's
    /// private state, so on a framework version where that has moved it answers 501 rather than a wrong figure.
    /// </summary>
    public static void MapCircuitComponents(this WebApplication app) =>
        app.MapGet("/_bench/components", () =>
        {
            if (_lastOpened is null || !_lastOpened.TryGetTarget(out var circuit))
            {
                return Results.NotFound();
            }

            try
            {
                var types = RendererInternals.Components(circuit)
                    .GroupBy(c => c.Type)
                    .Select(g => new { type = g.Key, count = g.Count(), frames = g.Sum(c => c.Frames) })
                    .OrderByDescending(t => t.frames)
                    .ToList();
                return Results.Json(new { components = types.Sum(t => t.count), frames = types.Sum(t => t.frames), types });
            }
            catch (Exception ex) when (ex is InvalidOperationException or InvalidCastException or System.Reflection.TargetException)
            {
                return Results.StatusCode(StatusCodes.Status501NotImplemented);
            }
        }).AllowAnonymous();

    /// <summary>Circuit → its renderer → each component's state and render tree, by reflection (bench only).</summary>
    private static class RendererInternals
    {
        private const System.Reflection.BindingFlags Members =
            System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public;

        public static IEnumerable<(string Type, int Frames)> Components(Circuit circuit)
        {
            var host = Field(circuit, "_circuitHost");
            var renderer = Property(host, "Renderer");
            var states = (System.Collections.IDictionary)Field(renderer, "_componentStateById");
            foreach (var state in states.Values)
            {
                var tree = Property(state!, "CurrentRenderTree");
                var frames = (Array)Property(Field(tree, "_entries"), "Buffer");
                yield return (Property(state!, "Component").GetType().Name, frames.Length);
            }
        }

        private static object Field(object owner, string name)
        {
            for (var type = owner.GetType(); type is not null; type = type.BaseType)
            {
                if (type.GetField(name, Members) is { } field)
                {
                    return field.GetValue(owner)!;
                }
            }

            throw new InvalidOperationException($"No {name} here.");
        }

        private static object Property(object owner, string name) =>
            owner.GetType().GetProperty(name, Members)?.GetValue(owner) ?? throw new InvalidOperationException($"No {name} here.");
    }

    private sealed class OpenCircuits : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            _lastOpened = new WeakReference<Circuit>(circuit);
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
