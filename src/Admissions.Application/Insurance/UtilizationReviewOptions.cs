namespace Admissions.Application.Insurance;

/// <summary>Utilization review's board (section <c>UtilizationReview</c>).</summary>
public sealed class UtilizationReviewOptions
{
    public const string Section = "UtilizationReview";

    /// <summary>An admitted patient's authorization pended longer than this many days is flagged on the board.</summary>
    public int LongPendDays { get; set; } = 3;

    /// <summary>Days after a denial to file the appeal, unless the payer has its own in <see cref="AppealDaysByPayer"/>.</summary>
    public int AppealDays { get; set; } = 180;

    /// <summary>Appeal windows by payer name (as in the payer directory), e.g. <c>"Aetna": 60</c>.</summary>
    public Dictionary<string, int> AppealDaysByPayer { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public int AppealDaysFor(string payerName) =>
        AppealDaysByPayer.FirstOrDefault(p => string.Equals(p.Key, payerName, StringComparison.OrdinalIgnoreCase)) is { Key: not null } found
            ? found.Value
            : AppealDays;
}
