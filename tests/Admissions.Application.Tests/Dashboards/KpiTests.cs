using Admissions.Application.Common;
using Admissions.Application.Dashboards;
using Admissions.Domain.Inquiries;
using static Admissions.Application.Tests.Dashboards.DashboardData;

namespace Admissions.Application.Tests.Dashboards;

public sealed class KpiTests : IAsyncLifetime
{
    private TestHost _host = default!;

    // 1–9 March 2026 at the facility: from 08:00Z on 1 March (PST) to 07:00Z on 10 March (PDT).
    private static readonly DashboardFilter March = new() { From = new DateOnly(2026, 3, 1), To = new DateOnly(2026, 3, 9) };

    public async Task InitializeAsync() => _host = await TestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>
    /// Seven inquiries in the period: five valid (A, B, C, D, G), one possible duplicate (E) and one closed invalid (F).
    /// Contacted valid: A 2 min, B same minute, C 30 min, G 10 min; D never. Admitted: A after 3 days, G after 2.
    /// </summary>
    private async Task<DashboardData> MarchAsync()
    {
        var data = new DashboardData(_host);
        await data.FacilityAsync();
        var a = data.Add(Utc(3, 2, 10), 2, InquiryStage.Admitted, Utc(3, 5, 10));
        data.Add(Utc(3, 3, 10), 0, InquiryStage.NotAdmitted, Utc(3, 4, 10), NotAdmittedReason.Declined);
        data.Add(Utc(3, 4, 10), 30);
        data.Add(Utc(3, 5, 10));
        data.Add(Utc(3, 6, 10), 1, duplicateOf: a);
        data.Add(Utc(3, 6, 11), null, InquiryStage.NotAdmitted, Utc(3, 6, 12), NotAdmittedReason.Invalid);
        data.Add(Utc(3, 7, 10), 10, InquiryStage.Admitted, Utc(3, 9, 10));

        // The previous nine days (20–28 February): one inquiry, never contacted.
        data.Add(Utc(2, 25, 10));
        await data.SaveAsync();
        return data;
    }

    [Fact]
    public async Task Overview_figures_match_the_hand_computed_ones()
    {
        await MarchAsync();

        var overview = await _host.SendAsync(_host.Manager, new GetOverview(March));

        var k = overview.Current;
        Assert.Equal(7, k.Inquiries);
        Assert.Equal(5, k.ValidInquiries);
        Assert.Equal(4, k.Contacted);
        Assert.Equal(0.8, k.ContactRate);
        Assert.Equal(6, k.MedianMinutesToContact);          // 0, 2, 10, 30 → (2 + 10) / 2
        Assert.Equal(30, k.P90MinutesToContact);            // nearest rank: the 4th of 4
        Assert.Equal(0.4, k.ShareContactedWithin5Minutes);  // 0 and 2 minutes, of 5 valid inquiries
        Assert.Equal(2, k.Admits);
        Assert.Equal(0.4, k.InquiryToAdmit);
        Assert.Equal(2.5, k.MedianDaysToAdmission);
        Assert.Equal(1, overview.Previous.Inquiries);
        Assert.Equal(0, overview.Previous.ContactRate);
        Assert.Null(overview.Previous.MedianMinutesToContact);
        Assert.Equal(new DateOnly(2026, 3, 1), overview.Scope.From);
        Assert.Equal(Utc(3, 1, 8), overview.Scope.Start);
        Assert.Equal(Utc(3, 10, 7), overview.Scope.End);
    }

    [Fact]
    public async Task A_period_without_contacts_has_no_speed_to_lead_and_an_empty_one_no_rates()
    {
        var data = new DashboardData(_host);
        await data.FacilityAsync();
        data.Add(Utc(3, 2, 10));
        data.Add(Utc(3, 3, 10));
        await data.SaveAsync();

        var overview = await _host.SendAsync(_host.Manager, new GetOverview(March));

        Assert.Equal(2, overview.Current.Inquiries);
        Assert.Equal(0, overview.Current.ContactRate);
        Assert.Null(overview.Current.MedianMinutesToContact);
        Assert.Null(overview.Current.P90MinutesToContact);
        Assert.Equal(0, overview.Current.ShareContactedWithin5Minutes);
        Assert.Equal(0, overview.Previous.Inquiries);
        Assert.Null(overview.Previous.ContactRate);
        Assert.Null(overview.Previous.InquiryToAdmit);
    }

    [Fact]
    public async Task Days_are_counted_in_the_facility_time_zone()
    {
        var data = new DashboardData(_host);
        await data.FacilityAsync();
        data.Add(Utc(3, 10, 6, 30));  // 23:30 on 9 March in Los Angeles (PDT), 10 March in UTC
        data.Add(Utc(3, 1, 7, 30));   // 23:30 on 28 February in Los Angeles (PST): the previous period
        data.Add(Utc(3, 1, 8, 0));    // midnight on 1 March in Los Angeles
        await data.SaveAsync();

        var trends = await _host.SendAsync(_host.Manager, new GetTrends(March));
        var overview = await _host.SendAsync(_host.Manager, new GetOverview(March));

        Assert.Equal(9, trends.Points.Count);
        Assert.Equal(1, trends.Points.Single(p => p.Start == new DateOnly(2026, 3, 9)).Inquiries);
        Assert.Equal(1, trends.Points.Single(p => p.Start == new DateOnly(2026, 3, 1)).Inquiries);
        Assert.Equal(2, trends.Points.Sum(p => p.Inquiries));
        Assert.Equal(2, overview.Current.Inquiries);
        Assert.Equal(1, overview.Previous.Inquiries);
    }

    [Fact]
    public async Task Weekly_trends_start_on_monday()
    {
        await MarchAsync();

        var trends = await _host.SendAsync(_host.Manager, new GetTrends(March, TrendInterval.Week));

        Assert.Equal([new DateOnly(2026, 2, 23), new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9)], trends.Points.Select(p => p.Start));
        Assert.Equal(7, trends.Points.Sum(p => p.Inquiries));
        Assert.Equal(2, trends.Points.Sum(p => p.Admits));
    }

    [Fact]
    public async Task The_funnel_counts_how_far_valid_inquiries_got()
    {
        await MarchAsync();

        var funnel = await _host.SendAsync(_host.Manager, new GetFunnel(March));

        int Reached(InquiryStage stage) => funnel.Steps.Single(s => s.Stage == stage).Reached;
        Assert.Equal(5, funnel.ValidInquiries);
        Assert.Equal(5, Reached(InquiryStage.New));
        Assert.Equal(4, Reached(InquiryStage.Contacted));      // A, B (exited after contact), C, G
        Assert.Equal(2, Reached(InquiryStage.PreScreening));   // A and G went all the way
        Assert.Equal(2, Reached(InquiryStage.Admitted));
        Assert.Equal(1, funnel.Steps.Single(s => s.Stage == InquiryStage.New).Current);
        Assert.Equal(1, funnel.NotAdmitted);
    }

    [Fact]
    public async Task Lost_reasons_leave_out_duplicates_and_invalid_inquiries_and_accumulate()
    {
        var data = new DashboardData(_host);
        await data.FacilityAsync();
        foreach (var (reason, count) in new[] { (NotAdmittedReason.Unreachable, 3), (NotAdmittedReason.OutOfNetwork, 1), (NotAdmittedReason.Duplicate, 2), (NotAdmittedReason.Invalid, 1) })
        {
            for (var i = 0; i < count; i++)
            {
                data.Add(Utc(3, 2, 10 + i), null, InquiryStage.NotAdmitted, Utc(3, 3, 10), reason);
            }
        }

        await data.SaveAsync();

        var lost = await _host.SendAsync(_host.Manager, new GetLostReasons(March));

        Assert.Equal(4, lost.Total);
        Assert.Equal([NotAdmittedReason.Unreachable, NotAdmittedReason.OutOfNetwork], lost.Rows.Select(r => r.Reason));
        Assert.Equal(0.75, lost.Rows[0].Share);
        Assert.Equal(1.0, lost.Rows[1].CumulativeShare);
    }

    [Fact]
    public async Task Breakdowns_add_up_to_the_overview()
    {
        await MarchAsync();
        var overview = await _host.SendAsync(_host.Manager, new GetOverview(March));

        foreach (var dimension in Enum.GetValues<BreakdownDimension>())
        {
            var breakdown = await _host.SendAsync(_host.Manager, new GetBreakdown(March, dimension));
            Assert.Equal(overview.Current.ValidInquiries, breakdown.Rows.Sum(r => r.Inquiries));
            Assert.Equal(overview.Current.Admits, breakdown.Rows.Sum(r => r.Admits));
        }
    }

    [Fact]
    public async Task Referral_sources_count_attribute_and_spot_partners_that_stopped()
    {
        var data = new DashboardData(_host);
        await data.FacilityAsync();
        var hospital = await data.OrganisationAsync("Lakeside Hospital ED");
        var therapist = await data.OrganisationAsync("Cedar Counseling");
        data.Add(Utc(3, 2, 10), 3, InquiryStage.Admitted, Utc(3, 4, 10), source: InquirySource.Referral, organisation: hospital);
        data.Add(Utc(3, 3, 10), 3, source: InquirySource.Referral, organisation: hospital);
        data.Add(Utc(2, 22, 10), 3, source: InquirySource.Referral, organisation: therapist);
        await data.SaveAsync();

        // Exact counts, as a manager sees them; business development sees these small groups hidden (SmallCellTests).
        var sources = await _host.SendAsync(_host.Manager, new GetReferralSources(March));

        var h = sources.Rows.Single(r => r.Organisation == hospital.Name);
        Assert.Equal((2, 0, 1, 0.5, 1, false), (h.Inquiries, h.PreviousInquiries, h.Admitted, h.Conversion!.Value, h.Admits, h.StoppedReferring));
        Assert.Equal(Utc(3, 3, 10), h.LastReferralAt);
        var t = sources.Rows.Single(r => r.Organisation == therapist.Name);
        Assert.Equal((0, 1, true), (t.Inquiries, t.PreviousInquiries, t.StoppedReferring));
    }

    [Fact]
    public async Task A_range_longer_than_a_year_or_backwards_is_refused()
    {
        var backwards = new DashboardFilter { From = new DateOnly(2026, 3, 9), To = new DateOnly(2026, 3, 1) };
        var tooLong = new DashboardFilter { From = new DateOnly(2024, 1, 1), To = new DateOnly(2026, 3, 1) };

        await Assert.ThrowsAsync<RequestValidationException>(() => _host.SendAsync(_host.Manager, new GetOverview(backwards)));
        await Assert.ThrowsAsync<RequestValidationException>(() => _host.SendAsync(_host.Manager, new GetFunnel(tooLong)));
    }

    [Theory]
    [InlineData(new double[] { }, null, null)]
    [InlineData(new double[] { 7 }, 7.0, 7.0)]
    [InlineData(new double[] { 5, 1, 3 }, 3.0, 5.0)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 5.5, 9.0)]
    public void Median_and_90th_percentile_follow_their_definitions(double[] values, double? median, double? p90)
    {
        Assert.Equal(median, Stats.Median(values));
        Assert.Equal(p90, Stats.Percentile(values, 90));
    }
}
