using System.Text;
using System.Text.Json;
using Admissions.Application.Common;
using Admissions.Application.Dashboards;
using Admissions.Application.Inquiries;
using Admissions.Domain.Auditing;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Microsoft.EntityFrameworkCore;
using static Admissions.Application.Tests.Dashboards.DashboardData;

namespace Admissions.Application.Tests.Dashboards;

public sealed class DashboardAccessTests : IAsyncLifetime
{
    private const string PatientLastName = "Zebulonsky";
    private TestHost _host = default!;
    private static readonly DashboardFilter March = new() { From = new DateOnly(2026, 3, 1), To = new DateOnly(2026, 3, 9) };

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        var data = new DashboardData(_host);
        await data.FacilityAsync();
        var organisation = await data.OrganisationAsync("Lakeside Hospital ED");
        var casey = new Actor(_host.Coordinator.Id, _host.Coordinator.Name);
        var jordan = new Actor(_host.Coordinator2.Id, _host.Coordinator2.Name);
        data.Add(Utc(3, 2, 10), 2, InquiryStage.Admitted, Utc(3, 4, 10), coordinator: casey, organisation: organisation, lastName: PatientLastName);
        data.Add(Utc(3, 3, 10), 9, coordinator: jordan, lastName: PatientLastName);
        data.Add(Utc(3, 4, 10), null, InquiryStage.NotAdmitted, Utc(3, 5, 10), NotAdmittedReason.Unreachable, coordinator: jordan, lastName: PatientLastName);
        await data.SaveAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string> AggregateQueries() => [.. Queries().Keys];

    private static Dictionary<string, object> Queries() => new()
    {
        ["overview"] = new GetOverview(March),
        ["funnel"] = new GetFunnel(March),
        ["trends"] = new GetTrends(March, TrendInterval.Week),
        ["source"] = new GetBreakdown(March, BreakdownDimension.Source),
        ["payer"] = new GetBreakdown(March, BreakdownDimension.Payer),
        ["organisation"] = new GetBreakdown(March, BreakdownDimension.ReferralOrganisation),
        ["level"] = new GetBreakdown(March, BreakdownDimension.LevelOfCare),
        ["lost"] = new GetLostReasons(March),
        ["census"] = new GetCensus(March),
        ["authorizations"] = new GetAuthorizationOutcomes(March),
        ["referrals"] = new GetReferralSources(March),
    };

    [Theory]
    [MemberData(nameof(AggregateQueries))]
    public async Task Business_development_gets_aggregates_without_patient_or_staff_names(string name)
    {
        var json = await SendAsync(_host.BusinessDevelopment, Queries()[name]);

        Assert.DoesNotContain(PatientLastName, json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Alex", json, StringComparison.Ordinal);
        Assert.DoesNotContain("555", json, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Coordinator.Name, json, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Coordinator2.Name, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Business_development_exports_aggregates_without_names_and_cannot_reach_staff_or_patient_lists()
    {
        foreach (var table in Enum.GetValues<DashboardTable>().Where(t => t != DashboardTable.Scorecard))
        {
            var csv = Encoding.UTF8.GetString((await _host.SendAsync(_host.BusinessDevelopment, new ExportDashboardCsv(table, March))).Content);
            Assert.DoesNotContain(PatientLastName, csv, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(_host.Coordinator.Name, csv, StringComparison.Ordinal);
        }

        await Assert.ThrowsAsync<ForbiddenException>(() => _host.SendAsync(_host.BusinessDevelopment, new GetBreakdown(March, BreakdownDimension.Coordinator)));
        await Assert.ThrowsAsync<ForbiddenException>(() => _host.SendAsync(_host.BusinessDevelopment, new GetCoordinatorScorecard(March)));
        await Assert.ThrowsAsync<ForbiddenException>(() => _host.SendAsync(_host.BusinessDevelopment, new ExportDashboardCsv(DashboardTable.Scorecard, March)));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            _host.SendAsync(_host.BusinessDevelopment, new ExportDashboardCsv(DashboardTable.Breakdown, March, BreakdownDimension.Coordinator)));
        await Assert.ThrowsAsync<ForbiddenException>(() => _host.SendAsync(_host.BusinessDevelopment, new ListInquiries(new InquiryFilter())));
    }

    [Fact]
    public async Task Coordinators_see_only_their_own_scorecard_and_no_other_dashboard()
    {
        var mine = await _host.SendAsync(_host.Coordinator, new GetCoordinatorScorecard(March));
        var all = await _host.SendAsync(_host.Manager, new GetCoordinatorScorecard(March));

        var row = Assert.Single(mine.Rows);
        Assert.Equal(_host.Coordinator.Id, row.CoordinatorId);
        Assert.Equal((1, 1, 2.0, 1, 1.0), (row.Inquiries, row.Contacted, row.MedianMinutesToContact!.Value, row.Admitted, row.Conversion!.Value));
        Assert.Equal(new[] { _host.Coordinator.Id, _host.Coordinator2.Id }.Order(), all.Rows.Select(r => r.CoordinatorId).Order());
        var jordan = all.Rows.Single(r => r.CoordinatorId == _host.Coordinator2.Id);
        Assert.Equal((2, 1, 0.0), (jordan.Inquiries, jordan.Contacted, jordan.ShareContactedWithin5Minutes!.Value));
        await Assert.ThrowsAsync<ForbiddenException>(() => _host.SendAsync(_host.Coordinator, new GetOverview(March)));
        await Assert.ThrowsAsync<ForbiddenException>(() => _host.SendAsync(_host.Clinician, new GetCoordinatorScorecard(March)));
    }

    [Fact]
    public async Task An_export_is_audited_with_its_filters()
    {
        var file = await _host.SendAsync(_host.Manager, new ExportDashboardCsv(DashboardTable.Breakdown, March, BreakdownDimension.Source));

        var lines = Encoding.UTF8.GetString(file.Content).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("breakdown-source.csv", file.FileName);
        Assert.Equal("Source,Inquiries,Admitted,Conversion,Admits in period", lines[0]);
        Assert.Equal("Phone,3,1,33.3%,1", lines[1]);
        var audit = await _host.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == "DashboardExport"));
        Assert.Equal(AuditAction.Export, audit.Action);
        Assert.Equal(_host.Manager.Id, audit.UserId);
        Assert.Equal("Breakdown by Source, from 2026-03-01 to 2026-03-09, facility all", audit.EntityId);
    }

    [Fact]
    public async Task Drill_down_filters_narrow_the_inquiry_list_to_the_figure()
    {
        var organisation = await _host.QueryAsync(db => db.ReferralOrganisations.SingleAsync());

        var admitted = await _host.SendAsync(_host.Manager, new ListInquiries(new InquiryFilter
        {
            Stages = [InquiryStage.Admitted],
            ClosedFrom = new DateOnly(2026, 3, 4),
            ClosedTo = new DateOnly(2026, 3, 4),
            TimeZoneId = "America/Los_Angeles",
        }));
        var unreachable = await _host.SendAsync(_host.Manager, new ListInquiries(new InquiryFilter { Reason = NotAdmittedReason.Unreachable }));
        var referred = await _host.SendAsync(_host.Manager, new ListInquiries(new InquiryFilter { ReferralOrganisationId = organisation.Id }));

        Assert.Equal(1, admitted.TotalCount);
        Assert.Equal(1, unreachable.TotalCount);
        Assert.Equal(1, referred.TotalCount);
    }

    private async Task<string> SendAsync(TestUser user, object query) => query switch
    {
        GetOverview q => JsonSerializer.Serialize(await _host.SendAsync(user, q)),
        GetFunnel q => JsonSerializer.Serialize(await _host.SendAsync(user, q)),
        GetTrends q => JsonSerializer.Serialize(await _host.SendAsync(user, q)),
        GetBreakdown q => JsonSerializer.Serialize(await _host.SendAsync(user, q)),
        GetLostReasons q => JsonSerializer.Serialize(await _host.SendAsync(user, q)),
        GetCensus q => JsonSerializer.Serialize(await _host.SendAsync(user, q)),
        GetAuthorizationOutcomes q => JsonSerializer.Serialize(await _host.SendAsync(user, q)),
        GetReferralSources q => JsonSerializer.Serialize(await _host.SendAsync(user, q)),
        _ => throw new ArgumentOutOfRangeException(nameof(query)),
    };
}
