using Admissions.Domain.Care;
using Admissions.Domain.Common;
using Admissions.Domain.Insurance;

namespace Admissions.Domain.Tests.Insurance;

/// <summary>A single case agreement's terms, and how an estimate uses them in place of the out-of-network rate.</summary>
public class SingleCaseAgreementTests
{
    private static readonly Actor Reviewer = new("ur-1", "Pat Reviewer");
    private static readonly DateTimeOffset At = new(2026, 3, 10, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Start = new(2026, 3, 10);

    /// <summary>Out of network: nothing left of the deductible, 40% coinsurance, no out-of-pocket cap, no day limit.</summary>
    private static LevelBenefits OutOfNetwork(LevelOfCare level, decimal? dayLimit = null, decimal? visitLimit = null) => new()
    {
        Level = level,
        Covered = true,
        InNetwork = false,
        DeductibleRemaining = 0,
        Coinsurance = 0.4m,
        DayLimit = dayLimit,
        VisitLimit = visitLimit,
    };

    private static AgreementTerms Terms(decimal rate = 1_150, AgreementRateBasis basis = AgreementRateBasis.PerDay, int units = 14, int days = 14) =>
        new(rate, basis, units, Start, Start.AddDays(days - 1), "SCA-77120", "Dana Whitfield", "(555) 310-2200", "dana@payer.example", null);

    private static PriorAuthorization Authorization()
    {
        var policy = new InsurancePolicy { InquiryId = Guid.NewGuid(), PayerId = Guid.NewGuid(), PayerName = "UnitedHealthcare", MemberId = "U1" };
        return PriorAuthorization.Request(policy, LevelOfCare.Residential, "AI", Start, 14, "F10.20", AuthorizationChannel.Portal, "T1", Reviewer, At);
    }

    [Fact]
    public void A_stay_within_the_agreement_is_charged_at_the_agreed_rate_and_says_so()
    {
        // 14 days at the agreed 1,150 = 16,100 instead of 14 x 1,500 list; 40% coinsurance = 6,440.
        var estimate = EpisodeEstimate.For(
            [new LevelStay(LevelOfCare.Residential, OutOfNetwork(LevelOfCare.Residential), 1_500, null, 14, new AgreedRate(1_150, AgreementRateBasis.PerDay, 14, "SCA-77120"))],
            0).Levels[0];

        Assert.Equal((16_100m, 6_440m, 9_660m), (estimate.TotalCharge, estimate.PatientResponsibility, estimate.PlanPays));
        Assert.Equal(14, estimate.AgreedUnits);
        Assert.Contains("Single case agreement SCA-77120: 14 days at the agreed $1,150.00.", estimate.Notes);
        Assert.DoesNotContain(estimate.Notes, n => n.Contains("balance billing", StringComparison.Ordinal));
        Assert.DoesNotContain(estimate.Notes, n => n.StartsWith("List price", StringComparison.Ordinal));
    }

    [Fact]
    public void Days_beyond_the_agreement_keep_the_usual_out_of_network_terms()
    {
        // 14 agreed days x 1,150 = 16,100 plus 16 days x 1,500 list = 24,000; 40,100 charged, 40% = 16,040.
        var estimate = EpisodeEstimate.For(
            [new LevelStay(LevelOfCare.Residential, OutOfNetwork(LevelOfCare.Residential), 1_500, null, 30, new AgreedRate(1_150, AgreementRateBasis.PerDay, 14, "SCA-77120"))],
            0).Levels[0];

        Assert.Equal((40_100m, 16_040m), (estimate.TotalCharge, estimate.PatientResponsibility));
        Assert.Contains("Single case agreement SCA-77120: 14 days at the agreed $1,150.00; the other 16 at the usual out-of-network terms.", estimate.Notes);
        Assert.Contains(estimate.Notes, n => n.Contains("balance billing may apply", StringComparison.Ordinal));
    }

    [Fact]
    public void Agreed_days_are_covered_even_past_the_plans_day_limit()
    {
        // The plan covers 10 days; the payer agreed to 14. 14 x 1,150 covered (40% = 6,440), 6 days past both at the list price 1,500.
        var estimate = EpisodeEstimate.For(
            [new LevelStay(LevelOfCare.Residential, OutOfNetwork(LevelOfCare.Residential, dayLimit: 10), 1_500, null, 20, new AgreedRate(1_150, AgreementRateBasis.PerDay, 14, "SCA-1"))],
            0).Levels[0];

        Assert.Equal((14, 6), (estimate.CoveredUnits, estimate.UncoveredUnits));
        Assert.Equal((16_100m + 9_000m, 6_440m + 9_000m), (estimate.TotalCharge, estimate.PatientResponsibility));
    }

    [Fact]
    public void A_per_unit_agreement_prices_day_program_sessions()
    {
        // IOP: 20 agreed sessions at 225, the typical 24 sessions at a 300 contracted rate otherwise.
        // 20 x 225 + 4 x 300 = 5,700; 40% = 2,280.
        var estimate = EpisodeEstimate.For(
            [new LevelStay(LevelOfCare.IntensiveOutpatient, OutOfNetwork(LevelOfCare.IntensiveOutpatient), 350, 300, 24, new AgreedRate(225, AgreementRateBasis.PerUnit, 20, "SCA-9"))],
            0).Levels[0];

        Assert.Equal((5_700m, 2_280m), (estimate.TotalCharge, estimate.PatientResponsibility));
        Assert.Contains("Single case agreement SCA-9: 20 sessions at the agreed $225.00; the other 4 at the usual out-of-network terms.", estimate.Notes);
    }

    [Fact]
    public void Without_an_agreement_the_estimate_is_unchanged()
    {
        var estimate = EpisodeEstimate.For([new LevelStay(LevelOfCare.Residential, OutOfNetwork(LevelOfCare.Residential), 1_500, null, 14)], 0).Levels[0];

        Assert.Equal((21_000m, 8_400m), (estimate.TotalCharge, estimate.PatientResponsibility));
        Assert.Null(estimate.Agreement);
        Assert.DoesNotContain(estimate.Notes, n => n.Contains("Single case agreement", StringComparison.Ordinal));
    }

    [Fact]
    public void A_per_day_agreement_must_cover_each_day_between_its_dates()
    {
        var error = Assert.Throws<DomainRuleException>(() => SingleCaseAgreement.Record(Authorization(), Terms(units: 10, days: 14), Reviewer, At));

        Assert.Equal("A per-day agreement pays each day from the first to the last: 03/10/2026 to 03/23/2026 is 14 days, not 10. Change the days or the last day.", error.Message);
    }

    [Fact]
    public void A_per_unit_agreement_may_use_its_units_any_time_between_its_dates()
    {
        var agreement = SingleCaseAgreement.Record(Authorization(), Terms(rate: 225, basis: AgreementRateBasis.PerUnit, units: 20, days: 60), Reviewer, At);

        Assert.Equal("$225.00/unit × 20 units, 03/10/2026 to 05/08/2026 (ref SCA-77120)", agreement.Summary());
        Assert.Equal("SCA $225/unit × 20", SingleCaseAgreement.Chip(agreement.Rate, agreement.Basis, agreement.Units));
    }

    [Theory]
    [InlineData(0, 14, "The agreed rate must be more than zero.")]
    [InlineData(1_150, 0, "The agreement must cover at least one day or unit.")]
    public void The_rate_and_units_must_be_positive(decimal rate, int units, string message)
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            SingleCaseAgreement.Record(Authorization(), Terms(rate: rate, basis: AgreementRateBasis.PerUnit, units: units), Reviewer, At));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_withdrawn_agreement_cannot_be_changed_or_withdrawn_again()
    {
        var agreement = SingleCaseAgreement.Record(Authorization(), Terms(), Reviewer, At);
        agreement.Withdraw("Payer rescinded the agreement", Reviewer, At.AddHours(1));

        Assert.False(agreement.IsActive);
        Assert.Equal("Payer rescinded the agreement", agreement.WithdrawnReason);
        Assert.Throws<DomainRuleException>(() => agreement.Change(Terms(), Reviewer, At.AddHours(2)));
        Assert.Throws<DomainRuleException>(() => agreement.Withdraw("again", Reviewer, At.AddHours(2)));
    }
}
