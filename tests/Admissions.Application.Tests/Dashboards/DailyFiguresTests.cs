using Admissions.Application.Dashboards;
using Admissions.Domain.Care;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Reporting;
using Admissions.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admissions.Application.Tests.Dashboards;

/// <summary>The stored daily figures the job keeps, checked against the same figures counted from every row.</summary>
public sealed class DailyFiguresTests : IAsyncLifetime
{
    private const string LosAngeles = "America/Los_Angeles";
    private TestHost _host = default!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task SeedHistoryAsync(int inquiries)
    {
        await new DashboardData(_host).FacilityAsync();
        await using var scope = _host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BulkHistorySeeder>().SeedAsync(inquiries, TextWriter.Null, seed: 7);
    }

    /// <summary>Periods of every shape: a year, one across both daylight-saving changes, a month, a single day, and one before any data.</summary>
    private static readonly (DateOnly From, DateOnly To)[] Periods =
    [
        (new DateOnly(2025, 3, 10), new DateOnly(2026, 3, 9)),
        (new DateOnly(2025, 2, 20), new DateOnly(2025, 11, 15)),
        (new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 3)),
        (new DateOnly(2026, 3, 8), new DateOnly(2026, 3, 8)),
        (new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31)),
    ];

    private async Task AssertStoredEqualsLiveAsync()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(LosAngeles);
        foreach (var (from, to) in Periods)
        {
            await using var db = _host.CreateDbContext();
            var stored = (await OverviewFigures.StoredAsync(db, LosAngeles, DailyFigures.AllFacilities, from, to, CancellationToken.None)).ToKpis();
            var live = (await OverviewFigures.LiveAsync(db, DashboardScope.StartOf(from, zone), DashboardScope.StartOf(to.AddDays(1), zone), null, CancellationToken.None)).ToKpis();
            Assert.Equal(live, stored);
        }
    }

    private static readonly DashboardFilter Year = new() { From = new DateOnly(2025, 3, 10), To = new DateOnly(2026, 3, 9) };

    /// <summary>Every grouped panel for a period, as JSON: the same text means the same figures, rows and order.</summary>
    private async Task<string> PanelsAsync(DashboardFilter filter)
    {
        var manager = _host.Manager;
        List<object> panels =
        [
            await _host.SendAsync(manager, new GetFunnel(filter)),
            await _host.SendAsync(manager, new GetLostReasons(filter)),
            await _host.SendAsync(manager, new GetReferralSources(filter)),
            await _host.SendAsync(manager, new GetCoordinatorScorecard(filter)),
            await _host.SendAsync(_host.Coordinator, new GetCoordinatorScorecard(filter)),
        ];
        foreach (var dimension in Enum.GetValues<BreakdownDimension>())
        {
            panels.Add(await _host.SendAsync(manager, new GetBreakdown(filter, dimension)));
        }

        return System.Text.Json.JsonSerializer.Serialize(panels.Select(p => System.Text.Json.JsonSerializer.SerializeToNode(p, p.GetType())));
    }

    [Fact]
    public async Task Every_grouped_panel_reads_the_same_from_the_stored_days_as_from_the_rows()
    {
        await SeedHistoryAsync(3_000);
        var live = await PanelsAsync(Year);

        await _host.SendAsSystemAsync(new RefreshDailyFigures());
        var stored = await PanelsAsync(Year);

        Assert.Equal(live, stored);
        Assert.Contains("\"Admits\":", live);
        Assert.NotNull((await _host.SendAsync(_host.Manager, new GetOverview(Year))).FiguresAsOf);
        Assert.True(await _host.QueryAsync(db => db.DailyGroups.CountAsync()) > 1_000);
    }

    [Fact]
    public async Task Stored_figures_add_up_to_the_live_count_for_any_period()
    {
        await SeedHistoryAsync(3_000);

        var refresh = await _host.SendAsSystemAsync(new RefreshDailyFigures());

        Assert.Equal(1, refresh.Zones);
        Assert.True(refresh.DaysCounted > 1_000, $"the first build counts every day since the first inquiry ({refresh.DaysCounted})");
        await AssertStoredEqualsLiveAsync();
        await using var db = _host.CreateDbContext();
        var year = await OverviewFigures.StoredAsync(db, LosAngeles, DailyFigures.AllFacilities, Periods[0].From, Periods[0].To, CancellationToken.None);
        Assert.True(year.Inquiries > 500 && year.Contacted > 0 && year.VobsRun > 0 && year.Admits > 0 && year.Verified > 0);
    }

    [Fact]
    public async Task Long_periods_read_the_stored_days_once_built_and_short_ones_stay_live()
    {
        await SeedHistoryAsync(1_500);
        var year = new DashboardFilter { From = Periods[0].From, To = Periods[0].To };
        var month = new DashboardFilter { From = new DateOnly(2026, 2, 8), To = new DateOnly(2026, 3, 9) };

        var before = await _host.SendAsync(_host.Manager, new GetOverview(year));
        await _host.SendAsSystemAsync(new RefreshDailyFigures());
        var after = await _host.SendAsync(_host.Manager, new GetOverview(year));
        var monthAfter = await _host.SendAsync(_host.Manager, new GetOverview(month));
        var year365 = before.Scope;
        var weeks = await _host.SendAsync(_host.Manager, new GetTrends(year, TrendInterval.Week));

        Assert.Null(before.FiguresAsOf);
        Assert.Equal(TestHost.StartTime, after.FiguresAsOf);
        Assert.Equal(before.Current, after.Current);
        Assert.Equal(before.Previous, after.Previous);
        Assert.Null(monthAfter.FiguresAsOf);
        Assert.Equal(TestHost.StartTime, weeks.FiguresAsOf);

        var rows = await _host.QueryAsync(db => db.Inquiries.AsNoTracking().Select(i => new { i.CreatedAt, i.Stage, i.ClosedAt }).ToListAsync());
        Assert.Equal(rows.Count(i => i.CreatedAt >= year365.Start && i.CreatedAt < year365.End), weeks.Points.Sum(p => p.Inquiries));
        Assert.Equal(rows.Count(i => i.Stage == InquiryStage.Admitted && i.ClosedAt >= year365.Start && i.ClosedAt < year365.End), weeks.Points.Sum(p => p.Admits));
        Assert.Equal(new DateOnly(2025, 3, 10), weeks.Points[0].Start);
    }

    private static Inquiry NewInquiry(string number, DateTimeOffset created, Actor by) => Inquiry.Create(number, new InquiryDetails
    {
        CallerName = "Sam Caller",
        PatientFirstName = "Robin",
        PatientLastName = "Reyes",
        PatientPhone = "(555) 301-0001",
        Source = InquirySource.Phone,
    }, by, created);

    [Fact]
    public async Task Changes_saved_after_the_build_are_counted_by_the_next_refresh_and_only_their_days()
    {
        await SeedHistoryAsync(1_500);
        var by = new Actor("coord-1", "Casey Coordinator");
        var neverReached = NewInquiry("INQ-2019-000001", new DateTimeOffset(2025, 6, 1, 18, 0, 0, TimeSpan.Zero), by);
        var inReview = NewInquiry("INQ-2019-000002", new DateTimeOffset(2025, 7, 1, 18, 0, 0, TimeSpan.Zero), by);
        inReview.LogContactAttempt(ContactChannel.Call, ContactOutcome.Reached, null, by, inReview.CreatedAt.AddMinutes(30));
        inReview.MoveTo(InquiryStage.PreScreening, null, null, by, inReview.CreatedAt.AddHours(1));
        await using (var db = _host.CreateDbContext())
        {
            db.Inquiries.AddRange(neverReached, inReview);
            await db.SaveChangesAsync();
        }

        await _host.SendAsSystemAsync(new RefreshDailyFigures());
        var now = _host.Clock.GetUtcNow();

        await using (var db = _host.CreateDbContext())
        {
            // The old inquiry reached at last, the other admitted, a VOB for an inquiry that never had one, and a brand-new inquiry.
            var reached = await db.Inquiries.SingleAsync(i => i.Id == neverReached.Id);
            reached.LogContactAttempt(ContactChannel.Call, ContactOutcome.Reached, null, by, now);
            var admitted = await db.Inquiries.SingleAsync(i => i.Id == inReview.Id);
            foreach (var stage in new[] { InquiryStage.ClinicalReview, InquiryStage.Approved, InquiryStage.AdmissionScheduled, InquiryStage.Admitted })
            {
                admitted.MoveTo(stage, null, null, by, now);
            }

            var unverified = await db.InsurancePolicies.Where(p => !db.EligibilityChecks.Any(c => c.InquiryId == p.InquiryId)).OrderBy(p => p.CreatedAt).FirstAsync();
            var check = EligibilityCheck.Request(unverified, [LevelOfCare.Residential], "TRACE-DAILY-1", by, now);
            db.EligibilityChecks.Add(check);
            db.Inquiries.Add(NewInquiry("INQ-2019-000003", now, by));
            await db.SaveChangesAsync();
            check.Complete(new VerificationResult(), now.AddMinutes(3));
            await db.SaveChangesAsync();
        }

        var refresh = await _host.SendAsSystemAsync(new RefreshDailyFigures());

        Assert.InRange(refresh.DaysCounted, 3, 6);
        Assert.Equal(0, await _host.QueryAsync(db => db.DailyFiguresChanges.CountAsync()));
        await AssertStoredEqualsLiveAsync();
        var today = await _host.QueryAsync(db => db.DailyFigures.SingleAsync(d => d.Day == new DateOnly(2026, 3, 10) && d.FacilityId == DailyFigures.AllFacilities));
        Assert.True(today.VobsRun >= 1 && today.Admits >= 1 && today.Inquiries >= 1);
        var june = await _host.QueryAsync(db => db.DailyFigures.SingleAsync(d => d.Day == new DateOnly(2025, 6, 1) && d.FacilityId == DailyFigures.AllFacilities));
        Assert.True(june.Contacted >= 1);

        // The grouped panels too: what the stored days say, then what the rows say once the stored days are set aside.
        var stored = await PanelsAsync(Year);
        await using (var db = _host.CreateDbContext())
        {
            db.DailyFiguresStates.RemoveRange(db.DailyFiguresStates);
            await db.SaveChangesAsync();
        }

        Assert.Equal(await PanelsAsync(Year), stored);
    }

    [Fact]
    public async Task A_facility_in_another_zone_gets_its_own_days_and_a_zone_no_longer_used_is_dropped()
    {
        await SeedHistoryAsync(300);
        await _host.SendAsSystemAsync(new RefreshDailyFigures());
        await using (var db = _host.CreateDbContext())
        {
            var facility = await db.Facilities.SingleAsync();
            facility.TimeZoneId = "America/New_York";
            await db.SaveChangesAsync();
        }

        var refresh = await _host.SendAsSystemAsync(new RefreshDailyFigures());

        var states = await _host.QueryAsync(db => db.DailyFiguresStates.Select(s => s.TimeZoneId).Distinct().ToListAsync());
        Assert.Equal(["America/New_York"], states);
        Assert.True(refresh.DaysCounted > 1_000);
    }
    [Fact]
    public async Task Each_facility_has_its_own_stored_figures_that_agree_with_its_live_count_and_add_up_to_all()
    {
        await using (var db = _host.CreateDbContext())
        {
            db.Facilities.Add(new Domain.Placement.Facility { Name = "Riverbend Phoenix", TimeZoneId = "America/Phoenix" });
            await db.SaveChangesAsync();
        }

        await SeedHistoryAsync(2_000);
        var facilities = await _host.QueryAsync(db => db.Facilities.AsNoTracking().ToListAsync());
        var filters = facilities.Select(f => Year with { FacilityId = f.Id }).Prepend(Year).ToList();
        var live = new List<string>();
        foreach (var filter in filters)
        {
            live.Add(await PanelsAsync(filter));
        }

        var liveOverviews = await Task.WhenAll(filters.Select(f => _host.SendAsync(_host.Manager, new GetOverview(f))));

        var refresh = await _host.SendAsSystemAsync(new RefreshDailyFigures());

        Assert.Equal(2, refresh.Zones);
        Assert.True(refresh.FacilityDaysCounted > 1_000);
        for (var i = 0; i < filters.Count; i++)
        {
            var stored = await _host.SendAsync(_host.Manager, new GetOverview(filters[i]));
            Assert.NotNull(stored.FiguresAsOf);
            Assert.Equal(liveOverviews[i].Current, stored.Current);
            Assert.Equal(liveOverviews[i].Previous, stored.Previous);
            Assert.Equal(live[i], await PanelsAsync(filters[i]));
        }

        // Each facility counts its own: neither is empty, and together (in the same days) they are everyone.
        var losAngeles = facilities.Single(f => f.TimeZoneId == LosAngeles);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(LosAngeles);
        await using var check = _host.CreateDbContext();
        var (from, to) = (DashboardScope.StartOf(Periods[0].From, zone), DashboardScope.StartOf(Periods[0].To.AddDays(1), zone));
        var all = await OverviewFigures.LiveAsync(check, from, to, null, CancellationToken.None);
        var parts = await Task.WhenAll(facilities.Select(async f =>
        {
            await using var db = _host.CreateDbContext();
            return await OverviewFigures.LiveAsync(db, from, to, f.Id, CancellationToken.None);
        }));
        Assert.All(parts, p => Assert.True(p.Inquiries > 100));
        Assert.Equal(all.Inquiries, parts.Sum(p => p.Inquiries));
        Assert.Equal(all.Admits, parts.Sum(p => p.Admits));
        Assert.Equal(all.VobsRun, parts.Sum(p => p.VobsRun));
        var storedLosAngeles = await OverviewFigures.StoredAsync(check, LosAngeles, losAngeles.Id, Periods[0].From, Periods[0].To, CancellationToken.None);
        Assert.Equal(parts[facilities.IndexOf(losAngeles)].ToKpis(), storedLosAngeles.ToKpis());
    }
}

public sealed class HistogramTests
{
    [Fact]
    public void Medians_and_percentiles_of_a_histogram_equal_those_of_the_values()
    {
        var random = new Random(5);
        for (var n = 0; n <= 41; n++)
        {
            var values = Enumerable.Range(0, n).Select(_ => random.Next(0, 12)).ToList();
            var histogram = new Histogram();
            values.ForEach(v => histogram.Add(v));

            var doubles = values.Select(v => (double)v).ToList();
            Assert.Equal(Stats.Median(doubles), histogram.Median());
            Assert.Equal(Stats.Percentile(doubles, 90), histogram.Percentile(90));
            Assert.Equal(values.Count(v => v <= 5), histogram.CountAtOrBelow(5));
        }
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(59, 1)]
    [InlineData(60, 1)]
    [InlineData(250, 5)]
    [InlineData(301, 6)]
    [InlineData(-30, 0)]
    public void Minutes_to_contact_are_whole_minutes_rounded_up(int seconds, int minutes)
    {
        var created = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(minutes, Durations.MinutesToContact(created, created.AddSeconds(seconds)));
    }

    [Fact]
    public void Hours_to_admission_round_up_so_a_day_and_a_minute_is_25_hours()
    {
        var created = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(24, Durations.HoursToAdmission(created, created.AddDays(1)));
        Assert.Equal(25, Durations.HoursToAdmission(created, created.AddDays(1).AddMinutes(1)));
    }
}
