using Admissions.Domain.Messaging;

namespace Admissions.Domain.Tests.Messaging;

public class TextingRulesTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void The_federal_rule_allows_8_am_to_9_pm_at_the_recipients_location()
    {
        var rule = TextingRules.Default.For("NY");

        Assert.Equal((new TimeOnly(8, 0), new TimeOnly(21, 0), (int?)null), (rule.AllowedFrom, rule.AllowedUntil, rule.MaxPer24Hours));
        Assert.StartsWith("47 CFR 64.1200(c)(1)", rule.Citation, StringComparison.Ordinal);
    }

    [Fact]
    public void Florida_allows_8_am_to_8_pm_and_three_texts_a_day()
    {
        var rule = TextingRules.Default.For("fl");

        Assert.Equal((new TimeOnly(8, 0), new TimeOnly(20, 0), (int?)3), (rule.AllowedFrom, rule.AllowedUntil, rule.MaxPer24Hours));
        Assert.StartsWith("Fla. Stat. § 501.616(6)", rule.Citation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_state_gets_the_strictest_rules_in_the_table()
    {
        var rule = TextingRules.Default.For(null);

        Assert.Equal((new TimeOnly(8, 0), new TimeOnly(20, 0), (int?)3), (rule.AllowedFrom, rule.AllowedUntil, rule.MaxPer24Hours));
    }

    [Theory]
    // 8:30 p.m. in Miami (EDT, UTC-4 on 10 June 2026) is after Florida's 8 p.m.: next morning at 8 (12:00 UTC).
    [InlineData("FL", "2026-06-11T00:30:00Z", "2026-06-11T12:00:00Z")]
    // The same minute in New York is inside the federal window.
    [InlineData("NY", "2026-06-11T00:30:00Z", "2026-06-11T00:30:00Z")]
    // 9:15 p.m. in New York is after 9 p.m.
    [InlineData("NY", "2026-06-11T01:15:00Z", "2026-06-11T12:00:00Z")]
    public void A_text_outside_the_state_hours_waits_for_the_next_allowed_morning(string state, string now, string expected)
    {
        var next = TextingRules.NextAllowed(TextingRules.Default.For(state), DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), NewYork, []);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Fact]
    public void A_fourth_text_in_24_hours_to_a_florida_number_waits_until_the_oldest_of_three_is_a_day_old()
    {
        var now = new DateTimeOffset(2026, 6, 10, 18, 0, 0, TimeSpan.Zero); // 2 p.m. EDT
        DateTimeOffset[] sent = [now.AddHours(-20), now.AddHours(-6), now.AddHours(-1)];

        var next = TextingRules.NextAllowed(TextingRules.Default.For("FL"), now, NewYork, sent);

        // The oldest (22:00 UTC the day before) is a day old at 22:00 UTC today, 6 p.m. EDT: inside Florida's hours.
        Assert.Equal(new DateTimeOffset(2026, 6, 10, 22, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void Two_texts_in_the_last_day_leave_room_for_a_third()
    {
        var now = new DateTimeOffset(2026, 6, 10, 18, 0, 0, TimeSpan.Zero);

        Assert.Equal(now, TextingRules.NextAllowed(TextingRules.Default.For("FL"), now, NewYork, [now.AddHours(-2), now.AddHours(-30), now.AddHours(-1)]));
    }

    [Fact]
    public void A_configured_state_rule_cannot_be_laxer_than_the_federal_one()
    {
        var rules = new TextingRules([new TextingRule("TX", new TimeOnly(7, 0), new TimeOnly(22, 0), null, "configured")]);

        var rule = rules.For("TX");

        Assert.Equal((new TimeOnly(8, 0), new TimeOnly(21, 0)), (rule.AllowedFrom, rule.AllowedUntil));
    }

    [Fact]
    public void Consent_to_text_keeps_the_number_how_and_the_wording()
    {
        var consent = TextingConsent.Record("(555) 201-4477", null, TextingConsentMethod.VerbalOnCall, " May we text you? ",
            new Admissions.Domain.Common.Actor("u1", "Sam Reed"), new DateTimeOffset(2026, 6, 10, 18, 0, 0, TimeSpan.Zero));

        Assert.Equal(("+15552014477", TextingConsentMethod.VerbalOnCall, "May we text you?", "Sam Reed"),
            (consent.Phone, consent.Method, consent.Wording, consent.RecordedByName));
    }
}
