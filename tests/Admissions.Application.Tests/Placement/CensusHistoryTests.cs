using Admissions.Application.Dashboards;
using Admissions.Application.Placement;
using Admissions.Domain.Placement;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Tests.Placement;

public class CensusHistoryTests
{
    // The test clock starts 14:00 UTC on 10 March 2026: 7 AM on 10 March in Los Angeles.
    private static readonly DateOnly March10 = new(2026, 3, 10);

    private static Task<List<CensusSnapshot>> SnapshotsAsync(TestHost host) =>
        host.QueryAsync(db => db.CensusSnapshots.AsNoTracking().OrderBy(s => s.Day).ToListAsync());

    [Fact]
    public void A_count_cannot_have_more_beds_in_use_than_in_service()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CensusSnapshot.Take(Guid.NewGuid(), Guid.NewGuid(), March10, new BedCount(3, 2, 2, 1), TestHost.StartTime));
        Assert.Throws<ArgumentOutOfRangeException>(() => CensusSnapshot.Take(Guid.NewGuid(), Guid.NewGuid(), March10, new BedCount(3, 4, 0, 0), TestHost.StartTime));
    }

    [Fact]
    public async Task The_census_is_counted_once_per_program_and_facility_day_the_last_count_standing()
    {
        await using var host = await TestHost.StartAsync();
        var campus = await Campus.CreateAsync(host, beds: 4);
        var inquiry = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;

        Assert.Equal(1, await host.SendAsSystemAsync(new RecordCensusSnapshot()));
        await host.SendAsync(host.Coordinator, new ReserveBed(campus.BedIds[0], inquiry, TestHost.StartTime.AddHours(24)));
        await host.SendAsync(host.Manager, new SetBedState(campus.BedIds[3], BedState.OutOfService, "Leak"));
        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.SendAsSystemAsync(new RecordCensusSnapshot());

        var today = Assert.Single(await SnapshotsAsync(host));
        Assert.Equal((March10, 4, 3, 0, 1, campus.ProgramId), (today.Day, today.Beds, today.InService, today.Occupied, today.Reserved, today.ProgramId));

        // 8 AM Pacific on the 10th plus a day is the facility's 11th.
        host.Clock.Advance(TimeSpan.FromHours(24));
        await host.SendAsSystemAsync(new RecordCensusSnapshot());
        Assert.Equal([March10, March10.AddDays(1)], (await SnapshotsAsync(host)).Select(s => s.Day));
    }

    [Fact]
    public async Task The_dashboard_trend_reads_the_days_of_the_period()
    {
        await using var host = await TestHost.StartAsync();
        var inquiry = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        await AdmissionTests.AdmitAsync(host, inquiry);
        await host.SendAsSystemAsync(new RecordCensusSnapshot());
        host.Clock.Advance(TimeSpan.FromDays(1));
        await host.SendAsSystemAsync(new RecordCensusSnapshot());

        var census = await host.SendAsync(host.Manager, new GetCensus(new DashboardFilter { From = March10, To = March10.AddDays(1) }));
        var before = await host.SendAsync(host.Manager, new GetCensus(new DashboardFilter { From = March10.AddDays(-5), To = March10.AddDays(-1) }));

        Assert.Equal([new CensusDay(March10, 3, 1, 1 / 3.0), new CensusDay(March10.AddDays(1), 3, 1, 1 / 3.0)], census.Trend);
        Assert.Empty(before.Trend);
    }
}
