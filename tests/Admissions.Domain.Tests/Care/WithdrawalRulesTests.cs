using Admissions.Domain.Care;
using Admissions.Domain.Inquiries;
using static Admissions.Domain.Tests.Care.CareTestData;

namespace Admissions.Domain.Tests.Care;

public class WithdrawalRulesTests
{
    private static readonly ClinicalPicture AlcoholSeizures = With(Use(SubstanceConcerns.Alcohol, seizures: true));

    [Theory]
    [InlineData(4, true)]
    [InlineData(3, false)]
    public void Medically_managed_withdrawal_fires_when_dimension_1_is_rated_4(int d1, bool fires)
    {
        Assert.Equal(fires, Fired(Quiet, Ratings(d1: d1)).Contains("MedicallyManagedWithdrawal"));
    }

    [Theory]
    [InlineData(25, true)]
    [InlineData(24, false)]
    public void Medically_managed_withdrawal_fires_from_CIWA_25_with_a_history_of_seizures(int ciwa, bool fires)
    {
        Assert.Equal(fires, Fired(AlcoholSeizures with { CiwaArTotal = ciwa }, AllOnes).Contains("MedicallyManagedWithdrawal"));
    }

    [Fact]
    public void Medically_managed_withdrawal_needs_the_complicated_history_beside_a_CIWA_of_25()
    {
        Assert.DoesNotContain("MedicallyManagedWithdrawal", Fired(Quiet with { CiwaArTotal = 30 }, AllOnes));
    }

    [Theory]
    [InlineData(4, 16, true)]
    [InlineData(4, 15, false)]
    [InlineData(3, 16, false)]
    public void Medically_managed_withdrawal_fires_when_dimension_2_is_4_with_severe_alcohol_withdrawal(int d2, int ciwa, bool fires)
    {
        Assert.Equal(fires, Fired(Quiet with { CiwaArTotal = ciwa }, Ratings(d2: d2)).Contains("MedicallyManagedWithdrawal"));
    }

    [Fact]
    public void Medically_managed_withdrawal_fires_when_dimension_2_is_4_with_a_history_of_delirium_tremens()
    {
        var recommendation = Recommend(With(Use(SubstanceConcerns.Alcohol, deliriumTremens: true)), Ratings(d2: 4));

        Assert.Equal("4-WM", recommendation.Level.Code);
        Assert.Null(recommendation.CareSetting);
        Assert.True(recommendation.RefersToHospital);
        Assert.Equal(
            "dimension 2 rated 4 with current alcohol use with a history of delirium tremens: medically managed withdrawal in a hospital (4-WM)",
            recommendation.Reasons[0].Reason);
        Assert.Equal(
            "Refer to a hospital: ASAM 4-WM (medically managed intensive inpatient) is hospital care, which no program here provides.",
            recommendation.Warnings[0]);
    }

    [Theory]
    [InlineData(16, true)]
    [InlineData(15, false)]
    public void Medically_monitored_withdrawal_fires_from_CIWA_16(int ciwa, bool fires)
    {
        Assert.Equal(fires, Fired(Quiet with { CiwaArTotal = ciwa }, AllOnes).Contains("MedicallyMonitoredWithdrawal"));
    }

    [Theory]
    [InlineData(25, true)]
    [InlineData(24, false)]
    public void Medically_monitored_withdrawal_fires_from_COWS_25(int cows, bool fires)
    {
        Assert.Equal(fires, Fired(Quiet with { CowsTotal = cows }, AllOnes).Contains("MedicallyMonitoredWithdrawal"));
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(2, false)]
    public void Medically_monitored_withdrawal_fires_when_dimension_1_is_rated_3(int d1, bool fires)
    {
        Assert.Equal(fires, Fired(Quiet, Ratings(d1: d1)).Contains("MedicallyMonitoredWithdrawal"));
    }

    [Theory]
    [InlineData(SubstanceConcerns.Alcohol, true)]
    [InlineData(SubstanceConcerns.Benzodiazepines, true)]
    [InlineData(SubstanceConcerns.Sedatives, true)]
    [InlineData(SubstanceConcerns.Cannabis, false)]
    [InlineData(SubstanceConcerns.OpioidsHeroin, false)]
    public void A_history_of_withdrawal_seizures_with_current_alcohol_or_sedative_use_calls_for_medically_monitored_withdrawal(
        SubstanceConcerns substance, bool fires)
    {
        var recommendation = Recommend(With(Use(substance, seizures: true)), AllOnes);

        Assert.Equal(fires, recommendation.Level.Code == "3.7-WM");
    }

    [Theory]
    [InlineData(14 * 24, true)]
    [InlineData(14 * 24 + 1, false)]
    public void A_complicated_history_counts_only_while_use_is_current(int hoursSinceLastUse, bool fires)
    {
        var picture = With(Use(SubstanceConcerns.Alcohol, seizures: true, lastUse: Now.AddHours(-hoursSinceLastUse)));

        Assert.Equal(fires, Fired(picture, AllOnes).Contains("MedicallyMonitoredWithdrawal"));
    }

    [Fact]
    public void Severe_CIWA_with_seizures_reads_as_the_facts_and_the_level()
    {
        var recommendation = Recommend(AlcoholSeizures with { CiwaArTotal = 19 }, AllOnes);

        Assert.Equal("3.7-WM", recommendation.Level.Code);
        Assert.Equal(LevelOfCare.WithdrawalManagement, recommendation.CareSetting);
        Assert.Equal(
            "CIWA-Ar 19 (severe); current alcohol use with a history of withdrawal seizures: medically monitored withdrawal (3.7-WM)",
            recommendation.Reasons[0].Reason);
    }

    [Theory]
    [InlineData(7, false)]
    [InlineData(8, true)]
    [InlineData(15, true)]
    [InlineData(16, false)]
    public void Residential_withdrawal_management_fires_for_CIWA_8_to_15(int ciwa, bool fires)
    {
        Assert.Equal(fires, Fired(Quiet with { CiwaArTotal = ciwa }, AllOnes).Contains("ClinicallyManagedWithdrawal"));
    }

    [Theory]
    [InlineData(12, false)]
    [InlineData(13, true)]
    [InlineData(24, true)]
    [InlineData(25, false)]
    public void Residential_withdrawal_management_fires_for_COWS_13_to_24(int cows, bool fires)
    {
        Assert.Equal(fires, Fired(Quiet with { CowsTotal = cows }, AllOnes).Contains("ClinicallyManagedWithdrawal"));
    }

    [Fact]
    public void Moderate_withdrawal_without_complications_is_clinically_managed()
    {
        var recommendation = Recommend(Quiet with { CowsTotal = 16 }, AllOnes);

        Assert.Equal("3.2-WM", recommendation.Level.Code);
        Assert.Equal(LevelOfCare.WithdrawalManagement, recommendation.CareSetting);
        Assert.Equal(
            "COWS 16 (moderate) without a history of complicated withdrawal: residential withdrawal management (3.2-WM)",
            recommendation.Reasons[0].Reason);
    }

    [Fact]
    public void Moderate_withdrawal_with_a_complicated_history_is_medically_monitored_instead()
    {
        var fired = Fired(AlcoholSeizures with { CiwaArTotal = 12 }, AllOnes);

        Assert.DoesNotContain("ClinicallyManagedWithdrawal", fired);
        Assert.Equal("MedicallyMonitoredWithdrawal", fired[0]);
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(12, true)]
    [InlineData(13, false)]
    public void Ambulatory_withdrawal_fires_for_COWS_5_to_12(int cows, bool fires)
    {
        Assert.Equal(fires, Fired(Quiet with { CowsTotal = cows }, AllOnes).Contains("AmbulatoryWithdrawal"));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(7, true)]
    [InlineData(8, false)]
    public void Ambulatory_withdrawal_fires_for_CIWA_below_8(int ciwa, bool fires)
    {
        Assert.Equal(fires, Fired(Quiet with { CiwaArTotal = ciwa }, AllOnes).Contains("AmbulatoryWithdrawal"));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public void Ambulatory_withdrawal_needs_dimension_1_at_1_or_lower(int d1, bool fires)
    {
        Assert.Equal(fires, Fired(Quiet with { CowsTotal = 8 }, Ratings(d1: d1)).Contains("AmbulatoryWithdrawal"));
    }

    [Fact]
    public void Mild_withdrawal_with_low_risk_is_managed_ambulatory()
    {
        var recommendation = Recommend(Quiet with { CowsTotal = 8 }, AllOnes);

        Assert.Equal("2-WM", recommendation.Level.Code);
        Assert.Equal(LevelOfCare.PartialHospitalization, recommendation.CareSetting);
        Assert.Equal(
            "COWS 8 (mild) with dimension 1 rated 1: ambulatory withdrawal management (2-WM)",
            recommendation.Reasons[0].Reason);
    }
}
