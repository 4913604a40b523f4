using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Care;
using Admissions.Domain.Common;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Placement;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Placement;

public sealed record ScheduledAdmission(Guid AdmissionId, string ProgramName, string? BedLabel, DateTimeOffset ScheduledFor, IReadOnlyList<string> Warnings);

/// <summary>
/// Books an approved inquiry's admission: program, bed (residential and detox programs), arrival time, who brings the
/// patient and travel notes. The bed is held until the end of the admission window. The program fit checks run
/// again here: an open safety alert refuses, a level-of-care mismatch needs <see cref="LevelOverrideReason"/>, and
/// the other warnings are written on the timeline. Scheduling again reschedules the same admission.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator)]
public sealed record ScheduleAdmission(
    Guid InquiryId, Guid ProgramId, Guid? BedId, DateTimeOffset ScheduledFor,
    string? ArrivalNotes = null, string? BroughtBy = null, string? LevelOverrideReason = null) : ICommand<ScheduledAdmission>;

public sealed class ScheduleAdmissionValidator : AbstractValidator<ScheduleAdmission>
{
    public ScheduleAdmissionValidator(TimeProvider clock)
    {
        RuleFor(c => c.InquiryId).NotEmpty();
        RuleFor(c => c.ProgramId).NotEmpty().WithMessage("Choose a program.");
        RuleFor(c => c.ScheduledFor)
            .Must(at => at >= clock.GetUtcNow() - AdmissionRules.ArrivalGrace).WithMessage("The admission time has passed; choose a time from now on.")
            .Must(at => at <= clock.GetUtcNow() + AdmissionRules.Horizon).WithMessage("Admissions can be scheduled up to 90 days ahead.");
        RuleFor(c => c.ArrivalNotes).MaximumLength(2000);
        RuleFor(c => c.BroughtBy).MaximumLength(200);
        RuleFor(c => c.LevelOverrideReason).MaximumLength(2000);
    }
}

public sealed class ScheduleAdmissionHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ScheduleAdmission, ScheduledAdmission>
{
    public async ValueTask<ScheduledAdmission> Handle(ScheduleAdmission command, CancellationToken cancellationToken)
    {
        ScheduledAdmission scheduled;
        try
        {
            scheduled = await SaveConflicts.RetryAsync(() => ScheduleAsync(command, cancellationToken), attempts: 3);
        }
        catch (DbUpdateException ex) when (SaveRaces.Lost(ex))
        {
            throw new DomainRuleException(Placements.BedTakenMessage);
        }

        return scheduled;
    }

    private async ValueTask<ScheduledAdmission> ScheduleAsync(ScheduleAdmission command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var actor = user.Actor();
        var inquiry = await InquiryChanges.LoadAsync(db, command.InquiryId, cancellationToken);
        AdmissionRules.RequireSchedulable(inquiry);

        var program = await db.TreatmentPrograms.AsNoTracking().FirstOrDefaultAsync(p => p.Id == command.ProgramId && p.IsActive, cancellationToken)
            ?? throw new NotFoundException("The program");
        var facility = await db.Facilities.AsNoTracking().FirstAsync(f => f.Id == program.FacilityId, cancellationToken);
        var candidate = await PlacementCandidates.LoadAsync(db, inquiry, cancellationToken);
        var findings = ProgramFit.Check(program, candidate, facility.DayAt(command.ScheduledFor));
        var overrideReason = string.IsNullOrWhiteSpace(command.LevelOverrideReason) ? null : command.LevelOverrideReason.Trim();
        if (!ProgramFit.Allows(findings, overrideReason is not null))
        {
            var stop = findings.First(f => f.Severity is FitSeverity.Blocking or FitSeverity.NeedsOverride);
            throw new DomainRuleException(stop.Severity == FitSeverity.Blocking
                ? stop.Message
                : $"{stop.Message} Give a reason to place the patient in this program anyway.");
        }

        var bed = await BedAsync(db, program, command.BedId, cancellationToken);
        if (bed is not null)
        {
            await ReserveBedHandler.HoldAsync(db, bed, inquiry, command.ScheduledFor + AdmissionRules.ArrivalWindow, actor, now, cancellationToken);
        }
        else
        {
            await AdmissionRules.ReleaseHeldBedAsync(db, inquiry, "the admission is to a day program", actor, now, cancellationToken);
        }

        var levelMismatch = findings.Any(f => f.Severity == FitSeverity.NeedsOverride);
        var plan = new AdmissionPlan(facility.Id, program.Id, program.Name, program.Level, bed?.Id, bed?.Label, command.ScheduledFor,
            command.ArrivalNotes, command.BroughtBy, levelMismatch ? overrideReason : null);
        var admission = await db.Admissions.FirstOrDefaultAsync(a => a.InquiryId == inquiry.Id && a.State == AdmissionState.Scheduled, cancellationToken);
        var rescheduling = admission is not null;
        if (admission is null)
        {
            admission = Admission.Schedule(inquiry.Id, plan, actor, now);
            db.Admissions.Add(admission);
            StageMoves.EnsureAllowed(user, inquiry.Stage, InquiryStage.AdmissionScheduled);
            inquiry.MoveTo(InquiryStage.AdmissionScheduled, null, null, actor, now);
        }
        else
        {
            admission.Reschedule(plan, actor, now);
        }

        var warnings = findings.Where(f => f.Severity is FitSeverity.Warning or FitSeverity.NeedsOverride).Select(f => f.Message).ToList();
        var where = bed is null ? program.Name : $"{program.Name}, bed {bed.Label}";
        var text = string.Join(Environment.NewLine, [.. warnings.Select(w => $"Warning: {w}"), .. levelMismatch ? [$"Level-of-care override: {overrideReason}"] : Array.Empty<string>()]);
        inquiry.Record(ActivityKind.Placement,
            $"Admission {(rescheduling ? "rescheduled" : "scheduled")}: {where}, {Placements.LocalTime(command.ScheduledFor, facility.TimeZone)}",
            actor, now, text);
        await Insurance.GoodFaithEstimateDue.OnScheduledAsync(db, inquiry, facility, command.ScheduledFor, actor, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new ScheduledAdmission(admission.Id, program.Name, bed?.Label, command.ScheduledFor, warnings);
    }

    /// <summary>The bed chosen for a program: required for a bed program, refused for a day program, and one of the program's beds.</summary>
    internal static async Task<Bed?> BedAsync(IAdmissionsDbContext db, TreatmentProgram program, Guid? bedId, CancellationToken cancellationToken)
    {
        if (!program.HasBeds)
        {
            return bedId is null ? null : throw new DomainRuleException($"{program.Name} is a day program; it has no beds to hold.");
        }

        if (bedId is not { } id)
        {
            throw new DomainRuleException($"Choose a bed in {program.Name}.");
        }

        var bed = await db.Beds.FirstOrDefaultAsync(b => b.Id == id, cancellationToken) ?? throw new NotFoundException("The bed");
        var inProgram = await db.CareUnits.AnyAsync(u => u.Id == bed.UnitId && u.ProgramId == program.Id, cancellationToken);
        return inProgram ? bed : throw new DomainRuleException($"Bed {bed.Label} is not in {program.Name}; choose one of its beds.");
    }
}

/// <summary>
/// The patient arrived: the admission is checked in, the inquiry is Admitted, the held bed is occupied and the
/// current level-of-care decision becomes the admitting level, fixed from now on.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician)]
public sealed record CheckInPatient(Guid InquiryId) : ICommand<Unit>;

public sealed class CheckInPatientHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock, IFacilityCalendar calendar)
    : ICommandHandler<CheckInPatient, Unit>
{
    public async ValueTask<Unit> Handle(CheckInPatient command, CancellationToken cancellationToken)
    {
        await SaveConflicts.ChangeAsync(dbFactory, async db =>
        {
            var now = clock.GetUtcNow();
            var actor = user.Actor();
            var inquiry = await InquiryChanges.LoadAsync(db, command.InquiryId, cancellationToken);
            var admission = await AdmissionRules.ScheduledAsync(db, inquiry, cancellationToken);
            if (await PlacementCandidates.HasOpenSafetyAlertAsync(db, inquiry.Id, cancellationToken))
            {
                throw new DomainRuleException("A safety alert is open: a clinician must record a safety disposition before the patient is checked in.");
            }

            var history = await db.LevelOfCareHistories.FirstOrDefaultAsync(h => h.InquiryId == inquiry.Id, cancellationToken)
                ?? throw new DomainRuleException("A clinician must decide the level of care before the patient is checked in.");
            var level = history.FixAdmitting(now);

            var bedLabel = await OccupyAsync(db, inquiry, admission, now, cancellationToken);
            admission.CheckIn(level, (await calendar.ForAsync(admission.FacilityId, cancellationToken)).DayOf(now), actor, now);
            StageMoves.EnsureAllowed(user, inquiry.Stage, InquiryStage.Admitted);
            inquiry.MoveTo(InquiryStage.Admitted, null, null, actor, now);
            var setting = level.CareSetting is { } s ? LevelsOfCare.Describe(s) : "hospital";
            inquiry.Record(ActivityKind.Placement,
                $"Checked in to {admission.ProgramName}{(bedLabel is null ? "" : $", bed {bedLabel}")}; admitting level of care {level.Label} ({setting})",
                actor, now);
            return Unit.Value;
        }, cancellationToken);
        return Unit.Value;
    }

    /// <summary>Occupies the bed the inquiry holds (it may have moved since scheduling); day programs have none.</summary>
    private static async Task<string?> OccupyAsync(IAdmissionsDbContext db, Inquiry inquiry, Admission admission, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (admission.BedId is null && !LevelsOfCare.IsInpatient(admission.ProgramLevel))
        {
            return null;
        }

        var bed = await db.Beds.FirstOrDefaultAsync(b => b.ReservedForInquiryId == inquiry.Id, cancellationToken)
            ?? await db.Beds.FirstOrDefaultAsync(b => b.Id == admission.BedId, cancellationToken)
            ?? throw new DomainRuleException("No bed is held for the patient; reserve a bed first.");
        bed.Occupy(inquiry.Id, now);
        return bed.Label;
    }
}

/// <summary>
/// The patient did not arrive: the admission is a no-show, the bed goes back, the inquiry returns to Approved to
/// be rescheduled, and the coordinator gets a task to reach the person.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator)]
public sealed record RecordNoShow(Guid InquiryId, string? Note = null) : ICommand<Unit>;

public sealed class RecordNoShowValidator : AbstractValidator<RecordNoShow>
{
    public RecordNoShowValidator() => RuleFor(c => c.Note).MaximumLength(2000);
}

public sealed class RecordNoShowHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RecordNoShow, Unit>
{
    public async ValueTask<Unit> Handle(RecordNoShow command, CancellationToken cancellationToken)
    {
        await SaveConflicts.ChangeAsync(dbFactory, async db =>
        {
            var now = clock.GetUtcNow();
            var actor = user.Actor();
            var inquiry = await InquiryChanges.LoadAsync(db, command.InquiryId, cancellationToken);
            var admission = await AdmissionRules.ScheduledAsync(db, inquiry, cancellationToken);
            admission.RecordNoShow(command.Note, actor, now);
            await AdmissionRules.ReleaseHeldBedAsync(db, inquiry, "no-show", actor, now, cancellationToken);
            StageMoves.EnsureAllowed(user, inquiry.Stage, InquiryStage.Approved);
            inquiry.MoveTo(InquiryStage.Approved, null, command.Note, actor, now);
            inquiry.Record(ActivityKind.Placement, $"No-show for the admission to {admission.ProgramName}", actor, now, command.Note);
            await FollowUpEffects.AddTaskOnceAsync(db, inquiry.Id, FollowUpKind.NoShow,
                $"Reach {inquiry.Details.PatientFirstName} after the missed admission and reschedule", AdmissionRules.NoShowTaskKey(admission.Id),
                inquiry.AssignedCoordinatorId, inquiry.AssignedCoordinatorName, TaskPriority.High, now, cancellationToken);
            return Unit.Value;
        }, cancellationToken);
        return Unit.Value;
    }
}

/// <summary>
/// Refers the person to a partner facility from the directory, with the reason: any scheduled admission is
/// cancelled, any held bed released, and the inquiry closes as Referred out. Sharing the person's records with the partner
/// (<paramref name="ShareRecords"/>) needs the patient's active consent naming the partner, or a single TPO consent naming
/// "my treating providers" (42 CFR 2.31(a)(4)), and is written to the disclosure ledger; without it the person is only given
/// the partner's contact details and nothing is sent.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician)]
public sealed record ReferOut(Guid InquiryId, Guid PartnerId, string Reason, bool ShareRecords = true) : ICommand<Unit>;

public sealed class ReferOutValidator : AbstractValidator<ReferOut>
{
    public ReferOutValidator()
    {
        RuleFor(c => c.PartnerId).NotEmpty().WithMessage("Choose the partner facility.");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the person is referred out.").MaximumLength(2000);
    }
}

public sealed class ReferOutHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock, IFacilityCalendar calendar)
    : ICommandHandler<ReferOut, Unit>
{
    public async ValueTask<Unit> Handle(ReferOut command, CancellationToken cancellationToken)
    {
        await SaveConflicts.ChangeAsync(dbFactory, async db =>
        {
            var now = clock.GetUtcNow();
            var actor = user.Actor();
            var inquiry = await InquiryChanges.LoadAsync(db, command.InquiryId, cancellationToken);
            if (!inquiry.IsOpen)
            {
                throw new DomainRuleException($"{inquiry.Number} is closed; reopen it before referring the person out.");
            }

            var partner = await db.PartnerFacilities.AsNoTracking().FirstOrDefaultAsync(p => p.Id == command.PartnerId, cancellationToken)
                ?? throw new NotFoundException("The partner facility");
            var referral = OutboundReferral.To(partner, inquiry.Id, command.Reason, actor, now);
            if (command.ShareRecords)
            {
                var consent = await Insurance.Disclosures.ConsentForAsync(db, inquiry.Id, DisclosureRecipient.Partner(partner.Id, partner.Name),
                        DisclosurePurpose.Treatment, (await calendar.ForInquiryAsync(inquiry.Id, cancellationToken)).Today, cancellationToken)
                    ?? throw new DomainRuleException(
                        $"Sharing records with {partner.Name} needs the patient's consent naming them (or \"my treating providers\" in a single TPO consent). Capture that consent, or refer without sharing records and give the person {partner.Name}'s number.");
                Insurance.Disclosures.Record(db, inquiry.Id, consent, partner.Name,
                    $"Referral for treatment: name, date of birth, contact details, substance use and level of care needed, and why: {referral.Reason}",
                    "Referral to a partner provider", null, actor.Id, actor.Name, now, DisclosurePurpose.Treatment);
            }

            await AdmissionRules.CloseWithoutAdmissionAsync(db, inquiry, $"referred out to {partner.Name}", actor, now, cancellationToken);
            db.OutboundReferrals.Add(referral);
            StageMoves.EnsureAllowed(user, inquiry.Stage, InquiryStage.ReferredOut);
            inquiry.MoveTo(InquiryStage.ReferredOut, null,
                $"Referred to {partner.Name}: {referral.Reason}{(command.ShareRecords ? " (records shared under the patient's consent)" : " (no records shared)")}", actor, now);
            return Unit.Value;
        }, cancellationToken);
        return Unit.Value;
    }
}

/// <summary>The rules and clean-up shared by the admission commands and the pipeline's stage moves.</summary>
public static class AdmissionRules
{
    /// <summary>A patient is checked in or recorded as a no-show within this long after the booked time; the bed is held that long.</summary>
    public static readonly TimeSpan ArrivalWindow = TimeSpan.FromHours(12);

    /// <summary>Booking a walk-in "now" takes a minute: times this recent still count.</summary>
    public static readonly TimeSpan ArrivalGrace = TimeSpan.FromHours(1);

    public static readonly TimeSpan Horizon = TimeSpan.FromDays(90);

    public static string NoShowTaskKey(Guid admissionId) => $"admission-no-show:{admissionId:N}";

    internal static void RequireSchedulable(Inquiry inquiry)
    {
        if (!inquiry.IsOpen)
        {
            throw new DomainRuleException($"{inquiry.Number} is closed; reopen it before scheduling an admission.");
        }

        if (inquiry.Stage is not (InquiryStage.Approved or InquiryStage.AdmissionScheduled))
        {
            throw new DomainRuleException(
                $"{inquiry.Number} is in {InquiryStageMachine.Describe(inquiry.Stage)}; move it to Approved when clinical review is done, then schedule the admission.");
        }
    }

    internal static async Task<Admission> ScheduledAsync(IAdmissionsDbContext db, Inquiry inquiry, CancellationToken cancellationToken) =>
        await db.Admissions.FirstOrDefaultAsync(a => a.InquiryId == inquiry.Id && a.State == AdmissionState.Scheduled, cancellationToken)
        ?? throw new DomainRuleException($"No admission is scheduled for {inquiry.Number}.");

    /// <summary>Gives back the bed the inquiry holds, if any, saying why on its timeline. The caller saves.</summary>
    internal static async Task ReleaseHeldBedAsync(IAdmissionsDbContext db, Inquiry inquiry, string why, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var bed in await db.Beds.Where(b => b.ReservedForInquiryId == inquiry.Id).ToListAsync(cancellationToken))
        {
            bed.Release(now);
            inquiry.Record(ActivityKind.Placement, $"Released bed {bed.Label} ({why})", actor, now);
        }
    }

    /// <summary>
    /// When an inquiry closes without an admission (not admitted, referred out): the placement is given back and its open
    /// tasks are cancelled with the reason, so they leave every queue and overdue count. A safety call stays open: only a
    /// clinician's disposition ends it. The caller saves.
    /// </summary>
    internal static async Task CloseWithoutAdmissionAsync(IAdmissionsDbContext db, Inquiry inquiry, string why, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await CloseOpenPlacementAsync(db, inquiry, why, actor, now, cancellationToken);
        var open = await db.FollowUpTasks
            .Where(t => t.InquiryId == inquiry.Id && t.State == FollowUpState.Open && t.Kind != FollowUpKind.SafetyCall)
            .ToListAsync(cancellationToken);
        foreach (var task in open)
        {
            task.Cancel($"Inquiry closed: {why}", now, actor);
        }

        if (open.Count > 0)
        {
            inquiry.Record(ActivityKind.Task, $"{open.Count} open task{(open.Count == 1 ? "" : "s")} closed ({why}): {string.Join("; ", open.Select(t => t.Title))}", actor, now);
        }
    }

    /// <summary>When an inquiry leaves the admission path: the scheduled admission is cancelled and the bed released. The caller saves.</summary>
    internal static async Task CloseOpenPlacementAsync(IAdmissionsDbContext db, Inquiry inquiry, string why, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var scheduled = await db.Admissions.FirstOrDefaultAsync(a => a.InquiryId == inquiry.Id && a.State == AdmissionState.Scheduled, cancellationToken);
        if (scheduled is not null)
        {
            scheduled.Cancel(why, actor, now);
            inquiry.Record(ActivityKind.Placement, $"Admission to {scheduled.ProgramName} cancelled ({why})", actor, now);
        }

        await ReleaseHeldBedAsync(db, inquiry, why, actor, now, cancellationToken);
    }
}
