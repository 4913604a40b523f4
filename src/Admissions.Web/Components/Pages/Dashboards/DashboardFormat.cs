using System.Globalization;
using Admissions.Application.Dashboards;
using Admissions.Domain.Inquiries;

namespace Admissions.Web.Components.Pages.Dashboards;

/// <summary>How dashboard figures are written, and the inquiry-list links behind them (drill-down).</summary>
public static class DashboardFormat
{
    private static readonly CultureInfo Us = CultureInfo.GetCultureInfo("en-US");

    public static string Count(int value) => value.ToString("N0", Us);

    /// <summary>A count held back as too small to show to business development (small-cell suppression).</summary>
    public static string Count(int? value) => value is { } v ? Count(v) : $"<{SmallCells.Threshold}";

    public const string SuppressedNote = "Counts under 11 are shown as <11 (with the shares they would give away) so that no one can be picked out of a small group.";

    public static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.0", Us) + "%" : "—";

    public static string Minutes(double? minutes) => minutes switch
    {
        null => "—",
        < 60 => minutes.Value.ToString("0.0", Us) + " min",
        < 1440 => (minutes.Value / 60).ToString("0.0", Us) + " h",
        _ => (minutes.Value / 1440).ToString("0.0", Us) + " d",
    };

    public static string Days(double? days) => days is { } d ? d.ToString("0.0", Us) + " d" : "—";

    public static string Hours(double? hours) => hours is { } h ? h.ToString("0.0", Us) + " h" : "—";

    public static string Reason(NotAdmittedReason reason)
    {
        var text = Inquiry.DescribeReason(reason);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    public static string Date(DateOnly day) => day.ToString("MMM d", Us);

    /// <summary>"at 10:45 AM on Nov 28", in the facility's time.</summary>
    public static string AsOf(DashboardScope scope, DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, scope.Zone).ToString("'at' h:mm tt 'on' MMM d", Us);

    /// <summary>The change of a count: "+12 (+8.0%)"; none when either count is held back.</summary>
    public static string CountChange(int? current, int? previous) =>
        current is { } c && previous is { } p ? CountChange(c, p) : "—";

    public static string CountChange(int current, int previous)
    {
        var delta = current - previous;
        var relative = previous == 0 ? "" : $" ({(delta >= 0 ? "+" : "")}{(100.0 * delta / previous).ToString("0.0", Us)}%)";
        return $"{(delta >= 0 ? "+" : "")}{delta.ToString("N0", Us)}{relative}";
    }

    /// <summary>The change of a share in percentage points: "+1.5 pts".</summary>
    public static string RateChange(double? current, double? previous) =>
        current is { } c && previous is { } p ? $"{(c >= p ? "+" : "")}{((c - p) * 100).ToString("0.0", Us)} pts" : "no comparison";

    public static string ValueChange(double? current, double? previous, Func<double?, string> format) =>
        current is { } c && previous is { } p ? $"{(c >= p ? "+" : "−")}{format(Math.Abs(c - p))}" : "no comparison";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Zone(DashboardScope scope) =>
        $"tz={Uri.EscapeDataString(scope.TimeZoneId)}{(scope.FacilityId is { } facility ? $"&facility={facility}" : "")}";

    /// <summary>Inquiries created in the period (or the given days), narrowed by extra query-string filters.</summary>
    public static string Created(DashboardScope scope, string? extra = null, DateOnly? from = null, DateOnly? to = null) =>
        $"/inquiries?from={Day(from ?? scope.From)}&to={Day(to ?? scope.To)}&{Zone(scope)}{extra}";

    /// <summary>Inquiries closed in the period (or the given days) in a stage: admissions, losses.</summary>
    public static string Closed(DashboardScope scope, InquiryStage stage, string? extra = null, DateOnly? from = null, DateOnly? to = null) =>
        $"/inquiries?closedFrom={Day(from ?? scope.From)}&closedTo={Day(to ?? scope.To)}&{Zone(scope)}&stage={stage}{extra}";

    public static string? Breakdown(DashboardScope scope, BreakdownDimension dimension, string? key) => dimension switch
    {
        BreakdownDimension.Source when key is not null => Created(scope, $"&source={key}"),
        BreakdownDimension.ReferralOrganisation when key is not null => Created(scope, $"&org={key}"),
        BreakdownDimension.Coordinator => Created(scope, $"&coordinator={Uri.EscapeDataString(key ?? Application.Inquiries.InquiryFilter.Unassigned)}"),
        _ => null,
    };
}
