using Admissions.Application.Care;
using Admissions.Application.Common;
using Admissions.Application.Dashboards;
using Admissions.Application.FollowUps;
using Admissions.Application.Insurance;
using Admissions.Application.Placement;
using Admissions.Application.Tests.Insurance;
using Admissions.Domain.Care;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Insurance;
using Admissions.Domain.Placement;
using Admissions.Domain.Screening;
using Microsoft.EntityFrameworkCore;
using static Admissions.Application.Tests.Insurance.InsuranceSetup;

namespace Admissions.Application.Tests.Placement;

/// <summary>The stay after check-in: the planned discharge, discharge, step-down to the next level and the day-program census.</summary>
public class StayTests
{
    /// <summary>The facility's today at <see cref="TestHost.StartTime"/> (07:00 in Los Angeles on March 10).</summary>
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static readonly DimensionRatingsForm AllOne = new(1, 1, 1, 1, 1, 1);

    private sealed record StayCampus(Guid FacilityId, Guid ResidentialId, IReadOnlyList<Guid> BedIds, Guid PhpId, Guid IopId);

    /// <summary>A campus with a residential program (two beds) and two day programs, PHP and IOP.</summary>
    private static async Task<StayCampus> CampusAsync(TestHost host)
    {
        var facility = await host.SendAsync(host.Admin, new SaveFacility(null, new FacilityForm { Name = "Riverbend", TimeZoneId = "America/Los_Angeles" }));
        Task<Guid> Program(string name, LevelOfCare level, int length) => host.SendAsync(host.Admin, new SaveProgram(null, new ProgramForm
        {
            FacilityId = facility,
            Name = name,
            Level = level,
            DailyRate = 500m,
            TypicalLengthOfStayDays = length,
        }));
        var residential = await Program("Adult Residential", LevelOfCare.Residential, 30);
        var php = await Program("Partial Hospitalization (PHP)", LevelOfCare.PartialHospitalization, 20);
        var iop = await Program("Intensive Outpatient (IOP)", LevelOfCare.IntensiveOutpatient, 36);
        var unit = await host.SendAsync(host.Admin, new SaveUnit(null, new UnitForm { ProgramId = residential, Name = "Cedar Hall" }));
        await host.SendAsync(host.Admin, new AddBeds(unit, "C-", 2));
        var beds = await host.QueryAsync(db => Task.FromResult(db.Beds.Where(b => b.UnitId == unit).AsEnumerable()
            .OrderBy(b => Placements.NaturalKey(b.Label), StringComparer.Ordinal).Select(b => b.Id).ToList()));
        return new StayCampus(facility, residential, beds, php, iop);
    }

    /// <summary>Walks the inquiry to Approved, decides residential, books bed C-1 an hour from now and checks the patient in today.</summary>
    private static async Task AdmitAsync(TestHost host, StayCampus campus, Guid inquiryId)
    {
        await AdmissionTests.WalkToApprovedAsync(host, inquiryId);
        await host.SendAsync(host.Clinician, new DecideLevelOfCare(inquiryId, new ClinicalPictureForm(), AllOne, AsamEdition.Third, "3.5", "Relapse after outpatient care"));
        await host.SendAsync(host.Coordinator, new ScheduleAdmission(inquiryId, campus.ResidentialId, campus.BedIds[0], host.Clock.GetUtcNow().AddHours(1),
            LevelOverrideReason: "Residential as decided"));
        await host.SendAsync(host.Coordinator, new CheckInPatient(inquiryId));
    }

    /// <summary>An insured patient admitted to residential today, with a certified 14-day residential authorization.</summary>
    private static async Task<(InsuredInquiry Insured, Guid AuthorizationId)> InsuredStayAsync(TestHost host, StayCampus campus)
    {
        var insured = await InsuredAsync(host);
        await AdmitAsync(host, campus, insured.InquiryId);
        var id = await host.SendAsync(host.UtilizationReview, new RequestAuthorization(insured.InquiryId, new AuthorizationRequestForm
        {
            PolicyId = insured.PolicyId,
            Level = LevelOfCare.Residential,
            AdmissionDate = Today,
            RequestedDays = 14,
            Diagnoses = "F10.20",
            Channel = AuthorizationChannel.Portal,
        }));
        await host.SendAsync(host.UtilizationReview, new RecordAuthorizationDecision(id, new AuthorizationDecisionForm
        {
            Status = AuthorizationStatus.Certified,
            CertificationNumber = "CERT-RES-1",
            ApprovedDays = 14,
            ApprovedFrom = Today,
            ApprovedTo = PriorAuthorization.LastDay(Today, 14),
        }));
        return (insured, id);
    }

    private static Task<List<Admission>> AdmissionsAsync(TestHost host, Guid inquiryId) =>
        host.QueryAsync(db => db.Admissions.AsNoTracking().Where(a => a.InquiryId == inquiryId).OrderBy(a => a.ScheduledAt).ToListAsync());

    private static Task<Bed> BedAsync(TestHost host, Guid id) => host.QueryAsync(db => db.Beds.AsNoTracking().SingleAsync(b => b.Id == id));

    private static async Task<string[]> FieldErrorAsync(Func<Task> act, string field) =>
        (await Assert.ThrowsAsync<RequestValidationException>(act)).Errors[field];

    // ---- The planned discharge ----

    [Fact]
    public async Task A_planned_discharge_is_kept_on_the_stay_and_shown_to_UR_and_one_before_the_admission_day_is_refused_at_the_field()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await CampusAsync(host);
        var (insured, _) = await InsuredStayAsync(host, campus);
        var stay = (await AdmissionsAsync(host, insured.InquiryId)).Single();

        var error = await FieldErrorAsync(() => host.SendAsync(host.UtilizationReview, new PlanDischarge(stay.Id, Today.AddDays(-1))), nameof(PlanDischarge.Day));
        Assert.Equal("The planned discharge cannot be before the admission day, 03/10/2026.", Assert.Single(error));

        await host.SendAsync(host.UtilizationReview, new PlanDischarge(stay.Id, Today.AddDays(21)));

        var planning = await host.SendAsync(host.Coordinator, new GetAdmissionPlanning(insured.InquiryId));
        Assert.Equal((stay.Id, Today.AddDays(21), Today), (planning.Stay!.Id, planning.Stay.PlannedDischargeOn, planning.Today));
        var board = await host.SendAsync(host.UtilizationReview, new GetUtilizationReviewBoard());
        Assert.Equal(Today.AddDays(21), Assert.Single(board.Covered).PlannedDischargeOn);
        Assert.Contains("Planned discharge from Adult Residential: 03/31/2026", await TimelineAsync(host, insured.InquiryId));

        await host.SendAsync(host.Coordinator, new PlanDischarge(stay.Id, null));
        Assert.Null((await AdmissionsAsync(host, insured.InquiryId)).Single().PlannedDischargeOn);
    }

    [Fact]
    public async Task A_scheduled_admission_can_be_planned_from_its_booked_day_not_before()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await CampusAsync(host);
        var inquiryId = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        await AdmissionTests.WalkToApprovedAsync(host, inquiryId);
        await host.SendAsync(host.Coordinator, new ScheduleAdmission(inquiryId, campus.ResidentialId, campus.BedIds[0], host.Clock.GetUtcNow().AddDays(2)));
        var booked = (await AdmissionsAsync(host, inquiryId)).Single();

        await FieldErrorAsync(() => host.SendAsync(host.Coordinator, new PlanDischarge(booked.Id, Today.AddDays(1))), nameof(PlanDischarge.Day));
        await host.SendAsync(host.Coordinator, new PlanDischarge(booked.Id, Today.AddDays(30)));

        Assert.Equal(Today.AddDays(30), (await AdmissionsAsync(host, inquiryId)).Single().PlannedDischargeOn);
    }

    // ---- Discharge ----

    [Fact]
    public async Task A_discharge_day_in_the_future_or_before_the_admission_day_is_refused_at_the_field()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await CampusAsync(host);
        var (insured, _) = await InsuredStayAsync(host, campus);
        host.Clock.Advance(TimeSpan.FromDays(3));

        var future = await FieldErrorAsync(() => host.SendAsync(host.Coordinator,
            new DischargePatient(insured.InquiryId, Today.AddDays(4), DischargeDisposition.Completed)), nameof(DischargePatient.Day));
        Assert.Equal("The discharge day cannot be in the future; record it on the day, 03/13/2026 at the latest.", Assert.Single(future));
        var before = await FieldErrorAsync(() => host.SendAsync(host.Coordinator,
            new DischargePatient(insured.InquiryId, Today.AddDays(-1), DischargeDisposition.Completed)), nameof(DischargePatient.Day));
        Assert.Equal("The discharge day cannot be before the admission day, 03/10/2026.", Assert.Single(before));

        Assert.Equal(AdmissionState.Admitted, (await AdmissionsAsync(host, insured.InquiryId)).Single().State);
    }

    [Fact]
    public async Task A_discharge_puts_the_bed_to_cleaning_ends_the_authorization_and_UR_no_longer_sees_the_patient_admitted()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await CampusAsync(host);
        var (insured, authorizationId) = await InsuredStayAsync(host, campus);
        host.Clock.Advance(TimeSpan.FromDays(5));
        Assert.Single((await host.SendAsync(host.UtilizationReview, new GetUtilizationReviewBoard())).Covered);

        await host.SendAsync(host.Clinician, new DischargePatient(insured.InquiryId, Today.AddDays(4), DischargeDisposition.AgainstMedicalAdvice, "Left after a family call"));

        var stay = (await AdmissionsAsync(host, insured.InquiryId)).Single();
        Assert.Equal((AdmissionState.Discharged, Today.AddDays(4), DischargeDisposition.AgainstMedicalAdvice, "Left after a family call"),
            (stay.State, stay.DischargedOn, stay.Disposition, stay.Outcome));
        var bed = await BedAsync(host, campus.BedIds[0]);
        Assert.Equal((BedState.Cleaning, (Guid?)null), (bed.State, bed.OccupiedByInquiryId));
        var authorization = await AuthorizationAsync(host, authorizationId);
        Assert.Equal((Today.AddDays(4), (DateOnly?)null), (authorization.StayEndedOn, authorization.NextReviewOn));
        Assert.Contains(authorization.Notes, n => n.Text == "Stay ended 03/14/2026: discharged.");

        var board = await host.SendAsync(host.UtilizationReview, new GetUtilizationReviewBoard());
        Assert.Empty(board.Covered);
        Assert.Empty(board.ReviewsDue);
        Assert.Contains("Discharged from Adult Residential on 03/14/2026 (against medical advice); bed C-1 to cleaning; 1 authorization ended",
            await TimelineAsync(host, insured.InquiryId));
        Assert.Contains(await host.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(Admission)).Select(e => e.EntityId).ToListAsync()),
            id => id == stay.Id.ToString());

        // Nothing is left to discharge.
        await Assert.ThrowsAsync<Domain.Common.DomainRuleException>(() =>
            host.SendAsync(host.Coordinator, new DischargePatient(insured.InquiryId, Today.AddDays(5), DischargeDisposition.Completed)));
    }

    /// <summary>Moves the clock to the day before the authorization's next review and runs the morning sweep: one review task is open.</summary>
    private static async Task<FollowUpTask> ReviewTaskDueAsync(TestHost host, Guid authorizationId)
    {
        var reviewOn = (await AuthorizationAsync(host, authorizationId)).NextReviewOn!.Value;
        host.Clock.Advance(TimeSpan.FromDays(reviewOn.DayNumber - Today.DayNumber - 1));
        await host.SendAsSystemAsync(new RemindAuthorizationReviews());
        return Assert.Single(await OpenReviewTasksAsync(host));
    }

    private static Task<List<FollowUpTask>> OpenReviewTasksAsync(TestHost host) =>
        host.QueryAsync(db => db.FollowUpTasks.AsNoTracking().Where(t => t.Kind == FollowUpKind.AuthorizationReview && t.State == FollowUpState.Open).ToListAsync());

    [Fact]
    public async Task A_discharge_closes_the_stays_open_concurrent_review_and_the_morning_sweep_makes_no_new_one()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await CampusAsync(host);
        var (insured, authorizationId) = await InsuredStayAsync(host, campus);
        var review = await ReviewTaskDueAsync(host, authorizationId);
        var day = FacilityToday(host);

        await host.SendAsync(host.Clinician, new DischargePatient(insured.InquiryId, day, DischargeDisposition.Completed));

        Assert.Empty(await OpenReviewTasksAsync(host));
        var closed = await host.QueryAsync(db => db.FollowUpTasks.AsNoTracking().SingleAsync(t => t.Id == review.Id));
        Assert.Equal((FollowUpState.Cancelled, "Stay ended: discharged"), (closed.State, closed.Outcome));
        Assert.Contains($"1 concurrent review closed (stay ended, discharged): {review.Title}", await TimelineAsync(host, insured.InquiryId));

        host.Clock.Advance(TimeSpan.FromDays(1));
        await host.SendAsSystemAsync(new RemindAuthorizationReviews());
        Assert.Empty(await OpenReviewTasksAsync(host));
    }

    [Fact]
    public async Task A_step_down_closes_the_old_levels_open_concurrent_review()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await CampusAsync(host);
        var (insured, authorizationId) = await InsuredStayAsync(host, campus);
        var review = await ReviewTaskDueAsync(host, authorizationId);

        await host.SendAsync(host.UtilizationReview, new StepDownPatient(insured.InquiryId, campus.PhpId, FacilityToday(host)));

        Assert.Empty(await OpenReviewTasksAsync(host));
        Assert.Contains($"1 concurrent review closed (stay ended, stepped down to Partial Hospitalization (PHP)): {review.Title}",
            await TimelineAsync(host, insured.InquiryId));
    }

    /// <summary>Today at the campus (Los Angeles), wherever the test clock has been moved.</summary>
    private static DateOnly FacilityToday(TestHost host) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(host.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles")).DateTime);

    [Fact]
    public async Task A_step_down_is_not_a_discharge_disposition_chosen_by_hand()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await CampusAsync(host);
        var (insured, _) = await InsuredStayAsync(host, campus);

        await Assert.ThrowsAsync<RequestValidationException>(() =>
            host.SendAsync(host.Coordinator, new DischargePatient(insured.InquiryId, Today, DischargeDisposition.SteppedDown)));
    }

    [Fact]
    public async Task Those_who_check_patients_in_discharge_them_and_UR_may_plan_and_step_down_but_not_discharge()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await CampusAsync(host);
        var (insured, _) = await InsuredStayAsync(host, campus);
        var stay = (await AdmissionsAsync(host, insured.InquiryId)).Single();

        Assert.Equal(RolesOf<CheckInPatient>(), RolesOf<DischargePatient>());
        foreach (var user in new[] { host.UtilizationReview, host.BusinessDevelopment })
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(user, new DischargePatient(insured.InquiryId, Today, DischargeDisposition.Completed)));
        }

        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.BusinessDevelopment, new PlanDischarge(stay.Id, Today.AddDays(3))));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.BusinessDevelopment, new StepDownPatient(insured.InquiryId, campus.PhpId, Today)));
        await host.SendAsync(host.UtilizationReview, new StepDownPatient(insured.InquiryId, campus.PhpId, Today));
    }

    private static string[] RolesOf<TRequest>() =>
        [.. typeof(TRequest).GetCustomAttributes(typeof(RequiresRoleAttribute), false).Cast<RequiresRoleAttribute>().SelectMany(a => a.Roles).Order(StringComparer.Ordinal)];

    // ---- Step-down ----

    [Fact]
    public async Task A_step_down_to_PHP_ends_the_residential_stay_admits_to_PHP_without_a_bed_and_opens_the_next_authorization_from_the_current_one()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await CampusAsync(host);
        var (insured, residentialId) = await InsuredStayAsync(host, campus);
        host.Clock.Advance(TimeSpan.FromDays(10));
        var day = Today.AddDays(10);

        var outcome = await host.SendAsync(host.UtilizationReview, new StepDownPatient(insured.InquiryId, campus.PhpId, day));

        var admissions = await AdmissionsAsync(host, insured.InquiryId);
        var residential = admissions.Single(a => a.ProgramId == campus.ResidentialId);
        var php = admissions.Single(a => a.ProgramId == campus.PhpId);
        Assert.Equal((AdmissionState.Discharged, day, DischargeDisposition.SteppedDown), (residential.State, residential.DischargedOn, residential.Disposition));
        Assert.Equal((AdmissionState.Admitted, day, (Guid?)null, residential.Id, LevelOfCare.PartialHospitalization),
            (php.State, php.AdmittedOn, php.BedId, php.SteppedDownFromId, php.ProgramLevel));
        Assert.Equal(outcome.AdmissionId, php.Id);
        Assert.Equal(BedState.Cleaning, (await BedAsync(host, campus.BedIds[0])).State);

        var previous = await AuthorizationAsync(host, residentialId);
        Assert.Equal(day, previous.StayEndedOn);
        var next = await AuthorizationAsync(host, outcome.AuthorizationId!.Value);
        Assert.Equal(
            (insured.PolicyId, insured.PayerId, LevelOfCare.PartialHospitalization, day, AuthorizationStatus.Requested, true, residentialId, "F10.20", 20),
            (next.PolicyId, next.PayerId, next.Level, next.AdmissionDate, next.Status, next.AwaitingSubmission, next.PreviousAuthorizationId!.Value, next.Diagnoses, next.RequestedDays));
        Assert.Contains("CERT-RES-1", Assert.Single(next.Notes).Text, StringComparison.Ordinal);

        // UR sees it to send, and the patient still admitted (now in PHP); the residential stay leaves the covered list.
        var board = await host.SendAsync(host.UtilizationReview, new GetUtilizationReviewBoard());
        var toSend = Assert.Single(board.ToSend);
        Assert.Equal((next.Id, true), (toSend.AuthorizationId, toSend.Admitted));
        Assert.Empty(board.Covered);

        var timeline = await TimelineAsync(host, insured.InquiryId);
        Assert.Contains("Stepped down from Adult Residential to Partial Hospitalization (PHP) on 03/20/2026; bed C-1 to cleaning", timeline);
        Assert.Contains("Admitted to Partial Hospitalization (PHP) from 03/20/2026", timeline);
        Assert.Contains(timeline, t => t.StartsWith("Authorization for PHP (partial hospitalization) opened from the Residential one with Aetna, 20 days from 03/20/2026", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_opened_authorization_is_sent_by_UR_with_the_disclosure_recorded_and_then_leaves_the_list_to_send()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await CampusAsync(host);
        var (insured, _) = await InsuredStayAsync(host, campus);
        var outcome = await host.SendAsync(host.UtilizationReview, new StepDownPatient(insured.InquiryId, campus.PhpId, Today));
        var disclosures = (await DisclosuresAsync(host)).Count;

        await host.SendAsync(host.UtilizationReview, new SendAuthorizationRequest(outcome.AuthorizationId!.Value));

        Assert.False((await AuthorizationAsync(host, outcome.AuthorizationId.Value)).AwaitingSubmission);
        Assert.Equal(disclosures + 1, (await DisclosuresAsync(host)).Count);
        Assert.Empty((await host.SendAsync(host.UtilizationReview, new GetUtilizationReviewBoard())).ToSend);
        await Assert.ThrowsAsync<Domain.Common.DomainRuleException>(() => host.SendAsync(host.UtilizationReview, new SendAuthorizationRequest(outcome.AuthorizationId.Value)));
    }

    [Fact]
    public async Task A_self_pay_step_down_opens_no_authorization_and_says_so()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await CampusAsync(host);
        var inquiryId = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        await AdmitAsync(host, campus, inquiryId);

        var outcome = await host.SendAsync(host.Coordinator, new StepDownPatient(inquiryId, campus.IopId, Today));

        Assert.Null(outcome.AuthorizationId);
        Assert.Equal("No authorization opened for IOP (intensive outpatient): the Residential stay had none (self-pay).", outcome.Message);
        Assert.Empty(await host.QueryAsync(db => db.PriorAuthorizations.AsNoTracking().Where(a => a.InquiryId == inquiryId).ToListAsync()));
        Assert.Contains(outcome.Message, await TimelineAsync(host, inquiryId));
    }

    [Fact]
    public async Task A_step_down_to_the_same_level_another_facility_or_a_day_outside_the_stay_is_refused_at_the_field()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await CampusAsync(host);
        var inquiryId = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        await AdmitAsync(host, campus, inquiryId);

        await FieldErrorAsync(() => host.SendAsync(host.Coordinator, new StepDownPatient(inquiryId, campus.ResidentialId, Today)), nameof(StepDownPatient.ProgramId));
        await FieldErrorAsync(() => host.SendAsync(host.Coordinator, new StepDownPatient(inquiryId, campus.PhpId, Today.AddDays(1))), nameof(StepDownPatient.Day));
        await FieldErrorAsync(() => host.SendAsync(host.Coordinator, new StepDownPatient(inquiryId, campus.PhpId, Today.AddDays(-1))), nameof(StepDownPatient.Day));

        Assert.Equal(AdmissionState.Admitted, (await AdmissionsAsync(host, inquiryId)).Single().State);
        Assert.Equal(BedState.Occupied, (await BedAsync(host, campus.BedIds[0])).State);
    }

    // ---- Day-program census ----

    [Fact]
    public async Task A_day_program_counts_a_patient_from_the_day_admitted_and_not_on_the_day_discharged()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await CampusAsync(host);
        var inquiryId = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        await AdmitAsync(host, campus, inquiryId);
        host.Clock.Advance(TimeSpan.FromDays(2));
        await host.SendAsync(host.Coordinator, new StepDownPatient(inquiryId, campus.PhpId, Today.AddDays(2)));
        host.Clock.Advance(TimeSpan.FromDays(3));
        await host.SendAsync(host.Coordinator, new DischargePatient(inquiryId, Today.AddDays(5), DischargeDisposition.Completed));

        Task<int> PhpOn(DateOnly day) => host.QueryAsync(async db =>
            (await DayProgramCensus.CountAsync(db, campus.FacilityId, day, CancellationToken.None)).Single(p => p.ProgramId == campus.PhpId).Patients);
        var counts = new List<int>();
        for (var offset = 1; offset <= 5; offset++)
        {
            counts.Add(await PhpOn(Today.AddDays(offset)));
        }

        Assert.Equal([0, 1, 1, 1, 0], counts);

        // The rule itself, at its edges.
        Assert.True(Admission.InProgramOn(Today, null, Today));
        Assert.True(Admission.InProgramOn(Today, Today.AddDays(1), Today));
        Assert.False(Admission.InProgramOn(Today, Today, Today));
        Assert.False(Admission.InProgramOn(Today.AddDays(1), null, Today));
    }

    [Fact]
    public async Task The_census_dashboard_shows_each_day_program_with_its_patients_today_beside_the_bed_programs()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await CampusAsync(host);
        var inquiryId = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        await AdmitAsync(host, campus, inquiryId);
        await host.SendAsync(host.Coordinator, new StepDownPatient(inquiryId, campus.IopId, Today));

        var census = await host.SendAsync(host.Manager, new GetCensus(new DashboardFilter()));

        Assert.Equal([("Partial Hospitalization (PHP)", 0), ("Intensive Outpatient (IOP)", 1)], census.DayPrograms.Select(p => (p.Program, p.Patients)));
        Assert.Equal(Today, census.DayPrograms[0].Day);
        Assert.Equal("Adult Residential", Assert.Single(census.Programs).Program);
        Assert.Equal(0, census.Occupied);
    }

    [Fact]
    public async Task Day_programs_are_in_the_census_trend_day_by_day_and_in_the_census_CSV()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await CampusAsync(host);
        var inquiryId = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        await AdmitAsync(host, campus, inquiryId);
        await host.SendAsync(host.Coordinator, new StepDownPatient(inquiryId, campus.IopId, Today));
        host.Clock.Advance(TimeSpan.FromDays(2));
        await host.SendAsync(host.Coordinator, new DischargePatient(inquiryId, Today.AddDays(1), DischargeDisposition.Completed));

        var census = await host.SendAsync(host.Manager, new GetCensus(new DashboardFilter()));

        // In IOP on the step-down day; out from the discharge day; the trend stops at today.
        var trend = census.DayProgramTrend.ToDictionary(d => d.Day, d => d.Patients);
        Assert.Equal((0, 1, 0, 0), (trend[Today.AddDays(-1)], trend[Today], trend[Today.AddDays(1)], trend[Today.AddDays(2)]));
        Assert.Equal(Today.AddDays(2), census.DayProgramTrend[^1].Day);

        var csv = System.Text.Encoding.UTF8.GetString((await host.SendAsync(host.Manager, new ExportDashboardCsv(DashboardTable.Census, new DashboardFilter()))).Content);
        var lines = csv.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Program,Level of care,Beds,Occupied,Reserved,Out of service,Occupancy,Patients today", lines[0]);
        Assert.Equal($"Intensive Outpatient (IOP),{LevelsOfCare.Describe(LevelOfCare.IntensiveOutpatient)},,,,,,0", lines[^1]);
        Assert.StartsWith("Adult Residential,", lines[1], StringComparison.Ordinal);
    }
}
