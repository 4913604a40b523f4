using Admissions.Domain.Care;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Screening;
using static Admissions.Domain.Tests.Care.CareTestData;

namespace Admissions.Domain.Tests.Care;

public class RecommendationTests
{
    [Fact]
    public void Rules_are_listed_from_the_most_to_the_least_intensive()
    {
        Assert.Equal(
            [
                "SafetyFirst", "MedicallyManagedWithdrawal", "MedicallyMonitoredWithdrawal", "ClinicallyManagedWithdrawal",
                "PsychiatricResidential", "BiomedicalMonitoring", "HighIntensityResidential", "AmbulatoryWithdrawal",
                "PartialHospitalization", "IntensiveOutpatient", "Outpatient",
            ],
            LevelOfCareRules.All.Select(rule => rule.Name));
    }

    [Fact]
    public void The_most_intensive_rule_wins_and_every_fired_rule_is_a_reason()
    {
        var picture = With(Use(SubstanceConcerns.Alcohol, seizures: true)) with { CiwaArTotal = 19, DualDiagnosis = true };

        var recommendation = Recommend(picture, Ratings(d3: 3, d5: 3));

        Assert.Equal("3.7-WM", recommendation.Level.Code);
        Assert.Equal(
            ["MedicallyMonitoredWithdrawal", "PsychiatricResidential", "HighIntensityResidential"],
            recommendation.Reasons.Select(reason => reason.Rule));
        Assert.Equal(LevelOfCare.MentalHealthResidential, recommendation.Reasons[1].CareSetting);
    }

    [Fact]
    public void Safety_first_wins_over_withdrawal()
    {
        var recommendation = Recommend(Quiet with { CssrsRisk = SuicideRisk.High, CiwaArTotal = 30 }, Ratings(d1: 4));

        Assert.Equal(["SafetyFirst", "MedicallyManagedWithdrawal", "MedicallyMonitoredWithdrawal"], recommendation.Reasons.Select(reason => reason.Rule));
        Assert.Equal("4", recommendation.Level.Code);
    }

    [Fact]
    public void Withdrawal_is_managed_before_psychiatric_residential_care()
    {
        var recommendation = Recommend(Quiet with { DualDiagnosis = true, CowsTotal = 14 }, Ratings(d3: 3), AsamEdition.Fourth);

        Assert.Equal("3.7", recommendation.Level.Code);
        Assert.Equal(LevelOfCare.WithdrawalManagement, recommendation.CareSetting);
        Assert.Equal("PsychiatricResidential", recommendation.Reasons[1].Rule);
    }

    [Fact]
    public void Mild_withdrawal_wins_over_partial_hospitalization_and_that_over_intensive_outpatient()
    {
        var fired = Fired(Quiet with { CowsTotal = 6 }, Ratings(d4: 2, d5: 2, d6: 1));

        Assert.Equal(["AmbulatoryWithdrawal", "PartialHospitalization", "IntensiveOutpatient"], fired);
    }

    [Fact]
    public void Every_combination_of_ratings_gets_a_recommendation()
    {
        var count = 0;
        foreach (var ratings in AllRatings())
        {
            Assert.NotEmpty(Recommend(Quiet, ratings).Reasons);
            count++;
        }

        Assert.Equal(15_625, count);
    }

    [Theory]
    [InlineData("SafetyFirst", "4", "4.0", null)]
    [InlineData("MedicallyManagedWithdrawal", "4-WM", "4.0", null)]
    [InlineData("MedicallyMonitoredWithdrawal", "3.7-WM", "3.7", LevelOfCare.WithdrawalManagement)]
    [InlineData("ClinicallyManagedWithdrawal", "3.2-WM", "3.7", LevelOfCare.WithdrawalManagement)]
    [InlineData("PsychiatricResidential", "3.7", "3.7", LevelOfCare.MentalHealthResidential)]
    [InlineData("BiomedicalMonitoring", "3.7", "3.7", LevelOfCare.Residential)]
    [InlineData("HighIntensityResidential", "3.5", "3.5", LevelOfCare.Residential)]
    [InlineData("AmbulatoryWithdrawal", "2-WM", "2.7", LevelOfCare.PartialHospitalization)]
    [InlineData("PartialHospitalization", "2.5", "2.5", LevelOfCare.PartialHospitalization)]
    [InlineData("IntensiveOutpatient", "2.1", "2.1", LevelOfCare.IntensiveOutpatient)]
    [InlineData("Outpatient", "1", "1.5", LevelOfCare.Outpatient)]
    public void Each_rule_names_its_level_in_both_editions_and_its_care_setting(string rule, string third, string fourth, LevelOfCare? setting)
    {
        var (picture, ratings) = Winning(rule);

        var inThird = Recommend(picture, ratings, AsamEdition.Third);
        var inFourth = Recommend(picture, ratings, AsamEdition.Fourth);

        Assert.Equal(rule, inThird.Reasons[0].Rule);
        Assert.Equal((AsamEdition.Third, third, setting), (inThird.Edition, inThird.Level.Code, inThird.CareSetting));
        Assert.Equal((AsamEdition.Fourth, fourth, setting), (inFourth.Edition, inFourth.Level.Code, inFourth.CareSetting));
        Assert.EndsWith($"({fourth})", inFourth.Reasons[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_recommendation_keeps_the_ratings_it_was_made_from()
    {
        var ratings = Ratings(d4: 2);

        Assert.Same(ratings, Recommend(Quiet, ratings).Ratings);
    }

    [Theory]
    [InlineData(SubstanceConcerns.Fentanyl, null, true)]
    [InlineData(SubstanceConcerns.OpioidsHeroin, null, true)]
    [InlineData(SubstanceConcerns.Cannabis, null, false)]
    [InlineData(SubstanceConcerns.Cannabis, 5, true)]
    [InlineData(SubstanceConcerns.Cannabis, 4, false)]
    public void Pregnancy_with_opioid_use_or_withdrawal_asks_for_an_obstetric_consult(SubstanceConcerns substance, int? cows, bool warns)
    {
        var picture = With(Use(substance)) with { Pregnant = true, CowsTotal = cows };

        Assert.Equal(warns, Recommend(picture, AllOnes).Warnings.Any(warning => warning.Contains("obstetric consult", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(8, true)]
    [InlineData(7, false)]
    public void Pregnancy_with_alcohol_withdrawal_asks_for_an_obstetric_consult(int ciwa, bool warns)
    {
        var picture = Quiet with { Pregnant = true, CiwaArTotal = ciwa };

        Assert.Equal(warns, Recommend(picture, AllOnes).Warnings.Any(warning => warning.Contains("obstetric consult", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public void No_obstetric_consult_unless_pregnant(bool? pregnant)
    {
        var picture = With(Use(SubstanceConcerns.Fentanyl)) with { Pregnant = pregnant, CowsTotal = 14 };

        Assert.Empty(Recommend(picture, AllOnes).Warnings);
    }

    [Fact]
    public void Moderate_suicide_risk_asks_for_a_safety_plan()
    {
        var warning = Assert.Single(Recommend(Quiet with { CssrsRisk = SuicideRisk.Moderate }, AllOnes).Warnings);

        Assert.Contains("safety plan", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(20, true)]
    [InlineData(19, false)]
    public void Severe_depression_on_the_PHQ9_asks_for_a_psychiatric_assessment(int phq9, bool warns)
    {
        var warnings = Recommend(Quiet with { Phq9Total = phq9 }, AllOnes).Warnings;

        Assert.Equal(warns, warnings.Contains("PHQ-9 20 (severe depression): psychiatric assessment."));
    }

    private static (ClinicalPicture Picture, DimensionRatings Ratings) Winning(string rule) => rule switch
    {
        "SafetyFirst" => (Quiet with { CssrsRisk = SuicideRisk.High }, AllOnes),
        "MedicallyManagedWithdrawal" => (Quiet, Ratings(d1: 4)),
        "MedicallyMonitoredWithdrawal" => (Quiet with { CiwaArTotal = 20 }, AllOnes),
        "ClinicallyManagedWithdrawal" => (Quiet with { CiwaArTotal = 10 }, AllOnes),
        "PsychiatricResidential" => (Quiet with { DualDiagnosis = true }, Ratings(d3: 3)),
        "BiomedicalMonitoring" => (Quiet, Ratings(d2: 3)),
        "HighIntensityResidential" => (Quiet, Ratings(d5: 4)),
        "AmbulatoryWithdrawal" => (Quiet with { CowsTotal = 7 }, AllOnes),
        "PartialHospitalization" => (Quiet, Ratings(d5: 2)),
        "IntensiveOutpatient" => (Quiet, Ratings(d3: 2)),
        _ => (Quiet, AllOnes),
    };

    private static IEnumerable<DimensionRatings> AllRatings()
    {
        var range = Enumerable.Range(0, 5).ToArray();
        return
            from d1 in range
            from d2 in range
            from d3 in range
            from d4 in range
            from d5 in range
            from d6 in range
            select new DimensionRatings(d1, d2, d3, d4, d5, d6);
    }
}
