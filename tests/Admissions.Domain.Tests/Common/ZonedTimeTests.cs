using Admissions.Domain.Common;

namespace Admissions.Domain.Tests.Common;

public class ZonedTimeTests
{
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    [Fact]
    public void A_wall_clock_time_is_read_with_the_offset_of_that_day()
    {
        // PST (UTC-8) before the spring change on 8 March 2026, PDT (UTC-7) after it.
        Assert.Equal(new DateTimeOffset(2026, 3, 7, 17, 0, 0, TimeSpan.Zero), ZonedTime.At(new DateOnly(2026, 3, 7), new TimeOnly(9, 0), LosAngeles));
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 16, 0, 0, TimeSpan.Zero), ZonedTime.At(new DateOnly(2026, 3, 9), new TimeOnly(9, 0), LosAngeles));
    }

    [Fact]
    public void A_time_the_clocks_skip_becomes_the_first_minute_after_the_jump()
    {
        var springDay = new DateOnly(2026, 3, 8);

        Assert.True(ZonedTime.IsSkipped(springDay, new TimeOnly(2, 30), LosAngeles));
        Assert.False(ZonedTime.IsSkipped(springDay, new TimeOnly(3, 0), LosAngeles));
        // 3:00 AM PDT is 10:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 10, 0, 0, TimeSpan.Zero), ZonedTime.At(springDay, new TimeOnly(2, 30), LosAngeles));
    }

    [Fact]
    public void An_instant_falls_on_its_day_in_the_zone()
    {
        // 06:30 UTC on 10 March is 23:30 PDT on 9 March; 08:00 UTC on 1 March is midnight PST on 1 March.
        Assert.Equal(new DateOnly(2026, 3, 9), ZonedTime.DayOf(new DateTimeOffset(2026, 3, 10, 6, 30, 0, TimeSpan.Zero), LosAngeles));
        Assert.Equal(new DateOnly(2026, 3, 1), ZonedTime.DayOf(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero), LosAngeles));
    }
}
