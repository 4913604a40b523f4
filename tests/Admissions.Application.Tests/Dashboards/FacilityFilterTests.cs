using Admissions.Application.Dashboards;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Placement;

namespace Admissions.Application.Tests.Dashboards;

/// <summary>The dashboards' facility filter counts that facility's inquiries only; no facility counts them all.</summary>
public sealed class FacilityFilterTests : IAsyncLifetime
{
    private static readonly Actor Casey = new("coord-1", "Casey Coordinator");
    private static readonly Actor Jordan = new("coord-2", "Jordan Coordinator");
    private static readonly DashboardFilter March = new() { From = new DateOnly(2026, 3, 1), To = new DateOnly(2026, 3, 10) };

    private TestHost _host = default!;
    private Facility _oakland = default!;
    private Facility _phoenix = default!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        var data = new DashboardData(_host);
        _oakland = await data.FacilityAsync();
        await using (var db = _host.CreateDbContext())
        {
            _phoenix = new Facility { Name = "Riverbend Phoenix", TimeZoneId = "America/Phoenix" };
            db.Facilities.Add(_phoenix);
            await db.SaveChangesAsync();
        }

        // Oakland: three of Casey's (one admitted); Phoenix: one of Jordan's, never reached.
        data.Add(DashboardData.Utc(3, 2, 18), contactAfterMinutes: 4, coordinator: Casey, facility: _oakland);
        data.Add(DashboardData.Utc(3, 3, 18), contactAfterMinutes: 10, coordinator: Casey, facility: _oakland);
        data.Add(DashboardData.Utc(3, 4, 18), contactAfterMinutes: 2, stage: InquiryStage.Admitted, closedAt: DashboardData.Utc(3, 6, 18), coordinator: Casey,
            facility: _oakland);
        data.Add(DashboardData.Utc(3, 5, 18), coordinator: Jordan, facility: _phoenix);
        await data.SaveAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_overview_counts_only_the_chosen_facilitys_inquiries()
    {
        var all = await _host.SendAsync(_host.Manager, new GetOverview(March));
        var oakland = await _host.SendAsync(_host.Manager, new GetOverview(March with { FacilityId = _oakland.Id }));
        var phoenix = await _host.SendAsync(_host.Manager, new GetOverview(March with { FacilityId = _phoenix.Id }));

        Assert.Equal((4, 3, 1), (all.Current.Inquiries, all.Current.Contacted, all.Current.Admits));
        Assert.Equal((3, 3, 1), (oakland.Current.Inquiries, oakland.Current.Contacted, oakland.Current.Admits));
        Assert.Equal((1, 0, 0), (phoenix.Current.Inquiries, phoenix.Current.Contacted, phoenix.Current.Admits));
        Assert.Equal(("All facilities", "Riverbend", "Riverbend Phoenix"), (all.Scope.FacilityName, oakland.Scope.FacilityName, phoenix.Scope.FacilityName));
        Assert.Equal((null, _phoenix.Id), (all.Scope.FacilityId, phoenix.Scope.FacilityId));
        Assert.Equal("America/Phoenix", phoenix.Scope.TimeZoneId);
    }

    [Fact]
    public async Task The_scorecard_and_funnel_count_only_the_chosen_facility()
    {
        var oakland = await _host.SendAsync(_host.Manager, new GetCoordinatorScorecard(March with { FacilityId = _oakland.Id }));
        var phoenix = await _host.SendAsync(_host.Manager, new GetCoordinatorScorecard(March with { FacilityId = _phoenix.Id }));
        var funnel = await _host.SendAsync(_host.Manager, new GetFunnel(March with { FacilityId = _phoenix.Id }));

        var casey = Assert.Single(oakland.Rows, r => r.Inquiries > 0);
        Assert.Equal(("coord-1", 3, 1), (casey.CoordinatorId, casey.Inquiries, casey.Admits));
        Assert.DoesNotContain(oakland.Rows, r => r.CoordinatorId == "coord-2" && r.Inquiries > 0);
        var jordan = Assert.Single(phoenix.Rows, r => r.Inquiries > 0);
        Assert.Equal(("coord-2", 1, 0), (jordan.CoordinatorId, jordan.Inquiries, jordan.Contacted));
        Assert.Equal((1, 1, 0), (funnel.ValidInquiries, funnel.Steps[0].Reached, funnel.Steps[1].Reached));
    }

    [Fact]
    public async Task Business_development_filters_by_facility_and_still_sees_no_names()
    {
        var scorecard = await Assert.ThrowsAsync<Admissions.Application.Common.ForbiddenException>(() =>
            _host.SendAsync(_host.BusinessDevelopment, new GetCoordinatorScorecard(March with { FacilityId = _oakland.Id })));
        var overview = await _host.SendAsync(_host.BusinessDevelopment, new GetOverview(March with { FacilityId = _oakland.Id }));

        Assert.NotNull(scorecard);
        Assert.Equal(3, overview.Current.Inquiries);
    }

    [Fact]
    public async Task An_unknown_facility_is_not_found()
    {
        await Assert.ThrowsAsync<Admissions.Application.Common.NotFoundException>(() => _host.SendAsync(_host.Manager, new GetOverview(March with { FacilityId = Guid.CreateVersion7() })));
    }

    [Fact]
    public async Task Every_dashboard_page_offers_the_active_facilities_to_those_who_may_open_it()
    {
        var offered = await _host.SendAsync(_host.Coordinator, new ListDashboardFacilities());

        Assert.Equal(["Riverbend", "Riverbend Phoenix"], offered.Select(f => f.Name));
        await Assert.ThrowsAsync<Admissions.Application.Common.ForbiddenException>(() => _host.SendAsync(_host.Clinician, new ListDashboardFacilities()));
    }
}
