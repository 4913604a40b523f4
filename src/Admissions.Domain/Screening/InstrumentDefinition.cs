namespace Admissions.Domain.Screening;

/// <summary>How an instrument turns answers into a result.</summary>
public enum ScoringMethod
{
    /// <summary>The item scores add up to a total that falls in a band.</summary>
    Sum,

    /// <summary>The C-SSRS screener: the pattern of yes answers grades suicide risk (<see cref="CssrsRiskRule"/>).</summary>
    Cssrs,
}

/// <summary>
/// A screening instrument as data: wording, answer options and bands come from a definition file
/// that a customer can replace, so scoring never hard-codes them.
/// </summary>
public sealed record InstrumentDefinition(
    InstrumentCode Code,
    string Name,
    string Description,
    string Licence,
    ScoringMethod Scoring,
    IReadOnlyList<InstrumentItem> Items,
    IReadOnlyList<string> ReverseScored,
    IReadOnlyList<BandSet> BandSets,
    ScoreRange? TotalRange = null,
    string? DefaultBandSet = null,
    Administration Administration = Administration.Interview)
{
    /// <summary>Recorded in person by a clinician, never filled in during a phone call.</summary>
    public bool IsObserved => Administration == Administration.ClinicianObserved;

    public InstrumentItem? FindItem(string itemId) => Items.FirstOrDefault(item => item.Id == itemId);

    public bool IsReverseScored(string itemId) => ReverseScored.Contains(itemId);

    /// <summary>What an answer adds to the total: its value, or its mirror for a reverse-scored item.</summary>
    public int ItemScore(InstrumentItem item, int answer)
    {
        ArgumentNullException.ThrowIfNull(item);
        return IsReverseScored(item.Id) ? item.LowestAnswer + item.HighestAnswer - answer : answer;
    }

    /// <summary>The named band set, or the default one when no name is given.</summary>
    public BandSet GetBandSet(string? name = null)
    {
        var wanted = name ?? DefaultBandSet;
        var set = wanted is null
            ? BandSets.Count == 1 ? BandSets[0] : null
            : BandSets.FirstOrDefault(candidate => candidate.Name == wanted);
        return set ?? throw new ArgumentException(
            BandSets.Count == 0
                ? $"{Name} is not scored in bands."
                : $"{Name} has no band set '{wanted}'. Its band sets: {string.Join(", ", BandSets.Select(s => s.Name))}.",
            nameof(name));
    }
}
