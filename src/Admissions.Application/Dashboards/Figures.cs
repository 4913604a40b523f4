using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Reporting;

namespace Admissions.Application.Dashboards;

/// <summary>
/// Durations as the dashboards count them: whole units rounded up (a contact 4 min 10 s after the inquiry took 5 minutes;
/// one in the same instant took 0). Whole numbers let daily histograms add up to exactly the figures of any period.
/// </summary>
public static class Durations
{
    public static int MinutesToContact(DateTimeOffset created, DateTimeOffset firstContact) => CeilingMinutes(firstContact - created);

    public static int VobTurnaroundMinutes(DateTimeOffset requested, DateTimeOffset completed) => CeilingMinutes(completed - requested);

    public static int HoursToAdmission(DateTimeOffset created, DateTimeOffset admitted) =>
        (int)Math.Ceiling(Math.Max(0, (admitted - created).TotalHours));

    private static int CeilingMinutes(TimeSpan elapsed) => (int)Math.Ceiling(Math.Max(0, elapsed.TotalMinutes));
}

/// <summary>How many times each whole value occurred; medians and percentiles as <see cref="Stats"/> defines them.</summary>
public sealed class Histogram
{
    private readonly SortedDictionary<int, long> _counts = [];

    public long Count { get; private set; }

    public void Add(int value, long count = 1)
    {
        if (count <= 0)
        {
            return;
        }

        _counts[value] = _counts.GetValueOrDefault(value) + count;
        Count += count;
    }

    public IEnumerable<KeyValuePair<int, long>> Values => _counts;

    public long CountAtOrBelow(int value) => _counts.Where(c => c.Key <= value).Sum(c => c.Value);

    /// <summary>The middle value; the mean of the two middle values for an even count; null for none.</summary>
    public double? Median() => Count == 0 ? null
        : Count % 2 == 1 ? ValueAtRank((Count + 1) / 2)
        : (ValueAtRank(Count / 2) + ValueAtRank(Count / 2 + 1)) / 2.0;

    /// <summary>Nearest rank: the smallest value with at least <paramref name="percent"/>% of values at or below it.</summary>
    public double? Percentile(int percent) =>
        Count == 0 ? null : ValueAtRank(Math.Clamp((long)Math.Ceiling(percent / 100.0 * Count), 1, Count));

    private int ValueAtRank(long rank)
    {
        var seen = 0L;
        foreach (var (value, count) in _counts)
        {
            seen += count;
            if (seen >= rank)
            {
                return value;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(rank));
    }
}

/// <summary>
/// The overview's figures for a run of days, before they become rates: counted from raw rows for one period, or per day
/// by the refresh job, or added up from stored days. The same rules in every case, so the three agree exactly.
/// </summary>
public sealed class FigureTally
{
    public int Inquiries { get; private set; }
    public int ValidInquiries { get; private set; }
    public int Contacted { get; private set; }
    public int Admitted { get; private set; }
    public int Verified { get; private set; }
    public int VerifiedAdmitted { get; private set; }
    public int VobsRun { get; private set; }
    public int Admits { get; private set; }
    public Histogram MinutesToContact { get; } = new();
    public Histogram VobTurnaroundMinutes { get; } = new();
    public Histogram HoursToAdmission { get; } = new();

    /// <summary>An inquiry created in the period. Possible duplicates and those closed as duplicate or invalid are not valid and count nowhere else.</summary>
    public void AddInquiry(CohortInquiry inquiry)
    {
        Inquiries++;
        if (!CohortGroup.IsValidInquiry(inquiry.PossibleDuplicate, inquiry.Reason))
        {
            return;
        }

        var admitted = inquiry.Stage == InquiryStage.Admitted;
        ValidInquiries++;
        Admitted += admitted ? 1 : 0;
        Verified += inquiry.HasVob ? 1 : 0;
        VerifiedAdmitted += inquiry.HasVob && admitted ? 1 : 0;
        if (inquiry.FirstContactAt is { } contact)
        {
            Contacted++;
            MinutesToContact.Add(Durations.MinutesToContact(inquiry.CreatedAt, contact));
        }
    }

    /// <summary>A VOB requested in the period; its turnaround counts once it has completed.</summary>
    public void AddVob(DateTimeOffset requestedAt, VerificationState state, DateTimeOffset? completedAt)
    {
        VobsRun++;
        if (state == VerificationState.Completed && completedAt is { } completed)
        {
            VobTurnaroundMinutes.Add(Durations.VobTurnaroundMinutes(requestedAt, completed));
        }
    }

    /// <summary>An admission recorded in the period.</summary>
    public void AddAdmit(DateTimeOffset createdAt, DateTimeOffset admittedAt)
    {
        Admits++;
        HoursToAdmission.Add(Durations.HoursToAdmission(createdAt, admittedAt));
    }

    /// <summary>A stored day's counts (its durations come separately, already grouped).</summary>
    public void AddDay(DailyFigures day)
    {
        Inquiries += day.Inquiries;
        ValidInquiries += day.ValidInquiries;
        Contacted += day.Contacted;
        Admitted += day.Admitted;
        Verified += day.Verified;
        VerifiedAdmitted += day.VerifiedAdmitted;
        VobsRun += day.VobsRun;
        Admits += day.Admits;
    }

    public Histogram Of(DurationMeasure measure) => measure switch
    {
        DurationMeasure.MinutesToContact => MinutesToContact,
        DurationMeasure.VobTurnaroundMinutes => VobTurnaroundMinutes,
        DurationMeasure.HoursToAdmission => HoursToAdmission,
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
    };

    public DailyFigures ToDay(string timeZoneId, Guid facilityId, DateOnly day) => new()
    {
        TimeZoneId = timeZoneId,
        FacilityId = facilityId,
        Day = day,
        Inquiries = Inquiries,
        ValidInquiries = ValidInquiries,
        Contacted = Contacted,
        Admitted = Admitted,
        Verified = Verified,
        VerifiedAdmitted = VerifiedAdmitted,
        VobsRun = VobsRun,
        Admits = Admits,
    };

    /// <summary>The measures a tally keeps (a coordinator's minutes are kept by <see cref="GroupTally"/>).</summary>
    public static readonly DurationMeasure[] Measures = [DurationMeasure.MinutesToContact, DurationMeasure.VobTurnaroundMinutes, DurationMeasure.HoursToAdmission];

    public IEnumerable<DailyDuration> ToDurations(string timeZoneId, Guid facilityId, DateOnly day) =>
        Measures.SelectMany(measure => Of(measure).Values.Select(v => new DailyDuration
        {
            TimeZoneId = timeZoneId,
            FacilityId = facilityId,
            Day = day,
            Measure = measure,
            Value = v.Key,
            Count = (int)v.Value,
        }));

    /// <summary>
    /// Rates are shares in [0, 1]; null means there was nothing to divide. VOB-to-admit: of the valid inquiries that had a
    /// VOB, the share admitted. Days to admission are whole hours over 24.
    /// </summary>
    public KpiSet ToKpis() => new(
        Inquiries,
        ValidInquiries,
        Contacted,
        Stats.Rate(Contacted, ValidInquiries),
        MinutesToContact.Median(),
        MinutesToContact.Percentile(90),
        Stats.Rate((int)MinutesToContact.CountAtOrBelow(5), ValidInquiries),
        VobsRun,
        VobTurnaroundMinutes.Median(),
        Admits,
        Stats.Rate(Admitted, ValidInquiries),
        Stats.Rate(VerifiedAdmitted, Verified),
        HoursToAdmission.Median() / 24);
}

/// <summary>What the overview needs of one inquiry of a cohort.</summary>
public sealed record CohortInquiry(
    DateTimeOffset CreatedAt, DateTimeOffset? FirstContactAt, InquiryStage Stage, NotAdmittedReason? Reason, bool PossibleDuplicate, bool HasVob);
