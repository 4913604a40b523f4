using System.Net;
using Admissions.Application.Insurance;
using Admissions.Edi;
using Admissions.Infrastructure.Clearinghouse;
using Admissions.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Admissions.Web.Tests.Clearinghouse;

/// <summary>
/// The eligibility gateway end to end in Simulator mode: the CORE client writes the envelope, posts it over
/// HTTP to the app's own simulator endpoint, which answers in CORE multipart, and the X12 reader reads it.
/// </summary>
public sealed class ClearinghouseGatewayTests(ClearinghouseWebFactory factory) : IClassFixture<ClearinghouseWebFactory>
{
    private static readonly X12Envelope Envelope = new("ADMISSIONS", "CLEARINGHSE", 7, new DateTimeOffset(2026, 3, 10, 14, 0, 0, TimeSpan.Zero), Production: false);
    private static readonly DateOnly Admission = new(2026, 3, 12);

    private IEligibilityGateway Gateway => factory.Services.GetRequiredService<IEligibilityGateway>();

    private static string Inquiry(string memberId, string payer = "AETNA") => X12.Write(new EligibilityRequest(
        "0001", "VOB7", new Party(payer, "60054"), new Party("RIVERBEND RECOVERY", "1234567893"),
        new RequestedMember(memberId, "RIVERA", "SAM", new DateOnly(1988, 2, 29), "M"), null,
        "TRACE7", "9123456789", new DateOnly(2026, 3, 10), ["30", "AI", "RT"]), Envelope);

    private static string Review(string memberId, string trace = "UM7") => X12.Write(new ServiceReviewRequest(
        "0001", "UM7", new Party("AETNA", "60054"), new Party("RIVERBEND RECOVERY", "1234567893"),
        new RequestedMember(memberId, "RIVERA", "SAM", new DateOnly(1988, 2, 29), "M"), null,
        trace, "9123456789", "AR", "I", "RT", "55", Admission, ["F1020"], "DY", 21), Envelope);

    private async Task<EligibilityResponse> CheckAsync(string memberId, string payer = "AETNA") =>
        X12.Read(await Gateway.CheckEligibilityAsync(Inquiry(memberId, payer))).Transactions.OfType<EligibilityResponse>().Single();

    private async Task<ServiceReviewDecision> ReviewAsync(string memberId, string trace = "UM7") =>
        X12.Read(await Gateway.RequestReviewAsync(Review(memberId, trace))).Transactions.OfType<ServiceReviewResponse>().Single().Decisions.Single();

    /// <summary>A hand-made envelope with the simulator's real credentials, missing or changing what the test says.</summary>
    private MultipartFormDataContent CoreEnvelope(string payload, Action<Dictionary<string, string>>? change = null)
    {
        var credentials = factory.Services.GetRequiredService<ClearinghouseCredentials>();
        var fields = new Dictionary<string, string>
        {
            [CoreField.PayloadType] = Core.EligibilityRequest,
            [CoreField.ProcessingMode] = Core.RealTime,
            [CoreField.PayloadId] = Guid.NewGuid().ToString(),
            [CoreField.TimeStamp] = "2026-03-10T14:00:00Z",
            [CoreField.UserName] = credentials.UserName,
            [CoreField.Password] = credentials.Password,
            [CoreField.SenderId] = "ADMISSIONS",
            [CoreField.ReceiverId] = "CLEARINGHSE",
            [CoreField.RuleVersion] = Core.RuleVersion,
            [CoreField.Payload] = payload,
        };
        change?.Invoke(fields);
        return CoreMultipart.Write(fields.Select(f => (f.Key, (string?)f.Value)));
    }

    private async Task<(HttpStatusCode Status, CoreResponse? Envelope)> PostAsync(HttpContent content)
    {
        using var client = factory.CreateBrowser();
        using var response = await client.PostAsync(ClearinghouseEndpoint.SimulatorPath, content);
        var fields = await CoreMultipart.ReadAsync(response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStreamAsync(), CancellationToken.None);
        return (response.StatusCode, CoreResponse.TryRead(fields));
    }

    [Fact]
    public async Task An_active_member_comes_back_with_behavioural_benefits_and_the_trace_echoed()
    {
        var subscriber = (await CheckAsync("W100000089")).Subscribers.Single();

        Assert.Equal(["TRACE7"], subscriber.TraceNumbers);
        Assert.Equal(("RIVERA", "SAM"), (subscriber.LastName, subscriber.FirstName));
        Assert.Contains(subscriber.Benefits, b => b is { Code: "1", InsuranceType: "PR", PlanDescription: "PPO PLAN" });
        Assert.Contains(subscriber.Benefits, b => b is { Code: "C", TimePeriod: "29", Amount: 1850m } && b.ServiceTypes.Contains("AI"));
        Assert.Contains(subscriber.Benefits, b => b is { Code: "A", AuthorizationRequired: "Y" } && b.ServiceTypes.Contains("RT"));
    }

    [Fact]
    public async Task A_carve_out_names_the_behavioural_health_organisation_to_call()
    {
        var subscriber = (await CheckAsync("W100000002", "BLUE CROSS BLUE SHIELD")).Subscribers.Single();

        var carveOut = Assert.Single(subscriber.Benefits, b => b.Code == "U");
        Assert.Equal(["AI", "RT"], carveOut.ServiceTypes);
        var partner = Assert.Single(carveOut.Entities);
        Assert.Equal(("CARELON BEHAVIORAL HEALTH", "8005550147"), (partner.Name, partner.Phone));
    }

    [Fact]
    public async Task An_invalid_member_id_comes_back_as_AAA_72_at_the_subscriber()
    {
        var subscriber = (await CheckAsync("W100000072")).Subscribers.Single();

        Assert.Equal([new RequestError(false, "72", "C")], subscriber.Errors);
        Assert.Empty(subscriber.Benefits);
    }

    [Fact]
    public async Task A_payer_unable_to_respond_comes_back_as_AAA_42_at_the_payer()
    {
        var answer = await CheckAsync("W100000042");

        Assert.Equal([new RequestError(false, "42", "R")], answer.Payer.Errors);
    }

    [Fact]
    public async Task An_admission_review_is_certified_in_total()
    {
        var decision = await ReviewAsync("W100000089");

        Assert.Equal("A1", decision.ActionCode);
        Assert.Matches("^AUTH[0-9]{8}$", decision.CertificationNumber);
        Assert.Equal((Admission, Admission.AddDays(20), 21m), (decision.CertifiedBegin, decision.CertifiedEnd, decision.Quantity));
        Assert.Equal(["UM7"], decision.TraceNumbers);
    }

    [Fact]
    public async Task A_pended_admission_review_is_certified_when_sent_again()
    {
        var first = await ReviewAsync("W100000005", "UM8");
        var second = await ReviewAsync("W100000005", "UM9");

        Assert.Equal(("A4", "0U"), (first.ActionCode, first.ReasonCode));
        Assert.Equal("A1", second.ActionCode);
        Assert.NotNull(second.CertificationNumber);
    }

    [Fact]
    public async Task Credentials_the_simulator_did_not_issue_are_rejected()
    {
        var client = new CoreConnectivityClient(factory.CreateClient(), factory.Services.GetRequiredService<ClearinghouseEndpoint>(),
            new ClearinghouseCredentials("intruder", "guessed-password"), factory.Services.GetRequiredService<ClearinghouseIdentity>(),
            TimeProvider.System, NullLogger<CoreConnectivityClient>.Instance);

        var failure = await Assert.ThrowsAsync<ClearinghouseUnavailableException>(() => client.CheckEligibilityAsync(Inquiry("W100000089")));

        Assert.Contains("rejected our credentials", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("guessed-password", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_a_401_with_a_CORE_UnAuthorized_envelope_and_no_sign_in_redirect()
    {
        var (status, envelope) = await PostAsync(CoreEnvelope(Inquiry("W100000089"), f => f[CoreField.Password] = "guessed-password"));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(("CoreEnvelopeError", "UnAuthorized"), (envelope?.PayloadType, envelope?.ErrorCode));
        Assert.Null(envelope!.Payload);
    }

    [Theory]
    [InlineData("PayloadType", null, "PayloadTypeRequired")]
    [InlineData("PayloadType", "X12_999_Request", "PayloadTypeIllegal")]
    [InlineData("CORERuleVersion", "2.1.0", "VersionMismatch")]
    [InlineData("ProcessingMode", "Batch", "ProcessingModeIllegal")]
    [InlineData("Payload", "this is not X12", "PayloadIllegal")]
    public async Task A_malformed_envelope_is_a_400_with_a_CORE_error_never_a_500(string field, string? value, string code)
    {
        var (status, envelope) = await PostAsync(CoreEnvelope(Inquiry("W100000089"), fields =>
        {
            if (value is null)
            {
                fields.Remove(field);
            }
            else
            {
                fields[field] = value;
            }
        }));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(code, envelope?.ErrorCode);
    }

    [Fact]
    public async Task A_body_that_is_not_an_envelope_at_all_is_a_400()
    {
        var (status, envelope) = await PostAsync(new StringContent("{\"member\":\"W100000089\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("PayloadTypeRequired", envelope?.ErrorCode);
    }

    [Fact]
    public async Task A_278_sent_as_a_270_is_refused_as_an_illegal_payload()
    {
        var (status, envelope) = await PostAsync(CoreEnvelope(Review("W100000089")));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("PayloadIllegal", envelope?.ErrorCode);
    }
}
