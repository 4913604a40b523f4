namespace Admissions.Domain.Screening;

/// <summary>One answered item: the answer given and what it adds to the total.</summary>
public sealed record ItemScore(string ItemId, int Number, int Answer, int Score);

public sealed record ScreeningResult(
    InstrumentCode Instrument,
    int? Total,
    ScoreBand? Band,
    IReadOnlyList<ItemScore> Answered,
    IReadOnlyList<string> Unanswered,
    SuicideRisk? SuicideRisk)
{
    public bool IsComplete => Unanswered.Count == 0;

    public SafetyAlert Safety { get; init; } = SafetyAlert.None;
}
