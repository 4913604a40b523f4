using System.Globalization;
using Admissions.Domain.Common;
using Admissions.Domain.Placement;
using MudBlazor;

namespace Admissions.Web.Components.Pages.Inquiries.Admission;

/// <summary>How the Admission tab shows times (in the program's facility zone), fit findings and outcomes.</summary>
public static class AdmissionLabels
{
    private static readonly CultureInfo UsEnglish = CultureInfo.GetCultureInfo("en-US");

    private static TimeZoneInfo Zone(string? zoneId) => Facility.FindZone(zoneId) ?? TimeZoneInfo.Utc;

    public static string When(DateTimeOffset instant, string zoneId)
    {
        var zone = Zone(zoneId);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var name = zone.IsDaylightSavingTime(local) ? zone.DaylightName : zone.StandardName;
        return $"{local.ToString("ddd, MMM d, h:mm tt", UsEnglish)} {Abbreviate(name)}";
    }

    /// <summary>"Pacific Standard Time" → "PST"; names that are already short (UTC, GMT+2) stay as they are.</summary>
    private static string Abbreviate(string zoneName) =>
        zoneName.Contains(' ', StringComparison.Ordinal) ? string.Concat(zoneName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w[0])) : zoneName;

    public static string ZoneName(string zoneId) => Zone(zoneId).StandardName.Replace(" Standard Time", " time", StringComparison.Ordinal);

    /// <summary>The yyyy-MM-dd a date input takes, for the day at the facility.</summary>
    public static string LocalDate(DateTimeOffset instant, string? zoneId) =>
        TimeZoneInfo.ConvertTime(instant, Zone(zoneId)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly LocalDay(DateTimeOffset instant, string? zoneId) => ZonedTime.DayOf(instant, Zone(zoneId));

    public static string Day(DateOnly? day) => day?.ToString("MM/dd/yyyy", UsEnglish) ?? "–";

    public static string LocalTimeOfDay(DateTimeOffset instant, string zoneId) =>
        TimeZoneInfo.ConvertTime(instant, Zone(zoneId)).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The instant a date and time typed for the facility stand for; null when either is missing or malformed.</summary>
    public static DateTimeOffset? Instant(string? date, string? time, string zoneId)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !TimeOnly.TryParseExact(time, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
        {
            return null;
        }

        return ZonedTime.At(day, clock, Zone(zoneId));
    }

    public static string Icon(FitSeverity severity) => severity switch
    {
        FitSeverity.Ok => Icons.Material.Filled.CheckCircle,
        FitSeverity.Warning => Icons.Material.Filled.Warning,
        _ => Icons.Material.Filled.Block,
    };

    public static Color Color(FitSeverity severity) => severity switch
    {
        FitSeverity.Ok => MudBlazor.Color.Success,
        FitSeverity.Warning => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Error,
    };

    public static Color Color(AdmissionState state) => state switch
    {
        AdmissionState.Admitted => MudBlazor.Color.Success,
        AdmissionState.NoShow => MudBlazor.Color.Warning,
        AdmissionState.Scheduled => MudBlazor.Color.Secondary,
        AdmissionState.Discharged => MudBlazor.Color.Info,
        _ => MudBlazor.Color.Default,
    };
}
