using Admissions.Domain.Care;
using Admissions.Domain.Common;
using Admissions.Domain.Placement;
using static Admissions.Domain.Tests.Care.CareTestData;

namespace Admissions.Domain.Tests.Placement;

public class AdmissionTests
{
    private static readonly Actor Casey = new("u1", "Casey Nguyen");
    private static readonly DateTimeOffset Arrival = Now.AddDays(1);

    private static AdmissionPlan Plan(DateTimeOffset? at = null, string? bed = "C-3") =>
        new(Guid.NewGuid(), Guid.NewGuid(), "Adult Residential", LevelOfCare.Residential, bed is null ? null : Guid.NewGuid(), bed,
            at ?? Arrival, "  Flight lands 9:40; pickup by driver ", " Mother (Ana) ", "   ");

    [Fact]
    public void Scheduling_keeps_the_plan_trimmed_and_who_booked_it()
    {
        var admission = Admission.Schedule(Guid.NewGuid(), Plan(), Casey, Now);

        Assert.Equal(AdmissionState.Scheduled, admission.State);
        Assert.Equal(("Flight lands 9:40; pickup by driver", "Mother (Ana)", null), (admission.ArrivalNotes, admission.BroughtBy, admission.LevelOverrideReason));
        Assert.Equal(("u1", "Casey Nguyen", Now), (admission.ScheduledById, admission.ScheduledByName, admission.ScheduledAt));
    }

    [Fact]
    public void Check_in_fixes_the_admitting_level()
    {
        var admission = Admission.Schedule(Guid.NewGuid(), Plan(), Casey, Now);
        var history = new LevelOfCareHistory(admission.InquiryId);
        history.Decide(Recommend(Quiet, Ratings(d4: 2)), Clinician, Now);
        history.Change(Recommend(Quiet, Ratings(d5: 3)), Clinician, Now.AddHours(1));

        var level = history.FixAdmitting(Arrival);
        admission.CheckIn(level, DateOnly.FromDateTime(Arrival.UtcDateTime), Casey, Arrival);

        Assert.Equal(AdmissionState.Admitted, admission.State);
        Assert.Equal(DateOnly.FromDateTime(Arrival.UtcDateTime), admission.AdmittedOn);
        Assert.Equal("3.5", admission.AdmittingLevelCode);
        Assert.Same(history.Current, history.Admitting);
        Assert.Throws<DomainRuleException>(() => history.FixAdmitting(Arrival.AddDays(1)));
        Assert.Throws<DomainRuleException>(() => admission.CheckIn(level, DateOnly.FromDateTime(Arrival.UtcDateTime), Casey, Arrival));
    }

    [Fact]
    public void Later_changes_do_not_move_the_fixed_admitting_level()
    {
        var history = new LevelOfCareHistory(Guid.NewGuid());
        history.Decide(Recommend(Quiet, Ratings(d5: 3)), Clinician, Now);
        var admitting = history.FixAdmitting(Arrival);

        history.Change(Recommend(Quiet, Ratings(d4: 2)), Clinician, Arrival.AddDays(10));

        Assert.Same(admitting, history.Admitting);
        Assert.NotSame(admitting, history.Current);
    }

    [Fact]
    public void Check_in_needs_a_decision()
    {
        var history = new LevelOfCareHistory(Guid.NewGuid());

        var refused = Assert.Throws<DomainRuleException>(() => history.FixAdmitting(Arrival));

        Assert.Equal("A clinician must decide the level of care before the patient is checked in.", refused.Message);
    }

    [Fact]
    public void A_no_show_is_recorded_only_after_the_arrival_time()
    {
        var admission = Admission.Schedule(Guid.NewGuid(), Plan(), Casey, Now);

        Assert.Throws<DomainRuleException>(() => admission.RecordNoShow(null, Casey, Arrival.AddMinutes(-1)));
        admission.RecordNoShow("  No answer at the airport ", Casey, Arrival.AddHours(2));

        Assert.Equal((AdmissionState.NoShow, "No answer at the airport", Arrival.AddHours(2)), (admission.State, admission.Outcome, admission.ClosedAt));
    }

    [Fact]
    public void Closed_admissions_cannot_be_changed()
    {
        var admission = Admission.Schedule(Guid.NewGuid(), Plan(), Casey, Now);
        admission.Cancel("referred out", Casey, Now.AddHours(1));

        var refused = Assert.Throws<DomainRuleException>(() => admission.Reschedule(Plan(Arrival.AddDays(1)), Casey, Now.AddHours(2)));
        Assert.Equal("This admission is cancelled; it cannot be rescheduled.", refused.Message);
        Assert.Throws<DomainRuleException>(() => admission.MoveToBed(Guid.NewGuid(), "C-4"));
    }

    [Fact]
    public void Rescheduling_replaces_the_plan()
    {
        var admission = Admission.Schedule(Guid.NewGuid(), Plan(), Casey, Now);

        admission.Reschedule(Plan(Arrival.AddDays(2), bed: null) with { LevelOverrideReason = "Bed shortage" }, new Actor("u2", "Jordan"), Now.AddHours(3));

        Assert.Equal((Arrival.AddDays(2), (string?)null, "Bed shortage", "Jordan"), (admission.ScheduledFor, admission.BedLabel, admission.LevelOverrideReason, admission.ScheduledByName));
    }

    [Fact]
    public void A_referral_needs_an_active_partner_and_a_reason()
    {
        var partner = new PartnerFacility { Name = "Summit Ridge Hospital", Levels = [LevelOfCare.WithdrawalManagement] };

        var referral = OutboundReferral.To(partner, Guid.NewGuid(), "  Needs 4-WM ", Casey, Now);

        Assert.Equal(("Summit Ridge Hospital", "Needs 4-WM"), (referral.PartnerName, referral.Reason));
        Assert.Throws<DomainRuleException>(() => OutboundReferral.To(partner, Guid.NewGuid(), " ", Casey, Now));
        partner.IsActive = false;
        Assert.Throws<DomainRuleException>(() => OutboundReferral.To(partner, Guid.NewGuid(), "x", Casey, Now));
    }
}
