namespace Admissions.Domain.Screening;

/// <summary>Checks a definition before any answer is scored against it, so a replaced file fails on load.</summary>
internal static class InstrumentDefinitionValidator
{
    public static List<string> Errors(InstrumentDefinition instrument)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(instrument.Name))
        {
            errors.Add("The name is empty.");
        }

        if (instrument.Items.Count == 0 || instrument.Items.Any(item => item is null))
        {
            errors.Add("The items are missing or include an empty entry.");
            return errors;
        }

        CheckItems(instrument.Items, errors);
        CheckReverseScored(instrument, errors);
        if (instrument.Scoring == ScoringMethod.Cssrs)
        {
            CheckCssrs(instrument, errors);
        }
        else
        {
            CheckTotalAndBands(instrument, errors);
        }

        return errors;
    }

    private static void CheckItems(IReadOnlyList<InstrumentItem> items, List<string> errors)
    {
        foreach (var id in items.GroupBy(item => item.Id).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            errors.Add($"Item id '{id}' is used more than once.");
        }

        foreach (var number in items.GroupBy(item => item.Number).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            errors.Add($"Item number {number} is used more than once.");
        }

        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            if (string.IsNullOrWhiteSpace(item.Id) || string.IsNullOrWhiteSpace(item.Label))
            {
                errors.Add($"Item {item.Number} needs an id and a label.");
                continue;
            }

            CheckOptions(item, errors);
            CheckCondition(item, items.Take(index), errors);
        }
    }

    private static void CheckOptions(InstrumentItem item, List<string> errors)
    {
        var values = item.Options.Select(option => option.Value).ToList();
        if (values.Distinct().Count() != values.Count)
        {
            errors.Add($"Item '{item.Id}' lists the same option value twice.");
        }

        if (values.Any(value => value < 0) || item.Range is { Min: < 0 })
        {
            errors.Add($"Item '{item.Id}' has a negative value; answers score 0 or more.");
        }

        if (item.Options.Any(option => string.IsNullOrWhiteSpace(option.Label)))
        {
            errors.Add($"Item '{item.Id}' has an option without a label.");
        }

        switch (item.Kind)
        {
            case ItemKind.Scale when values.Count < 2:
                errors.Add($"Item '{item.Id}' is a scale but has fewer than two options.");
                break;
            case ItemKind.YesNo when values.Count != 2 || !values.Contains(0) || !values.Contains(1):
                errors.Add($"Item '{item.Id}' is yes/no: its options must be 0 (no) and 1 (yes).");
                break;
            case ItemKind.Numeric when item.Range is null || item.Range.Min >= item.Range.Max:
                errors.Add($"Item '{item.Id}' is a numeric entry and needs a range with min below max.");
                break;
            case ItemKind.Numeric:
                foreach (var value in values.Where(value => !item.Range!.Contains(value)))
                {
                    errors.Add($"Item '{item.Id}' has option {value} outside its range {item.Range}.");
                }

                break;
            case not ItemKind.Numeric when item.Range is not null:
                errors.Add($"Item '{item.Id}' has a range, which only numeric entries take; list its options instead.");
                break;
        }
    }

    private static void CheckCondition(InstrumentItem item, IEnumerable<InstrumentItem> earlier, List<string> errors)
    {
        if (item.AskedWhen is not { } condition)
        {
            return;
        }

        var parent = earlier.FirstOrDefault(candidate => candidate.Id == condition.ItemId);
        if (parent is null)
        {
            errors.Add($"Item '{item.Id}' is asked after '{condition.ItemId}', which is not an earlier item.");
        }
        else if (!parent.Allows(condition.Value))
        {
            errors.Add($"Item '{item.Id}' is asked when '{parent.Id}' is {condition.Value}, which '{parent.Id}' does not allow.");
        }
    }

    private static void CheckReverseScored(InstrumentDefinition instrument, List<string> errors)
    {
        foreach (var id in instrument.ReverseScored.Where(id => instrument.FindItem(id) is null))
        {
            errors.Add($"Reverse-scored item '{id}' is not an item of {instrument.Name}.");
        }
    }

    private static void CheckCssrs(InstrumentDefinition instrument, List<string> errors)
    {
        foreach (var id in CssrsRiskRule.ItemIds.Where(id => instrument.FindItem(id) is not { Kind: ItemKind.YesNo }))
        {
            errors.Add($"C-SSRS scoring needs a yes/no item '{id}'.");
        }

        if (instrument.BandSets.Count > 0 || instrument.TotalRange is not null)
        {
            errors.Add("C-SSRS scoring grades risk, not a total: remove the total range and bands.");
        }
    }

    private static void CheckTotalAndBands(InstrumentDefinition instrument, List<string> errors)
    {
        var itemsRange = new ScoreRange(
            instrument.Items.Sum(item => HasAnswers(item) ? item.LowestAnswer : 0),
            instrument.Items.Sum(item => HasAnswers(item) ? item.HighestAnswer : 0));
        if (instrument.TotalRange is not { } total)
        {
            errors.Add("The total range is missing.");
            return;
        }

        if (total != itemsRange)
        {
            errors.Add($"The total range is {total} but the items add up to {itemsRange}: an option value is out of range.");
        }

        if (instrument.BandSets.Count == 0)
        {
            errors.Add("There are no band sets.");
            return;
        }

        foreach (var name in instrument.BandSets.GroupBy(set => set.Name).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            errors.Add($"Band set '{name}' is defined more than once.");
        }

        if (instrument.DefaultBandSet is null && instrument.BandSets.Count > 1)
        {
            errors.Add("There are several band sets: name the default one.");
        }
        else if (instrument.DefaultBandSet is not null && instrument.BandSets.All(set => set.Name != instrument.DefaultBandSet))
        {
            errors.Add($"The default band set '{instrument.DefaultBandSet}' is not one of the band sets.");
        }

        foreach (var set in instrument.BandSets)
        {
            CheckBands(set, total, errors);
        }
    }

    private static void CheckBands(BandSet set, ScoreRange total, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(set.Name) || set.Bands.Count == 0)
        {
            errors.Add($"Band set '{set.Name}' needs a name and at least one band.");
            return;
        }

        foreach (var band in set.Bands.Where(band => band.Min > band.Max || string.IsNullOrWhiteSpace(band.Label)))
        {
            errors.Add($"Band set '{set.Name}': band '{band.Label}' needs a label and min ≤ max.");
        }

        var bands = set.Bands.OrderBy(band => band.Min).ToList();
        if (bands[0].Min != total.Min)
        {
            errors.Add($"Band set '{set.Name}' must start at {total.Min}, the lowest total; it starts at {bands[0].Min}.");
        }

        for (var index = 1; index < bands.Count; index++)
        {
            var (previous, next) = (bands[index - 1], bands[index]);
            if (next.Min > previous.Max + 1)
            {
                errors.Add($"Band set '{set.Name}' leaves a gap: no band holds {new ScoreRange(previous.Max + 1, next.Min - 1)}.");
            }
            else if (next.Min <= previous.Max)
            {
                errors.Add($"Band set '{set.Name}' has overlapping bands: '{previous.Label}' and '{next.Label}' both hold {new ScoreRange(next.Min, Math.Min(previous.Max, next.Max))}.");
            }
        }

        var highest = bands.Max(band => band.Max);
        if (highest != total.Max)
        {
            errors.Add($"Band set '{set.Name}' must end at {total.Max}, the highest total; it ends at {highest}.");
        }
    }

    private static bool HasAnswers(InstrumentItem item) => item.Kind == ItemKind.Numeric ? item.Range is not null : item.Options.Count > 0;
}
