using Admissions.Application.Insurance;
using Admissions.Domain.Care;
using Admissions.Domain.Insurance;
using Admissions.Edi;
using Microsoft.EntityFrameworkCore;
using Moq;
using static Admissions.Application.Tests.Insurance.ClearinghouseScript;
using static Admissions.Application.Tests.Insurance.InsuranceSetup;

namespace Admissions.Application.Tests.Insurance;

/// <summary>
/// The app killed (kill -9) while a slow payer is answering: the disclosure and the 270 are on record, the answer never
/// is. When the job runs again after the restart, the first attempt says it was interrupted, and the ledger shows the
/// request sent again as a re-send of the same disclosure, not as a second one.
/// </summary>
public class InterruptedAttemptTests
{
    private static Task<List<X12Exchange>> ExchangesAsync(TestHost host) =>
        host.QueryAsync(db => db.X12Exchanges.AsNoTracking().OrderBy(x => x.SentAt).ToListAsync());

    /// <summary>What the process saw of a kill while it waited: the call never returned and the run never finished.</summary>
    private static async Task KilledWhileWaitingAsync<T>(Func<Task<T>> run) =>
        await Assert.ThrowsAnyAsync<OperationCanceledException>(run);

    [Fact]
    public async Task A_verification_cut_off_mid_call_is_marked_interrupted_and_its_retry_is_a_resend_of_the_same_disclosure()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        var checkId = await RequestVerificationAsync(host, insured);
        host.Gateway.Setup(g => g.CheckEligibilityAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new OperationCanceledException("The process was killed."));
        await KilledWhileWaitingAsync(() => host.SendAsSystemAsync(new RunVerification(checkId)));
        host.Clock.Advance(TimeSpan.FromMinutes(6));
        host.Gateway.Answer271(r => Eligibility(r, ActivePpo("RT")));

        var outcome = await host.SendAsSystemAsync(new RunVerification(checkId));

        Assert.Equal(VerificationState.Completed, outcome.State);
        var exchanges = await ExchangesAsync(host);
        Assert.Equal(2, exchanges.Count);
        Assert.Equal((null, X12Exchange.Interrupted), (exchanges[0].Response, exchanges[0].NoAnswer));
        Assert.NotNull(exchanges[1].Response);
        Assert.Null(exchanges[1].NoAnswer);

        var disclosures = await DisclosuresAsync(host);
        Assert.Equal(2, disclosures.Count);
        Assert.Equal(disclosures[0].Reference, disclosures[1].Reference);
        Assert.Null(disclosures[0].ResendOfId);
        Assert.Equal(disclosures[0].Id, disclosures[1].ResendOfId);

        var ledger = await host.SendAsync(host.Coordinator, new GetDisclosureLedger(insured.InquiryId));
        var disclosure = Assert.Single(ledger.Disclosures);
        Assert.Equal(TestHost.StartTime, disclosure.DisclosedAt);
        Assert.Equal([TestHost.StartTime.AddMinutes(6)], disclosure.ResentAt);

        var x12 = await host.SendAsync(host.UtilizationReview, new GetX12Exchanges(insured.InquiryId, checkId));
        Assert.Equal(X12Exchange.Interrupted, x12[0].NoAnswer);
    }

    [Fact]
    public async Task An_authorization_cut_off_mid_call_is_marked_interrupted_and_its_retry_is_a_resend_of_the_same_disclosure()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        var form = new AuthorizationRequestForm
        {
            PolicyId = insured.PolicyId,
            Level = LevelOfCare.Residential,
            AdmissionDate = new DateOnly(2026, 3, 12),
            RequestedDays = 14,
            Diagnoses = "F10.20",
            Channel = AuthorizationChannel.Electronic,
        };
        var authorizationId = await host.SendAsync(host.UtilizationReview, new RequestAuthorization(insured.InquiryId, form));
        host.Gateway.Setup(g => g.RequestReviewAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new OperationCanceledException("The process was killed."));
        await KilledWhileWaitingAsync(() => host.SendAsSystemAsync(new SubmitAuthorization(authorizationId)));
        host.Clock.Advance(TimeSpan.FromMinutes(6));
        host.Gateway.Answer278(r => Review(r, Decision(r, "A1", "AUTH5521", days: 14)));

        await host.SendAsSystemAsync(new SubmitAuthorization(authorizationId));

        var exchanges = await ExchangesAsync(host);
        Assert.Equal(X12Exchange.Interrupted, exchanges[0].NoAnswer);
        Assert.NotNull(exchanges[1].Response);
        var disclosures = await DisclosuresAsync(host);
        Assert.Equal(2, disclosures.Count);
        Assert.Equal(disclosures[0].Id, disclosures[1].ResendOfId);
        var ledger = await host.SendAsync(host.Coordinator, new GetDisclosureLedger(insured.InquiryId));
        Assert.Equal([TestHost.StartTime.AddMinutes(6)], Assert.Single(ledger.Disclosures).ResentAt);
    }

    [Fact]
    public async Task A_clearinghouse_that_did_not_answer_is_recorded_as_such_not_as_an_interruption()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        var checkId = await RequestVerificationAsync(host, insured);
        host.Gateway.Unavailable();
        await host.SendAsSystemAsync(new RunVerification(checkId));
        host.Clock.SetUtcNow((await CheckAsync(host, checkId)).NextAttemptAt!.Value);
        host.Gateway.Answer271(r => Eligibility(r, ActivePpo("RT")));

        await host.SendAsSystemAsync(new RunVerification(checkId));

        var exchanges = await ExchangesAsync(host);
        Assert.Equal("The clearinghouse did not answer: Connection timed out after 3 attempts.", exchanges[0].NoAnswer);
        Assert.Null(exchanges[1].NoAnswer);
        var ledger = await host.SendAsync(host.Coordinator, new GetDisclosureLedger(insured.InquiryId));
        Assert.Single(Assert.Single(ledger.Disclosures).ResentAt);
    }

    [Fact]
    public async Task Disclosures_with_different_trace_numbers_stay_separate_lines_of_the_ledger()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        host.Gateway.Answer271(r => Eligibility(r, ActivePpo("RT")));
        await host.SendAsSystemAsync(new RunVerification(await RequestVerificationAsync(host, insured)));
        host.Clock.Advance(TimeSpan.FromDays(1));
        await host.SendAsSystemAsync(new RunVerification(await RequestVerificationAsync(host, insured)));

        var ledger = await host.SendAsync(host.Coordinator, new GetDisclosureLedger(insured.InquiryId));

        Assert.Equal(2, ledger.Disclosures.Count);
        Assert.All(ledger.Disclosures, d => Assert.Empty(d.ResentAt));
        Assert.All(await DisclosuresAsync(host), d => Assert.Null(d.ResendOfId));
    }
}
