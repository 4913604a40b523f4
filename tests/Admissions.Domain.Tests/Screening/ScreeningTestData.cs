using Admissions.Domain.Screening;

namespace Admissions.Domain.Tests.Screening;

internal static class ScreeningTestData
{
    public static InstrumentDefinition Instrument(InstrumentCode code) => InstrumentCatalog.Default.Get(code);

    public static ScreeningResult Score(InstrumentCode code, Dictionary<string, int> answers, string? bandSet = null) =>
        ScreeningScorer.Score(Instrument(code), answers, bandSet);

    /// <summary>Answers to every item, numbered 1..n in order (ids q1..qn).</summary>
    public static Dictionary<string, int> Numbered(params int[] answers) =>
        answers.Select((answer, index) => (Id: $"q{index + 1}", answer)).ToDictionary(pair => pair.Id, pair => pair.answer);

    /// <summary>
    /// A complete set of answers whose scores add up to <paramref name="total"/>, using only the values
    /// each item allows (some skip values, so a plain greedy fill can miss).
    /// </summary>
    public static Dictionary<string, int> Totalling(InstrumentDefinition instrument, int total)
    {
        var items = instrument.Items;
        var chosen = new Dictionary<string, int>();
        if (!Fill(0, total))
        {
            throw new InvalidOperationException($"No answers to {instrument.Name} add up to {total}.");
        }

        return chosen;

        bool Fill(int index, int remaining)
        {
            if (index == items.Count)
            {
                return remaining == 0;
            }

            var item = items[index];
            var roomLeft = items.Skip(index + 1).Sum(rest => rest.AllowedAnswers.Max(answer => instrument.ItemScore(rest, answer)));
            foreach (var answer in item.AllowedAnswers.OrderByDescending(answer => instrument.ItemScore(item, answer)))
            {
                var score = instrument.ItemScore(item, answer);
                if (score <= remaining && remaining - score <= roomLeft)
                {
                    chosen[item.Id] = answer;
                    if (Fill(index + 1, remaining - score))
                    {
                        return true;
                    }
                }
            }

            chosen.Remove(item.Id);
            return false;
        }
    }
}
