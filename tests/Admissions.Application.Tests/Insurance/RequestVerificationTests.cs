using Admissions.Application.Common;
using Admissions.Application.Insurance;
using Admissions.Domain.Care;
using Admissions.Domain.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Insurance;
using Microsoft.EntityFrameworkCore;
using static Admissions.Application.Tests.Insurance.InsuranceSetup;

namespace Admissions.Application.Tests.Insurance;

public class RequestVerificationTests
{
    private static async Task AssertRefusedAsync(TestHost host, InsuredInquiry insured, string message)
    {
        var error = await Assert.ThrowsAsync<DomainRuleException>(() => RequestVerificationAsync(host, insured));

        Assert.Equal(message, error.Message);
        Assert.Equal(0, await host.QueryAsync(db => db.EligibilityChecks.CountAsync()));
        Assert.Empty(host.Scheduler.EligibilityChecks);
        Assert.Empty(await TasksAsync(host));
    }

    [Fact]
    public async Task Without_a_consent_the_coordinator_is_told_to_get_one()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host, consent: false);

        await AssertRefusedAsync(host, insured, "Before verifying, add a signed Part 2 consent to disclose to Aetna for payment.");
    }

    [Fact]
    public async Task A_revoked_consent_does_not_count()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        await host.SendAsync(host.Coordinator, new RevokeConsent(insured.InquiryId, insured.ConsentId!.Value, null));

        await AssertRefusedAsync(host, insured, "Before verifying, add a signed Part 2 consent to disclose to Aetna for payment.");
    }

    [Fact]
    public async Task A_consent_that_expired_yesterday_does_not_count_but_one_expiring_today_does()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host, consent: false);
        var form = Consent(insured.PayerId);
        form.ExpiresOn = new DateOnly(2026, 3, 10);
        var consentId = await SignedConsentAsync(host, insured.InquiryId, form);
        insured = insured with { ConsentId = consentId };

        // 23:59 at the facility (Pacific daylight time) is 06:59 UTC the next day.
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 11, 6, 59, 0, TimeSpan.Zero));
        var checkId = await RequestVerificationAsync(host, insured);
        Assert.Equal(VerificationState.Pending, (await CheckAsync(host, checkId)).State);

        // The consent is checked before the pending check, so the answer names what is missing.
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 11, 7, 1, 0, TimeSpan.Zero));
        var error = await Assert.ThrowsAsync<DomainRuleException>(() => RequestVerificationAsync(host, insured));
        Assert.Equal("Before verifying, add a signed Part 2 consent to disclose to Aetna for payment.", error.Message);
    }

    [Fact]
    public async Task A_consent_naming_another_payer_or_another_purpose_does_not_count()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host, consent: false);
        await SignedConsentAsync(host, insured.InquiryId, Consent(await PayerIdAsync(host, "Cigna")));
        var treatmentOnly = Consent(insured.PayerId);
        treatmentOnly.Purposes = DisclosurePurpose.Treatment;
        await SignedConsentAsync(host, insured.InquiryId, treatmentOnly);

        await AssertRefusedAsync(host, insured, "Before verifying, add a signed Part 2 consent to disclose to Aetna for payment.");
    }

    [Fact]
    public async Task Without_the_patients_last_name_and_birth_date_the_coordinator_is_told_what_to_add()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host, patient: f =>
        {
            f.PatientLastName = "";
            f.PatientDateOfBirth = null;
        });

        await AssertRefusedAsync(host, insured, "Before verifying, add the patient's last name, the patient's date of birth.");
    }

    [Fact]
    public async Task Everything_missing_is_named_at_once()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host, consent: false, patient: f => f.PatientDateOfBirth = null);

        await AssertRefusedAsync(host, insured,
            "Before verifying, add the patient's date of birth, a signed Part 2 consent to disclose to Aetna for payment.");
    }

    [Fact]
    public async Task Self_pay_has_nothing_to_verify()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host, "Self-pay");

        await AssertRefusedAsync(host, insured, "Self-pay has no benefits to verify; use the self-pay quote.");
    }

    [Fact]
    public async Task An_electronic_payer_gets_a_pending_check_scheduled_to_run_now()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);

        var checkId = await RequestVerificationAsync(host, insured, LevelOfCare.Residential, LevelOfCare.WithdrawalManagement, LevelOfCare.Residential);

        var check = await CheckAsync(host, checkId);
        Assert.Equal(VerificationState.Pending, check.State);
        Assert.Equal(VerificationMethod.Electronic, check.Method);
        Assert.Equal([LevelOfCare.WithdrawalManagement, LevelOfCare.Residential], check.Levels);
        Assert.Equal((insured.InquiryId, insured.PolicyId, insured.PayerId, "Aetna"), (check.InquiryId, check.PolicyId, check.PayerId, check.PayerName));
        Assert.Equal((host.Coordinator.Id, host.Coordinator.Name, TestHost.StartTime), (check.RequestedById, check.RequestedByName, check.RequestedAt));
        Assert.Matches("^VOB2603101400[0-9]{6}$", check.TraceNumber);
        Assert.Equal(0, check.Attempts);
        Assert.Null(check.Result);
        Assert.Equal([new ScheduledCheck(checkId, TestHost.StartTime)], host.Scheduler.EligibilityChecks);
        Assert.Empty(await TasksAsync(host));
        Assert.Contains("Verification of benefits requested with Aetna (Detox (withdrawal management), Residential)", await TimelineAsync(host, insured.InquiryId));
        Assert.Contains(insured.InquiryId, host.Live.InquiriesChanged);
        host.Gateway.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_payer_the_clearinghouse_does_not_know_gets_a_phone_check_and_a_task_for_the_coordinator()
    {
        await using var host = await TestHost.StartAsync();
        var payerId = await AddPhoneOnlyPayerAsync(host);
        var insured = await InsuredAsync(host, payerId);

        var checkId = await RequestVerificationAsync(host, insured);

        var check = await CheckAsync(host, checkId);
        Assert.Equal(VerificationState.NeedsManual, check.State);
        Assert.Equal(VerificationMethod.Phone, check.Method);
        Assert.Equal("Riverbend Community Health Plan cannot be verified electronically. Call the payer.", check.Problem);
        Assert.Empty(host.Scheduler.EligibilityChecks);
        var task = Assert.Single(await TasksAsync(host));
        Assert.Equal(FollowUpKind.PhoneVerification, task.Kind);
        Assert.Equal("Phone VOB with Riverbend Community Health Plan for INQ-2026-000001", task.Title);
        Assert.Equal((host.Coordinator.Id, host.Coordinator.Name), (task.AssigneeId, task.AssigneeName));
        Assert.Equal(TaskPriority.High, task.Priority);
        Assert.Equal(FollowUpState.Open, task.State);
        Assert.Equal(insured.InquiryId, task.InquiryId);
    }

    [Fact]
    public async Task A_second_request_while_one_is_pending_is_refused()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        await RequestVerificationAsync(host, insured);

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => RequestVerificationAsync(host, insured, LevelOfCare.Outpatient));

        Assert.Equal("A verification for this policy is still open (running, waiting for a phone call or for approval). Finish it first.", error.Message);
        Assert.Equal(1, await host.QueryAsync(db => db.EligibilityChecks.CountAsync()));
        Assert.Single(host.Scheduler.EligibilityChecks);
    }

    [Fact]
    public async Task A_finished_check_does_not_block_asking_again()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        var first = await RequestVerificationAsync(host, insured);
        host.Gateway.Answer271(r => ClearinghouseScript.Eligibility(r, ClearinghouseScript.ActivePpo("RT")));
        await host.SendAsSystemAsync(new RunVerification(first));

        var second = await RequestVerificationAsync(host, insured);

        Assert.NotEqual(first, second);
        Assert.NotEqual((await CheckAsync(host, first)).TraceNumber, (await CheckAsync(host, second)).TraceNumber);
    }

    [Fact]
    public async Task No_levels_is_a_validation_error()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            host.SendAsync(host.Coordinator, new RequestVerification(insured.InquiryId, insured.PolicyId, [])));

        Assert.Equal("Choose at least one level of care to verify.", Assert.Single(error.Errors["Levels"]));
    }

    [Fact]
    public async Task A_removed_policy_cannot_be_verified()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        await host.SendAsync(host.Coordinator, new RemovePolicy(insured.InquiryId, insured.PolicyId));

        await Assert.ThrowsAsync<NotFoundException>(() => RequestVerificationAsync(host, insured));
    }

    [Fact]
    public async Task Clinicians_business_development_and_anonymous_callers_cannot_request_a_verification()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);

        foreach (var user in new[] { host.Clinician, host.BusinessDevelopment, TestUser.Anonymous })
        {
            await Assert.ThrowsAsync<ForbiddenException>(() =>
                host.SendAsync(user, new RequestVerification(insured.InquiryId, insured.PolicyId, [LevelOfCare.Residential])));
        }

        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.Coordinator, new RunVerification(Guid.NewGuid())));
        Assert.Equal(0, await host.QueryAsync(db => db.EligibilityChecks.CountAsync()));
    }
}
