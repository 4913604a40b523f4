using Admissions.Domain.Care;
using static Admissions.Domain.Tests.Care.CareTestData;

namespace Admissions.Domain.Tests.Care;

/// <summary>A phone self-report (SOWS, SAWS) is risk information; only an observed COWS or CIWA-Ar drives withdrawal management.</summary>
public class SelfReportTests
{
    [Fact]
    public void A_severe_sows_by_phone_does_not_place_in_withdrawal_management_but_warns()
    {
        var recommendation = Recommend(Quiet with { SowsSelfReport = 40 }, AllOnes);

        Assert.Equal("1", recommendation.Level.Code);
        Assert.DoesNotContain(recommendation.Reasons, r => r.Rule.Contains("Withdrawal", StringComparison.Ordinal));
        Assert.Contains("Self-reported by phone: SOWS 40 (moderate or worse opioid withdrawal). Risk information only: plan for a clinician to rate COWS on arrival.",
            recommendation.Warnings);
    }

    [Fact]
    public void The_same_severity_observed_with_cows_does_place_in_withdrawal_management()
    {
        var recommendation = Recommend(Quiet with { CowsTotal = 30, SowsSelfReport = 40 }, AllOnes);

        Assert.Equal("3.7-WM", recommendation.Level.Code);
    }

    [Theory]
    [InlineData(11, "Self-reported by phone: SAWS 11. Risk information only; a clinician rates CIWA-Ar on arrival.")]
    [InlineData(12, "Self-reported by phone: SAWS 12 (moderate to severe alcohol withdrawal). Risk information only: plan for a clinician to rate CIWA-Ar on arrival.")]
    public void Saws_12_is_the_published_cut_off_for_moderate_to_severe_withdrawal(int saws, string warning)
    {
        var recommendation = Recommend(Quiet with { SawsSelfReport = saws }, AllOnes);

        Assert.Equal("1", recommendation.Level.Code);
        Assert.Contains(warning, recommendation.Warnings);
    }

    [Theory]
    [InlineData(65, null)]
    [InlineData(null, 31)]
    public void Self_report_totals_outside_the_scale_are_refused(int? sows, int? saws)
    {
        Assert.Throws<Admissions.Domain.Common.DomainRuleException>(() => Quiet with { SowsSelfReport = sows, SawsSelfReport = saws });
    }
}
