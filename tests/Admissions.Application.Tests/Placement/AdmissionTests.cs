using Admissions.Application.Care;
using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Application.Placement;
using Admissions.Application.Screening;
using Admissions.Domain.Care;
using Admissions.Domain.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Placement;
using Admissions.Domain.Screening;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.Placement;

public class AdmissionTests
{
    private static readonly DimensionRatingsForm AllOne = new(1, 1, 1, 1, 1, 1);
    private static readonly DateTimeOffset Tomorrow = TestHost.StartTime.AddDays(1);

    /// <summary>An inquiry walked to Approved, with detox decided by a clinician: ready to schedule into the campus's detox program.</summary>
    private static async Task<Guid> ApprovedAsync(TestHost host, bool decide = true, string first = "Sam")
    {
        var inquiryId = (await host.CreateInquiryAsync(TestForms.Valid(f => f.PatientFirstName = first), allowDuplicates: true)).InquiryId!.Value;
        await WalkToApprovedAsync(host, inquiryId);

        if (decide)
        {
            await host.SendAsync(host.Clinician, new DecideLevelOfCare(inquiryId, new ClinicalPictureForm(), AllOne, AsamEdition.Third, "3.7-WM", "Daily drinking, shakes in the morning"));
        }

        return inquiryId;
    }

    internal static async Task WalkToApprovedAsync(TestHost host, Guid inquiryId)
    {
        foreach (var stage in new[] { InquiryStage.Contacted, InquiryStage.PreScreening, InquiryStage.ClinicalReview })
        {
            await host.SendAsync(host.Coordinator, new MoveInquiryStage(inquiryId, stage));
        }

        // Approval is a clinical decision.
        await host.SendAsync(host.Clinician, new MoveInquiryStage(inquiryId, InquiryStage.Approved));
    }

    /// <summary>Walks an inquiry through approval, a detox decision, a booking an hour from now and check-in.</summary>
    internal static async Task AdmitAsync(TestHost host, Guid inquiryId)
    {
        var campus = await Campus.CreateAsync(host);
        await WalkToApprovedAsync(host, inquiryId);
        await host.SendAsync(host.Clinician, new DecideLevelOfCare(inquiryId, new ClinicalPictureForm(), AllOne, AsamEdition.Third, "3.7-WM", "Daily drinking"));
        await host.SendAsync(host.Coordinator, new ScheduleAdmission(inquiryId, campus.ProgramId, campus.BedIds[0], host.Clock.GetUtcNow().AddHours(1)));
        await host.SendAsync(host.Coordinator, new CheckInPatient(inquiryId));
    }

    private static Task<ScheduledAdmission> ScheduleAsync(TestHost host, Campus campus, Guid inquiryId, int bed = 0, DateTimeOffset? at = null, TestUser? user = null) =>
        host.SendAsync(user ?? host.Coordinator, new ScheduleAdmission(inquiryId, campus.ProgramId, campus.BedIds[bed], at ?? Tomorrow, "Flight lands 9:40", "Mother (Ana)"));

    private static Task<Inquiry> InquiryAsync(TestHost host, Guid id) => host.QueryAsync(db => db.Inquiries.AsNoTracking().SingleAsync(i => i.Id == id));

    private static Task<Bed> BedAsync(TestHost host, Guid id) => host.QueryAsync(db => db.Beds.AsNoTracking().SingleAsync(b => b.Id == id));

    private static Task<List<Admission>> AdmissionsAsync(TestHost host, Guid inquiryId) =>
        host.QueryAsync(db => db.Admissions.AsNoTracking().Where(a => a.InquiryId == inquiryId).ToListAsync());

    [Fact]
    public async Task Scheduling_books_the_program_holds_the_bed_until_the_arrival_window_ends_and_moves_the_stage()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await Campus.CreateAsync(host);
        var inquiryId = await ApprovedAsync(host);

        var scheduled = await ScheduleAsync(host, campus, inquiryId);

        Assert.Equal(("Medical Detox", "D-1"), (scheduled.ProgramName, scheduled.BedLabel));
        var admission = Assert.Single(await AdmissionsAsync(host, inquiryId));
        Assert.Equal((AdmissionState.Scheduled, Tomorrow, "Mother (Ana)", "Flight lands 9:40"), (admission.State, admission.ScheduledFor, admission.BroughtBy, admission.ArrivalNotes));
        var bed = await BedAsync(host, campus.BedIds[0]);
        Assert.Equal((BedState.Reserved, inquiryId, Tomorrow + AdmissionRules.ArrivalWindow), (bed.State, bed.ReservedForInquiryId!.Value, bed.ReservedUntil!.Value));
        Assert.Equal(InquiryStage.AdmissionScheduled, (await InquiryAsync(host, inquiryId)).Stage);
        Assert.Contains(await host.QueryAsync(db => db.InquiryActivities.Where(a => a.InquiryId == inquiryId).Select(a => a.Summary).ToListAsync()),
            s => s == "Admission scheduled: Medical Detox, bed D-1, Mar 11, 7:00 AM");
        Assert.Contains(inquiryId, host.Live.InquiriesChanged);
    }

    [Fact]
    public async Task An_open_safety_alert_blocks_scheduling_until_a_clinician_records_a_disposition()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await Campus.CreateAsync(host);
        var inquiryId = await ApprovedAsync(host);
        var phq9 = Enumerable.Range(1, 9).ToDictionary(i => $"q{i}", i => i == 9 ? 1 : 0);
        await host.SendAsync(host.Coordinator, new SaveScreening(inquiryId, null, InstrumentCode.Phq9, phq9, Complete: true));

        var planning = await host.SendAsync(host.Coordinator, new GetAdmissionPlanning(inquiryId));
        Assert.True(planning.HasOpenSafetyAlert);
        Assert.StartsWith("A safety alert is open", planning.ScheduleBlockedBecause, StringComparison.Ordinal);
        var blocked = await Assert.ThrowsAsync<DomainRuleException>(() => ScheduleAsync(host, campus, inquiryId));
        Assert.Equal("A safety alert is open: a clinician must record a safety disposition before an admission is scheduled.", blocked.Message);
        Assert.Empty(await AdmissionsAsync(host, inquiryId));
        Assert.Equal(BedState.Available, (await BedAsync(host, campus.BedIds[0])).State);

        var alertId = await host.QueryAsync(db => db.SafetyAlerts.Where(a => a.InquiryId == inquiryId).Select(a => a.Id).SingleAsync());
        await host.SendAsync(host.Clinician, new RecordSafetyDisposition(alertId, SafetyDisposition.SafeToContinue, "Passive ideation, safety plan made, 988 given"));

        await ScheduleAsync(host, campus, inquiryId);
        Assert.Equal(InquiryStage.AdmissionScheduled, (await InquiryAsync(host, inquiryId)).Stage);
    }

    [Fact]
    public async Task A_program_at_another_level_needs_an_override_reason_which_is_kept()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await Campus.CreateAsync(host);
        var inquiryId = (await ApprovedAsync(host, decide: false));
        await host.SendAsync(host.Clinician, new DecideLevelOfCare(inquiryId, new ClinicalPictureForm(), AllOne, AsamEdition.Third, "3.5", "Unsafe home"));

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => ScheduleAsync(host, campus, inquiryId));
        Assert.Equal("The decided level of care is Residential (ASAM 3.5); this program is Detox (withdrawal management). Give a reason to place the patient in this program anyway.", refused.Message);

        await host.SendAsync(host.Coordinator, new ScheduleAdmission(inquiryId, campus.ProgramId, campus.BedIds[0], Tomorrow, LevelOverrideReason: "Detox first while a residential bed opens"));

        Assert.Equal("Detox first while a residential bed opens", Assert.Single(await AdmissionsAsync(host, inquiryId)).LevelOverrideReason);
    }

    [Fact]
    public async Task Warnings_do_not_block_but_are_returned_and_written_on_the_timeline()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await Campus.CreateAsync(host);
        var inquiryId = await ApprovedAsync(host, decide: false);

        var scheduled = await ScheduleAsync(host, campus, inquiryId);

        Assert.Contains(scheduled.Warnings, w => w.StartsWith("No level of care decided yet", StringComparison.Ordinal));
        Assert.Contains(scheduled.Warnings, w => w.StartsWith("No insurance on file", StringComparison.Ordinal));
        var entry = await host.QueryAsync(db => db.InquiryActivities.SingleAsync(a => a.InquiryId == inquiryId && a.Summary.StartsWith("Admission scheduled")));
        Assert.Contains("Warning: No level of care decided yet", entry.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scheduling_needs_an_approved_inquiry_and_a_bed_of_the_program()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await Campus.CreateAsync(host);
        var fresh = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;

        var early = await Assert.ThrowsAsync<DomainRuleException>(() => ScheduleAsync(host, campus, fresh));
        Assert.EndsWith("is in New; move it to Approved when clinical review is done, then schedule the admission.", early.Message, StringComparison.Ordinal);

        var approved = await ApprovedAsync(host, first: "Alex");
        var noBed = await Assert.ThrowsAsync<DomainRuleException>(() =>
            host.SendAsync(host.Coordinator, new ScheduleAdmission(approved, campus.ProgramId, null, Tomorrow)));
        Assert.Equal("Choose a bed in Medical Detox.", noBed.Message);

        var past = await Assert.ThrowsAsync<RequestValidationException>(() => ScheduleAsync(host, campus, approved, at: TestHost.StartTime.AddHours(-2)));
        Assert.Contains("The admission time has passed; choose a time from now on.", past.Errors[nameof(ScheduleAdmission.ScheduledFor)]);
    }

    [Fact]
    public async Task The_pipeline_stage_move_cannot_skip_the_admission_workflow()
    {
        await using var host = await TestHost.StartAsync();
        var inquiryId = await ApprovedAsync(host);

        var schedule = await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(host.Coordinator, new MoveInquiryStage(inquiryId, InquiryStage.AdmissionScheduled)));
        var referOut = await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(host.Coordinator, new MoveInquiryStage(inquiryId, InquiryStage.ReferredOut)));

        Assert.StartsWith("Schedule the admission on the Admission tab", schedule.Message, StringComparison.Ordinal);
        Assert.StartsWith("Refer out on the Admission tab", referOut.Message, StringComparison.Ordinal);
        Assert.Equal([InquiryStage.AdmissionScheduled], InquiryStageMachine.NextStages(InquiryStage.Approved).Except([InquiryStage.NotAdmitted, InquiryStage.ReferredOut]));
        Assert.Equal([InquiryStage.NotAdmitted], (await host.SendAsync(host.Coordinator, new GetInquiry(inquiryId))).NextStages);
    }

    [Fact]
    public async Task Check_in_admits_occupies_the_bed_and_fixes_the_admitting_level()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await Campus.CreateAsync(host);
        var inquiryId = await ApprovedAsync(host);
        await ScheduleAsync(host, campus, inquiryId);
        host.Clock.Advance(TimeSpan.FromHours(25));

        await host.SendAsync(host.Coordinator, new CheckInPatient(inquiryId));

        var inquiry = await InquiryAsync(host, inquiryId);
        Assert.Equal(InquiryStage.Admitted, inquiry.Stage);
        var bed = await BedAsync(host, campus.BedIds[0]);
        Assert.Equal((BedState.Occupied, inquiryId), (bed.State, bed.OccupiedByInquiryId!.Value));
        var admission = Assert.Single(await AdmissionsAsync(host, inquiryId));
        Assert.Equal((AdmissionState.Admitted, "3.7-WM"), (admission.State, admission.AdmittingLevelCode));
        var history = await host.QueryAsync(db => db.LevelOfCareHistories.AsNoTracking().SingleAsync(h => h.InquiryId == inquiryId));
        Assert.Equal(admission.AdmittingDecisionId, history.AdmittingDecisionId);
        Assert.Equal(host.Clock.GetUtcNow(), history.AdmittedAt);
        var board = await host.SendAsync(host.Manager, new GetBedBoard());
        Assert.Equal((1, 0), (board.Census.Single().Occupied, board.Census.Single().Reserved));

        // A later reassessment is a change; the admitting level stays.
        await host.SendAsync(host.Clinician, new DecideLevelOfCare(inquiryId, new ClinicalPictureForm(), AllOne, AsamEdition.Third, "3.5", "Stepped down after detox"));
        var overview = await host.SendAsync(host.Clinician, new GetLevelOfCare(inquiryId));
        Assert.Equal("3.5", overview.Decisions[^1].Level!.Code);
        history = await host.QueryAsync(db => db.LevelOfCareHistories.AsNoTracking().SingleAsync(h => h.InquiryId == inquiryId));
        Assert.Equal("3.7-WM", history.Admitting!.Level!.Code);
    }

    [Fact]
    public async Task Check_in_needs_a_level_of_care_decision()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await Campus.CreateAsync(host);
        var inquiryId = await ApprovedAsync(host, decide: false);
        await ScheduleAsync(host, campus, inquiryId);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(host.Coordinator, new CheckInPatient(inquiryId)));

        Assert.Equal("A clinician must decide the level of care before the patient is checked in.", refused.Message);
        Assert.Equal(BedState.Reserved, (await BedAsync(host, campus.BedIds[0])).State);
        Assert.Equal(InquiryStage.AdmissionScheduled, (await InquiryAsync(host, inquiryId)).Stage);
    }

    [Fact]
    public async Task A_no_show_frees_the_bed_returns_to_approved_and_leaves_one_task()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await Campus.CreateAsync(host);
        var inquiryId = await ApprovedAsync(host);
        await ScheduleAsync(host, campus, inquiryId);

        var early = await Assert.ThrowsAsync<DomainRuleException>(() => host.SendAsync(host.Coordinator, new RecordNoShow(inquiryId)));
        Assert.Equal("The patient is not due yet; record a no-show after the admission time.", early.Message);

        host.Clock.Advance(TimeSpan.FromHours(27));
        await host.SendAsync(host.Coordinator, new RecordNoShow(inquiryId, "Phone off"));

        Assert.Equal(BedState.Available, (await BedAsync(host, campus.BedIds[0])).State);
        Assert.Equal(InquiryStage.Approved, (await InquiryAsync(host, inquiryId)).Stage);
        var admission = Assert.Single(await AdmissionsAsync(host, inquiryId));
        Assert.Equal((AdmissionState.NoShow, "Phone off"), (admission.State, admission.Outcome));
        var task = Assert.Single(await host.QueryAsync(db => db.FollowUpTasks.Where(t => t.InquiryId == inquiryId && t.Kind == FollowUpKind.NoShow).ToListAsync()));
        Assert.Equal(TaskPriority.High, task.Priority);

        // Rebooking makes a new admission; the no-show stays as history.
        await ScheduleAsync(host, campus, inquiryId, bed: 1, at: host.Clock.GetUtcNow().AddDays(1));
        var planning = await host.SendAsync(host.Coordinator, new GetAdmissionPlanning(inquiryId));
        Assert.Equal("D-2", planning.Current!.BedLabel);
        Assert.Equal(AdmissionState.NoShow, Assert.Single(planning.Past).State);
    }

    [Fact]
    public async Task Rescheduling_moves_the_booking_and_the_bed()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await Campus.CreateAsync(host);
        var inquiryId = await ApprovedAsync(host);
        await ScheduleAsync(host, campus, inquiryId);

        await ScheduleAsync(host, campus, inquiryId, bed: 2, at: Tomorrow.AddDays(1));

        var admission = Assert.Single(await AdmissionsAsync(host, inquiryId));
        Assert.Equal(("D-3", Tomorrow.AddDays(1)), (admission.BedLabel, admission.ScheduledFor));
        Assert.Equal(BedState.Available, (await BedAsync(host, campus.BedIds[0])).State);
        Assert.Equal(inquiryId, (await BedAsync(host, campus.BedIds[2])).ReservedForInquiryId);

        // Moving the reservation on the bed board moves the booking's bed too.
        await host.SendAsync(host.Coordinator, new ReserveBed(campus.BedIds[1], inquiryId, Tomorrow.AddDays(2)));
        Assert.Equal("D-2", Assert.Single(await AdmissionsAsync(host, inquiryId)).BedLabel);
    }

    [Fact]
    public async Task Not_admitted_cancels_the_booking_and_releases_the_bed()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await Campus.CreateAsync(host);
        var inquiryId = await ApprovedAsync(host);
        await ScheduleAsync(host, campus, inquiryId);

        await host.SendAsync(host.Coordinator, new MoveInquiryStage(inquiryId, InquiryStage.NotAdmitted, NotAdmittedReason.ChoseAnotherProvider));

        Assert.Equal((AdmissionState.Cancelled, "not admitted: chose another provider"), Assert.Single(await AdmissionsAsync(host, inquiryId)) is var a ? (a.State, a.Outcome) : default);
        Assert.Equal(BedState.Available, (await BedAsync(host, campus.BedIds[0])).State);
    }

    [Fact]
    public async Task Referring_out_names_the_partner_cancels_the_booking_and_closes_the_inquiry()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await Campus.CreateAsync(host);
        var partner = await host.SendAsync(host.Manager, new SavePartnerFacility(null, new PartnerForm
        {
            Name = "Summit Ridge Hospital",
            Levels = [LevelOfCare.WithdrawalManagement],
            City = "Sacramento",
            State = "ca",
            IntakePhone = "916-555-0187",
        }));
        var inquiryId = await ApprovedAsync(host);
        await ScheduleAsync(host, campus, inquiryId);

        await host.SendAsync(host.Clinician, new ReferOut(inquiryId, partner, "Needs medically managed withdrawal (4-WM)", ShareRecords: false));

        var inquiry = await InquiryAsync(host, inquiryId);
        Assert.Equal(InquiryStage.ReferredOut, inquiry.Stage);
        var referral = await host.QueryAsync(db => db.OutboundReferrals.AsNoTracking().SingleAsync(r => r.InquiryId == inquiryId));
        Assert.Equal(("Summit Ridge Hospital", "Needs medically managed withdrawal (4-WM)", host.Clinician.Name), (referral.PartnerName, referral.Reason, referral.ReferredByName));
        Assert.Equal(AdmissionState.Cancelled, Assert.Single(await AdmissionsAsync(host, inquiryId)).State);
        Assert.Equal(BedState.Available, (await BedAsync(host, campus.BedIds[0])).State);
        Assert.Equal("Summit Ridge Hospital", (await host.SendAsync(host.Coordinator, new GetAdmissionPlanning(inquiryId))).Referral!.PartnerName);
        Assert.Equal("CA", (await host.SendAsync(host.BusinessDevelopment, new ListPartnerFacilities())).Single().State);
    }

    [Fact]
    public async Task Partner_validation_and_roles()
    {
        await using var host = await TestHost.StartAsync();

        var invalid = await Assert.ThrowsAsync<RequestValidationException>(() =>
            host.SendAsync(host.Manager, new SavePartnerFacility(null, new PartnerForm { Name = " ", State = "XX", IntakePhone = "12" })));
        Assert.Contains("Enter the partner's name.", invalid.Errors["Form.Name"]);
        Assert.Contains("Choose at least one level of care the partner offers.", invalid.Errors["Form.Levels"]);
        Assert.Contains("Use a two-letter US state code.", invalid.Errors["Form.State"]);
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            host.SendAsync(host.Coordinator, new SavePartnerFacility(null, new PartnerForm { Name = "X", Levels = [LevelOfCare.Outpatient] })));
        await Assert.ThrowsAsync<ForbiddenException>(() => host.SendAsync(host.BusinessDevelopment, new GetAdmissionPlanning(Guid.NewGuid())));
    }

    [Fact]
    public async Task Two_coordinators_booking_the_last_bed_at_once_one_wins_and_the_other_is_told()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await Campus.CreateAsync(host, beds: 1);
        var first = await ApprovedAsync(host, first: "Sam");
        var second = await ApprovedAsync(host, first: "Alex");

        async Task<Exception?> Try(TestUser user, Guid inquiryId)
        {
            try
            {
                await ScheduleAsync(host, campus, inquiryId, user: user);
                return null;
            }
            catch (Exception ex)
            {
                return ex;
            }
        }

        var outcomes = await Task.WhenAll(Try(host.Coordinator, first), Try(host.Coordinator2, second));

        Assert.Single(outcomes, o => o is null);
        var loser = Assert.IsType<DomainRuleException>(Assert.Single(outcomes, o => o is not null));
        Assert.Equal(Placements.BedTakenMessage, loser.Message);
        var winner = outcomes[0] is null ? first : second;
        var other = winner == first ? second : first;
        Assert.Equal(winner, (await BedAsync(host, campus.BedIds[0])).ReservedForInquiryId);
        Assert.Single(await AdmissionsAsync(host, winner));
        Assert.Empty(await AdmissionsAsync(host, other));
        Assert.Equal(InquiryStage.Approved, (await InquiryAsync(host, other)).Stage);
        Assert.Empty((await host.SendAsync(host.Coordinator, new GetAdmissionPlanning(other))).Programs.Single().FreeBeds);
    }
}
