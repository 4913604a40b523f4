using Admissions.Domain.Insurance;

namespace Admissions.Domain.Tests.Insurance;

/// <summary>45 CFR 149.610(b)(1)(vi) deadlines, counted in business days (Monday to Friday).</summary>
public class GoodFaithEstimateRulesTests
{
    // Monday 2 March 2026.
    private static readonly DateOnly Monday = new(2026, 3, 2);

    [Fact]
    public void Care_scheduled_ten_or_more_business_days_ahead_is_due_three_business_days_after_scheduling()
    {
        // Monday 2 March to Monday 16 March is 10 business days: due Thursday 5 March.
        Assert.Equal(new DateOnly(2026, 3, 5), GoodFaithEstimates.DueOn(Monday, new DateOnly(2026, 3, 16)));
    }

    [Fact]
    public void Care_scheduled_three_to_nine_business_days_ahead_is_due_one_business_day_after_scheduling()
    {
        // Friday 6 March, care Wednesday 11 March (3 business days): due Monday 9 March.
        Assert.Equal(new DateOnly(2026, 3, 9), GoodFaithEstimates.DueOn(new DateOnly(2026, 3, 6), new DateOnly(2026, 3, 11)));
    }

    [Fact]
    public void Care_less_than_three_business_days_away_has_no_deadline()
    {
        // Friday to Tuesday is 2 business days.
        Assert.Null(GoodFaithEstimates.DueOn(new DateOnly(2026, 3, 6), new DateOnly(2026, 3, 10)));
    }

    [Fact]
    public void A_request_without_scheduling_is_due_three_business_days_after_it()
    {
        // Thursday 5 March: Friday, Monday, Tuesday.
        Assert.Equal(new DateOnly(2026, 3, 10), GoodFaithEstimates.DueOn(new DateOnly(2026, 3, 5), null));
    }

    [Fact]
    public void Giving_an_estimate_twice_is_refused()
    {
        var estimate = new GoodFaithEstimate();
        estimate.Give("In person", new Domain.Common.Actor("u1", "Sam"), DateTimeOffset.UnixEpoch);

        Assert.Throws<Domain.Common.DomainRuleException>(() => estimate.Give("Email", new Domain.Common.Actor("u1", "Sam"), DateTimeOffset.UnixEpoch));
        Assert.Equal(("In person", "Sam"), (estimate.GivenHow, estimate.GivenByName));
    }

    [Fact]
    public void The_estimate_carries_the_required_disclaimers()
    {
        Assert.Contains(GoodFaithEstimate.Disclaimers, d => d.Contains("at least $400 more", StringComparison.Ordinal));
        Assert.Contains(GoodFaithEstimate.Disclaimers, d => d.Contains("not a contract", StringComparison.Ordinal));
        Assert.Contains(GoodFaithEstimate.Disclaimers, d => d.Contains("only an estimate", StringComparison.Ordinal));
        Assert.Contains(GoodFaithEstimate.Disclaimers, d => d.Contains("scheduled or requested separately", StringComparison.Ordinal));
    }
}
