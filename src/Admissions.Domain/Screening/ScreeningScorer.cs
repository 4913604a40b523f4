namespace Admissions.Domain.Screening;

public static class ScreeningScorer
{
    /// <summary>
    /// Scores answers (item id → option value) so far. Partial answers give the total of the answered
    /// items; the band comes only once every asked item is answered. Safety alerts never wait for that.
    /// </summary>
    public static ScreeningResult Score(
        InstrumentDefinition instrument, IReadOnlyDictionary<string, int> answers, string? bandSet = null)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(answers);
        // Resolved before the answers are read, so a wrong band-set name fails even on an empty screening.
        var bands = instrument.Scoring == ScoringMethod.Sum || bandSet is not null ? instrument.GetBandSet(bandSet) : null;
        var errors = AnswerErrors(instrument, answers);
        if (errors.Count > 0)
        {
            throw new ScreeningAnswerException(instrument.Name, errors);
        }

        var asked = instrument.Items.Where(item => item.IsAsked(answers)).ToList();
        var answered = asked
            .Where(item => answers.ContainsKey(item.Id))
            .Select(item => new ItemScore(item.Id, item.Number, answers[item.Id], instrument.ItemScore(item, answers[item.Id])))
            .ToList();
        var unanswered = asked.Where(item => !answers.ContainsKey(item.Id)).Select(item => item.Id).ToList();

        var result = bands is null
            ? new ScreeningResult(instrument.Code, null, null, answered, unanswered, CssrsRiskRule.Evaluate(answers))
            : SumResult(instrument.Code, bands, answered, unanswered);
        return result with { Safety = ScreeningSafety.Evaluate(result) };
    }

    private static ScreeningResult SumResult(
        InstrumentCode code, BandSet bands, List<ItemScore> answered, List<string> unanswered)
    {
        var total = answered.Sum(item => item.Score);
        var band = unanswered.Count == 0 ? bands.BandFor(total) : null;
        return new ScreeningResult(code, total, band, answered, unanswered, null);
    }

    private static List<string> AnswerErrors(InstrumentDefinition instrument, IReadOnlyDictionary<string, int> answers)
    {
        var errors = new List<string>();
        foreach (var (itemId, answer) in answers)
        {
            var item = instrument.FindItem(itemId);
            if (item is null)
            {
                errors.Add($"'{itemId}' is not an item of {instrument.Name}.");
            }
            else if (!item.Allows(answer))
            {
                errors.Add($"Item {item.Number} ('{item.Id}') does not allow {answer}; it allows {Describe(item)}.");
            }
            else if (!item.IsAsked(answers))
            {
                errors.Add($"Item {item.Number} ('{item.Id}') is asked only when '{item.AskedWhen!.ItemId}' is answered {item.AskedWhen.Value}.");
            }
        }

        return errors;
    }

    private static string Describe(InstrumentItem item) => item.Kind == ItemKind.Numeric
        ? $"{item.Range}"
        : string.Join(", ", item.AllowedAnswers);
}
