using System.Collections.Concurrent;
using System.Net;
using Admissions.Infrastructure.Clearinghouse;
using Microsoft.Extensions.Logging;

namespace Admissions.Infrastructure.Tests.Clearinghouse;

/// <summary>A clearinghouse on the other end of an HttpClient: records what arrives, answers as told.</summary>
public sealed class FakeClearinghouse(Func<CoreRequest?, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
{
    private readonly ConcurrentQueue<CoreRequest?> _received = new();

    public FakeClearinghouse(Func<CoreRequest?, HttpResponseMessage> answer)
        : this((request, _) => Task.FromResult(answer(request)))
    {
    }

    public IReadOnlyList<CoreRequest?> Received => [.. _received];

    public Uri? LastUri { get; private set; }

    public static HttpResponseMessage Reply(CoreResponse response, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = response.ToContent() };

    public static CoreResponse Success(CoreRequest request, string payload) =>
        CoreResponse.Answer(request, payload, request.TimeStamp);

    public static CoreResponse Refusal(string code) =>
        CoreResponse.Refusal(new CoreEnvelopeError(code, "Refused."), new Dictionary<string, string>(), "CLEARINGHSE", DateTimeOffset.UnixEpoch);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        LastUri = request.RequestUri;
        var fields = await CoreMultipart.ReadAsync(request.Content!.Headers.ContentType?.ToString(),
            await request.Content.ReadAsStreamAsync(cancellationToken), cancellationToken);
        var envelope = CoreRequest.TryRead(fields, out var read, out _) ? read : null;
        _received.Enqueue(envelope);
        return await answer(envelope, cancellationToken);
    }
}

/// <summary>Keeps every rendered log line, to prove what never reaches the log.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
}
