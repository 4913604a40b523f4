using Admissions.Domain.Care;
using Admissions.Domain.Insurance;
using Admissions.Domain.Placement;

namespace Admissions.Domain.Tests.Placement;

/// <summary>A payer-directory age limit (TRICARE: residential treatment centre care for mental health under 21) as a program-fit warning.</summary>
public class PayerAgeLimitFitTests
{
    private static readonly DateOnly AdmissionDay = new(2026, 3, 3);

    private static readonly TreatmentProgram MentalHealthResidential = new()
    {
        Name = "Adult Mental Health Residential",
        Level = LevelOfCare.MentalHealthResidential,
        Population = Population.Adults,
        MinimumAge = 18,
        DailyRate = 950m,
    };

    private static PlacementCandidate Patient(DateOnly born, bool waiver = true) => new()
    {
        DateOfBirth = born,
        Payer = new PayerStanding("TRICARE East", IsSelfPay: false)
        {
            Levels = [new LevelBenefitsStanding(LevelOfCare.MentalHealthResidential, true, true, false)],
            AgeLimits = [new PayerAgeLimit(LevelOfCare.MentalHealthResidential, 20)],
            NonCoveredNeedsAdvanceWaiver = waiver,
        },
    };

    [Fact]
    public void An_adult_on_a_plan_that_covers_the_level_only_under_21_is_warned_that_the_stay_needs_an_advance_written_waiver()
    {
        var findings = ProgramFit.Check(MentalHealthResidential, Patient(new DateOnly(1992, 6, 1)), AdmissionDay);

        var warning = Assert.Single(findings, f => f.Message.Contains("only up to age 20", StringComparison.Ordinal));
        Assert.Equal((FitCheck.Payer, FitSeverity.Warning), (warning.Check, warning.Severity));
        Assert.Contains("the patient is 33 on admission, so the stay would not be covered", warning.Message, StringComparison.Ordinal);
        Assert.Contains("non-covered services waiver before admission", warning.Message, StringComparison.Ordinal);
        Assert.True(ProgramFit.Allows(findings, hasOverrideReason: true));
    }

    [Fact]
    public void A_twenty_year_old_is_within_the_limit()
    {
        var findings = ProgramFit.Check(MentalHealthResidential, Patient(new DateOnly(2005, 6, 1)), AdmissionDay);

        Assert.DoesNotContain(findings, f => f.Message.Contains("only up to age", StringComparison.Ordinal));
    }

    [Fact]
    public void A_payer_without_a_waiver_rule_suggests_self_pay_or_another_level()
    {
        var findings = ProgramFit.Check(MentalHealthResidential, Patient(new DateOnly(1992, 6, 1), waiver: false), AdmissionDay);

        Assert.Single(findings, f => f.Message.EndsWith("Quote the stay as self-pay or find a covered level.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_limit_does_not_touch_other_levels()
    {
        var residential = new TreatmentProgram { Name = "Adult Residential", Level = LevelOfCare.Residential, MinimumAge = 18, DailyRate = 850m };

        var findings = ProgramFit.Check(residential, Patient(new DateOnly(1992, 6, 1)), AdmissionDay);

        Assert.DoesNotContain(findings, f => f.Message.Contains("only up to age", StringComparison.Ordinal));
    }
}
