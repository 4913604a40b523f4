using Admissions.Domain.Care;
using Admissions.Domain.Insurance;

namespace Admissions.Application.Tests.Insurance;

/// <summary>What a patient should expect to pay, checked against sums done by hand.</summary>
public class StayEstimateTests
{
    private const decimal Discount = 0.2m;

    private static LevelBenefits Covered(decimal? deductible = null, decimal? remaining = null, decimal? coinsurance = null, decimal? copay = null,
        decimal? outOfPocketMax = null, decimal? outOfPocketRemaining = null) => new()
        {
            Level = LevelOfCare.Residential,
            ServiceType = "RT",
            Covered = true,
            Deductible = deductible,
            DeductibleRemaining = remaining,
            Coinsurance = coinsurance,
            Copay = copay,
            OutOfPocketMax = outOfPocketMax,
            OutOfPocketRemaining = outOfPocketRemaining,
        };

    [Fact]
    public void The_remaining_deductible_comes_first_then_coinsurance_on_the_rest()
    {
        // 30 days at 850 = 25,500. 1,500 deductible left, then 20% of 24,000 = 4,800: 6,300.
        var estimate = StayEstimate.For(Covered(deductible: 2000, remaining: 1500, coinsurance: 0.2m, outOfPocketRemaining: 10_000), 850, 30, Discount);

        Assert.Equal(25_500m, estimate.TotalCharge);
        Assert.Equal(6_300m, estimate.PatientResponsibility);
        Assert.Equal(19_200m, estimate.PlanPays);
        Assert.Equal("Remaining deductible, then copays by their period and coinsurance, capped at the out-of-pocket remaining", estimate.Basis);
        Assert.Equal((1_500m, 0m, 4_800m, RateBasis.ListPrice), (estimate.Deductible, estimate.Copays, estimate.Coinsurance, estimate.RateBasis));
    }

    [Fact]
    public void The_full_deductible_counts_when_the_payer_gives_no_remaining_amount()
    {
        // 25,500: 2,000 deductible, then 20% of 23,500 = 4,700: 6,700.
        var estimate = StayEstimate.For(Covered(deductible: 2000, coinsurance: 0.2m), 850, 30, Discount);

        Assert.Equal(6_700m, estimate.PatientResponsibility);
        Assert.Equal(18_800m, estimate.PlanPays);
    }

    [Fact]
    public void The_out_of_pocket_remaining_caps_what_the_patient_pays()
    {
        // 6,300 would be owed; only 5,200 of out-of-pocket is left this year.
        var estimate = StayEstimate.For(Covered(2000, 1500, 0.2m, outOfPocketMax: 6000, outOfPocketRemaining: 5200), 850, 30, Discount);

        Assert.Equal(5_200m, estimate.PatientResponsibility);
        Assert.Equal(20_300m, estimate.PlanPays);
    }

    [Fact]
    public void The_out_of_pocket_maximum_caps_when_nothing_is_said_about_what_remains()
    {
        var estimate = StayEstimate.For(Covered(2000, 1500, 0.2m, outOfPocketMax: 4000), 850, 30, Discount);

        Assert.Equal(4_000m, estimate.PatientResponsibility);
    }

    [Fact]
    public void A_copay_whose_period_the_payer_did_not_give_is_charged_per_day_and_flagged()
    {
        // 7 days at 1,200 = 8,400. 500 deductible left, then 7 x 100 copay (period unknown: the most it could be): 1,200.
        var estimate = StayEstimate.For(Covered(deductible: 1000, remaining: 500, copay: 100), 1200, 7, Discount);

        Assert.Equal(8_400m, estimate.TotalCharge);
        Assert.Equal(1_200m, estimate.PatientResponsibility);
        Assert.Equal(7_200m, estimate.PlanPays);
        Assert.Contains(estimate.Notes, n => n.StartsWith("The payer did not say how often the copay applies", StringComparison.Ordinal));
    }

    [Fact]
    public void A_copay_and_coinsurance_together_both_apply()
    {
        // 20 sessions at 450 = 9,000; no deductible; 20 x 50 per-visit copay = 1,000; 10% of the other 8,000 = 800: 1,800.
        var estimate = StayEstimate.For(Covered(coinsurance: 0.1m, copay: 50) with { CopayPeriod = "27" }, 450, 20, Discount);

        Assert.Equal((1_000m, 800m, 1_800m), (estimate.Copays, estimate.Coinsurance, estimate.PatientResponsibility));
    }

    [Fact]
    public void A_deductible_larger_than_the_stay_is_all_the_patient_pays()
    {
        // 4 sessions at 250 = 1,000, with 3,000 of deductible left: the patient pays the whole 1,000.
        var estimate = StayEstimate.For(Covered(remaining: 3000, coinsurance: 0.2m), 250, 4, Discount);

        Assert.Equal(1_000m, estimate.PatientResponsibility);
        Assert.Equal(0m, estimate.PlanPays);
    }

    [Fact]
    public void Full_coverage_with_nothing_owed_costs_the_patient_nothing()
    {
        var estimate = StayEstimate.For(Covered(remaining: 0, coinsurance: 0), 850, 30, Discount);

        Assert.Equal(0m, estimate.PatientResponsibility);
        Assert.Equal(25_500m, estimate.PlanPays);
    }

    [Fact]
    public void Amounts_are_rounded_to_cents()
    {
        // 3 visits at 150 = 450; 12.34% coinsurance = 55.53.
        var estimate = StayEstimate.For(Covered(coinsurance: 0.1234m), 150, 3, Discount);

        Assert.Equal(55.53m, estimate.PatientResponsibility);
        Assert.Equal(394.47m, estimate.PlanPays);
    }

    [Fact]
    public void A_level_not_covered_is_quoted_at_the_self_pay_rate_with_the_discount()
    {
        var notCovered = Covered(deductible: 100, coinsurance: 0.1m) with { Covered = false };

        var estimate = StayEstimate.For(notCovered, 850, 30, Discount);

        // 25,500 less 20% = 20,400, all of it the patient's.
        Assert.Equal(25_500m, estimate.TotalCharge);
        Assert.Equal(20_400m, estimate.PatientResponsibility);
        Assert.Equal(0m, estimate.PlanPays);
        Assert.StartsWith("Self-pay at 20", estimate.Basis, StringComparison.Ordinal);
        Assert.EndsWith("off the daily rate", estimate.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_coverage_or_no_benefits_at_all_is_quoted_as_self_pay()
    {
        var unknown = StayEstimate.For(Covered(coinsurance: 0.1m) with { Covered = null }, 1200, 7, Discount);
        var none = StayEstimate.For(null, 1200, 7, 0);

        Assert.Equal(6_720m, unknown.PatientResponsibility);
        Assert.Equal(8_400m, none.PatientResponsibility);
        Assert.Equal("Self-pay at the daily rate", none.Basis);
    }
}
