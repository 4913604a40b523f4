namespace Admissions.Domain.Reporting;

/// <summary>
/// The dashboard counts of one day, with days counted in one time zone (a facility's). Inquiry counts are for the
/// inquiries created that day (the cohort); VOBs for the checks requested that day; admits for the admissions
/// recorded that day. Kept by a job so that long periods add up a row per day instead of reading every inquiry.
/// </summary>
public sealed class DailyFigures
{
    public required string TimeZoneId { get; init; }
    public DateOnly Day { get; init; }
    public int Inquiries { get; init; }
    public int ValidInquiries { get; init; }
    public int Contacted { get; init; }
    public int Admitted { get; init; }
    public int Verified { get; init; }
    public int VerifiedAdmitted { get; init; }
    public int VobsRun { get; init; }
    public int Admits { get; init; }
}

/// <summary>What a day's <see cref="DailyDuration"/> rows measure; each is a whole number as the dashboards define it.</summary>
public enum DurationMeasure
{
    /// <summary>Whole minutes from inquiry to first contact, rounded up, of valid contacted inquiries; by creation day.</summary>
    MinutesToContact = 1,

    /// <summary>Whole minutes from request to result of completed VOBs, rounded up; by request day.</summary>
    VobTurnaroundMinutes = 2,

    /// <summary>Whole hours from inquiry to admission, rounded up; by admission day.</summary>
    HoursToAdmission = 3,
}

/// <summary>How many of a day's durations had one value: a histogram row, so medians and percentiles stay exact over any run of days.</summary>
public sealed class DailyDuration
{
    public required string TimeZoneId { get; init; }
    public DateOnly Day { get; init; }
    public DurationMeasure Measure { get; init; }
    public int Value { get; init; }
    public int Count { get; init; }
}

/// <summary>That the daily figures of one time zone have been built, and when they were last brought up to date.</summary>
public sealed class DailyFiguresState
{
    public required string TimeZoneId { get; init; }

    public DateTimeOffset RefreshedAt { get; set; }
}

/// <summary>
/// A saved change the daily figures have not taken in yet: an instant whose day must be counted again, or an inquiry
/// whose creation day must. Written with every save that touches an inquiry or a VOB; the refresh job consumes them.
/// </summary>
public sealed class DailyFiguresChange
{
    public long Id { get; init; }
    public DateTimeOffset? At { get; init; }
    public Guid? InquiryId { get; init; }
}
