using Admissions.Domain.Screening;
using static Admissions.Domain.Screening.SuicideRisk;
using static Admissions.Domain.Tests.Screening.ScreeningTestData;

namespace Admissions.Domain.Tests.Screening;

public class CssrsRiskRuleTests
{
    private const int No = 0;
    private const int Yes = 1;
    private const int NotAsked = -1;

    /// <summary>
    /// Every complete screener: items 3–5 are asked only after a yes to item 2, and the
    /// 3-month follow-up only after a yes to item 6. Columns: q1, q2, q3, q4, q5, q6, q6-recent.
    /// </summary>
    public static TheoryData<int, int, int, int, int, int, int, SuicideRisk> EveryCompleteScreener()
    {
        var data = new TheoryData<int, int, int, int, int, int, int, SuicideRisk>();
        foreach (var q1 in new[] { No, Yes })
        {
            foreach (var (q2, q3, q4, q5) in ThoughtsAnswers())
            {
                foreach (var (q6, recent) in new[] { (No, NotAsked), (Yes, No), (Yes, Yes) })
                {
                    data.Add(q1, q2, q3, q4, q5, q6, recent, Expected(q1, q2, q3, q4, q5, q6, recent));
                }
            }
        }

        return data;
    }

    private static IEnumerable<(int Q2, int Q3, int Q4, int Q5)> ThoughtsAnswers()
    {
        yield return (No, NotAsked, NotAsked, NotAsked);
        foreach (var q3 in new[] { No, Yes })
        {
            foreach (var q4 in new[] { No, Yes })
            {
                foreach (var q5 in new[] { No, Yes })
                {
                    yield return (Yes, q3, q4, q5);
                }
            }
        }
    }

    /// <summary>REFERENCE.md's wording, highest grade first.</summary>
    private static SuicideRisk Expected(int q1, int q2, int q3, int q4, int q5, int q6, int recent) =>
        q4 == Yes || q5 == Yes || (q6 == Yes && recent == Yes) ? High
        : q3 == Yes || (q6 == Yes && recent == No) ? Moderate
        : q1 == Yes || q2 == Yes ? Low
        : SuicideRisk.None;

    [Theory]
    [MemberData(nameof(EveryCompleteScreener))]
    public void Every_complete_screener_gets_the_grade_of_its_most_serious_yes(
        int q1, int q2, int q3, int q4, int q5, int q6, int recent, SuicideRisk expected)
    {
        var result = Screen(q1, q2, q3, q4, q5, q6, recent);

        Assert.True(result.IsComplete);
        Assert.Equal(expected, result.SuicideRisk);
        Assert.Null(result.Total);
        Assert.Null(result.Band);
    }

    [Theory]
    [InlineData(0, 0, -1, -1, -1, 0, -1, SuicideRisk.None)]
    [InlineData(1, 0, -1, -1, -1, 0, -1, Low)]
    [InlineData(0, 1, 0, 0, 0, 0, -1, Low)]
    [InlineData(1, 1, 0, 0, 0, 0, -1, Low)]
    [InlineData(1, 1, 1, 0, 0, 0, -1, Moderate)]
    [InlineData(0, 0, -1, -1, -1, 1, 0, Moderate)]
    [InlineData(1, 1, 0, 1, 0, 0, -1, High)]
    [InlineData(1, 1, 0, 0, 1, 0, -1, High)]
    [InlineData(0, 0, -1, -1, -1, 1, 1, High)]
    [InlineData(1, 1, 1, 0, 0, 1, 1, High)]
    public void Each_rule_in_reference_md_holds(
        int q1, int q2, int q3, int q4, int q5, int q6, int recent, SuicideRisk expected)
    {
        Assert.Equal(expected, Screen(q1, q2, q3, q4, q5, q6, recent).SuicideRisk);
    }

    private static ScreeningResult Screen(params int[] answers)
    {
        string[] ids = ["q1", "q2", "q3", "q4", "q5", "q6", "q6-recent"];
        return Score(
            InstrumentCode.Cssrs,
            ids.Zip(answers).Where(pair => pair.Second != NotAsked).ToDictionary(pair => pair.First, pair => pair.Second));
    }

    [Fact]
    public void Behaviour_whose_timing_is_not_answered_yet_counts_as_recent()
    {
        var result = Score(InstrumentCode.Cssrs, new() { ["q6"] = Yes });

        Assert.False(result.IsComplete);
        Assert.Equal(High, result.SuicideRisk);
        Assert.Contains("q6-recent", result.Unanswered);
    }

    [Fact]
    public void Intent_grades_high_before_the_rest_is_answered()
    {
        var result = Score(InstrumentCode.Cssrs, new() { ["q2"] = Yes, ["q4"] = Yes });

        Assert.False(result.IsComplete);
        Assert.Equal(High, result.SuicideRisk);
    }

    [Fact]
    public void Items_3_to_5_are_not_asked_after_no_to_item_2()
    {
        var result = Score(InstrumentCode.Cssrs, new() { ["q1"] = No, ["q2"] = No });

        Assert.Equal(["q6"], result.Unanswered);
    }

    [Fact]
    public void A_yes_to_item_2_asks_items_3_to_5()
    {
        var result = Score(InstrumentCode.Cssrs, new() { ["q1"] = No, ["q2"] = Yes, ["q6"] = No });

        Assert.Equal(["q3", "q4", "q5"], result.Unanswered);
    }

    [Fact]
    public void Answering_an_item_that_is_not_asked_is_refused()
    {
        var error = Assert.Throws<ScreeningAnswerException>(
            () => Score(InstrumentCode.Cssrs, new() { ["q2"] = No, ["q4"] = Yes, ["q6"] = No, ["q6-recent"] = Yes }));

        Assert.Equal(
            ["Item 4 ('q4') is asked only when 'q2' is answered 1.", "Item 7 ('q6-recent') is asked only when 'q6' is answered 1."],
            error.Errors);
    }

    [Fact]
    public void Yes_no_items_take_only_0_or_1()
    {
        Assert.Throws<ScreeningAnswerException>(() => Score(InstrumentCode.Cssrs, new() { ["q1"] = 2 }));
    }

    [Fact]
    public void The_screener_has_no_band_sets_to_choose_from()
    {
        var error = Assert.Throws<ArgumentException>(() => Score(InstrumentCode.Cssrs, [], "standard"));

        Assert.StartsWith("C-SSRS screener is not scored in bands.", error.Message, StringComparison.Ordinal);
    }
}
