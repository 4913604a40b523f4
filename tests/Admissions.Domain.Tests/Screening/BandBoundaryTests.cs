using Admissions.Domain.Screening;
using static Admissions.Domain.Screening.BandSeverity;
using static Admissions.Domain.Screening.InstrumentCode;
using static Admissions.Domain.Tests.Screening.ScreeningTestData;

namespace Admissions.Domain.Tests.Screening;

/// <summary>
/// Both sides of every band boundary, and the ends of each range, as REFERENCE.md gives them.
/// The expected labels are written here, not read from the shipped files, so a wrong file fails.
/// </summary>
public class BandBoundaryTests
{
    [Theory]
    [InlineData(Phq9, 0, "Minimal", Minimal)]
    [InlineData(Phq9, 4, "Minimal", Minimal)]
    [InlineData(Phq9, 5, "Mild", Mild)]
    [InlineData(Phq9, 9, "Mild", Mild)]
    [InlineData(Phq9, 10, "Moderate", Moderate)]
    [InlineData(Phq9, 14, "Moderate", Moderate)]
    [InlineData(Phq9, 15, "Moderately severe", ModeratelySevere)]
    [InlineData(Phq9, 19, "Moderately severe", ModeratelySevere)]
    [InlineData(Phq9, 20, "Severe", Severe)]
    [InlineData(Phq9, 27, "Severe", Severe)]
    [InlineData(Gad7, 0, "Minimal", Minimal)]
    [InlineData(Gad7, 4, "Minimal", Minimal)]
    [InlineData(Gad7, 5, "Mild", Mild)]
    [InlineData(Gad7, 9, "Mild", Mild)]
    [InlineData(Gad7, 10, "Moderate", Moderate)]
    [InlineData(Gad7, 14, "Moderate", Moderate)]
    [InlineData(Gad7, 15, "Severe", Severe)]
    [InlineData(Gad7, 21, "Severe", Severe)]
    [InlineData(CiwaAr, 0, "Minimal", Minimal)]
    [InlineData(CiwaAr, 7, "Minimal", Minimal)]
    [InlineData(CiwaAr, 8, "Moderate", Moderate)]
    [InlineData(CiwaAr, 15, "Moderate", Moderate)]
    [InlineData(CiwaAr, 16, "Severe", Severe)]
    [InlineData(CiwaAr, 67, "Severe", Severe)]
    [InlineData(Cows, 0, "No active withdrawal", BandSeverity.None)]
    [InlineData(Cows, 4, "No active withdrawal", BandSeverity.None)]
    [InlineData(Cows, 5, "Mild", Mild)]
    [InlineData(Cows, 12, "Mild", Mild)]
    [InlineData(Cows, 13, "Moderate", Moderate)]
    [InlineData(Cows, 24, "Moderate", Moderate)]
    [InlineData(Cows, 25, "Moderately severe", ModeratelySevere)]
    [InlineData(Cows, 36, "Moderately severe", ModeratelySevere)]
    [InlineData(Cows, 37, "Severe", Severe)]
    [InlineData(Cows, 48, "Severe", Severe)]
    [InlineData(Audit, 0, "Low risk", Minimal)]
    [InlineData(Audit, 7, "Low risk", Minimal)]
    [InlineData(Audit, 8, "Hazardous", Mild)]
    [InlineData(Audit, 15, "Hazardous", Mild)]
    [InlineData(Audit, 16, "Harmful", Moderate)]
    [InlineData(Audit, 19, "Harmful", Moderate)]
    [InlineData(Audit, 20, "Possible dependence", Severe)]
    [InlineData(Audit, 40, "Possible dependence", Severe)]
    [InlineData(Dast10, 0, "No problems reported", BandSeverity.None)]
    [InlineData(Dast10, 1, "Low level", Mild)]
    [InlineData(Dast10, 2, "Low level", Mild)]
    [InlineData(Dast10, 3, "Moderate level", Moderate)]
    [InlineData(Dast10, 5, "Moderate level", Moderate)]
    [InlineData(Dast10, 6, "Substantial level", ModeratelySevere)]
    [InlineData(Dast10, 8, "Substantial level", ModeratelySevere)]
    [InlineData(Dast10, 9, "Severe level", Severe)]
    [InlineData(Dast10, 10, "Severe level", Severe)]
    public void A_complete_screening_falls_in_the_default_band_holding_its_total(
        InstrumentCode code, int total, string label, BandSeverity severity)
    {
        var result = Score(code, Totalling(Instrument(code), total));

        Assert.True(result.IsComplete);
        Assert.Equal(total, result.Total);
        Assert.Equal(label, result.Band?.Label);
        Assert.Equal(severity, result.Band?.Severity);
    }

    [Theory]
    [InlineData(0, "Mild")]
    [InlineData(9, "Mild")]
    [InlineData(10, "Moderate")]
    [InlineData(18, "Moderate")]
    [InlineData(19, "Severe")]
    [InlineData(67, "Severe")]
    public void Ciwa_ar_uses_the_asam_cut_offs_when_that_band_set_is_chosen(int total, string label)
    {
        var result = Score(CiwaAr, Totalling(Instrument(CiwaAr), total), "asam");

        Assert.Equal(label, result.Band?.Label);
    }

    [Theory]
    [InlineData(7, "Minimal", "Mild")]
    [InlineData(9, "Moderate", "Mild")]
    [InlineData(16, "Severe", "Moderate")]
    [InlineData(18, "Severe", "Moderate")]
    public void The_two_ciwa_ar_band_sets_disagree_between_their_cut_offs(int total, string common, string asam)
    {
        var answers = Totalling(Instrument(CiwaAr), total);

        Assert.Equal(common, Score(CiwaAr, answers).Band?.Label);
        Assert.Equal(common, Score(CiwaAr, answers, "common").Band?.Label);
        Assert.Equal(asam, Score(CiwaAr, answers, "asam").Band?.Label);
    }

    [Fact]
    public void An_unknown_band_set_is_refused_with_the_names_that_exist()
    {
        var error = Assert.Throws<ArgumentException>(() => Score(CiwaAr, Totalling(Instrument(CiwaAr), 5), "ciwa-2"));

        Assert.Contains("'ciwa-2'", error.Message, StringComparison.Ordinal);
        Assert.Contains("common, asam", error.Message, StringComparison.Ordinal);
    }
}
