using System.Net;
using Admissions.Application.Insurance;
using Admissions.Infrastructure.Clearinghouse;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Admissions.Infrastructure.Tests.Clearinghouse;

/// <summary>The client alone over a fake clearinghouse: the envelope it sends and how it reads every kind of answer.</summary>
public sealed class CoreConnectivityClientTests
{
    private const string Password = "s3cret-pass";
    private const string Request270 = "ISA*00*NM1*IL*1*DOE*JANE*MI*W123456789~";
    private const string Answer271 = "ISA*00*EB*1*IND*30~";

    private static readonly Uri Endpoint = new("https://clearinghouse.test/core/realtime");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 10, 14, 0, 0, TimeSpan.Zero));
    private readonly RecordingLogger<CoreConnectivityClient> _log = new();

    private CoreConnectivityClient Client(FakeClearinghouse clearinghouse) => new(
        new HttpClient(clearinghouse),
        new ClearinghouseEndpoint(Options.Create(new ClearinghouseSettings { Endpoint = Endpoint })),
        new ClearinghouseCredentials("riverbend", Password),
        new ClearinghouseSettings().Identity(),
        _clock,
        _log);

    private async Task<ClearinghouseUnavailableException> UnavailableAsync(FakeClearinghouse clearinghouse)
    {
        var failure = await Assert.ThrowsAsync<ClearinghouseUnavailableException>(() => Client(clearinghouse).CheckEligibilityAsync(Request270));
        Assert.DoesNotContain(Password, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("DOE", failure.Message, StringComparison.Ordinal);
        return failure;
    }

    [Fact]
    public async Task An_eligibility_check_posts_a_real_time_CORE_envelope_and_returns_the_271()
    {
        var clearinghouse = new FakeClearinghouse(request => FakeClearinghouse.Reply(FakeClearinghouse.Success(request!, Answer271)));

        var answer = await Client(clearinghouse).CheckEligibilityAsync(Request270);

        Assert.Equal(Answer271, answer);
        Assert.Equal(Endpoint, clearinghouse.LastUri);
        var sent = Assert.Single(clearinghouse.Received);
        Assert.NotNull(sent);
        Assert.Equal("X12_270_Request_005010X279A1", sent.PayloadType);
        Assert.Equal("RealTime", sent.ProcessingMode);
        Assert.True(Guid.TryParse(sent.PayloadId, out _));
        Assert.Equal(_clock.GetUtcNow(), sent.TimeStamp);
        Assert.Equal(("riverbend", Password), (sent.UserName, sent.Password));
        Assert.Equal(("ADMISSIONS", "CLEARINGHSE"), (sent.SenderId, sent.ReceiverId));
        Assert.Equal("2.2.0", sent.RuleVersion);
        Assert.Equal(Request270, sent.Payload);
    }

    [Fact]
    public async Task A_review_request_travels_as_a_278_and_every_exchange_has_its_own_payload_id()
    {
        var clearinghouse = new FakeClearinghouse(request => FakeClearinghouse.Reply(FakeClearinghouse.Success(request!, "ISA*278~")));
        var client = Client(clearinghouse);

        Assert.Equal("ISA*278~", await client.RequestReviewAsync("ISA*278 request~"));
        await client.RequestReviewAsync("ISA*278 request~");

        Assert.All(clearinghouse.Received, sent => Assert.Equal("X12_278_Request_005010X217E1_2", sent!.PayloadType));
        Assert.Equal(2, clearinghouse.Received.Select(sent => sent!.PayloadId).Distinct().Count());
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task Refused_credentials_say_so(HttpStatusCode status)
    {
        var failure = await UnavailableAsync(new FakeClearinghouse(_ => FakeClearinghouse.Reply(FakeClearinghouse.Refusal("UnAuthorized"), status)));

        Assert.Contains("rejected our credentials", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_UnAuthorized_envelope_error_in_a_200_is_also_a_credentials_problem()
    {
        var failure = await UnavailableAsync(new FakeClearinghouse(_ => FakeClearinghouse.Reply(FakeClearinghouse.Refusal("UnAuthorized"))));

        Assert.Contains("rejected our credentials", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_envelope_error_names_its_CORE_code()
    {
        var failure = await UnavailableAsync(new FakeClearinghouse(_ => FakeClearinghouse.Reply(FakeClearinghouse.Refusal("PayloadTypeIllegal"), HttpStatusCode.BadRequest)));

        Assert.Contains("PayloadTypeIllegal", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_code_that_is_not_a_code_is_not_repeated()
    {
        var failure = await UnavailableAsync(new FakeClearinghouse(_ => FakeClearinghouse.Reply(FakeClearinghouse.Refusal("Member DOE JANE not found"))));

        Assert.DoesNotContain("not found", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task An_HTTP_failure_without_an_envelope_names_the_status(HttpStatusCode status)
    {
        var failure = await UnavailableAsync(new FakeClearinghouse(_ => new HttpResponseMessage(status) { Content = new StringContent("<html>down</html>") }));

        Assert.Contains($"HTTP {(int)status}", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_200_that_is_not_an_envelope_is_unavailable()
    {
        var failure = await UnavailableAsync(new FakeClearinghouse(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("OK") }));

        Assert.Contains("not a CORE envelope", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_of_the_wrong_payload_type_is_unavailable()
    {
        var failure = await UnavailableAsync(new FakeClearinghouse(request =>
            FakeClearinghouse.Reply(FakeClearinghouse.Success(request! with { PayloadType = Core.ReviewRequest }, "ISA*278~"))));

        Assert.Contains("X12_271_Response_005010X279A1", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_failure_is_unavailable_and_keeps_the_cause()
    {
        var refused = new HttpRequestException("Connection refused (clearinghouse.test:443)");

        var failure = await UnavailableAsync(new FakeClearinghouse((_, _) => throw refused));

        Assert.Contains("could not be reached", failure.Message, StringComparison.Ordinal);
        Assert.Same(refused, failure.InnerException);
    }

    [Fact]
    public async Task A_timeout_that_is_not_the_callers_is_unavailable()
    {
        var failure = await UnavailableAsync(new FakeClearinghouse((_, _) => throw new TaskCanceledException("HttpClient.Timeout")));

        Assert.Contains("did not answer in time", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_callers_own_cancellation_is_not_translated()
    {
        using var cancel = new CancellationTokenSource();
        var clearinghouse = new FakeClearinghouse(async (_, token) =>
        {
            await cancel.CancelAsync();
            token.ThrowIfCancellationRequested();
            throw new InvalidOperationException("unreachable");
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(clearinghouse).CheckEligibilityAsync(Request270, cancel.Token));
    }

    [Fact]
    public async Task Neither_the_payload_nor_the_password_reaches_the_log()
    {
        var answering = new FakeClearinghouse(request => FakeClearinghouse.Reply(FakeClearinghouse.Success(request!, Answer271)));
        await Client(answering).CheckEligibilityAsync(Request270);
        await UnavailableAsync(new FakeClearinghouse(_ => FakeClearinghouse.Reply(FakeClearinghouse.Refusal("UnAuthorized"), HttpStatusCode.Unauthorized)));

        Assert.Equal(2, _log.Lines.Count);
        Assert.All(_log.Lines, line =>
        {
            Assert.DoesNotContain(Password, line, StringComparison.Ordinal);
            Assert.DoesNotContain("DOE", line, StringComparison.Ordinal);
            Assert.DoesNotContain("EB*1", line, StringComparison.Ordinal);
        });
        Assert.Contains(answering.Received[0]!.PayloadId, _log.Lines[0], StringComparison.Ordinal);
    }
}
