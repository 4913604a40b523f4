using System.Text;
using Admissions.Application.Common;
using Admissions.Application.FollowUps;
using Admissions.Application.Inquiries;
using Admissions.Application.Insurance;
using Admissions.Application.Placement;
using Admissions.Domain.Auditing;
using Admissions.Domain.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Admissions.Application.Tests.Insurance.ClearinghouseScript;
using static Admissions.Application.Tests.Insurance.InsuranceSetup;

namespace Admissions.Application.Tests.Insurance;

/// <summary>The utilization-review day: consistent decisions, the review history, extensions, pends and the board.</summary>
public class UtilizationReviewTests
{
    /// <summary>The facility calendar's today at <see cref="TestHost.StartTime"/> (07:00 in Los Angeles on March 10).</summary>
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static Task<Guid> RequestAsync(TestHost host, InsuredInquiry insured, DateOnly? admission = null, AuthorizationChannel channel = AuthorizationChannel.Portal) =>
        host.SendAsync(host.UtilizationReview, new RequestAuthorization(insured.InquiryId, new AuthorizationRequestForm
        {
            PolicyId = insured.PolicyId,
            Level = Domain.Care.LevelOfCare.Residential,
            AdmissionDate = admission ?? Today.AddDays(-3),
            RequestedDays = 14,
            Diagnoses = "F10.20",
            Channel = channel,
        }));

    private static AuthorizationDecisionForm Certified(DateOnly from, int days, Action<AuthorizationDecisionForm>? change = null)
    {
        var form = new AuthorizationDecisionForm
        {
            Status = AuthorizationStatus.Certified,
            CertificationNumber = "CERT-1",
            ApprovedDays = days,
            ApprovedFrom = from,
            ApprovedTo = PriorAuthorization.LastDay(from, days),
        };
        change?.Invoke(form);
        return form;
    }

    private static Task<Mediator.Unit> DecideAsync(TestHost host, Guid id, AuthorizationDecisionForm form) =>
        host.SendAsync(host.UtilizationReview, new RecordAuthorizationDecision(id, form));

    private static Task<int> AdmitAsync(TestHost host, Guid inquiryId) =>
        host.QueryAsync(async db =>
        {
            var inquiry = await db.Inquiries.SingleAsync(i => i.Id == inquiryId);
            var at = host.Clock.GetUtcNow();
            inquiry.LogContactAttempt(ContactChannel.Call, ContactOutcome.Reached, null, Actor.System, at);
            foreach (var stage in new[] { InquiryStage.PreScreening, InquiryStage.ClinicalReview, InquiryStage.Approved, InquiryStage.AdmissionScheduled, InquiryStage.Admitted })
            {
                inquiry.MoveTo(stage, null, null, Actor.System, at);
            }

            return await db.SaveChangesAsync();
        });

    private static readonly string[] FirstNames = ["Alex", "Jamie", "Riley", "Morgan", "Casey", "Drew", "Quinn", "Avery"];
    private static readonly string[] LastNames = ["Lopez", "Carter", "Nguyen", "Patel", "Okafor", "Schmidt", "Rossi", "Kowalski"];
    private int _patients;

    /// <summary>A new insured patient each call (the first is the standard test patient), so duplicate detection lets each in.</summary>
    private Task<InsuredInquiry> PatientAsync(TestHost host, string payer = "Aetna")
    {
        var n = _patients++;
        return n == 0
            ? InsuredAsync(host, payer)
            : InsuredAsync(host, payer, patient: f =>
            {
                var person = TestForms.Person(n, FirstNames[n], LastNames[n]);
                (f.CallerName, f.CallerRelationship, f.CallerEmail, f.CallerPhone, f.PatientPhone) =
                    (person.CallerName, person.CallerRelationship, person.CallerEmail, person.CallerPhone, null);
                (f.PatientFirstName, f.PatientLastName, f.PatientDateOfBirth) = (person.PatientFirstName, person.PatientLastName, person.PatientDateOfBirth);
            });
    }

    private async Task<(InsuredInquiry Insured, Guid AuthorizationId)> AdmittedAsync(TestHost host, string payer = "Aetna")
    {
        var insured = await PatientAsync(host, payer);
        await AdmitAsync(host, insured.InquiryId);
        return (insured, await RequestAsync(host, insured));
    }

    // ---- Decisions are one consistent thing ----

    [Fact]
    public async Task Approved_days_that_do_not_end_on_the_last_approved_day_are_refused_at_the_last_day()
    {
        await using var host = await TestHost.StartAsync();
        var id = await RequestAsync(host, await PatientAsync(host));

        // The case: 12 days changed to 6, the last day left at 01/11/2027.
        var form = Certified(new DateOnly(2026, 12, 31), 12, f => f.ApprovedDays = 6);
        var error = await Assert.ThrowsAsync<RequestValidationException>(() => DecideAsync(host, id, form));

        Assert.Equal(["Form.ApprovedTo"], error.Errors.Keys);
        Assert.Equal("6 days from 12/31/2026 end on 01/05/2027; change the days or the last day.", Assert.Single(error.Errors["Form.ApprovedTo"]));
        Assert.Equal(AuthorizationStatus.Requested, (await AuthorizationAsync(host, id)).Status);
    }

    [Theory]
    [InlineData(-1, "before the first day")]
    [InlineData(7, "after the last day")]
    public async Task A_next_review_outside_the_covered_period_is_refused_at_the_review_date(int offset, string _)
    {
        await using var host = await TestHost.StartAsync();
        var id = await RequestAsync(host, await PatientAsync(host));

        var form = Certified(Today, 7, f => f.NextReviewOn = Today.AddDays(offset));
        var error = await Assert.ThrowsAsync<RequestValidationException>(() => DecideAsync(host, id, form));

        Assert.Equal(["Form.NextReviewOn"], error.Errors.Keys);
        Assert.Equal("The next review must fall inside the covered period, 03/10/2026 to 03/16/2026.", Assert.Single(error.Errors["Form.NextReviewOn"]));
    }

    [Fact]
    public void The_form_moves_the_last_day_with_the_days_and_the_days_with_the_last_day()
    {
        var form = Certified(new DateOnly(2026, 12, 31), 12);

        form.ChangeDays(6);
        Assert.Equal((6, new DateOnly(2027, 1, 5)), (form.ApprovedDays!.Value, form.ApprovedTo!.Value));

        form.ChangeLastDay(new DateOnly(2027, 1, 9));
        Assert.Equal((10, new DateOnly(2027, 1, 9)), (form.ApprovedDays!.Value, form.ApprovedTo!.Value));

        form.ChangeFirstDay(new DateOnly(2027, 1, 1));
        Assert.Equal((10, new DateOnly(2027, 1, 10)), (form.ApprovedDays!.Value, form.ApprovedTo!.Value));
        Assert.Empty(new AuthorizationDecisionFormValidator().Validate(form).Errors);

        // A review on the default day (the day before the last) follows the last day; one the payer set stays put.
        form.NextReviewOn = new DateOnly(2027, 1, 9);
        form.ChangeDays(5);
        Assert.Equal(new DateOnly(2027, 1, 4), form.NextReviewOn);
        form.NextReviewOn = new DateOnly(2027, 1, 2);
        form.ChangeDays(7);
        Assert.Equal(new DateOnly(2027, 1, 2), form.NextReviewOn);
    }

    [Fact]
    public async Task A_denial_approves_no_days_even_when_the_dialog_still_held_some()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await PatientAsync(host);
        var id = await RequestAsync(host, insured);

        await DecideAsync(host, id, Certified(Today, 14, f => (f.Status, f.DenialReason) = (AuthorizationStatus.Denied, "Does not meet ASAM 3.5")));

        var authorization = await AuthorizationAsync(host, id);
        Assert.Equal(AuthorizationStatus.Denied, authorization.Status);
        Assert.Equal((null, null, null, null), (authorization.ApprovedDays, authorization.ApprovedFrom, authorization.ApprovedTo, authorization.NextReviewOn));
        var view = Assert.Single((await host.SendAsync(host.UtilizationReview, new GetInsurance(insured.InquiryId))).Authorizations);
        Assert.Null(view.ApprovedDays);
        Assert.Null(view.Coverage);
        var review = Assert.Single(view.Reviews);
        Assert.Equal((AuthorizationStatus.Denied, null, "Does not meet ASAM 3.5"), (review.Status, review.DaysApproved, review.Reason));
    }

    [Fact]
    public async Task A_denial_by_278_carries_no_days_even_when_the_payer_sent_a_quantity()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await PatientAsync(host);
        var id = await RequestAsync(host, insured, channel: AuthorizationChannel.Electronic);
        host.Gateway.Answer278(r => Review(r, Decision(r, "A3", reason: "33", days: 14)));

        await host.SendAsSystemAsync(new SubmitAuthorization(id));

        var authorization = await AuthorizationAsync(host, id);
        Assert.Equal((AuthorizationStatus.Denied, (int?)null), (authorization.Status, authorization.ApprovedDays));
    }

    // ---- History ----

    [Fact]
    public async Task Every_decision_and_extension_is_kept_in_order_with_the_current_state_on_the_authorization()
    {
        await using var host = await TestHost.StartAsync();
        var (insured, id) = await AdmittedAsync(host);

        await DecideAsync(host, id, new AuthorizationDecisionForm { Status = AuthorizationStatus.Pended, PendedReason = " Additional clinical information required " });
        host.Clock.Advance(TimeSpan.FromDays(1));
        await DecideAsync(host, id, Certified(Today.AddDays(-3), 7, f => f.CertificationNumber = "AUTH-1"));
        host.Clock.Advance(TimeSpan.FromHours(2));
        await host.QueryAsync(async db =>
        {
            var authorization = await db.PriorAuthorizations.SingleAsync(a => a.Id == id);
            authorization.RecordConcurrentReview(5, "REF-9", new Actor("ur", "Uma Reviewer"), host.Clock.GetUtcNow());
            authorization.Extend(5, null, "AUTH-1-EXT", new Actor("ur", "Uma Reviewer"), host.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });

        var stored = await AuthorizationAsync(host, id);
        Assert.Equal(
        [
            (AuthorizationReviewKind.Decision, AuthorizationStatus.Pended, (int?)null, (DateOnly?)null, "Additional clinical information required"),
            (AuthorizationReviewKind.Decision, AuthorizationStatus.Certified, 7, new DateOnly(2026, 3, 13), null),
            (AuthorizationReviewKind.ConcurrentReview, AuthorizationStatus.Certified, null, new DateOnly(2026, 3, 13), null),
            (AuthorizationReviewKind.Extension, AuthorizationStatus.Certified, 5, new DateOnly(2026, 3, 18), null),
        ], stored.Reviews.Select(r => (r.Kind, r.Status, r.DaysApproved, r.LastCoveredDay, r.Reason)));
        Assert.Equal((host.UtilizationReview.Name, "AUTH-1"), (stored.Reviews[1].ReviewerName, stored.Reviews[1].PayerReference));
        Assert.Equal((12, new DateOnly(2026, 3, 18), new DateOnly(2026, 3, 17)), (stored.ApprovedDays!.Value, stored.ApprovedTo!.Value, stored.NextReviewOn!.Value));
        Assert.Null(stored.PendedReason);

        // Admitted 03/07, today 03/11 on the facility calendar: 5 days used (the admission day and today count), 7 left through 03/18.
        var view = Assert.Single((await host.SendAsync(host.UtilizationReview, new GetInsurance(insured.InquiryId))).Authorizations);
        Assert.Equal(new CoverageDays(5, 7), view.Coverage);
        Assert.Equal(4, view.Reviews.Count);
    }

    // ---- Days extended from a concurrent-review task ----

    [Fact]
    public async Task Completing_a_review_task_with_days_extended_extends_the_authorization_and_closes_the_task()
    {
        await using var host = await TestHost.StartAsync();
        var (insured, id) = await AdmittedAsync(host);
        await DecideAsync(host, id, Certified(Today.AddDays(-3), 5)); // 03/07–03/11, review 03/10
        await host.SendAsSystemAsync(new RemindAuthorizationReviews());
        var task = Assert.Single(await TasksAsync(host), t => t.Kind == FollowUpKind.AuthorizationReview);
        host.Clock.Advance(TimeSpan.FromHours(1));

        var found = await host.SendAsync(host.UtilizationReview, new GetReviewTaskAuthorization(task.Id));
        Assert.Equal((id, new DateOnly(2026, 3, 11)), (found!.AuthorizationId, found.LastCoveredDay!.Value));

        await host.SendAsync(host.UtilizationReview, new CompleteReviewWithExtension(task.Id,
            new ReviewExtensionForm { Days = 4, NextReviewOn = new DateOnly(2026, 3, 14), PayerReference = "EXT-22" }));

        var authorization = await AuthorizationAsync(host, id);
        Assert.Equal((9, new DateOnly(2026, 3, 15), new DateOnly(2026, 3, 14)), (authorization.ApprovedDays!.Value, authorization.ApprovedTo!.Value, authorization.NextReviewOn!.Value));
        var extension = authorization.Reviews[^1];
        Assert.Equal((AuthorizationReviewKind.Extension, 4, new DateOnly(2026, 3, 15), "EXT-22", host.UtilizationReview.Name),
            (extension.Kind, extension.DaysApproved!.Value, extension.LastCoveredDay!.Value, extension.PayerReference, extension.ReviewerName));
        var done = (await TasksAsync(host)).Single(t => t.Id == task.Id);
        Assert.Equal(FollowUpState.Done, done.State);
        Assert.Equal("Days extended: 4 days extended, covered through 03/15/2026; next review 03/14/2026", done.Outcome);
        Assert.Contains("Aetna: 4 days extended, covered through 03/15/2026; next review 03/14/2026", await TimelineAsync(host, insured.InquiryId));
    }

    [Fact]
    public async Task An_extension_needs_the_days_and_a_review_inside_the_new_coverage()
    {
        await using var host = await TestHost.StartAsync();
        var (_, id) = await AdmittedAsync(host);
        await DecideAsync(host, id, Certified(Today.AddDays(-3), 5));
        await host.SendAsSystemAsync(new RemindAuthorizationReviews());
        var task = Assert.Single(await TasksAsync(host), t => t.Kind == FollowUpKind.AuthorizationReview);

        var noDays = await Assert.ThrowsAsync<RequestValidationException>(() =>
            host.SendAsync(host.UtilizationReview, new CompleteReviewWithExtension(task.Id, new ReviewExtensionForm())));
        Assert.Equal("Enter the days the payer extended.", Assert.Single(noDays.Errors["Form.Days"]));

        var late = await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(host.UtilizationReview,
            new CompleteReviewWithExtension(task.Id, new ReviewExtensionForm { Days = 2, NextReviewOn = new DateOnly(2026, 3, 20) })));
        Assert.Equal("The next review must fall inside the covered period, 03/07/2026 to 03/13/2026.", late.Message);
        Assert.Equal(FollowUpState.Open, (await TasksAsync(host)).Single(t => t.Id == task.Id).State);
        Assert.Equal(5, (await AuthorizationAsync(host, id)).ApprovedDays);
    }

    // ---- Pended ----

    [Fact]
    public async Task The_payers_pended_reason_from_a_278_is_stored_and_shown()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await PatientAsync(host);
        var id = await RequestAsync(host, insured, channel: AuthorizationChannel.Electronic);
        host.Gateway.Answer278(r => Review(r, Decision(r, "A4", reason: "0U")));

        await host.SendAsSystemAsync(new SubmitAuthorization(id));

        var authorization = await AuthorizationAsync(host, id);
        Assert.Equal((AuthorizationStatus.Pended, "Additional patient information required", TestHost.StartTime),
            (authorization.Status, authorization.PendedReason, authorization.PendedAt!.Value));
        var view = Assert.Single((await host.SendAsync(host.UtilizationReview, new GetInsurance(insured.InquiryId))).Authorizations);
        Assert.Equal("Additional patient information required", view.PendedReason);
        var board = await host.SendAsync(host.UtilizationReview, new GetUtilizationReviewBoard());
        Assert.Equal("Additional patient information required", Assert.Single(board.Pended).PendedReason);
    }

    [Fact]
    public async Task An_admitted_patients_authorization_pended_longer_than_the_setting_is_flagged_and_counted()
    {
        await using var host = await TestHost.StartAsync();
        var (_, admittedId) = await AdmittedAsync(host);
        var notAdmitted = await RequestAsync(host, await PatientAsync(host, "Cigna"));
        foreach (var id in new[] { admittedId, notAdmitted })
        {
            await DecideAsync(host, id, new AuthorizationDecisionForm { Status = AuthorizationStatus.Pended, PendedReason = "Records requested" });
        }

        host.Clock.Advance(TimeSpan.FromDays(3));
        var threeDays = await host.SendAsync(host.UtilizationReview, new GetUtilizationReviewBoard());
        host.Clock.Advance(TimeSpan.FromDays(1));
        var fourDays = await host.SendAsync(host.UtilizationReview, new GetUtilizationReviewBoard());

        Assert.Equal(0, threeDays.LongPends);
        Assert.Equal(1, fourDays.LongPends);
        Assert.Equal([(admittedId, true, 4), (notAdmitted, false, 4)], fourDays.Pended.Select(p => (p.AuthorizationId, p.LongPend, p.PendedDays!.Value)));
    }

    // ---- The board ----

    [Fact]
    public async Task The_board_lists_each_section_in_its_order_and_filters_by_payer_and_owner()
    {
        await using var host = await TestHost.StartAsync(services =>
            services.Configure<UtilizationReviewOptions>(o => o.AppealDaysByPayer["Cigna"] = 60));
        var (_, endsTomorrow) = await AdmittedAsync(host);
        var (_, endsToday) = await AdmittedAsync(host);
        var (_, endsLater) = await AdmittedAsync(host, "Cigna");
        await DecideAsync(host, endsTomorrow, Certified(Today.AddDays(-3), 5));  // through 03/11, review 03/10
        await DecideAsync(host, endsToday, Certified(Today.AddDays(-3), 4));     // through 03/10, review 03/09
        await DecideAsync(host, endsLater, Certified(Today.AddDays(-3), 14));    // through 03/20, review 03/19
        var notAdmitted = await RequestAsync(host, await PatientAsync(host));
        await DecideAsync(host, notAdmitted, Certified(Today.AddDays(1), 3));    // review 03/12: due, but no admitted stay yet
        var deniedAetna = await RequestAsync(host, await PatientAsync(host));
        var deniedCigna = await RequestAsync(host, await PatientAsync(host, "Cigna"));
        foreach (var id in new[] { deniedAetna, deniedCigna })
        {
            await DecideAsync(host, id, new AuthorizationDecisionForm { Status = AuthorizationStatus.Denied, DenialReason = "Not medically necessary" });
        }

        var board = await host.SendAsync(host.UtilizationReview, new GetUtilizationReviewBoard());

        Assert.Equal(Today, board.Today);
        Assert.Equal([endsToday, endsTomorrow, endsLater], board.Covered.Select(i => i.AuthorizationId));
        Assert.Equal(new CoverageDays(4, 0), board.Covered[0].Coverage);
        Assert.Equal([endsToday, endsTomorrow, notAdmitted], board.ReviewsDue.Select(i => i.AuthorizationId));
        Assert.Equal([(deniedCigna, new DateOnly(2026, 5, 9)), (deniedAetna, new DateOnly(2026, 9, 6))],
            board.Denials.Select(i => (i.AuthorizationId, i.AppealBy!.Value)));
        Assert.Equal(["Aetna", "Cigna"], board.Payers.Select(p => p.Label));

        var cigna = await PayerIdAsync(host, "Cigna");
        var cignaOnly = await host.SendAsync(host.UtilizationReview, new GetUtilizationReviewBoard(PayerId: cigna));
        Assert.Equal([endsLater], cignaOnly.Covered.Select(i => i.AuthorizationId));
        Assert.Equal([deniedCigna], cignaOnly.Denials.Select(i => i.AuthorizationId));
        var someoneElse = await host.SendAsync(host.UtilizationReview, new GetUtilizationReviewBoard(OwnerId: host.Manager.Id));
        Assert.Empty(someoneElse.Covered.Concat(someoneElse.Pended).Concat(someoneElse.ReviewsDue).Concat(someoneElse.Denials));
        var mine = await host.SendAsync(host.UtilizationReview, new GetUtilizationReviewBoard(OwnerId: host.UtilizationReview.Id));
        Assert.Equal(3, mine.Covered.Count);

        // A denial whose appeal window has passed leaves the board.
        host.Clock.Advance(TimeSpan.FromDays(61));
        Assert.Equal([deniedAetna], (await host.SendAsync(host.UtilizationReview, new GetUtilizationReviewBoard())).Denials.Select(i => i.AuthorizationId));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.Clinician, new GetUtilizationReviewBoard()));
    }

    [Fact]
    public async Task The_board_exports_as_csv_audited_with_its_filters()
    {
        await using var host = await TestHost.StartAsync();
        var (_, id) = await AdmittedAsync(host);
        await DecideAsync(host, id, Certified(Today.AddDays(-3), 5));
        var payer = await PayerIdAsync(host, "Aetna");

        var file = await host.SendAsync(host.UtilizationReview, new ExportUtilizationReviewBoard(payer));

        var lines = Encoding.UTF8.GetString(file.Content).TrimStart('\uFEFF').Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("utilization-review-2026-03-10.csv", file.FileName);
        Assert.StartsWith("Section,Inquiry,Patient,Facility,Payer", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("Admitted patients by last covered day,INQ-2026-000001,Alex Lopez,,Aetna", StringComparison.Ordinal)
            && l.Contains(",2026-03-11,4,1,2026-03-10,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Reviews due,INQ-2026-000001", StringComparison.Ordinal));
        var export = await host.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditAction.Export && e.EntityType == "UtilizationReviewBoard"));
        Assert.Equal(host.UtilizationReview.Id, export.UserId);
        Assert.Contains($"payer {payer}; owner all; facility all", export.Fields, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_board_filters_by_the_inquirys_facility_and_counts_each_stays_days_on_its_facilitys_calendar()
    {
        await using var host = await TestHost.StartAsync();
        var west = await host.SendAsync(host.Admin, new SaveFacility(null, new FacilityForm { Name = "Riverbend West", TimeZoneId = "America/Los_Angeles" }));
        var east = await host.SendAsync(host.Admin, new SaveFacility(null, new FacilityForm { Name = "Riverbend East", TimeZoneId = "America/New_York" }));
        var (westPatient, westId) = await AdmittedAsync(host);
        var (eastPatient, eastId) = await AdmittedAsync(host, "Cigna");
        await host.SendAsync(host.Coordinator, new ChangeInquiryFacility(westPatient.InquiryId, west));
        await host.SendAsync(host.Coordinator, new ChangeInquiryFacility(eastPatient.InquiryId, east));
        await DecideAsync(host, westId, Certified(Today.AddDays(-3), 5));
        await DecideAsync(host, eastId, Certified(Today.AddDays(-3), 5));

        // 9 PM in Los Angeles is already tomorrow in New York: the eastern stay has used one more day.
        host.Clock.Advance(TimeSpan.FromHours(14));
        var board = await host.SendAsync(host.UtilizationReview, new GetUtilizationReviewBoard());

        Assert.Equal(["Riverbend East", "Riverbend West"], board.Facilities.Select(f => f.Label));
        Assert.Equal(new CoverageDays(4, 1), board.Covered.Single(i => i.AuthorizationId == westId).Coverage);
        Assert.Equal(new CoverageDays(5, 0), board.Covered.Single(i => i.AuthorizationId == eastId).Coverage);
        Assert.Equal("Riverbend East", board.Covered.Single(i => i.AuthorizationId == eastId).FacilityName);
        var eastOnly = await host.SendAsync(host.UtilizationReview, new GetUtilizationReviewBoard(FacilityId: east));
        Assert.Equal([eastId], eastOnly.Covered.Concat(eastOnly.ReviewsDue).Select(i => i.AuthorizationId).Distinct());
        var calendar = host.Services.GetRequiredService<IFacilityCalendar>();
        Assert.Equal("America/New_York", (await calendar.ForInquiryAsync(eastPatient.InquiryId)).Zone.Id);
        Assert.Equal(calendar.Organisation.Zone.Id, (await calendar.ForInquiryAsync(Guid.NewGuid())).Zone.Id);
    }

    [Fact]
    public async Task A_review_is_due_on_the_home_page_the_board_and_the_list_alike_today_and_the_next_two_days()
    {
        await using var host = await TestHost.StartAsync();
        var (_, dueToday) = await AdmittedAsync(host);
        var (_, dueInTwoDays) = await AdmittedAsync(host);
        var (_, dueInThreeDays) = await AdmittedAsync(host);
        await DecideAsync(host, dueToday, Certified(Today.AddDays(-3), 14, f => f.NextReviewOn = Today));
        await DecideAsync(host, dueInTwoDays, Certified(Today.AddDays(-3), 14, f => f.NextReviewOn = Today.AddDays(2)));
        await DecideAsync(host, dueInThreeDays, Certified(Today.AddDays(-3), 14, f => f.NextReviewOn = Today.AddDays(3)));

        var home = await host.SendAsync(host.Manager, new Admissions.Application.Dashboards.GetDepartmentAttention());
        var board = await host.SendAsync(host.UtilizationReview, new GetUtilizationReviewBoard());
        var list = await host.SendAsync(host.UtilizationReview, new ListAuthorizations([], ReviewDueOnly: true));

        Assert.Equal(2, home.ReviewsDue);
        Assert.Equal([dueToday, dueInTwoDays], board.ReviewsDue.Select(i => i.AuthorizationId));
        Assert.Equal([dueToday, dueInTwoDays], list.Items.Select(i => i.AuthorizationId));
    }

    [Fact]
    public async Task The_list_of_all_authorizations_shows_what_the_payer_needs_for_a_pended_one()
    {
        await using var host = await TestHost.StartAsync();
        var id = await RequestAsync(host, await PatientAsync(host));
        await DecideAsync(host, id, new AuthorizationDecisionForm { Status = AuthorizationStatus.Pended, PendedReason = "Nursing notes from the last 48 hours" });

        var row = Assert.Single((await host.SendAsync(host.UtilizationReview, new ListAuthorizations([], ReviewDueOnly: false))).Items);

        Assert.Equal("Nursing notes from the last 48 hours", row.PendedReason);
    }

    [Fact]
    public async Task Completing_a_review_task_as_submitted_keeps_the_concurrent_review_in_the_history()
    {
        await using var host = await TestHost.StartAsync();
        var (insured, id) = await AdmittedAsync(host);
        await DecideAsync(host, id, Certified(Today.AddDays(-3), 5));
        await host.SendAsSystemAsync(new RemindAuthorizationReviews());
        var task = Assert.Single(await TasksAsync(host), t => t.Kind == FollowUpKind.AuthorizationReview);

        var tooMany = await Assert.ThrowsAsync<RequestValidationException>(() => host.SendAsync(host.UtilizationReview,
            new CompleteReviewAsSubmitted(task.Id, new ReviewSubmissionForm { DaysRequested = 400 })));
        Assert.Equal("Days requested must be between 1 and 365.", Assert.Single(tooMany.Errors["Form.DaysRequested"]));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.Coordinator,
            new CompleteReviewAsSubmitted(task.Id, new ReviewSubmissionForm { DaysRequested = 7 })));

        await host.SendAsync(host.UtilizationReview, new CompleteReviewAsSubmitted(task.Id,
            new ReviewSubmissionForm { DaysRequested = 7, PayerReference = " CR-881 " }));

        var authorization = await AuthorizationAsync(host, id);
        var review = authorization.Reviews[^1];
        Assert.Equal((AuthorizationReviewKind.ConcurrentReview, 7, (int?)null, "CR-881", host.UtilizationReview.Name),
            (review.Kind, review.DaysRequested!.Value, review.DaysApproved, review.PayerReference, review.ReviewerName));
        Assert.Equal(5, authorization.ApprovedDays);
        var done = (await TasksAsync(host)).Single(t => t.Id == task.Id);
        Assert.Equal((FollowUpState.Done, "Review submitted, 7 more days requested (reference CR-881)"), (done.State, done.Outcome));
        Assert.Contains("Aetna: concurrent review submitted, 7 more days requested (reference CR-881)", await TimelineAsync(host, insured.InquiryId));
    }
}
