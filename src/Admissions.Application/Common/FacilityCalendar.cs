using System.Globalization;
using Admissions.Domain.Common;
using Admissions.Domain.Placement;

namespace Admissions.Application.Common;

/// <summary>
/// The one calendar every date-only rule reads (consent expiry, review dates, inquiry-number years, "today",
/// "tomorrow 9 AM"): the day and the wall clock where the facility is, never a UTC date.
/// </summary>
public interface IFacilityCalendar
{
    /// <summary>The organisation's calendar (<c>Admissions:TimeZone</c>), for rules that concern no facility yet.</summary>
    FacilityDays Organisation { get; }

    /// <summary>
    /// The calendar of a facility's time zone; the organisation's when <paramref name="facilityId"/> is null (inquiries
    /// are not tied to a facility yet) or names no facility.
    /// </summary>
    ValueTask<FacilityDays> ForAsync(Guid? facilityId, CancellationToken cancellationToken = default);

    /// <summary>The calendar of a facility already loaded.</summary>
    FacilityDays OfFacility(Facility facility);

    /// <summary>
    /// The calendar of the facility an inquiry belongs to: every date rule about one inquiry (its consents, its
    /// verification and authorization dates) reads this. The organisation's when the inquiry has no facility.
    /// </summary>
    ValueTask<FacilityDays> ForInquiryAsync(Guid inquiryId, CancellationToken cancellationToken = default);
}

/// <summary>The organisation's default time zone (section <c>Admissions</c>).</summary>
public sealed class CalendarOptions
{
    public const string Section = "Admissions";
    public const string DefaultTimeZone = "America/Los_Angeles";

    /// <summary>An IANA time zone id: where the organisation's days begin and end.</summary>
    public string TimeZone { get; set; } = DefaultTimeZone;
}

/// <summary>Days and wall-clock times in one time zone, at the time <see cref="TimeProvider"/> says it is.</summary>
public sealed class FacilityDays(TimeZoneInfo zone, TimeProvider clock)
{
    public static readonly CultureInfo UsEnglish = CultureInfo.GetCultureInfo("en-US");

    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>The same clock read in another zone.</summary>
    public FacilityDays In(TimeZoneInfo other) => new(other, clock);

    public DateTimeOffset Now => clock.GetUtcNow();

    public DateOnly Today => DayOf(Now);

    /// <summary>The day <paramref name="instant"/> falls on here.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => ZonedTime.DayOf(instant, Zone);

    /// <summary>The instant a wall-clock time here stands for (a time skipped by daylight saving becomes the first one after it).</summary>
    public DateTimeOffset At(DateOnly day, TimeOnly time) => ZonedTime.At(day, time, Zone);

    public DateTimeOffset StartOf(DateOnly day) => At(day, TimeOnly.MinValue);

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>"PST" or "PDT" style name of the zone as it is now.</summary>
    public string Abbreviation => Zone.IsDaylightSavingTime(Now) ? Zone.DaylightName : Zone.StandardName;

    /// <summary>An instant as a person says it here: "today at 9:39 AM", "tomorrow at 7:00 AM", "yesterday at …", "on Dec 8 at …".</summary>
    public string Describe(DateTimeOffset instant)
    {
        var time = ToLocal(instant).ToString("h:mm tt", UsEnglish);
        return (DayOf(instant).DayNumber - Today.DayNumber) switch
        {
            0 => $"today at {time}",
            1 => $"tomorrow at {time}",
            -1 => $"yesterday at {time}",
            _ => $"on {ToLocal(instant).ToString("MMM d", UsEnglish)} at {time}",
        };
    }
}
