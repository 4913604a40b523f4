using Admissions.Domain.Common;
using Admissions.Domain.Messaging;

namespace Admissions.Domain.Tests.Messaging;

public class QuietHoursTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Phoenix = TimeZoneInfo.FindSystemTimeZoneById("America/Phoenix");

    [Theory]
    [InlineData("2026-06-10T16:00:00Z")] // noon EDT
    [InlineData("2026-06-10T12:00:00Z")] // 08:00 EDT exactly
    [InlineData("2026-06-11T00:59:00Z")] // 20:59 EDT
    public void Daytime_is_allowed(string instant)
    {
        var at = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(at, QuietHours.Default.NextAllowed(at, NewYork));
    }

    [Theory]
    [InlineData("2026-06-11T01:00:00Z", "2026-06-11T12:00:00Z")] // 21:00 EDT → 08:00 EDT next day
    [InlineData("2026-06-11T07:00:00Z", "2026-06-11T12:00:00Z")] // 03:00 EDT → 08:00 EDT same day
    [InlineData("2026-03-08T04:30:00Z", "2026-03-08T12:00:00Z")] // 23:30 EST on Mar 7 → 08:00 EDT after the spring change
    [InlineData("2026-11-01T03:30:00Z", "2026-11-01T13:00:00Z")] // 23:30 EDT on Oct 31 → 08:00 EST after the autumn change
    public void Night_waits_for_8_am_local_across_clock_changes(string instant, string expected)
    {
        var at = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), QuietHours.Default.NextAllowed(at, NewYork));
    }

    [Fact]
    public void The_same_instant_is_quiet_in_one_zone_and_allowed_in_another()
    {
        var at = new DateTimeOffset(2026, 6, 11, 4, 30, 0, TimeSpan.Zero); // 00:30 EDT, 21:30 MST

        Assert.Equal(new DateTimeOffset(2026, 6, 11, 12, 0, 0, TimeSpan.Zero), QuietHours.Default.NextAllowed(at, NewYork));
        Assert.Equal(new DateTimeOffset(2026, 6, 11, 15, 0, 0, TimeSpan.Zero), QuietHours.Default.NextAllowed(at, Phoenix));
    }

    [Fact]
    public void A_daytime_window_that_does_not_wrap_midnight_works_too()
    {
        var lunch = new QuietHours(new TimeOnly(12, 0), new TimeOnly(13, 0));
        var at = new DateTimeOffset(2026, 6, 10, 16, 30, 0, TimeSpan.Zero); // 12:30 EDT

        Assert.Equal(new DateTimeOffset(2026, 6, 10, 17, 0, 0, TimeSpan.Zero), lunch.NextAllowed(at, NewYork));
    }

    [Fact]
    public void Every_state_has_a_time_zone_this_machine_knows()
    {
        foreach (var state in UsStates.Codes)
        {
            var zone = UsTimeZones.ForState(state);
            Assert.NotNull(zone);
            Assert.True(TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _), $"{state}: {zone}");
        }

        Assert.Equal("America/Chicago", UsTimeZones.ForState("tx"));
        Assert.Null(UsTimeZones.ForState("ZZ"));
        Assert.Null(UsTimeZones.ForState(null));
    }
}
