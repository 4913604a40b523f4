using Admissions.Domain.Common;

namespace Admissions.Domain.Messaging;

/// <summary>
/// The hours a prospect must not be messaged, on the recipient's own clock (default 21:00–08:00).
/// A message due inside them waits for the next allowed time; it is never dropped.
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    public static readonly QuietHours Default = new(new TimeOnly(21, 0), new TimeOnly(8, 0));

    public bool Contains(TimeOnly local) =>
        Start <= End ? local >= Start && local < End : local >= Start || local < End;

    /// <summary><paramref name="instant"/> itself when it is allowed, else the instant quiet hours end in <paramref name="zone"/>.</summary>
    public DateTimeOffset NextAllowed(DateTimeOffset instant, TimeZoneInfo zone)
    {
        if (Start == End)
        {
            return instant;
        }

        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (!Contains(time))
        {
            return instant;
        }

        var endDay = DateOnly.FromDateTime(local.DateTime);
        if (Start > End && time >= Start)
        {
            endDay = endDay.AddDays(1);
        }

        // The end may fall in a spring-forward gap; the first valid minute after it is the answer.
        return ZonedTime.At(endDay, End, zone);
    }
}
