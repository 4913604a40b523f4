namespace Admissions.Domain.Common;

/// <summary>Wall-clock times in a time zone (a facility's, a caller's) as instants.</summary>
public static class ZonedTime
{
    /// <summary>
    /// The instant <paramref name="time"/> on <paramref name="day"/> in <paramref name="zone"/> stands for. A time the
    /// clocks skip when they go forward (2:30 AM on the spring day in the US) becomes the first minute that exists after it.
    /// </summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The day <paramref name="instant"/> falls on in <paramref name="zone"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>Whether the clocks skip <paramref name="time"/> on <paramref name="day"/> in <paramref name="zone"/>.</summary>
    public static bool IsSkipped(DateOnly day, TimeOnly time, TimeZoneInfo zone) =>
        zone.IsInvalidTime(day.ToDateTime(time, DateTimeKind.Unspecified));
}
