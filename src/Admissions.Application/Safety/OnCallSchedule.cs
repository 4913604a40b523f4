using Admissions.Application.Common;
using Admissions.Domain.Placement;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Safety;

public sealed record OnCallShiftItem(Guid Id, DayOfWeek Day, TimeOnly Starts, TimeOnly Ends, string ClinicianId, string ClinicianName, string Description);

/// <summary>A facility's on-call schedule as Admin → Facilities shows it, with who is on call right now.</summary>
public sealed record OnCallScheduleView(
    Guid FacilityId, string FacilityName, string TimeZoneId, IReadOnlyList<OnCallShiftItem> Shifts, string? FallbackId, string? FallbackName,
    IReadOnlyList<StaffMember> Clinicians, string? OnCallNow);

[RequiresRole(Roles.Admin)]
public sealed record GetOnCallSchedule(Guid FacilityId) : IQuery<OnCallScheduleView>;

public sealed class GetOnCallScheduleHandler(IAdmissionsDbContextFactory dbFactory, IStaffDirectory staff, IFacilityCalendar calendar, TimeProvider clock)
    : IQueryHandler<GetOnCallSchedule, OnCallScheduleView>
{
    public async ValueTask<OnCallScheduleView> Handle(GetOnCallSchedule query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var facility = await db.Facilities.AsNoTracking().FirstOrDefaultAsync(f => f.Id == query.FacilityId, cancellationToken)
            ?? throw new NotFoundException("The facility");
        var shifts = await db.OnCallShifts.AsNoTracking().Where(s => s.FacilityId == facility.Id).ToListAsync(cancellationToken);
        var now = await OnCallRoster.FindAsync(db, calendar, facility.Id, clock.GetUtcNow(), cancellationToken);
        return new OnCallScheduleView(
            facility.Id, facility.Name, facility.TimeZoneId,
            [.. shifts.OrderBy(s => s.Day).ThenBy(s => s.Starts)
                .Select(s => new OnCallShiftItem(s.Id, s.Day, s.Starts, s.Ends, s.ClinicianId, s.ClinicianName, s.Describe()))],
            facility.OnCallFallbackId, facility.OnCallFallbackName,
            await OnCallClinicians.ListAsync(staff, cancellationToken),
            now?.Describe());
    }
}

/// <summary>Puts a clinician on call on one or more days, from one time to another (facility time; past midnight when it ends earlier).</summary>
[RequiresRole(Roles.Admin)]
public sealed record AddOnCallShifts(Guid FacilityId, IReadOnlyList<DayOfWeek> Days, TimeOnly Starts, TimeOnly Ends, string ClinicianId)
    : ICommand<IReadOnlyList<Guid>>;

public sealed class AddOnCallShiftsValidator : AbstractValidator<AddOnCallShifts>
{
    public AddOnCallShiftsValidator()
    {
        RuleFor(c => c.Days).NotEmpty().WithMessage("Choose at least one day.");
        RuleForEach(c => c.Days).IsInEnum();
        RuleFor(c => c.ClinicianId).NotEmpty().WithMessage("Choose the clinician on call.");
    }
}

public sealed class AddOnCallShiftsHandler(IAdmissionsDbContextFactory dbFactory, IStaffDirectory staff)
    : ICommandHandler<AddOnCallShifts, IReadOnlyList<Guid>>
{
    public async ValueTask<IReadOnlyList<Guid>> Handle(AddOnCallShifts command, CancellationToken cancellationToken)
    {
        var clinician = await OnCallClinicians.FindAsync(staff, command.ClinicianId, nameof(AddOnCallShifts.ClinicianId), cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (!await db.Facilities.AnyAsync(f => f.Id == command.FacilityId, cancellationToken))
        {
            throw new NotFoundException("The facility");
        }

        var existing = await db.OnCallShifts.AsNoTracking().Where(s => s.FacilityId == command.FacilityId).ToListAsync(cancellationToken);
        var added = new List<OnCallShift>();
        foreach (var day in command.Days.Distinct().Order())
        {
            var shift = new OnCallShift
            {
                FacilityId = command.FacilityId,
                Day = day,
                Starts = command.Starts,
                Ends = command.Ends,
                ClinicianId = clinician.Id,
                ClinicianName = clinician.Name,
            };
            if (existing.Concat(added).FirstOrDefault(shift.Overlaps) is { } clash)
            {
                throw new RequestValidationException(new Dictionary<string, string[]>
                {
                    [nameof(AddOnCallShifts.Days)] = [$"{shift.Describe()} overlaps {clash.Describe()} ({clash.ClinicianName}): one person is on call at a time."],
                });
            }

            added.Add(shift);
        }

        db.OnCallShifts.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        return [.. added.Select(s => s.Id)];
    }
}

[RequiresRole(Roles.Admin)]
public sealed record RemoveOnCallShift(Guid ShiftId) : ICommand;

public sealed class RemoveOnCallShiftHandler(IAdmissionsDbContextFactory dbFactory) : ICommandHandler<RemoveOnCallShift>
{
    public async ValueTask<Unit> Handle(RemoveOnCallShift command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var shift = await db.OnCallShifts.FirstOrDefaultAsync(s => s.Id == command.ShiftId, cancellationToken) ?? throw new NotFoundException("The shift");
        db.OnCallShifts.Remove(shift);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>Who takes safety calls when no shift covers the hour (null: nobody, and safety calls go to the team queue).</summary>
[RequiresRole(Roles.Admin)]
public sealed record SetOnCallFallback(Guid FacilityId, string? ClinicianId) : ICommand;

public sealed class SetOnCallFallbackHandler(IAdmissionsDbContextFactory dbFactory, IStaffDirectory staff) : ICommandHandler<SetOnCallFallback>
{
    public async ValueTask<Unit> Handle(SetOnCallFallback command, CancellationToken cancellationToken)
    {
        var fallback = string.IsNullOrWhiteSpace(command.ClinicianId)
            ? null
            : await OnCallClinicians.FindAsync(staff, command.ClinicianId, nameof(SetOnCallFallback.ClinicianId), cancellationToken);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var facility = await db.Facilities.FirstOrDefaultAsync(f => f.Id == command.FacilityId, cancellationToken) ?? throw new NotFoundException("The facility");
        facility.OnCallFallbackId = fallback?.Id;
        facility.OnCallFallbackName = fallback?.Name;
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>Who may be on call: the clinicians.</summary>
internal static class OnCallClinicians
{
    public static async Task<IReadOnlyList<StaffMember>> ListAsync(IStaffDirectory staff, CancellationToken cancellationToken) =>
        [.. (await staff.ListAsync(cancellationToken)).Where(m => m.Roles.Contains(Roles.Clinician)).OrderBy(m => m.Name, StringComparer.Ordinal)];

    public static async Task<StaffMember> FindAsync(IStaffDirectory staff, string? id, string field, CancellationToken cancellationToken) =>
        await staff.FindAsync(id ?? "", cancellationToken) is { } member && member.Roles.Contains(Roles.Clinician)
            ? member
            : throw new RequestValidationException(new Dictionary<string, string[]> { [field] = ["Choose a clinician: safety calls need one."] });
}
