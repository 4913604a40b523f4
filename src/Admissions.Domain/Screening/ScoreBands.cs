namespace Admissions.Domain.Screening;

/// <summary>Inclusive at both ends.</summary>
public sealed record ScoreRange(int Min, int Max)
{
    public bool Contains(int score) => score >= Min && score <= Max;

    public override string ToString() => $"{Min}–{Max}";
}

/// <summary>A common scale across instruments, so rules can compare bands without reading their labels.</summary>
public enum BandSeverity
{
    None,
    Minimal,
    Mild,
    Moderate,
    ModeratelySevere,
    Severe,
}

public sealed record ScoreBand(int Min, int Max, string Label, BandSeverity Severity)
{
    public bool Contains(int total) => total >= Min && total <= Max;
}

/// <summary>One way of cutting the total range into bands (e.g. CIWA-Ar's common and ASAM cut-offs).</summary>
public sealed record BandSet(string Name, IReadOnlyList<ScoreBand> Bands)
{
    public ScoreBand BandFor(int total) => Bands.FirstOrDefault(band => band.Contains(total))
        ?? throw new ArgumentOutOfRangeException(nameof(total), total, $"No band in '{Name}' holds {total}.");
}
