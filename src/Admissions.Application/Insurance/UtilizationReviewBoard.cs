using System.Globalization;
using Admissions.Application.Common;
using Admissions.Application.Dashboards;
using Admissions.Domain.Auditing;
using Admissions.Domain.Care;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Admissions.Application.Insurance;

public enum UrBoardSection
{
    Covered,
    Pended,
    ReviewsDue,
    Denials,
    ToSend,
}

/// <summary>One authorization on utilization review's board, with the days counted on its inquiry's facility calendar.</summary>
public sealed record UrBoardItem(
    Guid AuthorizationId, Guid InquiryId, string InquiryNumber, string PatientName, bool Admitted, string? FacilityName, string PayerName, LevelOfCare Level,
    AuthorizationStatus Status, string OwnerName, DateOnly AdmissionDate, int RequestedDays, int? ApprovedDays, DateOnly? LastCoveredDay,
    DateOnly? NextReviewOn, string? CertificationNumber, CoverageDays? Coverage, string? PendedReason, int? PendedDays, bool LongPend,
    DateOnly? DecidedOn, DateOnly? AppealBy, string? DenialReason)
{
    /// <summary>The active single case agreement in short ("SCA $1,150/day × 14"), if the out-of-network payer signed one.</summary>
    public string? Agreement { get; init; }

    /// <summary>The day the team plans the patient's discharge from the current stay, when planned.</summary>
    public DateOnly? PlannedDischargeOn { get; init; }
}

public sealed record UrBoardOption(string Value, string Label);

/// <summary>
/// Utilization review's day on one page: admitted patients by last covered day (today and tomorrow first), requests the
/// payer pended with its reason, reviews due (<see cref="PriorAuthorization.IsReviewDue"/>), and denials still open to
/// appeal, by appeal deadline. A stay that ended (discharge or step-down) is no longer admitted and has no review due.
/// Facilities are offered as a filter when there is more than one.
/// </summary>
public sealed record UtilizationReviewBoard(
    DateOnly Today, IReadOnlyList<UrBoardItem> Covered, IReadOnlyList<UrBoardItem> Pended, IReadOnlyList<UrBoardItem> ReviewsDue,
    IReadOnlyList<UrBoardItem> Denials, int LongPends, int LongPendDays, IReadOnlyList<UrBoardOption> Payers, IReadOnlyList<UrBoardOption> Owners,
    IReadOnlyList<UrBoardOption> Facilities)
{
    /// <summary>Requests opened at a step-down that utilization review has yet to send to the payer.</summary>
    public IReadOnlyList<UrBoardItem> ToSend { get; init; } = [];
}

[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.UtilizationReview)]
public sealed record GetUtilizationReviewBoard(Guid? PayerId = null, string? OwnerId = null, Guid? FacilityId = null) : IQuery<UtilizationReviewBoard>, IAuditedRead
{
    public string AuditEntityType => "UtilizationReviewBoard";
    public string AuditEntityId => "board";
    public string AuditDetails => UtilizationReviewBoards.DescribeFilters(PayerId, OwnerId, FacilityId);
}

public sealed class GetUtilizationReviewBoardHandler(IAdmissionsDbContextFactory dbFactory, IFacilityCalendar calendar, IOptions<UtilizationReviewOptions> options)
    : IQueryHandler<GetUtilizationReviewBoard, UtilizationReviewBoard>
{
    public async ValueTask<UtilizationReviewBoard> Handle(GetUtilizationReviewBoard query, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var days = calendar.Organisation;
        var today = days.Today;
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var facilities = await db.Facilities.AsNoTracking().ToListAsync(cancellationToken);
        var calendars = facilities.ToDictionary(f => f.Id, calendar.OfFacility);
        var oldestAppealable = days.Now.AddDays(-Math.Max(settings.AppealDays, settings.AppealDaysByPayer.Values.DefaultIfEmpty(0).Max()) - 1);
        var rows = await (from a in db.PriorAuthorizations.AsNoTracking()
                          join i in db.Inquiries.AsNoTracking() on a.InquiryId equals i.Id
                          where ((a.Status == AuthorizationStatus.Certified || a.Status == AuthorizationStatus.Partial)
                                 && a.StayEndedOn == null && (i.Stage == InquiryStage.Admitted || a.NextReviewOn != null))
                                || a.Status == AuthorizationStatus.Pended
                                || (a.Status == AuthorizationStatus.Requested && a.AwaitingSubmission)
                                || (a.Status == AuthorizationStatus.Denied && a.DecidedAt >= oldestAppealable)
                          select new
                          {
                              a.Id,
                              a.InquiryId,
                              i.Number,
                              Patient = i.Details.PatientFirstName + " " + i.Details.PatientLastName,
                              i.Stage,
                              i.FacilityId,
                              a.PayerId,
                              a.PayerName,
                              a.Level,
                              a.Status,
                              a.RequestedById,
                              a.RequestedByName,
                              a.AdmissionDate,
                              a.RequestedDays,
                              a.ApprovedDays,
                              a.ApprovedTo,
                              a.NextReviewOn,
                              a.CertificationNumber,
                              a.PendedReason,
                              a.PendedAt,
                              a.ReasonCode,
                              a.DecidedAt,
                              a.DenialReason,
                              a.StayEndedOn,
                          })
            .ToListAsync(cancellationToken);

        var authorizationIds = rows.Select(r => r.Id).ToList();
        var agreements = await AgreementChips.ForAsync(db, authorizationIds, cancellationToken);
        var inquiryIds = rows.Select(r => r.InquiryId).Distinct().ToList();
        var plannedDischarges = (await db.Admissions.AsNoTracking()
                .Where(a => inquiryIds.Contains(a.InquiryId) && a.State == Domain.Placement.AdmissionState.Admitted)
                .Select(a => new { a.InquiryId, a.PlannedDischargeOn })
                .ToListAsync(cancellationToken))
            .DistinctBy(a => a.InquiryId)
            .ToDictionary(a => a.InquiryId, a => a.PlannedDischargeOn);
        var payers = rows.DistinctBy(r => r.PayerId).OrderBy(r => r.PayerName, StringComparer.OrdinalIgnoreCase)
            .Select(r => new UrBoardOption(r.PayerId.ToString(), r.PayerName)).ToList();
        var owners = rows.DistinctBy(r => r.RequestedById).OrderBy(r => r.RequestedByName, StringComparer.OrdinalIgnoreCase)
            .Select(r => new UrBoardOption(r.RequestedById, r.RequestedByName)).ToList();
        var names = facilities.ToDictionary(f => f.Id, f => f.Name);
        var facilityOptions = facilities.Count(f => f.IsActive) > 1
            ? facilities.Where(f => f.IsActive).OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Select(f => new UrBoardOption(f.Id.ToString(), f.Name)).ToList()
            : [];
        var items = rows
            .Where(r => query.PayerId is null || r.PayerId == query.PayerId)
            .Where(r => query.OwnerId is null || r.RequestedById == query.OwnerId)
            .Where(r => query.FacilityId is null || r.FacilityId == query.FacilityId)
            .Select(r =>
            {
                // Each stay's days are its facility's: a patient in another zone reaches a new day at another hour.
                var stayDays = r.FacilityId is { } facilityId && calendars.TryGetValue(facilityId, out var own) ? own : days;
                var stayToday = stayDays.Today;
                var admitted = r.Stage == InquiryStage.Admitted && r.StayEndedOn is null;
                int? pendedDays = r.PendedAt is { } pendedAt ? stayToday.DayNumber - stayDays.DayOf(pendedAt).DayNumber : null;
                DateOnly? decidedOn = r.DecidedAt is { } decidedAt ? stayDays.DayOf(decidedAt) : null;
                return new UrBoardItem(r.Id, r.InquiryId, r.Number, r.Patient, admitted, r.FacilityId is { } f ? names.GetValueOrDefault(f) : null,
                    r.PayerName, r.Level, r.Status, r.RequestedByName,
                    r.AdmissionDate, r.RequestedDays, r.ApprovedDays, r.ApprovedTo, r.NextReviewOn, r.CertificationNumber,
                    PriorAuthorization.Coverage(r.AdmissionDate, r.ApprovedTo, stayToday),
                    r.Status == AuthorizationStatus.Pended ? r.PendedReason ?? AuthorizationDecisions.DescribeReason(r.ReasonCode) : null,
                    pendedDays, admitted && pendedDays > settings.LongPendDays,
                    decidedOn,
                    r.Status == AuthorizationStatus.Denied && decidedOn is { } on ? on.AddDays(settings.AppealDaysFor(r.PayerName)) : null,
                    r.DenialReason)
                {
                    Agreement = agreements.GetValueOrDefault(r.Id),
                    PlannedDischargeOn = admitted ? plannedDischarges.GetValueOrDefault(r.InquiryId) : null,
                };
            })
            .ToList();

        var covered = items.Where(i => PriorAuthorization.IsCertification(i.Status) && i.Admitted && i.LastCoveredDay is not null)
            .OrderBy(i => i.LastCoveredDay).ThenBy(i => i.InquiryNumber, StringComparer.Ordinal).ToList();
        var pended = items.Where(i => i.Status == AuthorizationStatus.Pended)
            .OrderByDescending(i => i.LongPend).ThenByDescending(i => i.PendedDays ?? 0).ThenBy(i => i.InquiryNumber, StringComparer.Ordinal).ToList();
        var reviews = items.Where(i => PriorAuthorization.IsReviewDue(i.Status, i.NextReviewOn, today))
            .OrderBy(i => i.NextReviewOn).ThenBy(i => i.InquiryNumber, StringComparer.Ordinal).ToList();
        var denials = items.Where(i => i.Status == AuthorizationStatus.Denied && i.AppealBy >= today)
            .OrderBy(i => i.AppealBy).ThenBy(i => i.InquiryNumber, StringComparer.Ordinal).ToList();
        var toSend = items.Where(i => i.Status == AuthorizationStatus.Requested)
            .OrderBy(i => i.AdmissionDate).ThenBy(i => i.InquiryNumber, StringComparer.Ordinal).ToList();
        return new UtilizationReviewBoard(today, covered, pended, reviews, denials, pended.Count(p => p.LongPend), settings.LongPendDays, payers, owners,
            facilityOptions)
        {
            ToSend = toSend,
        };
    }
}

/// <summary>The board as CSV, one row per authorization and section, audited as an export with its filters.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.UtilizationReview)]
public sealed record ExportUtilizationReviewBoard(Guid? PayerId = null, string? OwnerId = null, Guid? FacilityId = null) : IQuery<CsvFile>, IAuditedRead
{
    public string AuditEntityType => "UtilizationReviewBoard";
    public string AuditEntityId => "board";
    public string AuditDetails => UtilizationReviewBoards.DescribeFilters(PayerId, OwnerId, FacilityId);
    public AuditAction AuditAction => AuditAction.Export;
}

public sealed class ExportUtilizationReviewBoardHandler(ISender sender) : IQueryHandler<ExportUtilizationReviewBoard, CsvFile>
{
    public async ValueTask<CsvFile> Handle(ExportUtilizationReviewBoard query, CancellationToken cancellationToken)
    {
        var board = await sender.Send(new GetUtilizationReviewBoard(query.PayerId, query.OwnerId, query.FacilityId), cancellationToken);
        string[] header = ["Section", "Inquiry", "Patient", "Facility", "Payer", "Level of care", "Status", "Owner", "Admission", "Approved days",
            "Last covered day", "Days used", "Days left", "Next review", "Certification", "Pended reason", "Days pended", "Appeal by", "Single case agreement"];
        var rows = UtilizationReviewBoards.Sections(board).SelectMany(s => s.Items.Select(i => new[]
        {
            UtilizationReviewBoards.Title(s.Section), i.InquiryNumber, i.PatientName, i.FacilityName ?? "", i.PayerName, LevelsOfCare.Describe(i.Level),
            PriorAuthorization.Describe(i.Status), i.OwnerName, Date(i.AdmissionDate), Int(i.ApprovedDays), Date(i.LastCoveredDay),
            Int(i.Coverage?.Used), Int(i.Coverage?.Left), Date(i.NextReviewOn), i.CertificationNumber ?? "", i.PendedReason ?? "",
            Int(i.PendedDays), Date(i.AppealBy), i.Agreement ?? "",
        }));
        return new CsvFile($"utilization-review-{board.Today:yyyy-MM-dd}.csv", SafeCsv.Write(rows.Prepend(header)));
    }

    private static string Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Int(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}

public static class UtilizationReviewBoards
{
    public static IEnumerable<(UrBoardSection Section, IReadOnlyList<UrBoardItem> Items)> Sections(UtilizationReviewBoard board) =>
    [
        (UrBoardSection.Covered, board.Covered),
        (UrBoardSection.Pended, board.Pended),
        (UrBoardSection.ReviewsDue, board.ReviewsDue),
        (UrBoardSection.Denials, board.Denials),
        (UrBoardSection.ToSend, board.ToSend),
    ];

    public static string Title(UrBoardSection section) => section switch
    {
        UrBoardSection.Covered => "Admitted patients by last covered day",
        UrBoardSection.Pended => "Pended by the payer",
        UrBoardSection.ReviewsDue => "Reviews due",
        UrBoardSection.ToSend => "Opened at a step-down, to send",
        _ => "Denials open to appeal",
    };

    internal static string DescribeFilters(Guid? payerId, string? ownerId, Guid? facilityId) =>
        $"payer {(payerId is { } payer ? payer.ToString() : "all")}; owner {ownerId ?? "all"}; facility {(facilityId is { } facility ? facility.ToString() : "all")}";
}
