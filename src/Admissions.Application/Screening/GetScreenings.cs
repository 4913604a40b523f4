using Admissions.Application.Common;
using Admissions.Domain.Screening;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Screening;

public sealed record ScreeningView(
    Guid Id, InstrumentCode Instrument, ScreeningStatus Status, int VersionNumber, Guid? SupersedesId, bool IsSuperseded,
    IReadOnlyDictionary<string, int> Answers, int? Total, string? BandLabel, BandSeverity? BandSeverity, SuicideRisk? SuicideRisk,
    bool IsComplete, DateTimeOffset StartedAt, string StartedByName, DateTimeOffset UpdatedAt, string UpdatedByName,
    DateTimeOffset? CompletedAt, string? CompletedByName);

public sealed record SafetyAlertView(
    Guid Id, Guid ScreeningId, InstrumentCode Instrument, AlertLevel Level, string Reason, DateTimeOffset RaisedAt, string RaisedByName,
    SafetyDisposition? Disposition, string? DispositionNote, string? ResolvedByName, DateTimeOffset? ResolvedAt, bool IsOpen);

/// <summary>
/// The screenings on an inquiry: the current version per instrument, every version (history), and the safety alerts.
/// <see cref="HasOpenSafetyAlert"/> is what admission scheduling blocks on.
/// </summary>
public sealed record ScreeningsOverview(
    Guid InquiryId, IReadOnlyList<ScreeningView> Latest, IReadOnlyList<ScreeningView> History, IReadOnlyList<SafetyAlertView> Alerts)
{
    /// <summary>An immediate safety alert without a clinician's disposition: admission cannot be scheduled.</summary>
    public bool HasOpenSafetyAlert => Alerts.Any(a => a.IsOpen && a.Level == AlertLevel.Immediate);

    public bool NeedsClinicianReview => Alerts.Any(a => a.IsOpen && a.Level == AlertLevel.ClinicianReview);

    public IReadOnlyList<SafetyAlertView> OpenAlerts => [.. Alerts.Where(a => a.IsOpen)];
}

[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record GetScreenings(Guid InquiryId) : IQuery<ScreeningsOverview>, IAuditedRead
{
    public string AuditEntityType => nameof(ScreeningRecord);
    public string AuditEntityId => InquiryId.ToString();
}

public sealed class GetScreeningsHandler(IAdmissionsDbContextFactory dbFactory) : IQueryHandler<GetScreenings, ScreeningsOverview>
{
    public async ValueTask<ScreeningsOverview> Handle(GetScreenings query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (!await db.Inquiries.AnyAsync(i => i.Id == query.InquiryId, cancellationToken))
        {
            throw new NotFoundException("The inquiry");
        }

        var screenings = await db.Screenings.AsNoTracking().Where(s => s.InquiryId == query.InquiryId)
            .OrderByDescending(s => s.UpdatedAt).ToListAsync(cancellationToken);
        var alerts = await db.SafetyAlerts.AsNoTracking().Where(a => a.InquiryId == query.InquiryId)
            .OrderByDescending(a => a.RaisedAt).ToListAsync(cancellationToken);

        var history = screenings.Select(ToView).ToList();
        var latest = history.Where(s => !s.IsSuperseded)
            .GroupBy(s => s.Instrument)
            .Select(g => g.OrderByDescending(s => s.Status == ScreeningStatus.Draft).ThenByDescending(s => s.UpdatedAt).First())
            .OrderBy(s => s.Instrument)
            .ToList();
        return new ScreeningsOverview(query.InquiryId, latest, history, [.. alerts.Select(ToView)]);
    }

    private static ScreeningView ToView(ScreeningRecord s) => new(
        s.Id, s.Instrument, s.Status, s.VersionNumber, s.SupersedesId, s.IsSuperseded, s.Answers, s.Total, s.BandLabel, s.BandSeverity,
        s.SuicideRisk, s.IsComplete, s.StartedAt, s.StartedByName, s.UpdatedAt, s.UpdatedByName, s.CompletedAt, s.CompletedByName);

    private static SafetyAlertView ToView(InquirySafetyAlert a) => new(
        a.Id, a.ScreeningId, a.Instrument, a.Level, a.Reason, a.RaisedAt, a.RaisedByName, a.Disposition, a.DispositionNote,
        a.ResolvedByName, a.ResolvedAt, a.IsOpen);
}
