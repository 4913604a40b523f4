using Admissions.Application.Common;

namespace Admissions.Web.Components.Ui;

/// <summary>Shows UTC instants on the facility calendar's clock (the organisation's until inquiries carry a facility).</summary>
public sealed class FacilityClock(IFacilityCalendar calendar, TimeProvider clock)
{
    private FacilityDays Days => calendar.Organisation;

    public static readonly System.Globalization.CultureInfo UsEnglish = FacilityDays.UsEnglish;

    public DateTimeOffset ToLocal(DateTimeOffset instant) => Days.ToLocal(instant);

    /// <summary>The instant a date and time read on the facility's clock stands for.</summary>
    public DateTimeOffset FromLocal(DateTime local) => FromLocal(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));

    /// <summary>A wall-clock time at the facility as an instant (a time skipped by daylight saving becomes the first one after it).</summary>
    public DateTimeOffset FromLocal(DateOnly date, TimeOnly time) => Days.At(date, time);

    public DateOnly Today => Days.Today;

    public string Abbreviation => Days.Abbreviation;

    /// <summary>"today at 9:39 AM", "tomorrow at 7:00 AM", "on Dec 8 at 10:00 AM".</summary>
    public string Describe(DateTimeOffset instant) => Days.Describe(instant);

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
