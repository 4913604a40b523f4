using System.Text;
using Admissions.Application.Dashboards;
using Admissions.Domain.Inquiries;
using static Admissions.Application.Tests.Dashboards.DashboardData;

namespace Admissions.Application.Tests.Dashboards;

/// <summary>
/// Business development sees no group of fewer than 11 people: a single referral must not point at a person. Managers
/// and admins, who may open the inquiries behind a figure anyway, see every count.
/// </summary>
public sealed class SmallCellTests : IAsyncLifetime
{
    private static readonly DashboardFilter March = new() { From = new DateOnly(2026, 3, 1), To = new DateOnly(2026, 3, 9) };
    private TestHost _host = default!;

    /// <summary>Lakeside referred 14 (3 admitted), Harbor 25 (12 admitted), St. Mary's 2; 4 unreachable and 12 declined.</summary>
    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        var data = new DashboardData(_host);
        await data.FacilityAsync();
        var lakeside = await data.OrganisationAsync("Lakeside Hospital ED");
        var harbor = await data.OrganisationAsync("Harbor Counseling");
        var stMarys = await data.OrganisationAsync("St. Mary's");
        for (var i = 0; i < 14; i++)
        {
            data.Add(Utc(3, 2, 10, i), 2, i < 3 ? InquiryStage.Admitted : InquiryStage.New, Utc(3, 4, 10), source: InquirySource.Referral, organisation: lakeside);
        }

        for (var i = 0; i < 25; i++)
        {
            data.Add(Utc(3, 3, 10, i), 2, i < 12 ? InquiryStage.Admitted : InquiryStage.New, Utc(3, 5, 10), source: InquirySource.Referral, organisation: harbor);
        }

        data.Add(Utc(3, 4, 10), 2, InquiryStage.Admitted, Utc(3, 6, 10), source: InquirySource.Referral, organisation: stMarys);
        data.Add(Utc(3, 4, 11), 2, source: InquirySource.Referral, organisation: stMarys);
        for (var i = 0; i < 16; i++)
        {
            data.Add(Utc(3, 5, 10, i), null, InquiryStage.NotAdmitted, Utc(3, 6, 10), i < 4 ? NotAdmittedReason.Unreachable : NotAdmittedReason.Declined);
        }

        await data.SaveAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void A_column_hides_1_to_10_keeps_0_and_11_and_hides_the_next_smallest_when_one_alone_would_be_given_away()
    {
        Assert.Equal([25, null, 0, 11, null], SmallCells.Column([25, 10, 0, 11, 1]));
        Assert.Equal([25, null, 0, null], SmallCells.Column([25, 3, 0, 11]));
        Assert.Equal([null, 0], SmallCells.Column([4, 0]));
        Assert.Equal([40, 12, 0], SmallCells.Column([40, 12, 0]));
    }

    [Fact]
    public async Task Business_development_sees_referral_counts_under_11_hidden_with_the_rates_they_would_give_away()
    {
        var sources = await _host.SendAsync(_host.BusinessDevelopment, new GetReferralSources(March));
        var managers = await _host.SendAsync(_host.Manager, new GetReferralSources(March));

        var row = sources.Rows.ToDictionary(r => r.Organisation);
        // St. Mary's 2 is hidden, and Lakeside's 14 with it: the total would give St. Mary's back.
        Assert.Equal((null, null, null), (row["St. Mary's"].Inquiries, row["St. Mary's"].Admitted, row["St. Mary's"].Conversion));
        Assert.Equal((null, null, null), (row["Lakeside Hospital ED"].Inquiries, row["Lakeside Hospital ED"].Admitted, row["Lakeside Hospital ED"].Conversion));
        Assert.Equal((25, 12, 12 / 25.0), (row["Harbor Counseling"].Inquiries, row["Harbor Counseling"].Admitted, row["Harbor Counseling"].Conversion));

        var exact = managers.Rows.ToDictionary(r => r.Organisation);
        Assert.Equal((2, 1), (exact["St. Mary's"].Inquiries, exact["St. Mary's"].Admitted));
        Assert.Equal((14, 3), (exact["Lakeside Hospital ED"].Inquiries, exact["Lakeside Hospital ED"].Admitted));
    }

    [Fact]
    public async Task Business_development_sees_breakdown_counts_under_11_hidden()
    {
        var byOrganisation = await _host.SendAsync(_host.BusinessDevelopment, new GetBreakdown(March, BreakdownDimension.ReferralOrganisation));
        var bySource = await _host.SendAsync(_host.BusinessDevelopment, new GetBreakdown(March, BreakdownDimension.Source));

        var stMarys = byOrganisation.Rows.Single(r => r.Label == "St. Mary's");
        Assert.Equal((null, null, null), (stMarys.Inquiries, stMarys.Admitted, stMarys.Conversion));
        Assert.DoesNotContain(byOrganisation.Rows, r => r.Inquiries is > 0 and < SmallCells.Threshold);
        Assert.DoesNotContain(byOrganisation.Rows, r => r.Admitted is > 0 and < SmallCells.Threshold);
        Assert.DoesNotContain(byOrganisation.Rows, r => r.Admits is > 0 and < SmallCells.Threshold);
        Assert.Equal(41, bySource.Rows.Single(r => r.Key == nameof(InquirySource.Referral)).Inquiries);
    }

    [Fact]
    public async Task Business_development_sees_lost_reasons_under_11_hidden_with_their_shares()
    {
        var lost = await _host.SendAsync(_host.BusinessDevelopment, new GetLostReasons(March));
        var exact = await _host.SendAsync(_host.Manager, new GetLostReasons(March));

        var declined = lost.Rows.Single(r => r.Reason == NotAdmittedReason.Declined);
        var unreachable = lost.Rows.Single(r => r.Reason == NotAdmittedReason.Unreachable);
        Assert.Equal((null, null, null), (unreachable.Count, unreachable.Share, unreachable.CumulativeShare));
        // One hidden count out of two rows would come back from the total of 16: the other is hidden too.
        Assert.Equal((null, null, null), (declined.Count, declined.Share, declined.CumulativeShare));
        Assert.Equal(4, exact.Rows.Single(r => r.Reason == NotAdmittedReason.Unreachable).Count);
    }

    [Fact]
    public async Task A_business_development_export_writes_hidden_counts_as_under_11()
    {
        var csv = Encoding.UTF8.GetString((await _host.SendAsync(_host.BusinessDevelopment, new ExportDashboardCsv(DashboardTable.ReferralSources, March))).Content);
        var managers = Encoding.UTF8.GetString((await _host.SendAsync(_host.Manager, new ExportDashboardCsv(DashboardTable.ReferralSources, March))).Content);

        var stMarys = csv.Split("\r\n").Single(l => l.StartsWith("St. Mary's", StringComparison.Ordinal));
        Assert.StartsWith("St. Mary's,Pat Partner,<11,0,<11,", stMarys, StringComparison.Ordinal);
        Assert.Contains("St. Mary's,Pat Partner,2,0,1,", managers, StringComparison.Ordinal);
    }
}
