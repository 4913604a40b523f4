using Admissions.Domain.Care;
using Admissions.Domain.Insurance;

namespace Admissions.Domain.Tests.Insurance;

/// <summary>Each cost rule against sums done by hand (docs/domain/payers-and-costs.md).</summary>
public class EpisodeEstimateTests
{
    private static LevelBenefits Plan(LevelOfCare level, Action<LevelBenefitsBuilder>? change = null)
    {
        var builder = new LevelBenefitsBuilder();
        change?.Invoke(builder);
        return new LevelBenefits
        {
            Level = level,
            Covered = true,
            InNetwork = builder.InNetwork,
            DeductibleRemaining = builder.Deductible,
            OutOfPocketRemaining = builder.OutOfPocket,
            Coinsurance = builder.Coinsurance,
            Copay = builder.Copay,
            CopayPeriod = builder.CopayPeriod,
            DayLimit = builder.DayLimit,
            VisitLimit = builder.VisitLimit,
        };
    }

    [Fact]
    public void Detox_then_residential_pays_the_deductible_once_and_stops_at_the_out_of_pocket_maximum()
    {
        // Plan: 1,500 deductible left, 20% coinsurance, 6,000 out-of-pocket left.
        // Detox 7 x 1,200 = 8,400: 1,500 + 20% of 6,900 (1,380) = 2,880. Out-of-pocket left 3,120.
        // Residential 30 x 850 = 25,500: deductible already met; 20% of 25,500 = 5,100, capped at 3,120.
        // Counting the deductible per level would have asked 1,500 + 20% of 24,000 = 6,300 for residential alone.
        static LevelBenefits Shared(LevelOfCare level) => Plan(level, p => (p.Deductible, p.Coinsurance, p.OutOfPocket) = (1_500, 0.2m, 6_000));

        var episode = EpisodeEstimate.For(
        [
            new LevelStay(LevelOfCare.WithdrawalManagement, Shared(LevelOfCare.WithdrawalManagement), 1_200, null, 7),
            new LevelStay(LevelOfCare.Residential, Shared(LevelOfCare.Residential), 850, null, 30),
        ], 0.2m);

        var (detox, residential) = (episode.Levels[0], episode.Levels[1]);
        Assert.Equal((8_400m, 1_500m, 1_380m, 2_880m, 5_520m), (detox.TotalCharge, detox.Deductible, detox.Coinsurance, detox.PatientResponsibility, detox.PlanPays));
        Assert.Equal((25_500m, 0m, 3_120m, 22_380m), (residential.TotalCharge, residential.Deductible, residential.PatientResponsibility, residential.PlanPays));
        Assert.Equal((33_900m, 6_000m, 27_900m), (episode.TotalCharge, episode.PatientResponsibility, episode.PlanPays));
    }

    [Theory]
    // 30 days at 850 = 25,500, no deductible, no coinsurance, a 250 copay:
    [InlineData("7", 7_500)] // per day: 30 x 250
    [InlineData("36", 250)] // per admission: once
    [InlineData("26", 250)] // per episode: once
    [InlineData("23", 250)] // calendar year: once
    [InlineData(null, 7_500)] // not stated: counted per day, the most it could be
    public void A_copay_is_charged_by_its_271_period(string? period, int expected)
    {
        var estimate = StayEstimate.For(Plan(LevelOfCare.Residential, p => (p.Copay, p.CopayPeriod) = (250, period)), 850, 30, 0);

        Assert.Equal(expected, estimate.PatientResponsibility);
    }

    [Fact]
    public void A_yearly_copay_is_paid_once_in_an_episode_and_a_per_admission_copay_once_per_level()
    {
        // Yearly 500: detox pays it, residential does not. Per admission 300: each level is its own admission.
        var yearly = EpisodeEstimate.For(
        [
            new LevelStay(LevelOfCare.WithdrawalManagement, Plan(LevelOfCare.WithdrawalManagement, p => (p.Copay, p.CopayPeriod) = (500, "23")), 1_200, null, 7),
            new LevelStay(LevelOfCare.Residential, Plan(LevelOfCare.Residential, p => (p.Copay, p.CopayPeriod) = (500, "23")), 850, null, 30),
        ], 0);
        var perAdmission = EpisodeEstimate.For(
        [
            new LevelStay(LevelOfCare.WithdrawalManagement, Plan(LevelOfCare.WithdrawalManagement, p => (p.Copay, p.CopayPeriod) = (300, "36")), 1_200, null, 7),
            new LevelStay(LevelOfCare.Residential, Plan(LevelOfCare.Residential, p => (p.Copay, p.CopayPeriod) = (300, "36")), 850, null, 30),
        ], 0);

        Assert.Equal([500m, 0m], yearly.Levels.Select(l => l.Copays));
        Assert.Equal([300m, 300m], perAdmission.Levels.Select(l => l.Copays));
    }

    [Fact]
    public void Copay_and_coinsurance_apply_together_after_the_deductible()
    {
        // 36 IOP sessions at 250 = 9,000. 1,000 deductible; 36 x 30 per-visit copays = 1,080; 10% of 6,920 = 692. 2,772.
        var estimate = StayEstimate.For(
            Plan(LevelOfCare.IntensiveOutpatient, p => (p.Deductible, p.Copay, p.CopayPeriod, p.Coinsurance) = (1_000, 30, "27", 0.1m)), 250, 36, 0);

        Assert.Equal((1_000m, 1_080m, 692m, 2_772m), (estimate.Deductible, estimate.Copays, estimate.Coinsurance, estimate.PatientResponsibility));
    }

    [Fact]
    public void Days_past_the_plans_limit_are_not_covered_and_cost_the_list_price()
    {
        // 30 days at 850; the plan covers 21 (EB F, DY 21). Covered 21 x 850 = 17,850: 20% = 3,570.
        // 9 days past the limit at 850 = 7,650, all the patient's and not capped by the out-of-pocket maximum (2,000 here).
        var estimate = StayEstimate.For(Plan(LevelOfCare.Residential, p => (p.Coinsurance, p.DayLimit, p.OutOfPocket) = (0.2m, 21, 2_000)), 850, 30, 0);

        Assert.Equal((21, 9, 7_650m), (estimate.CoveredUnits, estimate.UncoveredUnits, estimate.UncoveredCost));
        Assert.Equal((25_500m, 9_650m, 15_850m), (estimate.TotalCharge, estimate.PatientResponsibility, estimate.PlanPays));
        Assert.Contains(estimate.Notes, n => n.Contains("9 more are not covered ($7,650.00", StringComparison.Ordinal));
    }

    [Fact]
    public void A_visit_limit_caps_the_covered_sessions_of_a_day_program()
    {
        // 36 sessions at 250, 20 visits covered (EB F, VS 20): 16 x 250 = 4,000 not covered; 20 x 250 x 10% = 500.
        var estimate = StayEstimate.For(Plan(LevelOfCare.IntensiveOutpatient, p => (p.Coinsurance, p.VisitLimit) = (0.1m, 20)), 250, 36, 0);

        Assert.Equal((20, 4_000m, 4_500m), (estimate.CoveredUnits, estimate.UncoveredCost, estimate.PatientResponsibility));
    }

    [Fact]
    public void A_contracted_rate_replaces_the_list_price_and_the_list_price_is_labelled()
    {
        // Contracted 700 a day: 30 x 700 = 21,000, 20% = 4,200. Without it, the 850 list price: 25,500, 20% = 5,100.
        var benefits = Plan(LevelOfCare.Residential, p => p.Coinsurance = 0.2m);
        var contracted = EpisodeEstimate.For([new LevelStay(LevelOfCare.Residential, benefits, 850, 700, 30)], 0).Levels[0];
        var list = EpisodeEstimate.For([new LevelStay(LevelOfCare.Residential, benefits, 850, null, 30)], 0).Levels[0];

        Assert.Equal((RateBasis.Contracted, 700m, 21_000m, 4_200m), (contracted.RateBasis, contracted.Rate, contracted.TotalCharge, contracted.PatientResponsibility));
        Assert.Equal((RateBasis.ListPrice, 25_500m, 5_100m), (list.RateBasis, list.TotalCharge, list.PatientResponsibility));
        Assert.Contains(list.Notes, n => n.StartsWith("List price", StringComparison.Ordinal));
        Assert.DoesNotContain(contracted.Notes, n => n.StartsWith("List price", StringComparison.Ordinal));
    }

    [Fact]
    public void Out_of_network_says_balance_billing_may_apply()
    {
        var estimate = StayEstimate.For(Plan(LevelOfCare.Residential, p => (p.Coinsurance, p.InNetwork) = (0.4m, false)), 850, 30, 0);

        Assert.Contains(estimate.Notes, n => n.Contains("balance billing may apply", StringComparison.Ordinal));
    }

    [Fact]
    public void A_level_the_plan_does_not_cover_is_self_pay_and_does_not_use_the_episodes_deductible()
    {
        // PHP not covered: 20 x 450 less 20% = 7,200. Residential then still has the whole 1,500 deductible.
        var episode = EpisodeEstimate.For(
        [
            new LevelStay(LevelOfCare.Residential, Plan(LevelOfCare.Residential, p => p.Deductible = 1_500), 850, null, 30),
            new LevelStay(LevelOfCare.PartialHospitalization, Plan(LevelOfCare.PartialHospitalization) with { Covered = false }, 450, null, 20),
        ], 0.2m);

        Assert.Equal((1_500m, 1_500m), (episode.Levels[0].Deductible, episode.Levels[0].PatientResponsibility));
        Assert.Equal((RateBasis.SelfPay, 7_200m), (episode.Levels[1].RateBasis, episode.Levels[1].PatientResponsibility));
    }

    private sealed class LevelBenefitsBuilder
    {
        public decimal? Deductible { get; set; }
        public decimal? OutOfPocket { get; set; }
        public decimal? Coinsurance { get; set; }
        public decimal? Copay { get; set; }
        public string? CopayPeriod { get; set; }
        public decimal? DayLimit { get; set; }
        public decimal? VisitLimit { get; set; }
        public bool? InNetwork { get; set; } = true;
    }
}
