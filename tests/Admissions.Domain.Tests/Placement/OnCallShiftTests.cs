using Admissions.Domain.Placement;

namespace Admissions.Domain.Tests.Placement;

public class OnCallShiftTests
{
    private static OnCallShift Shift(DayOfWeek day, int from, int to, string who = "Dr. Brooks") =>
        new() { Day = day, Starts = new TimeOnly(from, 0), Ends = new TimeOnly(to, 0), ClinicianId = who, ClinicianName = who };

    // 2026-03-09 is a Monday.
    private static DateTime At(int dayOfMonth, int hour, int minute = 0) => new(2026, 3, dayOfMonth, hour, minute, 0, DateTimeKind.Unspecified);

    [Theory]
    [InlineData(9, 8, 0, true)]
    [InlineData(9, 16, 59, true)]
    [InlineData(9, 17, 0, false)]
    [InlineData(9, 7, 59, false)]
    [InlineData(10, 9, 0, false)]
    public void A_day_shift_covers_its_hours_on_its_day_only(int day, int hour, int minute, bool covered)
    {
        Assert.Equal(covered, Shift(DayOfWeek.Monday, 8, 17).Covers(At(day, hour, minute)));
    }

    [Theory]
    [InlineData(13, 17, true)] // Friday 5 PM
    [InlineData(13, 23, true)]
    [InlineData(14, 0, true)] // Saturday midnight
    [InlineData(14, 7, true)]
    [InlineData(14, 8, false)]
    [InlineData(13, 16, false)]
    public void A_shift_that_ends_before_it_starts_runs_past_midnight(int day, int hour, bool covered)
    {
        Assert.Equal(covered, Shift(DayOfWeek.Friday, 17, 8).Covers(At(day, hour)));
    }

    [Fact]
    public void A_Saturday_night_shift_runs_into_Sunday_across_the_end_of_the_week()
    {
        var shift = Shift(DayOfWeek.Saturday, 20, 6);

        Assert.True(shift.Covers(At(15, 5)));
        Assert.False(shift.Covers(At(16, 6)));
        Assert.Equal("Sat 8:00 PM – Sun 6:00 AM", shift.Describe());
    }

    [Fact]
    public void Equal_start_and_end_is_a_24_hour_shift()
    {
        var shift = Shift(DayOfWeek.Wednesday, 9, 9);

        Assert.True(shift.Covers(At(11, 9)));
        Assert.True(shift.Covers(At(12, 8)));
        Assert.False(shift.Covers(At(12, 9)));
    }

    [Theory]
    [InlineData(DayOfWeek.Monday, 8, 17, DayOfWeek.Monday, 16, 20, true)]
    [InlineData(DayOfWeek.Monday, 8, 17, DayOfWeek.Monday, 17, 20, false)]
    [InlineData(DayOfWeek.Friday, 17, 8, DayOfWeek.Saturday, 7, 12, true)]
    [InlineData(DayOfWeek.Friday, 17, 8, DayOfWeek.Saturday, 8, 12, false)]
    [InlineData(DayOfWeek.Saturday, 20, 6, DayOfWeek.Sunday, 5, 9, true)]
    [InlineData(DayOfWeek.Tuesday, 9, 10, DayOfWeek.Monday, 0, 0, false)]
    public void Shifts_that_share_a_minute_of_the_week_overlap(DayOfWeek day, int from, int to, DayOfWeek otherDay, int otherFrom, int otherTo, bool overlap)
    {
        var one = Shift(day, from, to);
        var other = Shift(otherDay, otherFrom, otherTo);

        Assert.Equal(overlap, one.Overlaps(other));
        Assert.Equal(overlap, other.Overlaps(one));
    }

    [Fact]
    public void The_covering_shift_is_found_among_many()
    {
        OnCallShift[] week = [Shift(DayOfWeek.Monday, 8, 17, "Day"), Shift(DayOfWeek.Monday, 17, 8, "Night")];

        Assert.Equal("Night", OnCallShift.Covering(week, At(10, 2))?.ClinicianName);
        Assert.Equal("Day", OnCallShift.Covering(week, At(9, 12))?.ClinicianName);
        Assert.Null(OnCallShift.Covering(week, At(10, 12)));
    }
}
