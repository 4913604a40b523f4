using System.Globalization;
using Admissions.Application.Common;
using Admissions.Application.FollowUps;
using Admissions.Application.Inquiries;
using Admissions.Application.Insurance;
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

/// <summary>
/// The day the team expects the patient to leave, on a scheduled or admitted admission (null clears it): a facility day,
/// not before the admission day. Utilization review plans with it, so it may set it too.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record PlanDischarge(Guid AdmissionId, DateOnly? Day) : ICommand<Unit>;

public sealed class PlanDischargeHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock, IFacilityCalendar calendar)
    : ICommandHandler<PlanDischarge, Unit>
{
    public ValueTask<Unit> Handle(PlanDischarge command, CancellationToken cancellationToken) =>
        SaveConflicts.ChangeAsync(dbFactory, async db =>
        {
            var now = clock.GetUtcNow();
            var admission = await db.Admissions.FirstOrDefaultAsync(a => a.Id == command.AdmissionId, cancellationToken) ?? throw new NotFoundException("The admission");
            var inquiry = await InquiryChanges.LoadAsync(db, admission.InquiryId, cancellationToken);
            var days = await calendar.ForAsync(admission.FacilityId, cancellationToken);
            if (command.Day > days.Today.AddDays(Stays.PlanningHorizonDays))
            {
                throw Stays.FieldError(nameof(PlanDischarge.Day), "Plan a discharge within a year.");
            }

            try
            {
                admission.PlanDischarge(command.Day, days.DayOf(admission.ScheduledFor));
            }
            catch (DomainRuleException rule)
            {
                throw Stays.FieldError(nameof(PlanDischarge.Day), rule.Message);
            }

            inquiry.Record(ActivityKind.Placement,
                command.Day is { } day ? $"Planned discharge from {admission.ProgramName}: {Stays.Day(day)}" : $"Planned discharge from {admission.ProgramName} cleared",
                user.Actor(), now);
            return Unit.Value;
        }, cancellationToken);
}

/// <summary>
/// The patient leaves: the admitted stay ends on <paramref name="Day"/> (a facility day from the admission day to today)
/// with how it ended. A bed goes to cleaning (the bed board's rule), the stay's open authorizations end that day so
/// utilization review no longer sees the patient as admitted. The same people who check a patient in discharge them.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician)]
public sealed record DischargePatient(Guid InquiryId, DateOnly Day, DischargeDisposition Disposition, string? Note = null) : ICommand<Unit>;

public sealed class DischargePatientValidator : AbstractValidator<DischargePatient>
{
    public DischargePatientValidator()
    {
        RuleFor(c => c.Disposition).IsInEnum()
            .NotEqual(DischargeDisposition.SteppedDown).WithMessage("A step-down is recorded with Step down, which opens the next program.");
        RuleFor(c => c.Note).MaximumLength(2000);
    }
}

public sealed class DischargePatientHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock, IFacilityCalendar calendar)
    : ICommandHandler<DischargePatient, Unit>
{
    public ValueTask<Unit> Handle(DischargePatient command, CancellationToken cancellationToken) =>
        SaveConflicts.ChangeAsync(dbFactory, async db =>
        {
            var now = clock.GetUtcNow();
            var actor = user.Actor();
            var inquiry = await InquiryChanges.LoadAsync(db, command.InquiryId, cancellationToken);
            var admission = await Stays.AdmittedAsync(db, inquiry, cancellationToken);
            var days = await calendar.ForAsync(admission.FacilityId, cancellationToken);
            Stays.EnsureStayDay(admission, command.Day, days.Today, nameof(DischargePatient.Day), "discharge");
            admission.Discharge(command.Day, command.Disposition, command.Note, actor, now);
            var bed = await Stays.VacateBedAsync(db, inquiry.Id, admission, now, cancellationToken);
            var ended = await Stays.EndAuthorizationsAsync(db, inquiry, null, command.Day, "discharged", actor, now, cancellationToken);
            inquiry.Record(ActivityKind.Placement,
                $"Discharged from {admission.ProgramName} on {Stays.Day(command.Day)} ({Admission.Describe(command.Disposition).ToLowerInvariant()})"
                + (bed is null ? "" : $"; bed {bed} to cleaning")
                + (ended == 0 ? "" : $"; {ended} authorization{(ended == 1 ? "" : "s")} ended"),
                actor, now, command.Note);
            return Unit.Value;
        }, cancellationToken);
}

public sealed record StepDownOutcome(Guid AdmissionId, Guid? AuthorizationId, string Message);

/// <summary>
/// A level-of-care change during the stay (residential → PHP → IOP): the current stay is discharged as stepped down on
/// <paramref name="Day"/> and the patient is admitted to another active program of another level at the facility from that
/// day (a bed program takes a free bed; a day program none). The next prior authorization is opened from the current
/// one, waiting for utilization review to send it; a self-pay stay has none to open from.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record StepDownPatient(Guid InquiryId, Guid ProgramId, DateOnly Day, Guid? BedId = null) : ICommand<StepDownOutcome>;

public sealed class StepDownPatientValidator : AbstractValidator<StepDownPatient>
{
    public StepDownPatientValidator() => RuleFor(c => c.ProgramId).NotEmpty().WithMessage("Choose the next program.");
}

public sealed class StepDownPatientHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock, IFacilityCalendar calendar)
    : ICommandHandler<StepDownPatient, StepDownOutcome>
{
    public async ValueTask<StepDownOutcome> Handle(StepDownPatient command, CancellationToken cancellationToken)
    {
        try
        {
            return await SaveConflicts.ChangeAsync(dbFactory, db => StepDownAsync(db, command, cancellationToken), cancellationToken);
        }
        catch (DbUpdateException ex) when (SaveRaces.Lost(ex))
        {
            throw new DomainRuleException(Placements.BedTakenMessage);
        }
    }

    private async Task<StepDownOutcome> StepDownAsync(IAdmissionsDbContext db, StepDownPatient command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var actor = user.Actor();
        var inquiry = await InquiryChanges.LoadAsync(db, command.InquiryId, cancellationToken);
        var current = await Stays.AdmittedAsync(db, inquiry, cancellationToken);
        var program = await db.TreatmentPrograms.AsNoTracking().FirstOrDefaultAsync(p => p.Id == command.ProgramId && p.IsActive, cancellationToken)
            ?? throw new NotFoundException("The program");
        if (program.FacilityId != current.FacilityId || program.Level == current.ProgramLevel)
        {
            throw Stays.FieldError(nameof(StepDownPatient.ProgramId),
                $"Choose an active program of another level than {LevelsOfCare.Describe(current.ProgramLevel)} at the patient's facility.");
        }

        var days = await calendar.ForAsync(current.FacilityId, cancellationToken);
        Stays.EnsureStayDay(current, command.Day, days.Today, nameof(StepDownPatient.Day), "step-down");

        var oldBed = await Stays.VacateBedAsync(db, inquiry.Id, current, now, cancellationToken);
        var bed = await ScheduleAdmissionHandler.BedAsync(db, program, command.BedId, cancellationToken);
        bed?.Occupy(inquiry.Id, now);
        var plan = new AdmissionPlan(current.FacilityId, program.Id, program.Name, program.Level, bed?.Id, bed?.Label,
            days.StartOf(command.Day), null, null, null);
        var next = current.StepDownTo(plan, command.Day, actor, now);
        current.Discharge(command.Day, DischargeDisposition.SteppedDown, $"To {program.Name}", actor, now);
        db.Admissions.Add(next);

        var (authorization, authorizationText) = await OpenNextAuthorizationAsync(db, inquiry, current, program, command.Day, actor, now, cancellationToken);
        inquiry.Record(ActivityKind.Placement,
            $"Stepped down from {current.ProgramName} to {program.Name} on {Stays.Day(command.Day)}" + (oldBed is null ? "" : $"; bed {oldBed} to cleaning"),
            actor, now);
        inquiry.Record(ActivityKind.Placement,
            $"Admitted to {program.Name}{(bed is null ? "" : $", bed {bed.Label}")} from {Stays.Day(command.Day)}",
            actor, now);
        inquiry.Record(ActivityKind.Authorization, authorizationText, actor, now);
        return new StepDownOutcome(next.Id, authorization?.Id, authorizationText);
    }

    /// <summary>
    /// Ends the old level's authorizations on the step-down day and opens the next level's from the latest of them (not
    /// cancelled). None is opened for a self-pay stay, a removed policy, or when one is already open for the new level.
    /// </summary>
    private static async Task<(PriorAuthorization? Opened, string Text)> OpenNextAuthorizationAsync(
        IAdmissionsDbContext db, Inquiry inquiry, Admission current, TreatmentProgram program, DateOnly day, Actor actor, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var authorizations = await db.PriorAuthorizations
            .Where(a => a.InquiryId == inquiry.Id && a.Status != AuthorizationStatus.Cancelled && a.StayEndedOn == null)
            .ToListAsync(cancellationToken);
        var existing = authorizations.FirstOrDefault(a => a.Level == program.Level);
        var from = authorizations.Where(a => a.Level == current.ProgramLevel).OrderByDescending(a => a.RequestedAt).FirstOrDefault();
        await Stays.EndAuthorizationsAsync(db, inquiry, current.ProgramLevel, day, $"stepped down to {program.Name}", actor, now, cancellationToken);
        var level = LevelsOfCare.Describe(program.Level);
        if (existing is not null)
        {
            return (null, $"No new authorization opened: a {level} authorization with {existing.PayerName} is already open.");
        }

        if (from is null)
        {
            return (null, $"No authorization opened for {level}: the {LevelsOfCare.Describe(current.ProgramLevel)} stay had none (self-pay).");
        }

        var policy = await db.InsurancePolicies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == from.PolicyId && p.RemovedAt == null, cancellationToken);
        var payer = await db.Payers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == from.PayerId, cancellationToken);
        if (policy is null || payer is null || payer.IsSelfPay)
        {
            return (null, $"No authorization opened for {level}: the {from.PayerName} policy is no longer on file.");
        }

        var channel = from.Channel == AuthorizationChannel.Electronic && !payer.SupportsElectronicAuthorization ? AuthorizationChannel.Portal : from.Channel;
        var track = CareTracks.ForDiagnoses(X12Requests.Diagnoses(from.Diagnoses));
        var opened = from.OpenNext(program.Level, payer.ServiceTypeFor(program.Level, track), day, Math.Clamp(program.TypicalLengthOfStayDays, 1, 365),
            channel, X12Requests.NewTraceNumber("UM", now), actor, now);
        db.PriorAuthorizations.Add(opened);
        return (opened, $"Authorization for {level} opened from the {LevelsOfCare.Describe(from.Level)} one with {from.PayerName}, {opened.RequestedDays} days from {Stays.Day(day)}: utilization review sends it");
    }
}

/// <summary>The rules the stay commands share.</summary>
public static class Stays
{
    public const int PlanningHorizonDays = 365;

    internal static async Task<Admission> AdmittedAsync(IAdmissionsDbContext db, Inquiry inquiry, CancellationToken cancellationToken) =>
        await db.Admissions.FirstOrDefaultAsync(a => a.InquiryId == inquiry.Id && a.State == AdmissionState.Admitted, cancellationToken)
        ?? throw new DomainRuleException($"{inquiry.Number} has no admitted stay.");

    /// <summary>A discharge or step-down day: not before the admission day, not after today at the facility.</summary>
    internal static void EnsureStayDay(Admission admission, DateOnly day, DateOnly today, string field, string what)
    {
        if (day > today)
        {
            throw FieldError(field, $"The {what} day cannot be in the future; record it on the day, {Day(today)} at the latest.");
        }

        if (admission.AdmittedOn is { } admitted && day < admitted)
        {
            throw FieldError(field, $"The {what} day cannot be before the admission day, {Day(admitted)}.");
        }
    }

    /// <summary>The patient's bed, if any, goes to cleaning (the bed board's rule). Returns its label.</summary>
    internal static async Task<string?> VacateBedAsync(IAdmissionsDbContext db, Guid inquiryId, Admission admission, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var bed = await db.Beds.FirstOrDefaultAsync(b => b.OccupiedByInquiryId == inquiryId && b.State == BedState.Occupied, cancellationToken)
            ?? (admission.BedId is { } id ? await db.Beds.FirstOrDefaultAsync(b => b.Id == id && b.State == BedState.Occupied, cancellationToken) : null);
        if (bed is null)
        {
            return null;
        }

        bed.MarkCleaning(now);
        return bed.Label;
    }

    /// <summary>
    /// The stay's open authorizations (of one level, or all) end on <paramref name="day"/>, and their open concurrent-review
    /// tasks are cancelled: the payer reviews no stay that has ended. A pended or rejected request's task stays, since the
    /// days already used still need the payer's answer. Returns how many authorizations ended.
    /// </summary>
    internal static async Task<int> EndAuthorizationsAsync(
        IAdmissionsDbContext db, Inquiry inquiry, LevelOfCare? level, DateOnly day, string why, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await db.PriorAuthorizations
            .Where(a => a.InquiryId == inquiry.Id && a.StayEndedOn == null && a.Status != AuthorizationStatus.Cancelled && a.Status != AuthorizationStatus.Denied)
            .ToListAsync(cancellationToken);
        var ending = open.Where(a => level is null || a.Level == level).ToList();
        foreach (var authorization in ending)
        {
            authorization.EndStay(day, why, actor, now);
        }

        var reviewKeys = ending.Select(a => RemindAuthorizationReviewsHandler.TaskKeyPrefix(a.Id)).ToList();
        var reviews = (await db.FollowUpTasks
                .Where(t => t.InquiryId == inquiry.Id && t.State == FollowUpState.Open && t.Kind == FollowUpKind.AuthorizationReview && t.UniqueKey != null)
                .ToListAsync(cancellationToken))
            .Where(t => reviewKeys.Exists(key => t.UniqueKey!.StartsWith(key, StringComparison.Ordinal)))
            .ToList();
        foreach (var review in reviews)
        {
            review.Cancel($"Stay ended: {why}", now, actor);
        }

        if (reviews.Count > 0)
        {
            inquiry.Record(ActivityKind.Task,
                $"{reviews.Count} concurrent review{(reviews.Count == 1 ? "" : "s")} closed (stay ended, {why}): {string.Join("; ", reviews.Select(t => t.Title))}",
                actor, now);
        }

        return ending.Count;
    }

    internal static RequestValidationException FieldError(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });

    public static string Day(DateOnly day) => day.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture);
}
