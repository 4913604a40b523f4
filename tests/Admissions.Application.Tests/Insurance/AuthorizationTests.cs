using Admissions.Application.Common;
using Admissions.Application.Insurance;
using Admissions.Domain.Care;
using Admissions.Domain.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Insurance;
using Admissions.Edi;
using Microsoft.EntityFrameworkCore;
using Moq;
using static Admissions.Application.Tests.Insurance.ClearinghouseScript;
using static Admissions.Application.Tests.Insurance.InsuranceSetup;

namespace Admissions.Application.Tests.Insurance;

public class AuthorizationTests
{
    private static readonly DateOnly Admission = new(2026, 3, 12);

    private static AuthorizationRequestForm Form(Guid policyId, Action<AuthorizationRequestForm>? change = null)
    {
        var form = new AuthorizationRequestForm
        {
            PolicyId = policyId,
            Level = LevelOfCare.Residential,
            AdmissionDate = Admission,
            RequestedDays = 14,
            Diagnoses = "f10.20, F11.23",
            Channel = AuthorizationChannel.Electronic,
        };
        change?.Invoke(form);
        return form;
    }

    private static Task<Guid> RequestAsync(TestHost host, InsuredInquiry insured, Action<AuthorizationRequestForm>? change = null) =>
        host.SendAsync(host.UtilizationReview, new RequestAuthorization(insured.InquiryId, Form(insured.PolicyId, change)));

    private static Task<AuthorizationRunOutcome> SubmitAsync(TestHost host, Guid id) => host.SendAsSystemAsync(new SubmitAuthorization(id));

    private static AuthorizationDecisionForm Certified(Action<AuthorizationDecisionForm>? change = null)
    {
        var form = new AuthorizationDecisionForm
        {
            Status = AuthorizationStatus.Certified,
            CertificationNumber = " PORTAL-5521 ",
            ApprovedDays = 7,
            ApprovedFrom = Admission,
            ApprovedTo = Admission.AddDays(6),
        };
        change?.Invoke(form);
        return form;
    }

    // ---- Requesting ----

    [Fact]
    public async Task An_electronic_request_is_stored_with_codes_as_x12_carries_them_and_scheduled_to_go_now()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);

        var id = await RequestAsync(host, insured);

        var authorization = await AuthorizationAsync(host, id);
        Assert.Equal(AuthorizationStatus.Requested, authorization.Status);
        Assert.Equal((insured.InquiryId, insured.PolicyId, insured.PayerId, "Aetna"),
            (authorization.InquiryId, authorization.PolicyId, authorization.PayerId, authorization.PayerName));
        Assert.Equal((LevelOfCare.Residential, "RT", Admission, 14), (authorization.Level, authorization.ServiceType, authorization.AdmissionDate, authorization.RequestedDays));
        Assert.Equal("F10.20, F11.23", authorization.Diagnoses);
        Assert.Matches("^UM2603101400[0-9]{6}$", authorization.TraceNumber);
        Assert.Equal((host.UtilizationReview.Id, host.UtilizationReview.Name), (authorization.RequestedById, authorization.RequestedByName));
        Assert.Equal([new ScheduledCheck(id, TestHost.StartTime)], host.Scheduler.AuthorizationSubmissions);
        Assert.Contains("Authorization requested from Aetna for Residential, 14 days from 2026-03-12 (electronic 278)", await TimelineAsync(host, insured.InquiryId));
    }

    [Theory]
    [InlineData("no diagnosis", "", "Form.Diagnoses", "Enter at least the principal diagnosis (ICD-10-CM, e.g. F10.20).")]
    [InlineData("only separators", " , ; ", "Form.Diagnoses", "Diagnoses are ICD-10-CM codes such as F10.20 or F11.23, separated by commas.")]
    [InlineData("words", "alcohol use disorder", "Form.Diagnoses", "Diagnoses are ICD-10-CM codes such as F10.20 or F11.23, separated by commas.")]
    [InlineData("starts with a digit", "10.20", "Form.Diagnoses", "Diagnoses are ICD-10-CM codes such as F10.20 or F11.23, separated by commas.")]
    [InlineData("X12 delimiter", "F10.20*F11", "Form.Diagnoses", "Diagnoses are ICD-10-CM codes such as F10.20 or F11.23, separated by commas.")]
    [InlineData("too long", "F10.20991", "Form.Diagnoses", "Diagnoses are ICD-10-CM codes such as F10.20 or F11.23, separated by commas.")]
    [InlineData("zero days", "0", "Form.RequestedDays", "Request between 1 and 365 days.")]
    [InlineData("a year and a day", "366", "Form.RequestedDays", "Request between 1 and 365 days.")]
    [InlineData("no admission date", null, "Form.AdmissionDate", "Enter the planned admission date.")]
    public async Task An_invalid_request_is_refused_with_the_field_and_a_message(string problem, string? value, string field, string message)
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => RequestAsync(host, insured, f =>
        {
            switch (problem)
            {
                case "zero days":
                case "a year and a day":
                    f.RequestedDays = int.Parse(value!, System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "no admission date":
                    f.AdmissionDate = null;
                    break;
                default:
                    f.Diagnoses = value;
                    break;
            }
        }));

        Assert.Equal([field], error.Errors.Keys);
        Assert.Equal(message, Assert.Single(error.Errors[field]));
        Assert.Equal(0, await host.QueryAsync(db => db.PriorAuthorizations.CountAsync()));
        Assert.Empty(host.Scheduler.AuthorizationSubmissions);
    }

    [Theory]
    [InlineData(1, "F10")]
    [InlineData(365, "F10.20; Z63.8 F32.A")]
    public async Task One_day_a_full_year_and_three_to_seven_character_codes_are_accepted(int days, string diagnoses)
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);

        var id = await RequestAsync(host, insured, f =>
        {
            f.RequestedDays = days;
            f.Diagnoses = diagnoses;
        });

        Assert.Equal(days, (await AuthorizationAsync(host, id)).RequestedDays);
    }

    [Fact]
    public async Task An_electronic_request_needs_the_patients_consent()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host, consent: false);

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => RequestAsync(host, insured));

        Assert.Equal("Before requesting authorization, add a signed Part 2 consent to disclose to Aetna for payment.", error.Message);
        Assert.Equal(0, await host.QueryAsync(db => db.PriorAuthorizations.CountAsync()));
    }

    [Fact]
    public async Task A_portal_request_discloses_under_the_consent_and_schedules_nothing()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);

        var id = await RequestAsync(host, insured, f => f.Channel = AuthorizationChannel.Portal);

        var authorization = await AuthorizationAsync(host, id);
        Assert.Equal((AuthorizationStatus.Requested, AuthorizationChannel.Portal), (authorization.Status, authorization.Channel));
        Assert.Empty(host.Scheduler.AuthorizationSubmissions);
        Assert.Contains("Authorization requested from Aetna for Residential, 14 days from 2026-03-12 (payer portal)", await TimelineAsync(host, insured.InquiryId));
        var disclosure = Assert.Single(await DisclosuresAsync(host));
        Assert.Equal(("Aetna", "Payer portal", authorization.TraceNumber), (disclosure.Recipient, disclosure.Channel, disclosure.Reference));

        Assert.Equal(new AuthorizationRunOutcome(AuthorizationStatus.Requested, "nothing to do"), await SubmitAsync(host, id));
        host.Gateway.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_portal_request_needs_consent_like_an_electronic_one()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host, consent: false);

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => RequestAsync(host, insured, f => f.Channel = AuthorizationChannel.Portal));

        Assert.Equal("Before requesting authorization, add a signed Part 2 consent to disclose to Aetna for payment.", error.Message);
    }

    [Fact]
    public async Task A_payer_the_clearinghouse_does_not_know_takes_no_electronic_request()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host, await AddPhoneOnlyPayerAsync(host));

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => RequestAsync(host, insured));
        var byPhone = await RequestAsync(host, insured, f => f.Channel = AuthorizationChannel.Phone);

        Assert.Equal("Riverbend Community Health Plan takes no electronic requests here. Record it as a portal or phone request.", error.Message);
        Assert.Equal(AuthorizationChannel.Phone, (await AuthorizationAsync(host, byPhone)).Channel);
    }

    [Fact]
    public async Task Self_pay_needs_no_authorization()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host, "Self-pay");

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => RequestAsync(host, insured, f => f.Channel = AuthorizationChannel.Phone));

        Assert.Equal("Self-pay admissions need no prior authorization.", error.Message);
    }

    [Fact]
    public async Task Only_utilization_review_managers_and_administrators_request_and_decide_authorizations()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        var id = await RequestAsync(host, insured, f => f.Channel = AuthorizationChannel.Portal);

        foreach (var user in new[] { host.Coordinator, host.Clinician, host.BusinessDevelopment })
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(user, new RequestAuthorization(insured.InquiryId, Form(insured.PolicyId))));
            await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(user, new RecordAuthorizationDecision(id, Certified())));
            await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(user, new CancelAuthorization(id, "No longer needed")));
        }

        await host.SendAsync(host.Manager, new RequestAuthorization(insured.InquiryId, Form(insured.PolicyId, f => f.Channel = AuthorizationChannel.Phone)));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.UtilizationReview, new SubmitAuthorization(id)));
        Assert.Equal(2, await host.QueryAsync(db => db.PriorAuthorizations.CountAsync(a => a.Status == AuthorizationStatus.Requested)));
    }

    // ---- The 278 job ----

    [Fact]
    public async Task A_certified_278_records_the_certification_dates_and_next_review_and_the_disclosure()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        var id = await RequestAsync(host, insured);
        host.Gateway.Answer278(r => Review(r, Decision(r, "A1", "CERT-778812", begin: Admission, end: new DateOnly(2026, 3, 25), days: 14)));
        host.Clock.Advance(TimeSpan.FromSeconds(3));

        var outcome = await SubmitAsync(host, id);

        Assert.Equal(new AuthorizationRunOutcome(AuthorizationStatus.Certified, "decided"), outcome);
        var authorization = await AuthorizationAsync(host, id);
        Assert.Equal("CERT-778812", authorization.CertificationNumber);
        Assert.Equal((14, Admission, new DateOnly(2026, 3, 25)), (authorization.ApprovedDays!.Value, authorization.ApprovedFrom!.Value, authorization.ApprovedTo!.Value));
        Assert.Equal(new DateOnly(2026, 3, 24), authorization.NextReviewOn);
        Assert.Equal(TestHost.StartTime.AddSeconds(3), authorization.DecidedAt);
        Assert.Null(authorization.Problem);
        Assert.Contains("Aetna: certified (CERT-778812)", await TimelineAsync(host, insured.InquiryId));

        var disclosure = Assert.Single(await DisclosuresAsync(host));
        Assert.Equal((insured.ConsentId!.Value, "Aetna", authorization.TraceNumber, "Clearinghouse, X12 278"),
            (disclosure.ConsentId, disclosure.Recipient, disclosure.Reference, disclosure.Channel));
        Assert.Equal(host.UtilizationReview.Id, disclosure.DisclosedById);
        Assert.Contains("Residential from 2026-03-12 for 14 days; diagnoses F10.20, F11.23", disclosure.Information, StringComparison.Ordinal);
        var exchange = await host.QueryAsync(db => db.X12Exchanges.SingleAsync());
        Assert.Equal((id, "278"), (exchange.SubjectId, exchange.TransactionType));
        Assert.NotNull(exchange.Response);
    }

    [Fact]
    public async Task The_278_sent_asks_for_admission_review_of_the_level_with_the_diagnoses_and_days()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        var id = await RequestAsync(host, insured, f => f.Level = LevelOfCare.WithdrawalManagement);
        host.Gateway.Answer278(r => Review(r, Decision(r, "A1", "C1", days: 5)));

        await SubmitAsync(host, id);

        var sent = Assert.Single(host.Gateway.Sent278());
        var authorization = await AuthorizationAsync(host, id);
        Assert.Equal(authorization.TraceNumber, sent.TraceNumber);
        Assert.Equal(new Party("AETNA", "60054"), sent.ReviewOrganization);
        Assert.Equal(new Party("RIVERBEND RECOVERY", "1234567893"), sent.Requester);
        Assert.Equal(MemberId, sent.Subscriber.MemberId);
        Assert.Null(sent.Dependent);
        Assert.Equal(("AR", "I", "AI", "55"), (sent.RequestCategory, sent.CertificationType, sent.ServiceType, sent.FacilityCode));
        Assert.Equal(Admission, sent.AdmissionDate);
        Assert.Equal(["F1020", "F1123"], sent.Diagnoses);
        Assert.Equal(("DY", 14m), (sent.QuantityQualifier, sent.Quantity));
        // Certified for 5 days with no dates: from the admission date, through the 5th day.
        Assert.Equal((5, Admission, new DateOnly(2026, 3, 16), new DateOnly(2026, 3, 15)),
            (authorization.ApprovedDays!.Value, authorization.ApprovedFrom!.Value, authorization.ApprovedTo!.Value, authorization.NextReviewOn!.Value));
    }

    [Fact]
    public async Task A_denial_records_the_reason_in_words()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        var id = await RequestAsync(host, insured);
        host.Gateway.Answer278(r => Review(r, Decision(r, "A3", reason: "33")));

        var outcome = await SubmitAsync(host, id);

        Assert.Equal(AuthorizationStatus.Denied, outcome.Status);
        var authorization = await AuthorizationAsync(host, id);
        Assert.Equal(("33", "Services not medically necessary"), (authorization.ReasonCode, authorization.DenialReason));
        Assert.Null(authorization.NextReviewOn);
        Assert.Null(authorization.ApprovedDays);
        Assert.Equal(TestHost.StartTime, authorization.DecidedAt);
        Assert.Contains("Aetna: not certified", await TimelineAsync(host, insured.InquiryId));
        Assert.Single(host.Scheduler.AuthorizationSubmissions);
    }

    [Fact]
    public async Task A_pended_278_at_a_payer_that_takes_inquiries_is_asked_its_status_after_the_recheck_delay()
    {
        await using var host = await TestHost.StartAsync();
        await TakesReviewInquiriesAsync(host);
        var insured = await InsuredAsync(host);
        var id = await RequestAsync(host, insured);
        host.Gateway.Answer278(r => Review(r, Decision(r, "A4", reason: "0V")));

        var outcome = await SubmitAsync(host, id);

        var recheckAt = TestHost.StartTime.AddMinutes(30);
        Assert.Equal(new AuthorizationRunOutcome(AuthorizationStatus.Pended, $"re-check at {recheckAt:O}"), outcome);
        var authorization = await AuthorizationAsync(host, id);
        Assert.Equal((AuthorizationStatus.Pended, 1, recheckAt), (authorization.Status, authorization.Rechecks, authorization.NextRecheckAt!.Value));
        Assert.Null(authorization.DecidedAt);
        Assert.Equal("0V", authorization.ReasonCode);
        Assert.Equal([new ScheduledCheck(id, TestHost.StartTime), new ScheduledCheck(id, recheckAt)], host.Scheduler.AuthorizationSubmissions);
        var task = Assert.Single(await TasksAsync(host));
        Assert.Equal((FollowUpKind.AuthorizationReview, host.UtilizationReview.Id), (task.Kind, task.AssigneeId));
        Assert.Equal("Aetna pended the Residential authorization for INQ-2026-000001: Requires medical review. Send it by portal or fax; re-checked by 278 inquiry.",
            task.Title);
    }

    [Fact]
    public async Task A_pended_278_at_a_payer_without_inquiries_is_never_sent_again_and_utilization_review_is_told_what_the_payer_asked_for()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        var id = await RequestAsync(host, insured);
        host.Gateway.Answer278(r => Review(r, Decision(r, "A4", reason: "0U")));

        var first = await SubmitAsync(host, id);
        var again = await SubmitAsync(host, id);

        Assert.Equal(new AuthorizationRunOutcome(AuthorizationStatus.Pended, "pended: followed up by utilization review"), first);
        Assert.Equal(first, again);
        host.Gateway.Verify(g => g.RequestReviewAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal([new ScheduledCheck(id, TestHost.StartTime)], host.Scheduler.AuthorizationSubmissions);
        Assert.Null((await AuthorizationAsync(host, id)).NextRecheckAt);
        Assert.Single(await DisclosuresAsync(host));
        var task = Assert.Single(await TasksAsync(host));
        Assert.Contains("Additional patient information required", task.Title, StringComparison.Ordinal);
        Assert.Contains("this payer takes no 278 inquiries", task.Title, StringComparison.Ordinal);
        Assert.True(task.Title.Length <= 200, task.Title);
    }

    [Fact]
    public async Task A_pended_request_that_gets_certified_on_a_status_inquiry_is_decided()
    {
        await using var host = await TestHost.StartAsync();
        await TakesReviewInquiriesAsync(host);
        var insured = await InsuredAsync(host);
        var id = await RequestAsync(host, insured);
        host.Gateway.Answer278(r => Review(r, Decision(r, "A4")));
        await SubmitAsync(host, id);
        host.Clock.SetUtcNow((await AuthorizationAsync(host, id)).NextRecheckAt!.Value);
        ServiceReviewRequest? asked = null;
        host.Gateway.Answer278(r =>
        {
            asked = r;
            return Review(r, Decision(r, "A1", "CERT-2", begin: Admission, end: Admission.AddDays(9)));
        });

        var outcome = await SubmitAsync(host, id);

        Assert.Equal(AuthorizationStatus.Certified, outcome.Status);
        Assert.True(asked!.Inquiry);
        var authorization = await AuthorizationAsync(host, id);
        Assert.Equal((10, "CERT-2"), (authorization.ApprovedDays!.Value, authorization.CertificationNumber));
        Assert.Null(authorization.NextRecheckAt);
        var disclosures = await DisclosuresAsync(host);
        Assert.Equal(2, disclosures.Count);
        Assert.Single(disclosures, d => d.Information.StartsWith("Authorization status inquiry:", StringComparison.Ordinal) && !d.Information.Contains("diagnoses", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_the_most_status_inquiries_a_still_pended_request_becomes_a_follow_up_task()
    {
        await using var host = await TestHost.StartAsync();
        await TakesReviewInquiriesAsync(host);
        var insured = await InsuredAsync(host);
        var id = await RequestAsync(host, insured);
        host.Gateway.Answer278(r => Review(r, Decision(r, "A4")));
        const int MaxRechecks = 8;

        for (var run = 0; run < MaxRechecks; run++)
        {
            var pended = await SubmitAsync(host, id);
            Assert.StartsWith("re-check at", pended.Message, StringComparison.Ordinal);
            host.Clock.SetUtcNow((await AuthorizationAsync(host, id)).NextRecheckAt!.Value);
        }

        var last = await SubmitAsync(host, id);

        Assert.Equal(new AuthorizationRunOutcome(AuthorizationStatus.Pended, "gave up re-checking"), last);
        var authorization = await AuthorizationAsync(host, id);
        Assert.Equal("Still pended. Stopped re-checking; follow up with the payer.", authorization.Problem);
        Assert.Null(authorization.NextRecheckAt);
        Assert.Equal(1 + MaxRechecks, host.Scheduler.AuthorizationSubmissions.Count);
        var tasks = await TasksAsync(host);
        Assert.Equal(2, tasks.Count);
        var task = Assert.Single(tasks, t => t.Title == "Follow up with Aetna on the authorization for INQ-2026-000001");
        Assert.Equal((FollowUpKind.AuthorizationReview, host.UtilizationReview.Id), (task.Kind, task.AssigneeId));
        host.Gateway.Verify(g => g.RequestReviewAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(1 + MaxRechecks));
    }

    [Fact]
    public async Task A_278_rejected_for_the_member_leaves_a_task_for_utilization_review()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        var id = await RequestAsync(host, insured);
        host.Gateway.Answer278(r => Review(r, Decision(r, "A1") with { ActionCode = null, Errors = [new RequestError(false, "75", "C")] }));

        var outcome = await SubmitAsync(host, id);

        Assert.Equal(AuthorizationStatus.Requested, outcome.Status);
        Assert.Equal("The payer could not find the subscriber.", outcome.Message);
        Assert.Equal("The payer could not find the subscriber. Correct the details or follow up with the payer.", (await AuthorizationAsync(host, id)).Problem);
        var task = Assert.Single(await TasksAsync(host));
        Assert.Equal("Authorization for INQ-2026-000001 rejected by Aetna: The payer could not find the subscriber.", task.Title);
    }

    [Fact]
    public async Task A_278_rejected_before_any_decision_names_the_payers_reason()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        var id = await RequestAsync(host, insured);
        // AAA in loop 2010C: the payer could not find the subscriber, so it sends no patient event (2000E).
        host.Gateway.Answer278(r => Review(r, Decision(r, "A1")) with
        {
            Subscriber = new ReviewedMember(r.Subscriber.MemberId, r.Subscriber.LastName, r.Subscriber.FirstName, null, [new RequestError(false, "75", "C")]),
            Decisions = [],
        });

        var outcome = await SubmitAsync(host, id);

        Assert.Equal(new AuthorizationRunOutcome(AuthorizationStatus.Requested, "The payer could not find the subscriber."), outcome);
        Assert.Equal("Authorization for INQ-2026-000001 rejected by Aetna: The payer could not find the subscriber.", Assert.Single(await TasksAsync(host)).Title);
    }

    [Fact]
    public async Task A_278_with_no_decision_and_no_reason_says_so()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        var id = await RequestAsync(host, insured);
        host.Gateway.Answer278(r => Review(r, Decision(r, "A1")) with { Decisions = [] });

        var outcome = await SubmitAsync(host, id);

        Assert.Equal("The payer's response carried no decision.", outcome.Message);
        Assert.Equal("The payer's response carried no decision. Correct the details or follow up with the payer.", (await AuthorizationAsync(host, id)).Problem);
    }

    [Fact]
    public async Task An_unreachable_clearinghouse_is_rechecked_later_with_the_problem_shown()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        var id = await RequestAsync(host, insured);
        host.Gateway.Setup(g => g.RequestReviewAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ClearinghouseUnavailableException("503 from the clearinghouse"));

        var outcome = await SubmitAsync(host, id);

        var authorization = await AuthorizationAsync(host, id);
        Assert.Equal(AuthorizationStatus.Requested, outcome.Status);
        Assert.Equal("The clearinghouse did not answer: 503 from the clearinghouse", authorization.Problem);
        Assert.Equal(TestHost.StartTime.AddMinutes(30), authorization.NextRecheckAt);
        // On the ledger before it was sent: whether the clearinghouse kept any of it is not known.
        Assert.Single(await DisclosuresAsync(host));
    }

    [Fact]
    public async Task A_consent_revoked_before_the_job_runs_stops_the_278_from_being_sent()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        var id = await RequestAsync(host, insured);
        await host.SendAsync(host.Coordinator, new RevokeConsent(insured.InquiryId, insured.ConsentId!.Value, null));

        var outcome = await SubmitAsync(host, id);

        Assert.Equal(AuthorizationStatus.Requested, outcome.Status);
        Assert.Equal("Not sent: there is no active Part 2 consent covering this payer (it may have been revoked or expired).", (await AuthorizationAsync(host, id)).Problem);
        host.Gateway.VerifyNoOtherCalls();
        Assert.Empty(await DisclosuresAsync(host));
        Assert.Equal(0, await host.QueryAsync(db => db.X12Exchanges.CountAsync()));
    }

    [Fact]
    public async Task A_decided_authorization_is_left_alone_by_the_job()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        var id = await RequestAsync(host, insured);
        host.Gateway.Answer278(r => Review(r, Decision(r, "A1", "CERT-1", days: 14)));
        await SubmitAsync(host, id);

        var again = await SubmitAsync(host, id);

        Assert.Equal(new AuthorizationRunOutcome(AuthorizationStatus.Certified, "nothing to do"), again);
        host.Gateway.Verify(g => g.RequestReviewAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once());
        Assert.Single(await DisclosuresAsync(host));
    }

    // ---- Decisions entered by hand ----

    [Fact]
    public async Task A_decision_from_the_portal_is_recorded_with_the_default_next_review()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        var id = await RequestAsync(host, insured, f => f.Channel = AuthorizationChannel.Portal);
        host.Clock.Advance(TimeSpan.FromHours(1));

        await host.SendAsync(host.UtilizationReview, new RecordAuthorizationDecision(id, Certified()));

        var authorization = await AuthorizationAsync(host, id);
        Assert.Equal(AuthorizationStatus.Certified, authorization.Status);
        Assert.Equal("PORTAL-5521", authorization.CertificationNumber);
        Assert.Equal((7, Admission, Admission.AddDays(6)), (authorization.ApprovedDays!.Value, authorization.ApprovedFrom!.Value, authorization.ApprovedTo!.Value));
        Assert.Equal(Admission.AddDays(5), authorization.NextReviewOn);
        Assert.Equal(TestHost.StartTime.AddHours(1), authorization.DecidedAt);
        Assert.Contains("Aetna: certified (entered by hand)", await TimelineAsync(host, insured.InquiryId));
    }

    [Fact]
    public async Task A_next_review_date_given_by_the_payer_is_kept()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        var id = await RequestAsync(host, insured, f => f.Channel = AuthorizationChannel.Phone);

        await host.SendAsync(host.Manager, new RecordAuthorizationDecision(id, Certified(f => f.NextReviewOn = Admission.AddDays(3))));

        Assert.Equal(Admission.AddDays(3), (await AuthorizationAsync(host, id)).NextReviewOn);
    }

    [Theory]
    [InlineData("no certification number", "Form.CertificationNumber", "Enter the certification (authorization) number.")]
    [InlineData("no days", "Form.ApprovedDays", "Enter the approved days or units.")]
    [InlineData("no first date", "Form.ApprovedFrom", "Enter the first approved date.")]
    [InlineData("no last date", "Form.ApprovedTo", "Enter the last approved date.")]
    [InlineData("end before start", "Form.ApprovedTo", "The last approved date is before the first.")]
    [InlineData("denied without a reason", "Form.DenialReason", "Enter the payer's denial reason.")]
    [InlineData("cancelled as a decision", "Form.Status", "Choose the payer's decision (use Cancel to cancel the request).")]
    public async Task An_incomplete_decision_is_refused(string problem, string field, string message)
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        var id = await RequestAsync(host, insured, f => f.Channel = AuthorizationChannel.Portal);
        var form = Certified(f =>
        {
            switch (problem)
            {
                case "no certification number":
                    f.CertificationNumber = " ";
                    break;
                case "no days":
                    f.ApprovedDays = null;
                    break;
                case "no first date":
                    f.ApprovedFrom = null;
                    break;
                case "no last date":
                    f.ApprovedTo = null;
                    break;
                case "end before start":
                    f.ApprovedTo = Admission.AddDays(-1);
                    break;
                case "denied without a reason":
                    f.Status = AuthorizationStatus.Denied;
                    break;
                case "cancelled as a decision":
                    f.Status = AuthorizationStatus.Cancelled;
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(problem), problem, null);
            }
        });

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(host.UtilizationReview, new RecordAuthorizationDecision(id, form)));

        Assert.Equal([field], error.Errors.Keys);
        Assert.Equal(message, Assert.Single(error.Errors[field]));
        Assert.Equal(AuthorizationStatus.Requested, (await AuthorizationAsync(host, id)).Status);
    }

    [Fact]
    public async Task A_denial_entered_by_hand_keeps_the_reason_and_has_no_review_date()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        var id = await RequestAsync(host, insured, f => f.Channel = AuthorizationChannel.Portal);

        await host.SendAsync(host.UtilizationReview, new RecordAuthorizationDecision(id, new AuthorizationDecisionForm
        {
            Status = AuthorizationStatus.Denied,
            DenialReason = " Does not meet ASAM 3.5 criteria ",
        }));

        var authorization = await AuthorizationAsync(host, id);
        Assert.Equal((AuthorizationStatus.Denied, "Does not meet ASAM 3.5 criteria"), (authorization.Status, authorization.DenialReason));
        Assert.Null(authorization.NextReviewOn);
    }

    // ---- Notes and cancelling ----

    [Fact]
    public async Task Notes_are_appended_with_who_and_when_and_shown_newest_first()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        var id = await RequestAsync(host, insured, f => f.Channel = AuthorizationChannel.Portal);

        await host.SendAsync(host.UtilizationReview, new AddAuthorizationNote(id, AuthorizationNoteKind.PeerToPeer, " Peer-to-peer with Dr. Shah at 2 pm. "));
        host.Clock.Advance(TimeSpan.FromHours(3));
        await host.SendAsync(host.Manager, new AddAuthorizationNote(id, AuthorizationNoteKind.Appeal, "Appeal faxed."));

        var notes = (await AuthorizationAsync(host, id)).Notes;
        Assert.Equal(
        [
            new AuthorizationNote(AuthorizationNoteKind.PeerToPeer, "Peer-to-peer with Dr. Shah at 2 pm.", host.UtilizationReview.Name, TestHost.StartTime),
            new AuthorizationNote(AuthorizationNoteKind.Appeal, "Appeal faxed.", host.Manager.Name, TestHost.StartTime.AddHours(3)),
        ], notes);
        var view = Assert.Single((await host.SendAsync(host.Coordinator, new GetInsurance(insured.InquiryId))).Authorizations);
        Assert.Equal(["Appeal faxed.", "Peer-to-peer with Dr. Shah at 2 pm."], view.Notes.Select(n => n.Text));

        var empty = await Assert.ThrowsAsync<RequestValidationException>(() =>
            host.SendAsync(host.UtilizationReview, new AddAuthorizationNote(id, AuthorizationNoteKind.General, "")));
        Assert.Equal("Write the note.", Assert.Single(empty.Errors["Text"]));
    }

    [Fact]
    public async Task Cancelling_closes_the_request_notes_why_and_stops_the_job()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        var id = await RequestAsync(host, insured);
        host.Clock.Advance(TimeSpan.FromMinutes(2));

        await host.SendAsync(host.UtilizationReview, new CancelAuthorization(id, " Patient chose another program "));

        var authorization = await AuthorizationAsync(host, id);
        Assert.Equal(AuthorizationStatus.Cancelled, authorization.Status);
        Assert.Equal(TestHost.StartTime.AddMinutes(2), authorization.DecidedAt);
        Assert.Null(authorization.NextReviewOn);
        Assert.Equal("Cancelled: Patient chose another program", Assert.Single(authorization.Notes).Text);
        Assert.Contains("Authorization request to Aetna cancelled", await TimelineAsync(host, insured.InquiryId));
        Assert.Equal(new AuthorizationRunOutcome(AuthorizationStatus.Cancelled, "nothing to do"), await SubmitAsync(host, id));
        host.Gateway.VerifyNoOtherCalls();

        var twice = await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(host.UtilizationReview, new CancelAuthorization(id, "again")));
        Assert.Equal("This authorization is already cancelled.", twice.Message);
        var decide = await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(host.UtilizationReview, new RecordAuthorizationDecision(id, Certified())));
        Assert.Equal("This authorization was cancelled.", decide.Message);
    }

    // ---- The utilization review list ----

    [Fact]
    public async Task The_review_due_filter_lists_authorizations_whose_next_review_is_within_two_days()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        async Task<Guid> DecidedAsync(DateOnly lastDay)
        {
            var id = await RequestAsync(host, insured, f => f.Channel = AuthorizationChannel.Portal);
            await host.SendAsync(host.UtilizationReview, new RecordAuthorizationDecision(id,
                Certified(f => (f.ApprovedFrom, f.ApprovedTo, f.ApprovedDays) = (new DateOnly(2026, 3, 1), lastDay, lastDay.Day))));
            return id;
        }

        var overdue = await DecidedAsync(new DateOnly(2026, 3, 9));   // review was due 3/8
        var dueToday = await DecidedAsync(new DateOnly(2026, 3, 11));  // review 3/10
        var dueInTwoDays = await DecidedAsync(new DateOnly(2026, 3, 13)); // review 3/12
        var dueInThreeDays = await DecidedAsync(new DateOnly(2026, 3, 14)); // review 3/13
        var undecided = await RequestAsync(host, insured, f => f.Channel = AuthorizationChannel.Phone);

        var due = await host.SendAsync(host.UtilizationReview, new ListAuthorizations([], ReviewDueOnly: true));
        var all = await host.SendAsync(host.Coordinator, new ListAuthorizations([], ReviewDueOnly: false));
        var requested = await host.SendAsync(host.Coordinator, new ListAuthorizations([AuthorizationStatus.Requested], ReviewDueOnly: false));

        Assert.Equal([overdue, dueToday, dueInTwoDays], due.Items.Select(i => i.AuthorizationId));
        Assert.Equal(3, due.TotalCount);
        Assert.Equal([overdue, dueToday, dueInTwoDays, dueInThreeDays, undecided], all.Items.Select(i => i.AuthorizationId));
        Assert.Equal(undecided, Assert.Single(requested.Items).AuthorizationId);
        var first = due.Items[0];
        Assert.Equal(("INQ-2026-000001", "Alex Lopez", "PORTAL-5521", new DateOnly(2026, 3, 8)),
            (first.InquiryNumber, first.PatientName, first.CertificationNumber, first.NextReviewOn!.Value));
        Assert.Equal(3, await host.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == Domain.Auditing.AuditAction.View && e.EntityType == "AuthorizationQueue")));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.Clinician, new ListAuthorizations([], false)));
    }
}
