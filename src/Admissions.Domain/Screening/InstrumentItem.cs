using System.Text.Json.Serialization;

namespace Admissions.Domain.Screening;

public enum ItemKind
{
    /// <summary>One of the listed options.</summary>
    Scale,

    /// <summary>No (0) or yes (1).</summary>
    YesNo,

    /// <summary>Any whole number in the item's range; the options are labelled anchors within it.</summary>
    Numeric,
}

public sealed record AnswerOption(int Value, string Label);

/// <summary>An item asked only after another item got a given answer (the C-SSRS skip pattern).</summary>
public sealed record ItemCondition(string ItemId, int Value);

public sealed record InstrumentItem(
    string Id,
    int Number,
    string Label,
    ItemKind Kind,
    IReadOnlyList<AnswerOption> Options,
    ScoreRange? Range = null,
    ItemCondition? AskedWhen = null)
{
    [JsonIgnore]
    public IReadOnlyList<int> AllowedAnswers => Kind == ItemKind.Numeric && Range is { } range
        ? Enumerable.Range(range.Min, Math.Max(0, range.Max - range.Min + 1)).ToList()
        : Options.Select(option => option.Value).Order().ToList();

    [JsonIgnore]
    public int LowestAnswer => Kind == ItemKind.Numeric && Range is { } range ? range.Min : Options.Min(option => option.Value);

    [JsonIgnore]
    public int HighestAnswer => Kind == ItemKind.Numeric && Range is { } range ? range.Max : Options.Max(option => option.Value);

    public bool Allows(int answer) => Kind == ItemKind.Numeric && Range is { } range
        ? range.Contains(answer)
        : Options.Any(option => option.Value == answer);

    public bool IsAsked(IReadOnlyDictionary<string, int> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return AskedWhen is null
            || (answers.TryGetValue(AskedWhen.ItemId, out var answer) && answer == AskedWhen.Value);
    }
}
