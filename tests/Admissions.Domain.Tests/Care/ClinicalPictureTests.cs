using Admissions.Domain.Care;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using static Admissions.Domain.Tests.Care.CareTestData;

namespace Admissions.Domain.Tests.Care;

public class ClinicalPictureTests
{
    [Theory]
    [InlineData(SubstanceConcerns.None)]
    [InlineData(SubstanceConcerns.Alcohol | SubstanceConcerns.Cocaine)]
    [InlineData((SubstanceConcerns)512)]
    public void A_substance_entry_holds_exactly_one_known_substance(SubstanceConcerns substance)
    {
        Assert.Throws<DomainRuleException>(() => new SubstanceUse { Substance = substance });
    }

    [Fact]
    public void A_substance_entry_keeps_its_detail()
    {
        var use = new SubstanceUse
        {
            Substance = SubstanceConcerns.Fentanyl,
            Route = SubstanceRoute.Smoked,
            Frequency = UseFrequency.SeveralTimesADay,
            Amount = "about 1 g a day",
            LastUse = Now.AddHours(-6),
            YearsOfUse = 2.5m,
            PriorTreatmentEpisodes = 3,
        };

        Assert.Equal(SubstanceRoute.Smoked, use.Route);
        Assert.Equal(2.5m, use.YearsOfUse);
        Assert.Equal(3, use.PriorTreatmentEpisodes);
        Assert.False(use.HadComplicatedWithdrawal);
    }

    [Fact]
    public void Negative_years_of_use_or_treatment_episodes_are_rejected()
    {
        Assert.Throws<DomainRuleException>(() => new SubstanceUse { Substance = SubstanceConcerns.Alcohol, YearsOfUse = -0.5m });
        Assert.Throws<DomainRuleException>(() => new SubstanceUse { Substance = SubstanceConcerns.Alcohol, PriorTreatmentEpisodes = -1 });
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Seizures_or_delirium_tremens_make_withdrawal_complicated(bool seizures, bool deliriumTremens)
    {
        Assert.True(Use(SubstanceConcerns.Alcohol, seizures, deliriumTremens).HadComplicatedWithdrawal);
    }

    [Fact]
    public void Use_within_14_days_or_at_an_unknown_time_is_current()
    {
        var use = new SubstanceUse { Substance = SubstanceConcerns.Benzodiazepines };

        Assert.True(use.IsCurrentAsOf(Now));
        Assert.True((use with { LastUse = Now.AddDays(-14) }).IsCurrentAsOf(Now));
        Assert.False((use with { LastUse = Now.AddDays(-14).AddMinutes(-1) }).IsCurrentAsOf(Now));
    }

    [Theory]
    [InlineData(-1, null, null)]
    [InlineData(68, null, null)]
    [InlineData(null, -1, null)]
    [InlineData(null, 49, null)]
    [InlineData(null, null, -1)]
    [InlineData(null, null, 28)]
    public void Screening_totals_outside_their_instrument_range_are_rejected(int? ciwa, int? cows, int? phq9)
    {
        Assert.Throws<DomainRuleException>(() => Quiet with { CiwaArTotal = ciwa, CowsTotal = cows, Phq9Total = phq9 });
    }

    [Fact]
    public void Screening_totals_at_the_ends_of_their_range_are_kept()
    {
        var picture = Quiet with { CiwaArTotal = 67, CowsTotal = 48, Phq9Total = 0 };

        Assert.Equal(67, picture.CiwaArTotal);
        Assert.Equal(48, picture.CowsTotal);
        Assert.Equal(0, picture.Phq9Total);
    }
}
