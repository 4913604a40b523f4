using Admissions.Domain.Screening;
using static Admissions.Domain.Screening.InstrumentCode;
using static Admissions.Domain.Tests.Screening.ScreeningTestData;

namespace Admissions.Domain.Tests.Screening;

public class ScreeningSafetyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Phq9_item_9_above_0_is_an_immediate_alert_even_when_the_total_is_minimal(int item9)
    {
        var result = Score(Phq9, Numbered(0, 0, 0, 0, 0, 0, 0, 0, item9));

        Assert.Equal("Minimal", result.Band?.Label);
        Assert.Equal(AlertLevel.Immediate, result.Safety.Level);
        Assert.Contains("item 9", result.Safety.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Phq9_item_9_alerts_as_soon_as_it_is_answered()
    {
        var result = Score(Phq9, new() { ["q9"] = 1 });

        Assert.False(result.IsComplete);
        Assert.Equal(AlertLevel.Immediate, result.Safety.Level);
    }

    [Fact]
    public void A_severe_phq9_with_item_9_at_0_raises_no_alert()
    {
        var result = Score(Phq9, Numbered(3, 3, 3, 3, 3, 3, 3, 3, 0));

        Assert.Equal("Severe", result.Band?.Label);
        Assert.Equal(SafetyAlert.None, result.Safety);
    }

    [Theory]
    [InlineData(SuicideRisk.High, AlertLevel.Immediate)]
    [InlineData(SuicideRisk.Moderate, AlertLevel.ClinicianReview)]
    [InlineData(SuicideRisk.Low, AlertLevel.None)]
    [InlineData(SuicideRisk.None, AlertLevel.None)]
    public void Cssrs_risk_sets_the_alert_level(SuicideRisk risk, AlertLevel expected)
    {
        var answers = risk switch
        {
            SuicideRisk.High => new Dictionary<string, int> { ["q1"] = 1, ["q2"] = 1, ["q3"] = 1, ["q4"] = 0, ["q5"] = 1, ["q6"] = 0 },
            SuicideRisk.Moderate => new() { ["q1"] = 1, ["q2"] = 1, ["q3"] = 1, ["q4"] = 0, ["q5"] = 0, ["q6"] = 0 },
            SuicideRisk.Low => new() { ["q1"] = 1, ["q2"] = 0, ["q6"] = 0 },
            _ => new() { ["q1"] = 0, ["q2"] = 0, ["q6"] = 0 },
        };

        var result = Score(Cssrs, answers);

        Assert.Equal(risk, result.SuicideRisk);
        Assert.Equal(expected, result.Safety.Level);
        Assert.Equal(expected, ScreeningSafety.Evaluate(result).Level);
    }

    [Theory]
    [InlineData(Gad7)]
    [InlineData(CiwaAr)]
    [InlineData(Cows)]
    [InlineData(Audit)]
    [InlineData(Dast10)]
    public void A_maximal_score_on_other_instruments_is_not_a_safety_alert(InstrumentCode code)
    {
        var instrument = Instrument(code);

        var result = Score(code, Totalling(instrument, instrument.TotalRange!.Max));

        Assert.Equal(BandSeverity.Severe, result.Band?.Severity);
        Assert.Equal(AlertLevel.None, result.Safety.Level);
    }
}
