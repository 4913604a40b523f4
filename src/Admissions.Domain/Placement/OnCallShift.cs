namespace Admissions.Domain.Placement;

/// <summary>
/// One block of a facility's on-call schedule: a clinician is on call on <see cref="Day"/> from <see cref="Starts"/> until
/// <see cref="Ends"/>, facility time. A shift that ends at or before it starts runs past midnight into the next day
/// (equal times: 24 hours).
/// </summary>
public sealed class OnCallShift
{
    private const int MinutesPerDay = 24 * 60;
    private const int MinutesPerWeek = 7 * MinutesPerDay;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid FacilityId { get; init; }
    public DayOfWeek Day { get; init; }
    public TimeOnly Starts { get; init; }
    public TimeOnly Ends { get; init; }

    /// <summary>The clinician's user id and name.</summary>
    public string ClinicianId { get; init; } = "";
    public string ClinicianName { get; init; } = "";

    private int StartMinute => ((int)Day * MinutesPerDay) + MinuteOfDay(Starts);

    private int Length => Ends > Starts ? MinuteOfDay(Ends) - MinuteOfDay(Starts) : MinutesPerDay - MinuteOfDay(Starts) + MinuteOfDay(Ends);

    /// <summary>Whether the shift covers a wall-clock moment at the facility.</summary>
    public bool Covers(DateTime local) => Within(((int)local.DayOfWeek * MinutesPerDay) + (local.Hour * 60) + local.Minute, StartMinute, Length);

    /// <summary>Whether two shifts share a minute of the week: two people on call at once would leave the owner in doubt.</summary>
    public bool Overlaps(OnCallShift other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Within(other.StartMinute, StartMinute, Length) || Within(StartMinute, other.StartMinute, other.Length);
    }

    /// <summary>"Mon 8:00 AM – 5:00 PM", "Fri 5:00 PM – Sat 8:00 AM".</summary>
    public string Describe()
    {
        var culture = System.Globalization.CultureInfo.GetCultureInfo("en-US");
        var next = Ends > Starts ? "" : ((DayOfWeek)(((int)Day + 1) % 7)).ToString()[..3] + " ";
        return $"{Day.ToString()[..3]} {Starts.ToString("h:mm tt", culture)} – {next}{Ends.ToString("h:mm tt", culture)}";
    }

    /// <summary>The shift covering <paramref name="local"/>, if any (the earliest in the week when shifts were allowed to overlap).</summary>
    public static OnCallShift? Covering(IEnumerable<OnCallShift> shifts, DateTime local) =>
        shifts.OrderBy(s => s.Day).ThenBy(s => s.Starts).FirstOrDefault(s => s.Covers(local));

    private static int MinuteOfDay(TimeOnly time) => (time.Hour * 60) + time.Minute;

    private static bool Within(int minute, int start, int length) => ((minute - start) % MinutesPerWeek + MinutesPerWeek) % MinutesPerWeek < length;
}
