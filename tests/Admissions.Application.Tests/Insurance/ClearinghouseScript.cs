using Admissions.Application.Insurance;
using Admissions.Edi;
using Moq;

namespace Admissions.Application.Tests.Insurance;

/// <summary>
/// Teaches the mocked clearinghouse how to answer: each answer is built from the request it
/// receives (so it echoes the real trace number) and written with the Edi library.
/// </summary>
public static class ClearinghouseScript
{
    public static readonly ResponseParty PayerParty = new("AETNA", "60054", []);
    public static readonly ResponseParty ProviderParty = new("RIVERBEND RECOVERY", "1234567893", []);

    /// <summary>What the clearinghouse stamps on its replies to us.</summary>
    public static X12Envelope Envelope(DateTimeOffset at) => new("CLEARINGHSE", "ADMISSIONS", 424242, at, Production: false);

    public static void Answer271(this Mock<IEligibilityGateway> gateway, Func<EligibilityRequest, EligibilityResponse> answer) =>
        gateway.Setup(g => g.CheckEligibilityAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string request, CancellationToken _) => X12.Write(answer(Read270(request)), Envelope(TestHost.StartTime)));

    public static void Answer278(this Mock<IEligibilityGateway> gateway, Func<ServiceReviewRequest, ServiceReviewResponse> answer) =>
        gateway.Setup(g => g.RequestReviewAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string request, CancellationToken _) => X12.Write(answer(Read278(request)), Envelope(TestHost.StartTime)));

    public static void Unavailable(this Mock<IEligibilityGateway> gateway) =>
        gateway.Setup(g => g.CheckEligibilityAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ClearinghouseUnavailableException("Connection timed out after 3 attempts."));

    /// <summary>Every 270 sent so far, as the payer would read it.</summary>
    public static IReadOnlyList<EligibilityRequest> Sent270(this Mock<IEligibilityGateway> gateway) =>
        [.. gateway.Invocations.Where(i => i.Method.Name == nameof(IEligibilityGateway.CheckEligibilityAsync)).Select(i => Read270((string)i.Arguments[0]!))];

    public static IReadOnlyList<ServiceReviewRequest> Sent278(this Mock<IEligibilityGateway> gateway) =>
        [.. gateway.Invocations.Where(i => i.Method.Name == nameof(IEligibilityGateway.RequestReviewAsync)).Select(i => Read278((string)i.Arguments[0]!))];

    public static EligibilityRequest Read270(string text) => Assert.IsType<EligibilityRequest>(Assert.Single(X12.Read(text).Transactions));

    public static ServiceReviewRequest Read278(string text) => Assert.IsType<ServiceReviewRequest>(Assert.Single(X12.Read(text).Transactions));

    // ---- 271 building blocks ----

    /// <summary>A 271 for the patient the request named, carrying its trace number back.</summary>
    public static EligibilityResponse Eligibility(EligibilityRequest request, IReadOnlyList<Benefit> benefits, IReadOnlyList<RequestError>? memberErrors = null) =>
        new("0001", request.Reference, PayerParty, ProviderParty,
        [
            Subscriber([request.TraceNumber], benefits, memberErrors ?? [], request.Subscriber.MemberId ?? InsuranceSetup.MemberId),
        ]);

    /// <summary>A 271 in which the payer itself (loop 2100A) rejects the request.</summary>
    public static EligibilityResponse PayerRejects(EligibilityRequest request, string code, string followUp = "R") =>
        new("0001", request.Reference, PayerParty with { Errors = [new RequestError(true, code, followUp)] }, new ResponseParty(null, null, []), []);

    public static SubscriberResult Subscriber(
        IReadOnlyList<string> traces, IReadOnlyList<Benefit> benefits, IReadOnlyList<RequestError>? errors = null,
        string memberId = InsuranceSetup.MemberId, IReadOnlyList<MemberResult>? dependents = null, DateOnly? planBegin = null) =>
        new(traces, memberId, "LOPEZ", "ALEX", new DateOnly(1999, 7, 14), "M", planBegin ?? new DateOnly(2026, 1, 1), null, null, null,
            errors ?? [], benefits, dependents ?? []);

    public static MemberResult Dependent(IReadOnlyList<string> traces, string firstName, IReadOnlyList<Benefit> benefits) =>
        new(traces, null, "LOPEZ", firstName, new DateOnly(2010, 5, 1), "F", null, null, null, null, [], benefits);

    public static Benefit Eb(
        string code, string? serviceType = null, string? period = null, decimal? amount = null, decimal? percent = null,
        string? network = "Y", string? authorization = null, string? quantityQualifier = null, decimal? quantity = null,
        string? plan = null, string? insuranceType = "PR", IReadOnlyList<string>? messages = null, IReadOnlyList<BenefitEntity>? entities = null,
        IReadOnlyList<string>? serviceTypes = null) =>
        new(code, "IND", serviceTypes ?? (serviceType is null ? [] : [serviceType]), insuranceType, plan, period, amount, percent,
            quantityQualifier, quantity, authorization, network, messages ?? [], entities ?? []);

    /// <summary>An active PPO: plan row, then for each service type in-network and out-of-network amounts.</summary>
    public static IReadOnlyList<Benefit> ActivePpo(params string[] serviceTypes)
    {
        var benefits = new List<Benefit> { Eb("1", "30", plan: "CHOICE POS II", network: null) };
        foreach (var st in serviceTypes)
        {
            benefits.AddRange(
            [
                // Out-of-network first: the reader must still choose the in-network amounts.
                Eb("C", st, "23", amount: 5000, network: "N"),
                Eb("A", st, percent: 0.5m, network: "N"),
                Eb("C", st, "23", amount: 2000),
                Eb("C", st, "29", amount: 1500),
                Eb("G", st, "23", amount: 6000),
                Eb("G", st, "29", amount: 5200),
                Eb("A", st, percent: 0.2m, authorization: "Y", messages: ["PRIOR AUTHORIZATION REQUIRED"]),
                Eb("B", st, "27", amount: 250),
                Eb("F", st, "22", quantityQualifier: "DY", quantity: 30, network: null),
            ]);
        }

        return benefits;
    }

    // ---- 278 building blocks ----

    public static ServiceReviewResponse Review(ServiceReviewRequest request, ServiceReviewDecision decision) =>
        new("0001", request.Reference, new ResponseParty(request.ReviewOrganization.Name, request.ReviewOrganization.Id, []),
            new ResponseParty(request.Requester.Name, request.Requester.Id, []),
            new ReviewedMember(request.Subscriber.MemberId, request.Subscriber.LastName, request.Subscriber.FirstName, request.Subscriber.BirthDate, []),
            null, [decision]);

    public static ServiceReviewDecision Decision(
        ServiceReviewRequest request, string action, string? certification = null, string? reason = null,
        DateOnly? begin = null, DateOnly? end = null, decimal? days = null) =>
        new("EV", [request.TraceNumber], action, certification, reason, begin, end, days is null ? null : "DY", days, request.ServiceType, []);
}
