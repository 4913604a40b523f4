using Admissions.Domain.Inquiries;

namespace Admissions.Domain.Reporting;

/// <summary>
/// The dashboard counts of one day, with days counted in one time zone (a facility's). Inquiry counts are for the
/// inquiries created that day (the cohort); VOBs for the checks requested that day; admits for the admissions
/// recorded that day. Kept by a job so that long periods add up a row per day instead of reading every inquiry.
/// </summary>
public sealed class DailyFigures
{
    /// <summary>The <see cref="FacilityId"/> of the figures that count every facility's inquiries.</summary>
    public static readonly Guid AllFacilities = Guid.Empty;

    public required string TimeZoneId { get; init; }

    /// <summary>Whose inquiries are counted: one facility's, or every facility's (<see cref="AllFacilities"/>).</summary>
    public Guid FacilityId { get; init; }
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

    /// <summary><see cref="MinutesToContact"/> of the inquiries assigned to one coordinator (the row's key), for the scorecard.</summary>
    CoordinatorMinutesToContact = 4,
}

/// <summary>How many of a day's durations had one value: a histogram row, so medians and percentiles stay exact over any run of days.</summary>
public sealed class DailyDuration
{
    public required string TimeZoneId { get; init; }

    /// <summary>One facility, or <see cref="DailyFigures.AllFacilities"/>.</summary>
    public Guid FacilityId { get; init; }
    public DateOnly Day { get; init; }
    public DurationMeasure Measure { get; init; }

    /// <summary>Empty, except the coordinator's id for <see cref="DurationMeasure.CoordinatorMinutesToContact"/>.</summary>
    public string Key { get; init; } = "";
    public int Value { get; init; }
    public int Count { get; init; }
}

/// <summary>That the daily figures of one time zone (and one facility, or all) have been built, and when they were last brought up to date.</summary>
public sealed class DailyFiguresState
{
    public required string TimeZoneId { get; init; }

    /// <summary>One facility, or <see cref="DailyFigures.AllFacilities"/>.</summary>
    public Guid FacilityId { get; init; }

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

/// <summary>Which day of an inquiry a <see cref="DailyGroup"/> counts it on.</summary>
public enum GroupEvent
{
    /// <summary>The day it was created: the cohort, with its stage now.</summary>
    Created = 1,

    /// <summary>The day it was closed (admitted, not admitted or referred out).</summary>
    Closed = 2,
}

/// <summary>What a <see cref="DailyGroup"/>'s key is.</summary>
public enum GroupDimension
{
    /// <summary>No key: every inquiry.</summary>
    All = 0,
    Source = 1,

    /// <summary>The payer of the primary policy, by name.</summary>
    Payer = 2,
    ReferralOrganisation = 3,
    Coordinator = 4,

    /// <summary>The care setting the inquiry was admitted to.</summary>
    LevelOfCare = 5,
}

/// <summary>
/// How many inquiries of one day share a key of one dimension, a stage, a not-admitted reason, the duplicate flag and
/// the contacted flag: the breakdowns, funnel, lost reasons, referral sources and scorecard over long periods add these
/// up instead of reading every inquiry. <see cref="Key"/> is empty for "none".
/// </summary>
public sealed class DailyGroup
{
    public long Id { get; init; }
    public required string TimeZoneId { get; init; }

    /// <summary>One facility, or <see cref="DailyFigures.AllFacilities"/>.</summary>
    public Guid FacilityId { get; init; }
    public DateOnly Day { get; init; }
    public GroupEvent Event { get; init; }
    public GroupDimension Dimension { get; init; }
    public required string Key { get; init; }
    public string? Label { get; init; }
    public InquiryStage Stage { get; init; }
    public NotAdmittedReason? Reason { get; init; }
    public bool PossibleDuplicate { get; init; }
    public bool Contacted { get; init; }
    public int Count { get; init; }
}
