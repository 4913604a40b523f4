using Admissions.Application.Dashboards;
using Admissions.Application.Inquiries;
using Admissions.Domain.Inquiries;
using Admissions.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admissions.Application.Tests.Dashboards;

/// <summary>The generator's history, and the dashboards' grouped database figures checked against a plain in-memory count of every row.</summary>
public sealed class GeneratedHistoryTests : IAsyncLifetime
{
    private TestHost _host = default!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Grouped_dashboard_figures_equal_a_raw_count_of_the_generated_history()
    {
        await new DashboardData(_host).FacilityAsync();
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<BulkHistorySeeder>().SeedAsync(3_000, TextWriter.Null, seed: 11);
            Assert.Equal(3_000, result.Inquiries);
            Assert.True(result.Checks > 0 && result.Levels > 0 && result.Authorizations > 0);
        }

        var filter = new DashboardFilter { From = new DateOnly(2025, 3, 11), To = new DateOnly(2026, 3, 9) };
        var overview = await _host.SendAsync(_host.Manager, new GetOverview(filter));
        var funnel = await _host.SendAsync(_host.Manager, new GetFunnel(filter));
        var bySource = await _host.SendAsync(_host.Manager, new GetBreakdown(filter, BreakdownDimension.Source));

        var rows = await _host.QueryAsync(db => db.Inquiries.AsNoTracking().ToListAsync());
        var inPeriod = rows.Where(i => i.CreatedAt >= overview.Scope.Start && i.CreatedAt < overview.Scope.End).ToList();
        var valid = inPeriod.Where(i => i.PossibleDuplicateOfId is null && i.NotAdmittedReason is not (NotAdmittedReason.Duplicate or NotAdmittedReason.Invalid)).ToList();
        var minutes = valid.Where(i => i.FirstContactAt is not null).Select(i => Durations.MinutesToContact(i.CreatedAt, i.FirstContactAt!.Value)).Order().ToList();
        var admits = rows.Count(i => i.Stage == InquiryStage.Admitted && i.ClosedAt >= overview.Scope.Start && i.ClosedAt < overview.Scope.End);

        Assert.True(inPeriod.Count > 500);
        Assert.Equal(inPeriod.Count, overview.Current.Inquiries);
        Assert.Equal(valid.Count, overview.Current.ValidInquiries);
        Assert.Equal(minutes.Count, overview.Current.Contacted);
        Assert.Equal(minutes[(int)Math.Ceiling(0.9 * minutes.Count) - 1], overview.Current.P90MinutesToContact);
        Assert.Equal(admits, overview.Current.Admits);
        Assert.Equal((double)valid.Count(i => i.Stage == InquiryStage.Admitted) / valid.Count, overview.Current.InquiryToAdmit!.Value, 9);
        Assert.Equal(valid.Count(i => i.Stage == InquiryStage.New), funnel.Steps.Single(s => s.Stage == InquiryStage.New).Current);
        foreach (var row in bySource.Rows)
        {
            Assert.Equal(valid.Count(i => i.Details.Source.ToString() == row.Key), row.Inquiries);
        }

        var numbers = rows.Select(i => i.Number).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    [Fact]
    public async Task Generated_inquiries_carry_the_name_search_terms_the_domain_gives_them()
    {
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BulkHistorySeeder>().SeedAsync(200, TextWriter.Null, seed: 5);
        }

        var rows = await _host.QueryAsync(db => db.Inquiries.AsNoTracking().ToListAsync());
        var newest = rows.MaxBy(i => i.CreatedAt)!;
        var search = new InquiryFilter { Search = $"{newest.Details.PatientFirstName} {newest.Details.PatientLastName}" };
        var found = await _host.SendAsync(_host.Coordinator, new ListInquiries(search));

        Assert.Equal(200, rows.Count);
        Assert.All(rows, i => Assert.Equal(
            InquirySearchTerm.For(i.Details).Order(StringComparer.Ordinal), i.SearchTerms.Select(t => t.Term).Order(StringComparer.Ordinal)));
        Assert.Contains(found.Items, i => i.Id == newest.Id);
    }
}
