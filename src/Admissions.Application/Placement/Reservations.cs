using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Application.Insurance;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Placement;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Placement;

public sealed record BedReservation(Guid BedId, string BedLabel, Guid InquiryId, DateTimeOffset Until, string? ReleasedBedLabel);

/// <summary>
/// Holds a bed for an open inquiry until <paramref name="Until"/> (in the future, at most 7 days ahead).
/// An inquiry holds one bed at a time: reserving another bed moves its reservation (the old bed is
/// released in the same save). When two people reserve the same bed at once, one wins; the other is
/// told the bed was just taken and chooses another.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator)]
public sealed record ReserveBed(Guid BedId, Guid InquiryId, DateTimeOffset Until) : ICommand<BedReservation>;

public sealed class ReserveBedValidator : AbstractValidator<ReserveBed>
{
    public ReserveBedValidator(TimeProvider clock)
    {
        RuleFor(c => c.BedId).NotEmpty().WithMessage("Choose a bed.");
        RuleFor(c => c.InquiryId).NotEmpty().WithMessage("Choose the inquiry the bed is for.");
        RuleFor(c => c.Until)
            .Must(until => until > clock.GetUtcNow()).WithMessage("The reservation must end in the future.")
            .Must(until => until <= clock.GetUtcNow() + Placements.MaxReservation).WithMessage("A bed can be held for at most 7 days.");
    }
}

public sealed class ReserveBedHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ReserveBed, BedReservation>
{
    public async ValueTask<BedReservation> Handle(ReserveBed command, CancellationToken cancellationToken)
    {
        try
        {
            // A lost race (the bed's version moved, or the inquiry's reservation index) is tried again on fresh
            // data, so the loser is judged on what the winner saved: the bed is no longer free.
            return await SaveConflicts.RetryAsync(() => ReserveAsync(command, cancellationToken), attempts: 3);
        }
        catch (DbUpdateException ex) when (SaveRaces.Lost(ex))
        {
            throw new DomainRuleException(Placements.BedTakenMessage);
        }
    }

    private async ValueTask<BedReservation> ReserveAsync(ReserveBed command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var bed = await db.Beds.FirstOrDefaultAsync(b => b.Id == command.BedId, cancellationToken) ?? throw new NotFoundException("The bed");
        var inquiry = await InquiryChanges.LoadAsync(db, command.InquiryId, cancellationToken);
        if (!inquiry.IsOpen)
        {
            throw new DomainRuleException($"{inquiry.Number} is closed; reopen it before reserving a bed.");
        }

        var released = await HoldAsync(db, bed, inquiry, command.Until, user.Actor(), now, cancellationToken);
        await FollowScheduledAdmissionAsync(db, bed, inquiry.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new BedReservation(bed.Id, bed.Label, inquiry.Id, command.Until, released);
    }

    /// <summary>A booked admission follows its reservation to another bed of its program; another program needs rescheduling.</summary>
    private static async Task FollowScheduledAdmissionAsync(IAdmissionsDbContext db, Bed bed, Guid inquiryId, CancellationToken cancellationToken)
    {
        var admission = await db.Admissions.FirstOrDefaultAsync(a => a.InquiryId == inquiryId && a.State == AdmissionState.Scheduled, cancellationToken);
        if (admission is null || admission.BedId == bed.Id)
        {
            return;
        }

        var sameProgram = await db.CareUnits.AnyAsync(u => u.Id == bed.UnitId && u.ProgramId == admission.ProgramId, cancellationToken);
        if (!sameProgram)
        {
            throw new DomainRuleException($"The admission is booked into {admission.ProgramName}; reschedule it on the Admission tab to move to another program.");
        }

        admission.MoveToBed(bed.Id, bed.Label);
    }

    /// <summary>
    /// Reserves <paramref name="bed"/> for the inquiry until <paramref name="until"/>, releasing any other bed it
    /// held, with both on the timeline. Returns the label of the bed released, if any. The caller saves.
    /// </summary>
    internal static async Task<string?> HoldAsync(
        IAdmissionsDbContext db, Bed bed, Inquiry inquiry, DateTimeOffset until, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var extending = bed.State == BedState.Reserved && bed.ReservedForInquiryId == inquiry.Id;
        if (!extending && !bed.IsFree(now))
        {
            throw new DomainRuleException(Placements.BedTakenMessage);
        }

        var place = await PlaceAsync(db, bed, cancellationToken);
        string? released = null;
        var previous = await db.Beds.Where(b => b.ReservedForInquiryId == inquiry.Id && b.Id != bed.Id).ToListAsync(cancellationToken);
        foreach (var old in previous)
        {
            old.Release(now);
            released = old.Label;
            inquiry.Record(ActivityKind.Placement, $"Released bed {old.Label} (moved to bed {bed.Label})", actor, now);
        }

        bed.Reserve(inquiry.Id, until, actor, now);
        inquiry.Record(ActivityKind.Placement,
            $"{(extending ? "Extended reservation of" : "Reserved")} bed {bed.Label} in {place.Unit} ({place.Program}) until {Placements.LocalTime(until, place.Zone)}",
            actor, now);
        return released;
    }

    internal static async Task<(string Unit, string Program, TimeZoneInfo Zone)> PlaceAsync(IAdmissionsDbContext db, Bed bed, CancellationToken cancellationToken)
    {
        var place = await (from unit in db.CareUnits
                           join program in db.TreatmentPrograms on unit.ProgramId equals program.Id
                           join facility in db.Facilities on unit.FacilityId equals facility.Id
                           where unit.Id == bed.UnitId
                           select new { Unit = unit.Name, Program = program.Name, facility.TimeZoneId })
            .AsNoTracking().FirstAsync(cancellationToken);
        return (place.Unit, place.Program, Facility.FindZone(place.TimeZoneId) ?? TimeZoneInfo.Utc);
    }
}

/// <summary>Gives a reserved bed back before its time; the inquiry's timeline says so.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator)]
public sealed record ReleaseReservation(Guid BedId) : ICommand<Unit>;

public sealed class ReleaseReservationHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ReleaseReservation, Unit>
{
    public ValueTask<Unit> Handle(ReleaseReservation command, CancellationToken cancellationToken) =>
        SaveConflicts.ChangeAsync(dbFactory, async db =>
        {
            var now = clock.GetUtcNow();
            var bed = await db.Beds.FirstOrDefaultAsync(b => b.Id == command.BedId, cancellationToken) ?? throw new NotFoundException("The bed");
            if (bed.State != BedState.Reserved || bed.ReservedForInquiryId is not { } inquiryId)
            {
                throw new DomainRuleException($"Bed {bed.Label} is not reserved any more. The board has been refreshed.");
            }

            var inquiry = await InquiryChanges.LoadAsync(db, inquiryId, cancellationToken);
            bed.Release(now);
            inquiry.Record(ActivityKind.Placement, $"Released bed {bed.Label}", user.Actor(), now);
            return Unit.Value;
        }, cancellationToken);
}

/// <summary>
/// The sweep: releases every reservation whose time has run out, notes it on the inquiry's timeline and
/// tells whoever reserved the bed and the inquiry's coordinator. Running it again changes nothing.
/// </summary>
[RequiresRole(Roles.System)]
public sealed record ReleaseExpiredReservations : ICommand<int>;

public sealed class ReleaseExpiredReservationsHandler(IAdmissionsDbContextFactory dbFactory, ILiveNotifier live, TimeProvider clock)
    : ICommandHandler<ReleaseExpiredReservations, int>
{
    public static string NotificationKey(Guid bedId, DateTimeOffset reservedAt) => $"bed-reservation-expired:{bedId:N}:{reservedAt.UtcTicks}";

    public async ValueTask<int> Handle(ReleaseExpiredReservations command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<Guid> expired;
        await using (var db = await dbFactory.CreateAsync(cancellationToken))
        {
            expired = await db.Beds.AsNoTracking()
                .Where(b => b.State == BedState.Reserved && b.ReservedUntil <= now)
                .Select(b => b.Id)
                .ToListAsync(cancellationToken);
        }

        var released = 0;
        foreach (var bedId in expired)
        {
            // One bed per save: a reservation extended meanwhile, or a second sweep, is judged on fresh data.
            if (await SaveConflicts.RetryAsync(() => ReleaseAsync(bedId, now, cancellationToken)))
            {
                released++;
            }
        }

        return released;
    }

    private async ValueTask<bool> ReleaseAsync(Guid bedId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var bed = await db.Beds.FirstOrDefaultAsync(b => b.Id == bedId, cancellationToken);
        if (bed is null || !bed.IsReservationExpired(now) || bed.ReservedForInquiryId is not { } inquiryId)
        {
            return false;
        }

        var (reservedById, reservedAt, until) = (bed.ReservedById, bed.ReservedAt ?? now, bed.ReservedUntil!.Value);
        var place = await ReserveBedHandler.PlaceAsync(db, bed, cancellationToken);
        var inquiry = await InquiryChanges.LoadAsync(db, inquiryId, cancellationToken);
        bed.Release(now);
        inquiry.Record(ActivityKind.Placement,
            $"Reservation of bed {bed.Label} in {place.Unit} ({place.Program}) expired at {Placements.LocalTime(until, place.Zone)} and was released",
            Actor.System, now);

        var recipients = new[] { reservedById, inquiry.AssignedCoordinatorId }
            .OfType<string>().Where(id => id != Actor.System.Id).Distinct().ToList();
        await FollowUpEffects.NotifyOnceAsync(db, recipients, $"Bed reservation expired: {inquiry.Number}",
            $"Bed {bed.Label} ({place.Program}) was held until {Placements.LocalTime(until, place.Zone)} and is free again. Reserve a bed again if the admission is still planned.",
            $"/inquiries/{inquiry.Id}", NotificationKey(bed.Id, reservedAt), now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        live.NotificationsChanged(recipients);
        return true;
    }
}

/// <summary>Housekeeping and maintenance: a bed becomes available, goes to cleaning, or out of service (with a reason).</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager)]
public sealed record SetBedState(Guid BedId, BedState State, string? Reason = null) : ICommand<Unit>;

public sealed class SetBedStateValidator : AbstractValidator<SetBedState>
{
    public SetBedStateValidator()
    {
        RuleFor(c => c.BedId).NotEmpty();
        RuleFor(c => c.State).Must(s => s is BedState.Available or BedState.Cleaning or BedState.OutOfService)
            .WithMessage("Beds are reserved from the bed board and occupied on admission; choose available, cleaning or out of service.");
        RuleFor(c => c.Reason).NotEmpty().When(c => c.State == BedState.OutOfService).WithMessage("Say why the bed is out of service.");
        RuleFor(c => c.Reason).MaximumLength(300);
    }
}

public sealed class SetBedStateHandler(IAdmissionsDbContextFactory dbFactory, TimeProvider clock) : ICommandHandler<SetBedState, Unit>
{
    public async ValueTask<Unit> Handle(SetBedState command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var bed = await db.Beds.FirstOrDefaultAsync(b => b.Id == command.BedId, cancellationToken) ?? throw new NotFoundException("The bed");
        var now = clock.GetUtcNow();
        switch (command.State)
        {
            case BedState.Available:
                bed.MarkAvailable(now);
                break;
            case BedState.Cleaning:
                bed.MarkCleaning(now);
                break;
            default:
                bed.TakeOutOfService(command.Reason ?? "", now);
                break;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException($"Bed {bed.Label} was changed by someone else a moment ago. The board has been refreshed; check it and try again.");
        }

        return Unit.Value;
    }
}
