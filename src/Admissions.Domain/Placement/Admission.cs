using Admissions.Domain.Care;
using Admissions.Domain.Common;

namespace Admissions.Domain.Placement;

public enum AdmissionState
{
    Scheduled,
    Admitted,
    NoShow,
    Cancelled,
    Discharged,
}

/// <summary>How a stay ended.</summary>
public enum DischargeDisposition
{
    Completed,
    AgainstMedicalAdvice,
    Administrative,
    Transferred,
    SteppedDown,
}

/// <summary>
/// An admission booked for an inquiry's patient: program, bed, arrival time and who brings them; then
/// checked in (the admitting level of care is fixed), a no-show, or cancelled; an admitted patient is later discharged,
/// or stepped down to a program of another level (a new admission from that day). Only one is scheduled per inquiry at
/// a time; past ones stay as history.
/// </summary>
public sealed class Admission : AggregateRoot, IInquiryRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid InquiryId { get; init; }
    public Guid FacilityId { get; private set; }
    public Guid ProgramId { get; private set; }
    public string ProgramName { get; private set; } = "";
    public LevelOfCare ProgramLevel { get; private set; }

    /// <summary>Null for day programs (PHP, IOP, outpatient), which have no beds.</summary>
    public Guid? BedId { get; private set; }
    public string? BedLabel { get; private set; }

    public DateTimeOffset ScheduledFor { get; private set; }
    public string? ArrivalNotes { get; private set; }
    public string? BroughtBy { get; private set; }

    /// <summary>Why the patient goes to a program of another level than the one decided, when they do.</summary>
    public string? LevelOverrideReason { get; private set; }

    public AdmissionState State { get; private set; }
    public DateTimeOffset ScheduledAt { get; private set; }
    public string ScheduledById { get; private set; } = "";
    public string ScheduledByName { get; private set; } = "";
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedById { get; private set; }
    public string? ClosedByName { get; private set; }

    /// <summary>Why it was a no-show or was cancelled.</summary>
    public string? Outcome { get; private set; }

    /// <summary>The level the patient was admitted at (an ASAM code, or the mental-health criteria's level), fixed at check-in.</summary>
    public string? AdmittingLevelCode { get; private set; }
    public Guid? AdmittingDecisionId { get; private set; }

    /// <summary>The facility day the patient was admitted (checked in, or stepped down into this program).</summary>
    public DateOnly? AdmittedOn { get; private set; }

    /// <summary>The day the team expects the patient to leave; a plan, changed as the stay goes.</summary>
    public DateOnly? PlannedDischargeOn { get; private set; }

    /// <summary>The facility day the patient left (or moved to the next program on a step-down).</summary>
    public DateOnly? DischargedOn { get; private set; }
    public DischargeDisposition? Disposition { get; private set; }

    /// <summary>The admission this one stepped down from, when it is a level-of-care change during the stay.</summary>
    public Guid? SteppedDownFromId { get; private set; }

    public bool IsScheduled => State == AdmissionState.Scheduled;

    public bool IsAdmitted => State == AdmissionState.Admitted;

    /// <summary>
    /// The one census rule: a patient is in the program on <paramref name="day"/> when admitted on or before it and not
    /// discharged on or before it (the day of admission counts, the day of discharge does not, as a midnight census).
    /// </summary>
    public static bool InProgramOn(DateOnly? admittedOn, DateOnly? dischargedOn, DateOnly day) =>
        admittedOn <= day && (dischargedOn is null || dischargedOn > day);

    public bool InProgramOn(DateOnly day) => InProgramOn(AdmittedOn, DischargedOn, day);

    /// <summary>
    /// An admitted patient moves to another program of the facility from <paramref name="day"/>: a new admission, admitted
    /// that day, at the new program's level. The caller discharges this one as stepped down.
    /// </summary>
    public Admission StepDownTo(AdmissionPlan plan, DateOnly day, Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        RequireAdmitted("stepped down");
        if (plan.ProgramId == ProgramId)
        {
            throw new DomainRuleException($"The patient is already in {ProgramName}; choose the next program.");
        }

        EnsureStayDay(day, "step-down");
        var next = Schedule(InquiryId, plan, by, now);
        next.State = AdmissionState.Admitted;
        next.AdmittedOn = day;
        next.AdmittingLevelCode = AdmittingLevelCode;
        next.AdmittingDecisionId = AdmittingDecisionId;
        next.SteppedDownFromId = Id;
        next.PlannedDischargeOn = PlannedDischargeOn > day ? PlannedDischargeOn : null;
        next.Close(null, by, now);
        return next;
    }

    /// <summary>The planned discharge day (or none): not before the admission day.</summary>
    public void PlanDischarge(DateOnly? day, DateOnly scheduledDay)
    {
        if (State is not (AdmissionState.Scheduled or AdmissionState.Admitted))
        {
            throw new DomainRuleException($"This admission is {Describe(State).ToLowerInvariant()}; its discharge cannot be planned.");
        }

        var first = AdmittedOn ?? scheduledDay;
        if (day < first)
        {
            throw new DomainRuleException($"The planned discharge cannot be before the admission day, {Day(first)}.");
        }

        PlannedDischargeOn = day;
    }

    /// <summary>The patient left on <paramref name="day"/> (not before the admission day; the caller keeps it out of the future).</summary>
    public void Discharge(DateOnly day, DischargeDisposition disposition, string? note, Actor by, DateTimeOffset now)
    {
        RequireAdmitted("discharged");
        EnsureStayDay(day, "discharge");
        State = AdmissionState.Discharged;
        DischargedOn = day;
        Disposition = disposition;
        Close(note, by, now);
    }

    public static Admission Schedule(Guid inquiryId, AdmissionPlan plan, Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(by);
        var admission = new Admission
        {
            InquiryId = inquiryId,
            State = AdmissionState.Scheduled,
            ScheduledAt = now,
            ScheduledById = by.Id,
            ScheduledByName = by.Name,
        };
        admission.Apply(plan);
        return admission;
    }

    /// <summary>A new date, program or bed for a scheduled admission.</summary>
    public void Reschedule(AdmissionPlan plan, Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        RequireScheduled("rescheduled");
        Apply(plan);
        ScheduledAt = now;
        ScheduledById = by.Id;
        ScheduledByName = by.Name;
    }

    /// <summary>The bed board moved the inquiry's reservation to another bed of the same program.</summary>
    public void MoveToBed(Guid bedId, string bedLabel)
    {
        RequireScheduled("moved to another bed");
        BedId = bedId;
        BedLabel = bedLabel;
    }

    /// <summary>The patient arrived: admitted at the level of care decided for them, which is fixed from now on.</summary>
    public void CheckIn(LevelOfCareDecision? admittingLevel, DateOnly admittedOn, Actor by, DateTimeOffset now)
    {
        RequireScheduled("checked in");
        State = AdmissionState.Admitted;
        AdmittedOn = admittedOn;
        if (PlannedDischargeOn < admittedOn)
        {
            PlannedDischargeOn = null;
        }

        AdmittingLevelCode = admittingLevel?.LevelCode;
        AdmittingDecisionId = admittingLevel?.Id;
        Close(null, by, now);
    }

    public void RecordNoShow(string? note, Actor by, DateTimeOffset now)
    {
        RequireScheduled("recorded as a no-show");
        if (now < ScheduledFor)
        {
            throw new DomainRuleException("The patient is not due yet; record a no-show after the admission time.");
        }

        State = AdmissionState.NoShow;
        Close(note, by, now);
    }

    public void Cancel(string reason, Actor by, DateTimeOffset now)
    {
        RequireScheduled("cancelled");
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        State = AdmissionState.Cancelled;
        Close(reason, by, now);
    }

    private void Apply(AdmissionPlan plan)
    {
        FacilityId = plan.FacilityId;
        ProgramId = plan.ProgramId;
        ProgramName = plan.ProgramName;
        ProgramLevel = plan.ProgramLevel;
        BedId = plan.BedId;
        BedLabel = plan.BedLabel;
        ScheduledFor = plan.ScheduledFor;
        ArrivalNotes = Clean(plan.ArrivalNotes);
        BroughtBy = Clean(plan.BroughtBy);
        LevelOverrideReason = Clean(plan.LevelOverrideReason);
    }

    private void Close(string? outcome, Actor by, DateTimeOffset now)
    {
        Outcome = Clean(outcome);
        ClosedAt = now;
        ClosedById = by.Id;
        ClosedByName = by.Name;
    }

    private void EnsureStayDay(DateOnly day, string what)
    {
        if (AdmittedOn is { } admitted && day < admitted)
        {
            throw new DomainRuleException($"The {what} day cannot be before the admission day, {Day(admitted)}.");
        }
    }

    private void RequireAdmitted(string action)
    {
        if (State != AdmissionState.Admitted)
        {
            throw new DomainRuleException($"This admission is {Describe(State).ToLowerInvariant()}; it cannot be {action}.");
        }
    }

    private void RequireScheduled(string action)
    {
        if (State != AdmissionState.Scheduled)
        {
            throw new DomainRuleException($"This admission is {Describe(State).ToLowerInvariant()}; it cannot be {action}.");
        }
    }

    private static string Day(DateOnly day) => day.ToString("MM/dd/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static string Describe(AdmissionState state) => state switch
    {
        AdmissionState.Scheduled => "Scheduled",
        AdmissionState.Admitted => "Admitted",
        AdmissionState.NoShow => "No-show",
        AdmissionState.Cancelled => "Cancelled",
        AdmissionState.Discharged => "Discharged",
        _ => state.ToString(),
    };

    public static string Describe(DischargeDisposition disposition) => disposition switch
    {
        DischargeDisposition.Completed => "Completed treatment",
        DischargeDisposition.AgainstMedicalAdvice => "Against medical advice",
        DischargeDisposition.Administrative => "Administrative",
        DischargeDisposition.Transferred => "Transferred",
        DischargeDisposition.SteppedDown => "Stepped down",
        _ => disposition.ToString(),
    };
}

/// <summary>Where and when a patient is to be admitted.</summary>
public sealed record AdmissionPlan(
    Guid FacilityId, Guid ProgramId, string ProgramName, LevelOfCare ProgramLevel, Guid? BedId, string? BedLabel,
    DateTimeOffset ScheduledFor, string? ArrivalNotes, string? BroughtBy, string? LevelOverrideReason);
