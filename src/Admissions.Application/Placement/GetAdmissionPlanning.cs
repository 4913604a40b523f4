using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Care;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Placement;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Placement;

public sealed record AdmissionView(
    Guid Id, AdmissionState State, string ProgramName, LevelOfCare ProgramLevel, string? BedLabel, DateTimeOffset ScheduledFor, string TimeZoneId,
    string? BroughtBy, string? ArrivalNotes, string? LevelOverrideReason, string ScheduledByName, DateTimeOffset ScheduledAt,
    DateTimeOffset? ClosedAt, string? ClosedByName, string? Outcome, string? AdmittingLevelCode, Guid ProgramId, Guid? BedId)
{
    public Guid FacilityId { get; init; }
    public DateOnly? AdmittedOn { get; init; }
    public DateOnly? PlannedDischargeOn { get; init; }
    public DateOnly? DischargedOn { get; init; }
    public DischargeDisposition? Disposition { get; init; }
}

public sealed record FreeBed(Guid Id, string Label, string UnitName, bool HeldForThisInquiry);

public sealed record ProgramPlacement(
    Guid Id, string Name, string FacilityName, string TimeZoneId, LevelOfCare Level, Population Population, decimal DailyRate, bool HasBeds,
    IReadOnlyList<FitFinding> Findings, IReadOnlyList<FreeBed> FreeBeds)
{
    public bool Matches => Findings.All(f => f.Severity == FitSeverity.Ok);
    public bool NeedsOverride => Findings.Any(f => f.Severity == FitSeverity.NeedsOverride);
    public int WarningCount => Findings.Count(f => f.Severity != FitSeverity.Ok);

    public Guid FacilityId { get; init; }
}

public sealed record ReferralView(string PartnerName, string Reason, DateTimeOffset ReferredAt, string ReferredByName);

/// <summary>Everything the Admission tab shows: where the inquiry stands, the booking, and each program's fit and free beds.</summary>
public sealed record AdmissionPlanning(
    Guid InquiryId, string InquiryNumber, InquiryStage Stage, bool HasOpenSafetyAlert, string? DecidedLevel, LevelOfCare? DecidedSetting,
    AdmissionView? Current, IReadOnlyList<AdmissionView> Past, IReadOnlyList<ProgramPlacement> Programs, ReferralView? Referral)
{
    /// <summary>Why scheduling is not possible now, or null when it is.</summary>
    public string? ScheduleBlockedBecause => HasOpenSafetyAlert
        ? "A safety alert is open: a clinician must record a safety disposition before an admission is scheduled."
        : InquiryStageMachine.IsClosed(Stage) ? $"{InquiryNumber} is closed ({InquiryStageMachine.Describe(Stage)})."
        : Stage is not (InquiryStage.Approved or InquiryStage.AdmissionScheduled)
            ? $"{InquiryNumber} is in {InquiryStageMachine.Describe(Stage)}: move it to Approved when clinical review is done, then schedule the admission."
            : null;

    /// <summary>The patient's current stay (an admitted admission), if they are in a program now.</summary>
    public AdmissionView? Stay { get; init; }

    /// <summary>Today at the stay's facility (or the organisation's), the default for a discharge or step-down day.</summary>
    public DateOnly Today { get; init; }
}

[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record GetAdmissionPlanning(Guid InquiryId, DateTimeOffset? ForDate = null) : IQuery<AdmissionPlanning>, IAuditedRead
{
    public string AuditEntityType => "Inquiry";
    public string AuditEntityId => InquiryId.ToString();
}

public sealed class GetAdmissionPlanningHandler(IAdmissionsDbContextFactory dbFactory, TimeProvider clock, IFacilityCalendar calendar) : IQueryHandler<GetAdmissionPlanning, AdmissionPlanning>
{
    public async ValueTask<AdmissionPlanning> Handle(GetAdmissionPlanning query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var inquiry = await db.Inquiries.AsNoTracking().FirstOrDefaultAsync(i => i.Id == query.InquiryId, cancellationToken)
            ?? throw new NotFoundException("The inquiry");
        var candidate = await PlacementCandidates.LoadAsync(db, inquiry, cancellationToken);
        var facilities = await db.Facilities.AsNoTracking().ToDictionaryAsync(f => f.Id, cancellationToken);
        var programs = await db.TreatmentPrograms.AsNoTracking().Where(p => p.IsActive).ToListAsync(cancellationToken);
        var units = await db.CareUnits.AsNoTracking().Where(u => u.IsActive).ToListAsync(cancellationToken);
        var unitIds = units.Select(u => u.Id).ToList();
        var beds = await db.Beds.AsNoTracking()
            .Where(b => unitIds.Contains(b.UnitId) && (b.State == BedState.Available || b.State == BedState.Reserved))
            .ToListAsync(cancellationToken);

        var admissions = await db.Admissions.AsNoTracking().Where(a => a.InquiryId == inquiry.Id).ToListAsync(cancellationToken);
        var views = admissions.OrderByDescending(a => a.ScheduledAt).Select(a => View(a, facilities)).ToList();
        var current = views.FirstOrDefault(a => a.State == AdmissionState.Scheduled);
        var stay = views.FirstOrDefault(a => a.State == AdmissionState.Admitted);
        var placements = programs
            .Where(p => facilities.TryGetValue(p.FacilityId, out var f) && f.IsActive)
            .OrderBy(p => p.Level).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(program =>
            {
                var facility = facilities[program.FacilityId];
                var day = facility.DayAt(query.ForDate ?? current?.ScheduledFor ?? now);
                var free = units.Where(u => u.ProgramId == program.Id)
                    .SelectMany(u => beds.Where(b => b.UnitId == u.Id && (b.IsFree(now) || b.ReservedForInquiryId == inquiry.Id))
                        .Select(b => new FreeBed(b.Id, b.Label, u.Name, b.ReservedForInquiryId == inquiry.Id)))
                    .OrderBy(b => Placements.NaturalKey(b.Label), StringComparer.Ordinal)
                    .ToList();
                return new ProgramPlacement(program.Id, program.Name, facility.Name, facility.TimeZoneId, program.Level, program.Population,
                    program.DailyRate, program.HasBeds, ProgramFit.Check(program, candidate, day), free)
                { FacilityId = program.FacilityId };
            })
            .ToList();

        var referral = await db.OutboundReferrals.AsNoTracking().Where(r => r.InquiryId == inquiry.Id)
            .OrderByDescending(r => r.ReferredAt)
            .Select(r => new ReferralView(r.PartnerName, r.Reason, r.ReferredAt, r.ReferredByName))
            .FirstOrDefaultAsync(cancellationToken);
        var decided = candidate.LevelOfCare;
        var decidedLevel = decided is null ? null
            : $"{decided.Label} · {(decided.CareSetting is { } s ? LevelsOfCare.Describe(s) : "hospital level: refer to a hospital")}";
        return new AdmissionPlanning(inquiry.Id, inquiry.Number, inquiry.Stage, candidate.HasOpenSafetyAlert, decidedLevel, decided?.CareSetting,
            current, [.. views.Where(v => v != current && v != stay)], placements, referral)
        {
            Stay = stay,
            Today = (await calendar.ForAsync(stay?.FacilityId ?? current?.FacilityId, cancellationToken)).Today,
        };
    }

    private static AdmissionView View(Admission a, Dictionary<Guid, Facility> facilities) =>
        new(a.Id, a.State, a.ProgramName, a.ProgramLevel, a.BedLabel, a.ScheduledFor,
            facilities.TryGetValue(a.FacilityId, out var f) ? f.TimeZoneId : "UTC",
            a.BroughtBy, a.ArrivalNotes, a.LevelOverrideReason, a.ScheduledByName, a.ScheduledAt, a.ClosedAt, a.ClosedByName, a.Outcome,
            a.AdmittingLevelCode, a.ProgramId, a.BedId)
        {
            FacilityId = a.FacilityId,
            AdmittedOn = a.AdmittedOn,
            PlannedDischargeOn = a.PlannedDischargeOn,
            DischargedOn = a.DischargedOn,
            Disposition = a.Disposition,
        };
}
