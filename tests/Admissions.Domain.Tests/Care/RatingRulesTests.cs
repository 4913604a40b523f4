using Admissions.Domain.Care;
using Admissions.Domain.Screening;
using static Admissions.Domain.Tests.Care.CareTestData;

namespace Admissions.Domain.Tests.Care;

public class RatingRulesTests
{
    private static readonly ClinicalPicture DualDiagnosis = Quiet with { DualDiagnosis = true };

    [Theory]
    [InlineData(SuicideRisk.High, true)]
    [InlineData(SuicideRisk.Moderate, false)]
    [InlineData(SuicideRisk.Low, false)]
    public void Safety_first_fires_on_high_suicide_risk_only(SuicideRisk risk, bool fires)
    {
        Assert.Equal(fires, Fired(Quiet with { CssrsRisk = risk }, AllOnes).Contains("SafetyFirst"));
    }

    [Fact]
    public void High_suicide_risk_is_not_a_placement_but_an_inpatient_psychiatric_evaluation()
    {
        var recommendation = Recommend(Quiet with { CssrsRisk = SuicideRisk.High }, AllOnes);

        Assert.Equal("4", recommendation.Level.Code);
        Assert.Null(recommendation.CareSetting);
        Assert.StartsWith("Safety first", recommendation.Warnings[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, true, true)]
    [InlineData(2, true, false)]
    [InlineData(3, false, false)]
    public void Residential_with_psychiatric_care_fires_for_dimension_3_from_3_with_a_dual_diagnosis(int d3, bool dual, bool fires)
    {
        Assert.Equal(fires, Fired(Quiet with { DualDiagnosis = dual }, Ratings(d3: d3)).Contains("PsychiatricResidential"));
    }

    [Fact]
    public void Moderate_suicide_risk_stands_in_for_the_dual_diagnosis()
    {
        var recommendation = Recommend(Quiet with { CssrsRisk = SuicideRisk.Moderate }, Ratings(d3: 4));

        Assert.Equal("3.7", recommendation.Level.Code);
        Assert.Equal(LevelOfCare.MentalHealthResidential, recommendation.CareSetting);
        Assert.Equal(
            "dimension 3 rated 4 with C-SSRS moderate suicide risk: residential with psychiatric care (3.7)",
            recommendation.Reasons[0].Reason);
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(2, false)]
    public void Medically_monitored_residential_fires_for_dimension_2_from_3(int d2, bool fires)
    {
        Assert.Equal(fires, Fired(Quiet, Ratings(d2: d2)).Contains("BiomedicalMonitoring"));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void High_intensity_residential_fires_when_dimension_3_to_6_is_rated_3(int dimension)
    {
        var values = new[] { 1, 1, 1, 1, 1, 1 };
        values[dimension - 1] = 3;
        var recommendation = Recommend(Quiet, Ratings(values[0], values[1], values[2], values[3], values[4], values[5]));

        Assert.Equal("3.5", recommendation.Level.Code);
        Assert.Equal(LevelOfCare.Residential, recommendation.CareSetting);
        Assert.Equal("HighIntensityResidential", recommendation.Reasons[0].Rule);
    }

    [Fact]
    public void High_intensity_residential_does_not_fire_at_2()
    {
        Assert.DoesNotContain("HighIntensityResidential", Fired(Quiet, Ratings(d3: 2, d4: 2, d5: 2, d6: 2)));
    }

    [Theory]
    [InlineData(2, 2, true)]
    [InlineData(3, 1, false)]
    [InlineData(1, 3, false)]
    public void High_intensity_residential_needs_withdrawal_and_biomedical_risk_at_2_or_lower(int d1, int d2, bool fires)
    {
        Assert.Equal(fires, Fired(Quiet, Ratings(d1: d1, d2: d2, d5: 3)).Contains("HighIntensityResidential"));
    }

    [Theory]
    [InlineData(2, 1, true)]
    [InlineData(1, 2, true)]
    [InlineData(1, 1, false)]
    [InlineData(3, 1, false)]
    public void Partial_hospitalization_fires_when_dimension_5_or_6_is_rated_2(int d5, int d6, bool fires)
    {
        Assert.Equal(fires, Fired(Quiet, Ratings(d5: d5, d6: d6)).Contains("PartialHospitalization"));
    }

    [Theory]
    [InlineData(2, 1, true)]
    [InlineData(2, 0, true)]
    [InlineData(2, 2, false)]
    [InlineData(1, 1, false)]
    [InlineData(3, 1, false)]
    public void Intensive_outpatient_fires_when_no_dimension_passes_2_and_dimension_6_is_1_or_lower(int d4, int d6, bool fires)
    {
        Assert.Equal(fires, Fired(Quiet, Ratings(d4: d4, d6: d6)).Contains("IntensiveOutpatient"));
    }

    [Fact]
    public void Low_risk_with_a_stable_environment_is_intensive_outpatient()
    {
        var recommendation = Recommend(Quiet, Ratings(d3: 2, d4: 2, d6: 0));

        Assert.Equal("2.1", recommendation.Level.Code);
        Assert.Equal(LevelOfCare.IntensiveOutpatient, recommendation.CareSetting);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(0, true)]
    [InlineData(2, false)]
    public void Outpatient_fires_when_every_dimension_is_1_or_lower(int d2, bool fires)
    {
        Assert.Equal(fires, Fired(Quiet, Ratings(d1: 0, d2: d2)).Contains("Outpatient"));
    }

    [Fact]
    public void All_ones_is_outpatient()
    {
        var recommendation = Recommend(Quiet, AllOnes);

        Assert.Equal("1", recommendation.Level.Code);
        Assert.Equal(LevelOfCare.Outpatient, recommendation.CareSetting);
        Assert.Equal(["Outpatient"], recommendation.Reasons.Select(reason => reason.Rule));
    }

    [Fact]
    public void Dual_diagnosis_alone_does_not_raise_low_ratings()
    {
        Assert.Equal("1", Recommend(DualDiagnosis, AllOnes).Level.Code);
    }
}
