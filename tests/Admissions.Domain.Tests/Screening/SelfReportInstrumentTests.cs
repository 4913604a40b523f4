using Admissions.Domain.Screening;
using static Admissions.Domain.Tests.Screening.ScreeningTestData;

namespace Admissions.Domain.Tests.Screening;

public class SelfReportInstrumentTests
{
    [Theory]
    [InlineData(InstrumentCode.Sows, Administration.SelfReport, 16, 64)]
    [InlineData(InstrumentCode.Saws, Administration.SelfReport, 10, 30)]
    [InlineData(InstrumentCode.Cows, Administration.ClinicianObserved, 11, 48)]
    [InlineData(InstrumentCode.CiwaAr, Administration.ClinicianObserved, 10, 67)]
    [InlineData(InstrumentCode.Phq9, Administration.Interview, 9, 27)]
    public void Each_withdrawal_scale_says_how_it_is_given(InstrumentCode code, Administration administration, int items, int maximum)
    {
        var instrument = Instrument(code);

        Assert.Equal((administration, items, maximum), (instrument.Administration, instrument.Items.Count, instrument.TotalRange!.Max));
        Assert.Equal(administration == Administration.ClinicianObserved, instrument.IsObserved);
    }

    [Theory]
    [InlineData(0, "No symptoms reported")]
    [InlineData(10, "Mild")]
    [InlineData(11, "Moderate")]
    [InlineData(20, "Moderate")]
    [InlineData(21, "Severe")]
    [InlineData(64, "Severe")]
    public void Sows_totals_fall_in_the_bands_in_common_use(int total, string band)
    {
        Assert.Equal(band, Score(InstrumentCode.Sows, Totalling(Instrument(InstrumentCode.Sows), total)).Band?.Label);
    }

    [Theory]
    [InlineData(11, "Mild")]
    [InlineData(12, "Moderate to severe")]
    [InlineData(30, "Moderate to severe")]
    public void Saws_12_or_more_is_moderate_to_severe_as_gossop_2002_set_it(int total, string band)
    {
        Assert.Equal(band, Score(InstrumentCode.Saws, Totalling(Instrument(InstrumentCode.Saws), total)).Band?.Label);
    }

    [Theory]
    [InlineData(InstrumentCode.Sows)]
    [InlineData(InstrumentCode.Saws)]
    public void Licensed_scales_ship_short_symptom_labels_not_the_published_sentences(InstrumentCode code)
    {
        var instrument = Instrument(code);

        Assert.All(instrument.Items, item => Assert.DoesNotContain("I ", item.Label, StringComparison.Ordinal));
        Assert.Contains("load licensed wording", instrument.Licence, StringComparison.Ordinal);
    }
}
