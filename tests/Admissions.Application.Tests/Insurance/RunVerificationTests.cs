using Admissions.Application.Inquiries;
using Admissions.Application.Insurance;
using Admissions.Domain.Care;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Edi;
using Microsoft.EntityFrameworkCore;
using Moq;
using static Admissions.Application.Tests.Insurance.ClearinghouseScript;
using static Admissions.Application.Tests.Insurance.InsuranceSetup;

namespace Admissions.Application.Tests.Insurance;

/// <summary>The verification job (as Hangfire runs it, as the system) against a mocked clearinghouse.</summary>
public class RunVerificationTests
{
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1)];

    /// <summary>An insured inquiry with a pending check for <paramref name="levels"/> (residential by default).</summary>
    private static async Task<(InsuredInquiry Insured, Guid CheckId)> PendingAsync(TestHost host, string payer = "Aetna", params LevelOfCare[] levels)
    {
        var insured = await InsuredAsync(host, payer);
        var checkId = await RequestVerificationAsync(host, insured, levels);
        return (insured, checkId);
    }

    private static Task<VerificationRunOutcome> RunAsync(TestHost host, Guid checkId) => host.SendAsSystemAsync(new RunVerification(checkId));

    private static Task<List<X12Exchange>> ExchangesAsync(TestHost host) =>
        host.QueryAsync(db => db.X12Exchanges.AsNoTracking().OrderBy(x => x.SentAt).ToListAsync());

    private static void VerifyGatewayCalled(TestHost host, int times) =>
        host.Gateway.Verify(g => g.CheckEligibilityAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(times));

    // ---- A verified answer ----

    [Fact]
    public async Task An_active_ppo_completes_the_check_with_the_benefits_of_each_level()
    {
        await using var host = await TestHost.StartAsync();
        var (insured, checkId) = await PendingAsync(host, "Aetna", LevelOfCare.Residential, LevelOfCare.WithdrawalManagement);
        host.Gateway.Answer271(r => Eligibility(r, ActivePpo("RT", "AI")));
        host.Clock.Advance(TimeSpan.FromSeconds(5));

        var outcome = await RunAsync(host, checkId);

        Assert.Equal(new VerificationRunOutcome(VerificationState.Completed, "Verification completed: coverage active, CHOICE POS II"), outcome);
        var check = await CheckAsync(host, checkId);
        Assert.Equal(VerificationState.Completed, check.State);
        Assert.Equal(1, check.Attempts);
        Assert.Equal(TestHost.StartTime.AddSeconds(5), check.CompletedAt);
        Assert.Null(check.NextAttemptAt);
        Assert.Null(check.Problem);
        var result = check.Result!;
        Assert.True(result.CoverageActive);
        Assert.Equal("CHOICE POS II", result.PlanName);
        Assert.Equal("PR", result.InsuranceType);
        Assert.Equal(new DateOnly(2026, 1, 1), result.PlanBegin);
        Assert.Null(result.CarveOutName);
        Assert.Equal([LevelOfCare.WithdrawalManagement, LevelOfCare.Residential], result.Levels.Select(l => l.Level));
        var expected = new LevelBenefits
        {
            Level = LevelOfCare.Residential,
            ServiceType = "RT",
            Covered = true,
            InNetwork = true,
            AuthorizationRequired = true,
            Deductible = 2000,
            DeductibleRemaining = 1500,
            OutOfPocketMax = 6000,
            OutOfPocketRemaining = 5200,
            Coinsurance = 0.2m,
            Copay = 250,
            CopayPeriod = "27",
            DayLimit = 30,
            Notes = "PRIOR AUTHORIZATION REQUIRED",
        };
        Assert.Equal(expected, result.Levels[1]);
        Assert.Equal(expected with { Level = LevelOfCare.WithdrawalManagement, ServiceType = "AI" }, result.Levels[0]);

        Assert.Contains("Verification completed: coverage active, CHOICE POS II", await TimelineAsync(host, insured.InquiryId));
        var notification = await host.QueryAsync(db => db.Notifications.SingleAsync());
        Assert.Equal((host.Coordinator.Id, "Verification result for INQ-2026-000001", "Aetna: completed."),
            (notification.UserId, notification.Title, notification.Body));
        Assert.Empty(await TasksAsync(host));
        Assert.Single(host.Scheduler.EligibilityChecks);
    }

    [Fact]
    public async Task The_270_names_the_patient_member_trace_and_one_eq_per_service_type()
    {
        await using var host = await TestHost.StartAsync();
        var (_, checkId) = await PendingAsync(host, "Aetna", LevelOfCare.Residential, LevelOfCare.WithdrawalManagement, LevelOfCare.IntensiveOutpatient);
        host.Gateway.Answer271(r => Eligibility(r, ActivePpo("RT", "AI", "A8")));

        await RunAsync(host, checkId);

        var check = await CheckAsync(host, checkId);
        var sent = Assert.Single(host.Gateway.Sent270());
        Assert.Equal(check.TraceNumber, sent.TraceNumber);
        Assert.Equal(check.TraceNumber, sent.Reference);
        Assert.Equal("9123456789", sent.TraceOriginator);
        Assert.Equal(new Party("AETNA", "60054"), sent.Payer);
        Assert.Equal(new Party("RIVERBEND RECOVERY", "1234567893"), sent.Provider);
        Assert.Equal(new RequestedMember(MemberId, "LOPEZ", "ALEX", TestForms.PatientDateOfBirth, "M"), sent.Subscriber);
        Assert.Null(sent.Dependent);
        Assert.Equal(new DateOnly(2026, 3, 10), sent.ServiceDate);
        // A substance-use caller's IOP is asked under AI, as detox is: one EQ per distinct code.
        Assert.Equal(["AI", "RT"], sent.ServiceTypes);
        Assert.False(sent.CombineServiceTypes);

        var raw = (string)host.Gateway.Invocations.Single().Arguments[0]!;
        Assert.Equal(2, raw.Split('~').Count(s => s.TrimStart().StartsWith("EQ*", StringComparison.Ordinal)));
        Assert.Contains("*MI*" + MemberId, raw, StringComparison.Ordinal);
        Assert.Contains("TRN*1*" + check.TraceNumber + "*", raw, StringComparison.Ordinal);
        Assert.Contains("*T*:~", raw, StringComparison.Ordinal); // ISA15: test, not production
    }

    [Fact]
    public async Task A_patient_covered_as_a_child_is_sent_as_the_dependent_of_the_policy_holder()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host, policy: f =>
        {
            f.Relationship = SubscriberRelationship.Child;
            f.SubscriberFirstName = "María";
            f.SubscriberLastName = "Lopez";
            f.SubscriberDateOfBirth = new DateOnly(1975, 2, 3);
            f.SubscriberSex = Sex.Female;
        });
        var checkId = await RequestVerificationAsync(host, insured);
        host.Gateway.Answer271(r => new EligibilityResponse("0001", r.Reference, PayerParty, ProviderParty,
            [Subscriber([], [], memberId: MemberId, dependents: [Dependent([r.TraceNumber], "ALEX", ActivePpo("RT"))])]));

        var outcome = await RunAsync(host, checkId);

        var sent = Assert.Single(host.Gateway.Sent270());
        Assert.Equal(new RequestedMember(MemberId, "LOPEZ", "MARIA", new DateOnly(1975, 2, 3), "F"), sent.Subscriber);
        Assert.Equal(new RequestedMember(null, "LOPEZ", "ALEX", TestForms.PatientDateOfBirth, "M"), sent.Dependent);
        Assert.Equal(VerificationState.Completed, outcome.State);
        Assert.Equal(2000, Assert.Single((await CheckAsync(host, checkId)).Result!.Levels).Deductible);
    }

    [Fact]
    public async Task The_disclosure_is_recorded_once_under_the_consent_with_the_trace_number()
    {
        await using var host = await TestHost.StartAsync();
        var (insured, checkId) = await PendingAsync(host, "Aetna", LevelOfCare.Residential, LevelOfCare.WithdrawalManagement);
        host.Gateway.Answer271(r => Eligibility(r, ActivePpo("RT", "AI")));

        await RunAsync(host, checkId);

        var check = await CheckAsync(host, checkId);
        var disclosure = Assert.Single(await DisclosuresAsync(host));
        Assert.Equal(insured.InquiryId, disclosure.InquiryId);
        Assert.Equal(insured.ConsentId, disclosure.ConsentId);
        Assert.Equal("Aetna", disclosure.Recipient);
        Assert.Equal(DisclosurePurpose.Payment, disclosure.Purpose);
        Assert.Equal("Clearinghouse, X12 270", disclosure.Channel);
        Assert.Equal(check.TraceNumber, disclosure.Reference);
        Assert.Equal((host.Coordinator.Id, host.Coordinator.Name), (disclosure.DisclosedById, disclosure.DisclosedByName));
        Assert.Equal(TestHost.StartTime, disclosure.DisclosedAt);
        Assert.EndsWith("member ID; service types AI, RT", disclosure.Information, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_exchange_keeps_the_request_sent_and_the_response_received()
    {
        await using var host = await TestHost.StartAsync();
        var (insured, checkId) = await PendingAsync(host);
        host.Gateway.Answer271(r => Eligibility(r, ActivePpo("RT")));

        await RunAsync(host, checkId);

        var exchange = Assert.Single(await ExchangesAsync(host));
        var call = host.Gateway.Invocations.Single();
        Assert.Equal((insured.InquiryId, checkId, "270"), (exchange.InquiryId, exchange.SubjectId, exchange.TransactionType));
        Assert.Equal((string)call.Arguments[0]!, exchange.Request);
        var response = await ((Task<string>)call.ReturnValue!);
        Assert.Equal(response, exchange.Response);
        Assert.StartsWith("ISA*", exchange.Response, StringComparison.Ordinal);
        Assert.Equal(TestHost.StartTime, exchange.SentAt);
        Assert.Equal(TestHost.StartTime, exchange.ReceivedAt);

        var views = await host.SendAsync(host.Manager, new GetX12Exchanges(insured.InquiryId, checkId));
        Assert.Equal(exchange.Request, Assert.Single(views).Request);
    }

    [Fact]
    public async Task Inactive_coverage_completes_the_check_as_not_covered()
    {
        await using var host = await TestHost.StartAsync();
        var (insured, checkId) = await PendingAsync(host);
        host.Gateway.Answer271(r => Eligibility(r, [Eb("6", "30", network: null)]));

        var outcome = await RunAsync(host, checkId);

        Assert.Equal(VerificationState.Completed, outcome.State);
        var result = (await CheckAsync(host, checkId)).Result!;
        Assert.False(result.CoverageActive);
        Assert.False(Assert.Single(result.Levels).Covered);
        Assert.Contains("Verification completed: coverage not active", await TimelineAsync(host, insured.InquiryId));
        Assert.Empty(await TasksAsync(host));
    }

    // ---- Someone has to call ----

    [Fact]
    public async Task Benefits_carved_out_to_a_behavioural_health_organisation_need_a_phone_call_to_them()
    {
        await using var host = await TestHost.StartAsync();
        var (insured, checkId) = await PendingAsync(host, "Cigna", LevelOfCare.Residential);
        host.Gateway.Answer271(r => Eligibility(r,
        [
            Eb("1", "30", plan: "OPEN ACCESS PLUS", network: null),
            Eb("U", serviceTypes: ["MH", "AI"], network: null, entities: [new BenefitEntity("PR", "EVERNORTH BEHAVIORAL HEALTH", null, "8005550100")]),
        ]));

        var outcome = await RunAsync(host, checkId);

        Assert.Equal(VerificationState.NeedsManual, outcome.State);
        var check = await CheckAsync(host, checkId);
        Assert.Equal(VerificationMethod.Phone, check.Method);
        Assert.Equal("Behavioural benefits are carved out to EVERNORTH BEHAVIORAL HEALTH at (800) 555-0100. Call them to verify.", check.Problem);
        Assert.Equal(("EVERNORTH BEHAVIORAL HEALTH", "8005550100"), (check.Result!.CarveOutName, check.Result.CarveOutPhone));
        Assert.Equal("OPEN ACCESS PLUS", check.Result.PlanName);
        var task = Assert.Single(await TasksAsync(host));
        Assert.Equal(FollowUpKind.PhoneVerification, task.Kind);
        Assert.Equal("Phone VOB with EVERNORTH BEHAVIORAL HEALTH for INQ-2026-000001", task.Title);
        Assert.Equal((host.Coordinator.Id, TaskPriority.High), (task.AssigneeId, task.Priority));
        Assert.Single(await DisclosuresAsync(host));
        Assert.Contains(await TimelineAsync(host, insured.InquiryId), s => s.StartsWith("Verification needs a phone call: Behavioural benefits are carved out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_phone_task_goes_to_the_assigned_coordinator_rather_than_whoever_asked()
    {
        await using var host = await TestHost.StartAsync();
        var (insured, checkId) = await PendingAsync(host);
        await host.SendAsync(host.Manager, new AssignInquiry(insured.InquiryId, host.Coordinator2.Id));
        host.Gateway.Answer271(r => Eligibility(r, [Eb("1", "30", plan: "PPO", network: null)]));

        await RunAsync(host, checkId);

        var task = Assert.Single(await TasksAsync(host));
        Assert.Equal("Phone VOB with Aetna for INQ-2026-000001", task.Title);
        Assert.Equal((host.Coordinator2.Id, host.Coordinator2.Name), (task.AssigneeId, task.AssigneeName));
        Assert.Equal("The payer sent no behavioural benefit detail for Residential. Call the payer to verify.", (await CheckAsync(host, checkId)).Problem);
    }

    [Fact]
    public async Task A_response_that_cannot_be_read_needs_a_phone_call()
    {
        await using var host = await TestHost.StartAsync();
        var (_, checkId) = await PendingAsync(host);
        host.Gateway.Setup(g => g.CheckEligibilityAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync("<html>Bad gateway</html>");

        var outcome = await RunAsync(host, checkId);

        Assert.Equal(VerificationState.NeedsManual, outcome.State);
        var check = await CheckAsync(host, checkId);
        Assert.StartsWith("The payer's response could not be read (", check.Problem, StringComparison.Ordinal);
        Assert.EndsWith("). Call the payer to verify.", check.Problem, StringComparison.Ordinal);
        Assert.Equal("<html>Bad gateway</html>", Assert.Single(await ExchangesAsync(host)).Response);
        Assert.Equal(FollowUpKind.PhoneVerification, Assert.Single(await TasksAsync(host)).Kind);
    }

    // ---- The payer rejects ----

    [Fact]
    public async Task An_invalid_member_id_fails_the_check_and_asks_the_coordinator_to_correct_the_policy()
    {
        await using var host = await TestHost.StartAsync();
        var (insured, checkId) = await PendingAsync(host);
        host.Gateway.Answer271(r => Eligibility(r, [], memberErrors: [new RequestError(false, "72", "C")]));

        var outcome = await RunAsync(host, checkId);

        Assert.Equal(VerificationState.Failed, outcome.State);
        var check = await CheckAsync(host, checkId);
        Assert.Equal("72", check.ProblemCode);
        Assert.Equal("The member ID is invalid or missing. Correct the policy or patient details and verify again.", check.Problem);
        Assert.Equal(TestHost.StartTime, check.CompletedAt);
        Assert.Null(check.Result);
        var task = Assert.Single(await TasksAsync(host));
        Assert.Equal(FollowUpKind.InsuranceCorrection, task.Kind);
        Assert.Equal("Correct insurance details for INQ-2026-000001: The member ID is invalid or missing.", task.Title);
        Assert.Equal(host.Coordinator.Id, task.AssigneeId);
        Assert.Contains("Verification rejected by Aetna: The member ID is invalid or missing.", await TimelineAsync(host, insured.InquiryId));
        Assert.Single(host.Scheduler.EligibilityChecks);
        Assert.Equal("Aetna: failed.", (await host.QueryAsync(db => db.Notifications.SingleAsync())).Body);
    }

    [Fact]
    public async Task A_later_verification_of_the_policy_that_completes_closes_the_correction_task_on_the_timeline()
    {
        await using var host = await TestHost.StartAsync();
        var (insured, checkId) = await PendingAsync(host);
        host.Gateway.Answer271(r => Eligibility(r, [], memberErrors: [new RequestError(false, "72", "C")]));
        await RunAsync(host, checkId);
        var correction = Assert.Single(await TasksAsync(host));

        host.Clock.Advance(TimeSpan.FromMinutes(10));
        var again = await RequestVerificationAsync(host, insured);
        host.Gateway.Answer271(r => Eligibility(r, ActivePpo("RT")));
        await RunAsync(host, again);

        var closed = Assert.Single(await host.QueryAsync(db => db.FollowUpTasks.AsNoTracking().Where(t => t.Id == correction.Id).ToListAsync()));
        Assert.Equal((FollowUpState.Done, "Closed automatically: a later verification of Aetna completed"), (closed.State, closed.Outcome));
        Assert.Contains("Task done automatically: Correct insurance details for INQ-2026-000001: The member ID is invalid or missing. — a later verification of Aetna completed",
            await TimelineAsync(host, insured.InquiryId));
    }

    [Fact]
    public async Task A_clearinghouse_set_up_problem_tells_the_administrators_and_leaves_a_phone_task()
    {
        await using var host = await TestHost.StartAsync();
        var (_, checkId) = await PendingAsync(host);
        host.Gateway.Answer271(r => PayerRejects(r, "43", "C"));

        var outcome = await RunAsync(host, checkId);

        Assert.Equal(VerificationState.Failed, outcome.State);
        var check = await CheckAsync(host, checkId);
        Assert.Equal(("43", "The payer does not recognise our provider identification. An administrator must check the clearinghouse set-up."),
            (check.ProblemCode, check.Problem));
        var notifications = await host.QueryAsync(db => db.Notifications.AsNoTracking().ToListAsync());
        var admin = Assert.Single(notifications, n => n.UserId == host.Admin.Id);
        Assert.Equal("Clearinghouse set-up problem with Aetna", admin.Title);
        Assert.Equal(check.Problem, admin.Body);
        Assert.Equal(new[] { host.Admin.Id, host.Coordinator.Id }.Order(), notifications.Select(n => n.UserId).Order());
        var task = Assert.Single(await TasksAsync(host));
        Assert.Equal("Phone VOB with Aetna for INQ-2026-000001: electronic verification not possible", task.Title);
    }

    // ---- The payer cannot answer yet ----

    [Fact]
    public async Task A_payer_that_cannot_respond_now_is_asked_again_after_the_first_retry_delay()
    {
        await using var host = await TestHost.StartAsync();
        var (_, checkId) = await PendingAsync(host);
        host.Gateway.Answer271(r => PayerRejects(r, "42"));

        var outcome = await RunAsync(host, checkId);

        var retryAt = TestHost.StartTime + RetryDelays[0];
        Assert.Equal(new VerificationRunOutcome(VerificationState.Pending, $"retry at {retryAt:O}"), outcome);
        var check = await CheckAsync(host, checkId);
        Assert.Equal(VerificationState.Pending, check.State);
        Assert.Equal(1, check.Attempts);
        Assert.Equal(retryAt, check.NextAttemptAt);
        Assert.Equal(("42", "The payer cannot respond right now."), (check.ProblemCode, check.Problem));
        Assert.Null(check.CompletedAt);
        Assert.Equal([new ScheduledCheck(checkId, TestHost.StartTime), new ScheduledCheck(checkId, retryAt)], host.Scheduler.EligibilityChecks);
        Assert.Empty(await TasksAsync(host));
        Assert.Empty(await host.QueryAsync(db => db.Notifications.ToListAsync()));
    }

    [Fact]
    public async Task The_retry_that_gets_an_answer_completes_the_check()
    {
        await using var host = await TestHost.StartAsync();
        var (_, checkId) = await PendingAsync(host);
        host.Gateway.Answer271(r => PayerRejects(r, "80"));
        await RunAsync(host, checkId);
        host.Clock.SetUtcNow((await CheckAsync(host, checkId)).NextAttemptAt!.Value);
        host.Gateway.Answer271(r => Eligibility(r, ActivePpo("RT")));

        var outcome = await RunAsync(host, checkId);

        Assert.Equal(VerificationState.Completed, outcome.State);
        var check = await CheckAsync(host, checkId);
        Assert.Equal(2, check.Attempts);
        Assert.Null(check.ProblemCode);
        Assert.Null(check.Problem);
        Assert.Equal(2, (await DisclosuresAsync(host)).Count);
        Assert.Equal(2, (await ExchangesAsync(host)).Count);
    }

    [Fact]
    public async Task After_every_retry_delay_is_used_up_the_check_fails_and_someone_is_asked_to_call()
    {
        await using var host = await TestHost.StartAsync();
        var (insured, checkId) = await PendingAsync(host);
        host.Gateway.Answer271(r => PayerRejects(r, "42"));

        var expectedRuns = new List<DateTimeOffset> { TestHost.StartTime };
        VerificationRunOutcome outcome;
        while (true)
        {
            outcome = await RunAsync(host, checkId);
            if (outcome.State != VerificationState.Pending)
            {
                break;
            }

            var next = (await CheckAsync(host, checkId)).NextAttemptAt!.Value;
            Assert.Equal(host.Clock.GetUtcNow() + RetryDelays[expectedRuns.Count - 1], next);
            expectedRuns.Add(next);
            host.Clock.SetUtcNow(next);
        }

        Assert.Equal(VerificationState.Failed, outcome.State);
        Assert.Equal(RetryDelays.Length + 1, expectedRuns.Count);
        Assert.Equal(expectedRuns.Select(at => new ScheduledCheck(checkId, at)), host.Scheduler.EligibilityChecks);
        var check = await CheckAsync(host, checkId);
        Assert.Equal(5, check.Attempts);
        Assert.Equal("42", check.ProblemCode);
        Assert.Equal("The payer cannot respond right now. Gave up after 5 attempts; verify by phone.", check.Problem);
        Assert.Null(check.NextAttemptAt);
        var task = Assert.Single(await TasksAsync(host));
        Assert.Equal(FollowUpKind.PhoneVerification, task.Kind);
        Assert.Equal("Phone VOB with Aetna for INQ-2026-000001: payer not answering", task.Title);
        VerifyGatewayCalled(host, 5);
        Assert.Equal(5, (await DisclosuresAsync(host)).Count);
        Assert.Contains("Verification failed: The payer cannot respond right now.", await TimelineAsync(host, insured.InquiryId));

        // The phone task can be finished: the call's results land on the failed check.
        await host.SendAsync(host.Coordinator, new EnterPhoneVerification(checkId, new PhoneVerificationForm
        {
            PayerRepName = "Lee",
            CallReference = "CALL-1",
            Levels = [new PhoneLevelForm { Level = LevelOfCare.Residential, Deductible = 500, DeductibleRemaining = 0 }],
        }));
        Assert.Equal(VerificationState.AwaitingApproval, (await CheckAsync(host, checkId)).State);
    }

    [Fact]
    public async Task An_unreachable_clearinghouse_is_retried_like_a_payer_that_cannot_respond()
    {
        await using var host = await TestHost.StartAsync();
        var (_, checkId) = await PendingAsync(host);
        host.Gateway.Unavailable();

        var outcome = await RunAsync(host, checkId);

        Assert.Equal(VerificationState.Pending, outcome.State);
        var check = await CheckAsync(host, checkId);
        Assert.Equal(1, check.Attempts);
        Assert.Equal(TestHost.StartTime + RetryDelays[0], check.NextAttemptAt);
        Assert.Equal(("clearinghouse", "Connection timed out after 3 attempts."), (check.ProblemCode, check.Problem));
        Assert.Equal(new ScheduledCheck(checkId, TestHost.StartTime + RetryDelays[0]), host.Scheduler.EligibilityChecks[^1]);
        var exchange = Assert.Single(await ExchangesAsync(host));
        Assert.Null(exchange.Response);
        Assert.Null(exchange.ReceivedAt);
        Assert.Empty(await TasksAsync(host));
    }

    // ---- Nothing to send ----

    [Fact]
    public async Task A_consent_revoked_after_the_request_stops_the_check_before_anything_is_sent()
    {
        await using var host = await TestHost.StartAsync();
        var (insured, checkId) = await PendingAsync(host);
        await host.SendAsync(host.Coordinator, new RevokeConsent(insured.InquiryId, insured.ConsentId!.Value, "Patient withdrew consent."));

        var outcome = await RunAsync(host, checkId);

        Assert.Equal(VerificationState.Failed, outcome.State);
        var check = await CheckAsync(host, checkId);
        Assert.Equal("Not sent: there is no active Part 2 consent covering this payer (it may have been revoked or expired).", check.Problem);
        Assert.Null(check.ProblemCode);
        Assert.Equal(0, check.Attempts);
        host.Gateway.VerifyNoOtherCalls();
        Assert.Empty(await DisclosuresAsync(host));
        Assert.Empty(await ExchangesAsync(host));
    }

    [Fact]
    public async Task A_policy_removed_after_the_request_stops_the_check_before_anything_is_sent()
    {
        await using var host = await TestHost.StartAsync();
        var (insured, checkId) = await PendingAsync(host);
        await host.SendAsync(host.Coordinator, new RemovePolicy(insured.InquiryId, insured.PolicyId));

        var outcome = await RunAsync(host, checkId);

        Assert.Equal(new VerificationRunOutcome(VerificationState.Failed, "Not sent: the policy was removed."), outcome);
        host.Gateway.VerifyNoOtherCalls();
        Assert.Empty(await DisclosuresAsync(host));
    }

    [Fact]
    public async Task Running_a_completed_check_again_sends_nothing_and_discloses_nothing()
    {
        await using var host = await TestHost.StartAsync();
        var (_, checkId) = await PendingAsync(host);
        host.Gateway.Answer271(r => Eligibility(r, ActivePpo("RT")));
        await RunAsync(host, checkId);
        host.Clock.Advance(TimeSpan.FromMinutes(10));

        var again = await RunAsync(host, checkId);

        Assert.Equal(new VerificationRunOutcome(VerificationState.Completed, "nothing to do"), again);
        VerifyGatewayCalled(host, 1);
        Assert.Single(await DisclosuresAsync(host));
        Assert.Single(await ExchangesAsync(host));
        Assert.Single(await host.QueryAsync(db => db.Notifications.ToListAsync()));
        Assert.Equal(TestHost.StartTime, (await CheckAsync(host, checkId)).CompletedAt);
    }

    [Fact]
    public async Task Running_a_check_waiting_for_a_phone_call_again_makes_no_second_task()
    {
        await using var host = await TestHost.StartAsync();
        var (_, checkId) = await PendingAsync(host);
        host.Gateway.Answer271(r => Eligibility(r, [Eb("1", "30", network: null)]));
        await RunAsync(host, checkId);

        var again = await RunAsync(host, checkId);

        Assert.Equal(new VerificationRunOutcome(VerificationState.NeedsManual, "nothing to do"), again);
        Assert.Single(await TasksAsync(host));
        Assert.Single(await DisclosuresAsync(host));
        VerifyGatewayCalled(host, 1);
    }

    [Fact]
    public async Task A_check_that_does_not_exist_does_nothing()
    {
        await using var host = await TestHost.StartAsync();

        var outcome = await RunAsync(host, Guid.NewGuid());

        Assert.Equal("nothing to do", outcome.Message);
        host.Gateway.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task The_job_is_audited_as_the_system()
    {
        await using var host = await TestHost.StartAsync();
        var (_, checkId) = await PendingAsync(host);
        host.Gateway.Answer271(r => Eligibility(r, ActivePpo("RT")));

        await RunAsync(host, checkId);

        var disclosureAudit = await host.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.EntityType == nameof(Disclosure)));
        Assert.Equal(("system", Domain.Auditing.AuditAction.Create), (disclosureAudit.UserId, disclosureAudit.Action));
        var checkAudit = await host.QueryAsync(db => db.AuditEntries
            .Where(e => e.EntityType == nameof(EligibilityCheck) && e.EntityId == checkId.ToString() && e.Action == Domain.Auditing.AuditAction.Update)
            .Select(e => e.UserId).Distinct().ToListAsync());
        Assert.Equal(["system"], checkAudit);
    }
}
