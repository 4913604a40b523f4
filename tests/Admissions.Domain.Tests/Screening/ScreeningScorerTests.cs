using Admissions.Domain.Screening;
using static Admissions.Domain.Screening.InstrumentCode;
using static Admissions.Domain.Tests.Screening.ScreeningTestData;

namespace Admissions.Domain.Tests.Screening;

public class ScreeningScorerTests
{
    [Fact]
    public void A_phq9_answered_2_2_1_2_1_1_2_1_0_totals_12_which_is_moderate()
    {
        var result = Score(Phq9, Numbered(2, 2, 1, 2, 1, 1, 2, 1, 0));

        Assert.Equal(12, result.Total);
        Assert.Equal("Moderate", result.Band?.Label);
        Assert.Equal(AlertLevel.None, result.Safety.Level);
        Assert.Null(result.SuicideRisk);
    }

    [Fact]
    public void A_partial_screening_totals_the_answered_items_and_has_no_band_yet()
    {
        var result = Score(Phq9, new() { ["q1"] = 3, ["q2"] = 3, ["q5"] = 2 });

        Assert.False(result.IsComplete);
        Assert.Equal(8, result.Total);
        Assert.Null(result.Band);
        Assert.Equal(["q1", "q2", "q5"], result.Answered.Select(item => item.ItemId));
        Assert.Equal(["q3", "q4", "q6", "q7", "q8", "q9"], result.Unanswered);
    }

    [Fact]
    public void No_answers_at_all_is_an_empty_partial_screening()
    {
        var result = Score(Gad7, []);

        Assert.False(result.IsComplete);
        Assert.Equal(0, result.Total);
        Assert.Null(result.Band);
        Assert.Equal(7, result.Unanswered.Count);
    }

    [Fact]
    public void Answering_no_to_dast10_item_3_adds_one()
    {
        var result = Score(Dast10, Numbered(0, 0, 0, 0, 0, 0, 0, 0, 0, 0));

        Assert.Equal(1, result.Total);
        Assert.Equal(1, result.Answered.Single(item => item.ItemId == "q3").Score);
        Assert.Equal("Low level", result.Band?.Label);
    }

    [Fact]
    public void Answering_yes_to_dast10_item_3_adds_nothing()
    {
        var result = Score(Dast10, Numbered(0, 0, 1, 0, 0, 0, 0, 0, 0, 0));

        Assert.Equal(0, result.Total);
        Assert.Equal("No problems reported", result.Band?.Label);
    }

    [Fact]
    public void Yes_to_every_dast10_item_but_no_to_item_3_is_the_maximum()
    {
        Assert.Equal(10, Score(Dast10, Numbered(1, 1, 0, 1, 1, 1, 1, 1, 1, 1)).Total);
        Assert.Equal(9, Score(Dast10, Numbered(1, 1, 1, 1, 1, 1, 1, 1, 1, 1)).Total);
    }

    [Theory]
    [InlineData("pulse", 3)]
    [InlineData("restlessness", 2)]
    [InlineData("restlessness", 4)]
    [InlineData("pupils", 3)]
    [InlineData("pupils", 4)]
    [InlineData("aches", 3)]
    [InlineData("giUpset", 4)]
    [InlineData("gooseflesh", 1)]
    [InlineData("gooseflesh", 2)]
    [InlineData("gooseflesh", 4)]
    [InlineData("sweating", 5)]
    [InlineData("sweating", -1)]
    public void Cows_refuses_values_its_items_skip(string itemId, int answer)
    {
        var error = Assert.Throws<ScreeningAnswerException>(() => Score(Cows, new() { [itemId] = answer }));

        Assert.Contains($"'{itemId}') does not allow {answer}", Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("q9", 1)]
    [InlineData("q9", 3)]
    [InlineData("q10", 1)]
    [InlineData("q10", 3)]
    [InlineData("q1", 5)]
    public void Audit_refuses_values_its_items_skip(string itemId, int answer)
    {
        var error = Assert.Throws<ScreeningAnswerException>(() => Score(Audit, new() { [itemId] = answer }));

        Assert.Single(error.Errors);
    }

    [Fact]
    public void Audit_items_9_and_10_score_0_2_or_4()
    {
        var result = Score(Audit, new() { ["q9"] = 2, ["q10"] = 4 });

        Assert.Equal(6, result.Total);
    }

    [Fact]
    public void Cows_scores_the_published_values_its_items_allow()
    {
        var result = Score(Cows, new() { ["restlessness"] = 5, ["gooseflesh"] = 3, ["pulse"] = 4 });

        Assert.Equal(12, result.Total);
    }

    [Fact]
    public void Ciwa_ar_numeric_items_take_values_between_their_anchors_but_not_past_the_range()
    {
        Assert.Equal(3, Score(CiwaAr, new() { ["nausea"] = 3 }).Total);

        var error = Assert.Throws<ScreeningAnswerException>(() => Score(CiwaAr, new() { ["nausea"] = 8, ["orientation"] = 5 }));

        Assert.Equal(2, error.Errors.Count);
        Assert.Contains("allows 0–7", error.Errors[0], StringComparison.Ordinal);
        Assert.Contains("allows 0, 1, 2, 3, 4", error.Errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_to_an_item_the_instrument_does_not_have_is_refused()
    {
        var error = Assert.Throws<ScreeningAnswerException>(() => Score(Phq9, new() { ["q10"] = 1 }));

        Assert.Equal("'q10' is not an item of PHQ-9.", Assert.Single(error.Errors));
        Assert.StartsWith("The PHQ-9 answers cannot be scored:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_answer_carries_its_item_number_and_score()
    {
        var result = Score(Dast10, new() { ["q3"] = 0, ["q1"] = 1 });

        Assert.Equal(
            [new ItemScore("q1", 1, 1, 1), new ItemScore("q3", 3, 0, 1)],
            result.Answered);
    }
}
