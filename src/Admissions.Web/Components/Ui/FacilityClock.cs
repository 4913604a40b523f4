namespace Admissions.Web.Components.Ui;

/// <summary>Shows UTC instants in the facility's time zone (Admissions:TimeZone, default America/Los_Angeles).</summary>
public sealed class FacilityClock(IConfiguration configuration, TimeProvider clock)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(configuration["Admissions:TimeZone"] ?? "America/Los_Angeles");

    public static readonly System.Globalization.CultureInfo UsEnglish = System.Globalization.CultureInfo.GetCultureInfo("en-US");

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone);

    /// <summary>The instant a date and time read on the facility's clock stands for.</summary>
    public DateTimeOffset FromLocal(DateTime local) => FromLocal(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));

    /// <summary>A wall-clock time at the facility as an instant (a time skipped by daylight saving becomes the first one after it).</summary>
    public DateTimeOffset FromLocal(DateOnly date, TimeOnly time) => Domain.Common.ZonedTime.At(date, time, _zone);

    public DateOnly Today => DateOnly.FromDateTime(ToLocal(clock.GetUtcNow()).DateTime);

    public string Abbreviation => _zone.IsDaylightSavingTime(clock.GetUtcNow()) ? _zone.DaylightName : _zone.StandardName;

    public string Relative(DateTimeOffset instant)
    {
        var elapsed = clock.GetUtcNow() - instant;
        return elapsed switch
        {
            { TotalMinutes: < 1 } => "just now",
            { TotalMinutes: < 60 } => $"{(int)elapsed.TotalMinutes} min ago",
            { TotalHours: < 24 } => $"{(int)elapsed.TotalHours} h ago",
            { TotalDays: < 7 } => $"{(int)elapsed.TotalDays} d ago",
            _ => ToLocal(instant).ToString("MMM d, yyyy", UsEnglish),
        };
    }

    /// <summary>A span as a person says it: "4 min", "2 h 10 min", "3 d".</summary>
    public static string Duration(TimeSpan span)
    {
        span = span.Duration();
        return span switch
        {
            { TotalMinutes: < 1 } => $"{(int)span.TotalSeconds} s",
            { TotalHours: < 1 } => $"{(int)span.TotalMinutes} min",
            { TotalDays: < 1 } => $"{(int)span.TotalHours} h {span.Minutes} min",
            _ => $"{(int)span.TotalDays} d {span.Hours} h",
        };
    }
}
