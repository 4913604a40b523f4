using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Admissions.Web.Tests.Support;

/// <summary>Every log event the app writes, as the app's Serilog pipeline produced it (register as an ILogEventSink).</summary>
public sealed class CapturedLogs : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>
    /// The request log line is written after the response has gone, so a test that has its answer may still be a moment
    /// ahead of the log: wait (up to 10 s) until every status asked for has been logged.
    /// </summary>
    public async Task WaitForResponsesAsync(params int[] statuses)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!statuses.All(s => Responses(s).Count > 0) && !timeout.IsCancellationRequested)
        {
            await Task.Delay(20, CancellationToken.None);
        }
    }

    /// <summary>The request-logging line ("HTTP POST /path responded 415 in … ms") of each request with this status.</summary>
    public IReadOnlyList<LogEvent> Responses(int status) =>
        [.. Events.Where(e => e.Properties.TryGetValue("StatusCode", out var code) && code.ToString() == status.ToString(System.Globalization.CultureInfo.InvariantCulture)
            && e.MessageTemplate.Text.Contains("responded", StringComparison.Ordinal))];
}
