using System.Globalization;
using Admissions.Application.Common;
using Admissions.Domain.Auditing;
using Admissions.Domain.Care;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Security;
using Mediator;

namespace Admissions.Application.Dashboards;

public enum DashboardTable
{
    Overview,
    Funnel,
    Trends,
    Breakdown,
    LostReasons,
    Census,
    Authorizations,
    Scorecard,
    ReferralSources,
}

public sealed record CsvFile(string FileName, byte[] Content);

/// <summary>
/// A dashboard table as CSV. The table is read through its own query, so the same role rules apply (business
/// development gets aggregates only, a coordinator only their own scorecard), and the export is audited with its filters.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.BusinessDevelopment)]
public sealed record ExportDashboardCsv(
    DashboardTable Table, DashboardFilter Filter, BreakdownDimension Dimension = BreakdownDimension.Source, TrendInterval Interval = TrendInterval.Day)
    : IQuery<CsvFile>, IAuditedRead
{
    public string AuditEntityType => "DashboardExport";
    public string AuditEntityId => $"{Table}{(Table == DashboardTable.Breakdown ? $" by {Dimension}" : "")}{(Table == DashboardTable.Trends ? $" per {Interval}" : "")}, {Filter.Describe()}";
    public AuditAction AuditAction => AuditAction.Export;
}

public sealed class ExportDashboardCsvHandler(ISender sender) : IQueryHandler<ExportDashboardCsv, CsvFile>
{
    public async ValueTask<CsvFile> Handle(ExportDashboardCsv query, CancellationToken cancellationToken)
    {
        var f = query.Filter;
        var (header, rows) = query.Table switch
        {
            DashboardTable.Overview => OverviewRows(await sender.Send(new GetOverview(f), cancellationToken)),
            DashboardTable.Funnel => Table((await sender.Send(new GetFunnel(f), cancellationToken)).Steps,
                ["Stage", "Reached", "Current"], s => [InquiryStageMachine.Describe(s.Stage), Int(s.Reached), Int(s.Current)]),
            DashboardTable.Trends => Table((await sender.Send(new GetTrends(f, query.Interval), cancellationToken)).Points,
                ["Start", "Inquiries", "Admits"], p => [Date(p.Start), Int(p.Inquiries), Int(p.Admits)]),
            DashboardTable.Breakdown => Table((await sender.Send(new GetBreakdown(f, query.Dimension), cancellationToken)).Rows,
                [query.Dimension.ToString(), "Inquiries", "Admitted", "Conversion", "Admits in period"],
                r => [r.Label, Int(r.Inquiries), Int(r.Admitted), Percent(r.Conversion), Int(r.Admits)]),
            DashboardTable.LostReasons => Table((await sender.Send(new GetLostReasons(f), cancellationToken)).Rows,
                ["Reason", "Count", "Share", "Cumulative share"],
                r => [Inquiry.DescribeReason(r.Reason), Int(r.Count), Percent(r.Share), Percent(r.CumulativeShare)]),
            DashboardTable.Census => CensusRows(await sender.Send(new GetCensus(f), cancellationToken)),
            DashboardTable.Authorizations => Table((await sender.Send(new GetAuthorizationOutcomes(f), cancellationToken)).Rows,
                ["Status", "Count", "Share", "Median turnaround (hours)"],
                r => [r.Status.ToString(), Int(r.Count), Percent(r.Share), Number(r.MedianTurnaroundHours)]),
            DashboardTable.Scorecard => Table((await sender.Send(new GetCoordinatorScorecard(f), cancellationToken)).Rows,
                ["Coordinator", "Inquiries", "Contacted", "Median minutes to contact", "Within 5 minutes", "Admitted", "Conversion", "Admits in period", "Overdue tasks"],
                r => [r.Coordinator, Int(r.Inquiries), Int(r.Contacted), Number(r.MedianMinutesToContact), Percent(r.ShareContactedWithin5Minutes),
                    Int(r.Admitted), Percent(r.Conversion), Int(r.Admits), Int(r.OverdueTasks)]),
            _ => Table((await sender.Send(new GetReferralSources(f), cancellationToken)).Rows,
                ["Organisation", "Contact", "Inquiries", "Previous period", "Admitted", "Conversion", "Admits in period", "Last referral", "Stopped referring"],
                r => [r.Organisation, r.Contact ?? "", Int(r.Inquiries), Int(r.PreviousInquiries), Int(r.Admitted), Percent(r.Conversion), Int(r.Admits),
                    r.LastReferralAt is { } last ? last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "", r.StoppedReferring ? "yes" : "no"]),
        };

        var name = query.Table == DashboardTable.Breakdown ? $"breakdown-{query.Dimension}" : query.Table.ToString();
        return new CsvFile($"{name.ToLowerInvariant()}.csv", SafeCsv.Write(rows.Prepend(header)));
    }

    private static (string[] Header, IEnumerable<string[]> Rows) Table<T>(IEnumerable<T> items, string[] header, Func<T, string[]> row) =>
        (header, items.Select(row));

    /// <summary>Bed programs, then day programs (no beds: their patients today, the bed columns left empty).</summary>
    private static (string[] Header, IEnumerable<string[]> Rows) CensusRows(Census census) =>
        (["Program", "Level of care", "Beds", "Occupied", "Reserved", "Out of service", "Occupancy", "Patients today"],
            census.Programs.Select(r => new[]
                {
                    r.Program, LevelsOfCare.Describe(r.Level), Int(r.Beds), Int(r.Occupied), Int(r.Reserved), Int(r.OutOfService), Percent(r.Occupancy), Int(r.Occupied),
                })
                .Concat(census.DayPrograms.Select(r => new[] { r.Program, LevelsOfCare.Describe(r.Level), "", "", "", "", "", Int(r.Patients) })));

    private static (string[] Header, IEnumerable<string[]> Rows) OverviewRows(DashboardOverview o)
    {
        string[] Row(string measure, Func<KpiSet, string> value) => [measure, value(o.Current), value(o.Previous)];
        return (["Measure", "Current period", "Previous period"],
        [
            Row("Inquiries", k => Int(k.Inquiries)),
            Row("Valid inquiries", k => Int(k.ValidInquiries)),
            Row("Contact rate", k => Percent(k.ContactRate)),
            Row("Median minutes to first contact", k => Number(k.MedianMinutesToContact)),
            Row("90th percentile minutes to first contact", k => Number(k.P90MinutesToContact)),
            Row("Contacted within 5 minutes", k => Percent(k.ShareContactedWithin5Minutes)),
            Row("VOBs run", k => Int(k.VobsRun)),
            Row("Median VOB turnaround (minutes)", k => Number(k.MedianVobTurnaroundMinutes)),
            Row("Admits", k => Int(k.Admits)),
            Row("Inquiry-to-admit", k => Percent(k.InquiryToAdmit)),
            Row("VOB-to-admit", k => Percent(k.VobToAdmit)),
            Row("Median days inquiry to admission", k => Number(k.MedianDaysToAdmission)),
        ]);
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A count held back as too small to show (<see cref="SmallCells"/>).</summary>
    private static string Int(int? value) => value is { } v ? Int(v) : $"<{SmallCells.Threshold}";

    private static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "";

    private static string Number(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? "";
}
