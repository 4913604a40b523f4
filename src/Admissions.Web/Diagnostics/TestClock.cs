using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Admissions.Web.Diagnostics;

/// <summary>
/// For the browser tests only: in the <c>E2E</c> environment, <c>Admissions:Testing:ClockOffsetFile</c> names a file
/// holding a time span (<c>00:16:00</c>) the app's clock runs ahead by, so a test can move the clock of the running app
/// (a safety call left 16 minutes). Ignored in every other environment: a Production, Demo or Development host never
/// reads the file. Only the time the app reads moves; timers, Hangfire's own schedule and cookies' transport stay real.
/// </summary>
public static class TestClock
{
    public const string Environment = "E2E";
    public const string Setting = "Admissions:Testing:ClockOffsetFile";

    public static bool Enabled(IConfiguration configuration, IHostEnvironment environment) =>
        environment.IsEnvironment(Environment) && !string.IsNullOrWhiteSpace(configuration[Setting]);

    /// <summary>Replaces the app's <see cref="TimeProvider"/> with the offset clock where <see cref="Enabled"/>; otherwise changes nothing.</summary>
    public static IServiceCollection AddTestClock(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (!Enabled(configuration, environment))
        {
            return services;
        }

        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(new OffsetFileClock(configuration[Setting]!));
        return services;
    }

    /// <summary>Real time plus the span in the file (none while there is no file), read again at most every 200 ms.</summary>
    private sealed class OffsetFileClock(string path) : TimeProvider
    {
        private const long RereadAfterMilliseconds = 200;

        // A reference swapped whole, so concurrent readers never see half an update.
        private volatile Reading? _last;

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset();

        private TimeSpan Offset()
        {
            var now = global::System.Environment.TickCount64;
            if (_last is { } last && now - last.ReadAt < RereadAfterMilliseconds)
            {
                return last.Offset;
            }

            var offset = Read();
            _last = new Reading(now, offset);
            return offset;
        }

        private sealed record Reading(long ReadAt, TimeSpan Offset);

        private TimeSpan Read()
        {
            try
            {
                return File.Exists(path) && TimeSpan.TryParse(File.ReadAllText(path).Trim(), CultureInfo.InvariantCulture, out var offset) ? offset : TimeSpan.Zero;
            }
            catch (IOException)
            {
                // The test is writing the file: keep the span read before.
                return _last?.Offset ?? TimeSpan.Zero;
            }
        }
    }
}
