using System.Net;
using System.Text.RegularExpressions;
using Admissions.Application.Insurance;
using Microsoft.Extensions.Logging;
using Polly;

namespace Admissions.Infrastructure.Clearinghouse;

/// <summary>
/// The clearinghouse over CAQH CORE real-time connectivity (vC2.2.0, HTTP MIME multipart). Retries and
/// timeouts come from the HttpClient's resilience handler; this class turns every way the exchange can
/// fail into a <see cref="ClearinghouseUnavailableException"/> that names no patient and no secret.
/// </summary>
public sealed partial class CoreConnectivityClient(
    HttpClient http,
    ClearinghouseEndpoint endpoint,
    ClearinghouseCredentials credentials,
    ClearinghouseIdentity identity,
    TimeProvider clock,
    ILogger<CoreConnectivityClient> logger) : IEligibilityGateway
{
    public Task<string> CheckEligibilityAsync(string request270, CancellationToken cancellationToken = default) =>
        ExchangeAsync(Core.EligibilityRequest, request270, cancellationToken);

    public Task<string> RequestReviewAsync(string request278, CancellationToken cancellationToken = default) =>
        ExchangeAsync(Core.ReviewRequest, request278, cancellationToken);

    private async Task<string> ExchangeAsync(string payloadType, string payload, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(payload);
        var request = new CoreRequest(payloadType, Core.RealTime, Guid.NewGuid().ToString(), clock.GetUtcNow(),
            credentials.UserName, credentials.Password, identity.SubmitterId, identity.ReceiverId, Core.RuleVersion, payload);
        var started = clock.GetTimestamp();
        try
        {
            using var content = request.ToContent();
            using var response = await http.PostAsync(endpoint.Resolve(), content, cancellationToken).ConfigureAwait(false);
            var answer = await ReadAnswerAsync(response, Core.ResponseTo(payloadType)!, cancellationToken).ConfigureAwait(false);
            var elapsed = clock.GetElapsedTime(started);
            LogAnswered(payloadType, request.PayloadId, elapsed.TotalMilliseconds);
            return answer;
        }
        catch (ClearinghouseUnavailableException e)
        {
            LogUnavailable(payloadType, request.PayloadId, e.Message);
            throw;
        }
        catch (Exception e) when (Unavailable(e, cancellationToken) is { } unavailable)
        {
            LogUnavailable(payloadType, request.PayloadId, unavailable.Message);
            throw unavailable;
        }
    }

    private static async Task<string> ReadAnswerAsync(HttpResponseMessage response, string expectedType, CancellationToken cancellationToken)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw CredentialsRejected($"HTTP {(int)response.StatusCode}");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var fields = await CoreMultipart.ReadAsync(response.Content.Headers.ContentType?.ToString(), body, cancellationToken).ConfigureAwait(false);
        var answer = CoreResponse.TryRead(fields)
            ?? throw new ClearinghouseUnavailableException(response.IsSuccessStatusCode
                ? "The clearinghouse's answer was not a CORE envelope."
                : $"The clearinghouse answered HTTP {(int)response.StatusCode}.");
        if (answer.ErrorCode is Core.UnAuthorized || answer.ErrorCode == Core.Required(CoreField.UserName) || answer.ErrorCode == Core.Required(CoreField.Password))
        {
            throw CredentialsRejected($"CORE error {answer.ErrorCode}");
        }

        if (!answer.Succeeded)
        {
            throw new ClearinghouseUnavailableException($"The clearinghouse refused the request: CORE error {Printable(answer.ErrorCode)}.");
        }

        if (answer.PayloadType != expectedType || string.IsNullOrWhiteSpace(answer.Payload))
        {
            throw new ClearinghouseUnavailableException($"The clearinghouse answered without a {expectedType} payload.");
        }

        return answer.Payload;
    }

    /// <summary>What the caller sees for a failed exchange; null for the caller's own cancellation and for bugs.</summary>
    private static ClearinghouseUnavailableException? Unavailable(Exception e, CancellationToken cancellationToken) => e switch
    {
        ExecutionRejectedException rejected => new ClearinghouseUnavailableException(rejected switch
        {
            Polly.Timeout.TimeoutRejectedException => "The clearinghouse did not answer in time, after retries.",
            Polly.CircuitBreaker.BrokenCircuitException => "The clearinghouse has been failing; requests are paused for a short while.",
            _ => "The clearinghouse connection is too busy; try again shortly.",
        }, e),
        HttpRequestException => new ClearinghouseUnavailableException("The clearinghouse could not be reached, after retries.", e),
        OperationCanceledException when !cancellationToken.IsCancellationRequested =>
            new ClearinghouseUnavailableException("The clearinghouse did not answer in time.", e),
        _ => null,
    };

    private static ClearinghouseUnavailableException CredentialsRejected(string evidence) =>
        new($"The clearinghouse rejected our credentials ({evidence}). Check Clearinghouse:UserName and Clearinghouse:Password.");

    /// <summary>An error code is the other side's text: shown only when it looks like a code.</summary>
    private static string Printable(string code) => ErrorCodePattern().IsMatch(code) ? code : "(unreadable)";

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex ErrorCodePattern();

    [LoggerMessage(Level = LogLevel.Information, Message = "Clearinghouse answered {PayloadType} {PayloadId} in {ElapsedMs:0} ms")]
    private partial void LogAnswered(string payloadType, string payloadId, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clearinghouse exchange {PayloadType} {PayloadId} failed: {Reason}")]
    private partial void LogUnavailable(string payloadType, string payloadId, string reason);
}
