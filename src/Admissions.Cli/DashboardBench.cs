using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Admissions.Application.Common;
using Admissions.Application.Dashboards;
using Admissions.Application.Inquiries;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Security;
using Admissions.Infrastructure.Security;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Admissions.Cli;

/// <summary>
/// Times every dashboard panel and the inquiry list's page, sort and filter queries through the real pipeline, as a
/// manager: one cold run (connection pool cleared, query not yet compiled) then warm runs, and prints p50/p95 and
/// the memory each warm run allocated.
/// </summary>
public static class DashboardBench
{
    private sealed record Case(string Name, Func<ISender, CancellationToken, Task> Run);

    public static async Task<int> RunAsync(IServiceProvider root, string[] args, TextWriter output)
    {
        var runs = int.TryParse(Option(args, "--runs"), out var r) && r > 1 ? r : 20;
        var only = Option(args, "--filter");
        var month = new DashboardFilter();
        var now = root.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var year = new DashboardFilter { From = today.AddDays(-364), To = today };
        var quarter = new DashboardFilter { From = today.AddDays(-89), To = today };
        string? coordinator;
        await using (var scope = CreateScope(root))
        {
            var coordinators = await scope.ServiceProvider.GetRequiredService<IStaffDirectory>().UserIdsInRoleAsync(Roles.AdmissionsCoordinator);
            coordinator = coordinators.Count > 0 ? coordinators[0] : null;
        }

        static ListInquiries List(InquiryFilter filter, InquirySort sort = InquirySort.CreatedAt, SortDirection direction = SortDirection.Descending, int page = 0) =>
            new(filter, sort, direction) { Page = new(page, 25) };

        Case[] cases =
        [
            new("overview (30 days vs previous 30)", (s, ct) => s.Send(new GetOverview(month), ct).AsTask()),
            new("funnel", (s, ct) => s.Send(new GetFunnel(month), ct).AsTask()),
            new("trends, daily", (s, ct) => s.Send(new GetTrends(month), ct).AsTask()),
            new("breakdown: source", (s, ct) => s.Send(new GetBreakdown(month, BreakdownDimension.Source), ct).AsTask()),
            new("breakdown: payer", (s, ct) => s.Send(new GetBreakdown(month, BreakdownDimension.Payer), ct).AsTask()),
            new("breakdown: referral organisation", (s, ct) => s.Send(new GetBreakdown(month, BreakdownDimension.ReferralOrganisation), ct).AsTask()),
            new("breakdown: coordinator", (s, ct) => s.Send(new GetBreakdown(month, BreakdownDimension.Coordinator), ct).AsTask()),
            new("breakdown: level of care", (s, ct) => s.Send(new GetBreakdown(month, BreakdownDimension.LevelOfCare), ct).AsTask()),
            new("lost reasons", (s, ct) => s.Send(new GetLostReasons(month), ct).AsTask()),
            new("census", (s, ct) => s.Send(new GetCensus(month), ct).AsTask()),
            new("authorization outcomes", (s, ct) => s.Send(new GetAuthorizationOutcomes(month), ct).AsTask()),
            new("coordinator scorecard", (s, ct) => s.Send(new GetCoordinatorScorecard(month), ct).AsTask()),
            new("referral sources", (s, ct) => s.Send(new GetReferralSources(month), ct).AsTask()),
            new("csv export: referral sources", (s, ct) => s.Send(new ExportDashboardCsv(DashboardTable.ReferralSources, month), ct).AsTask()),
            new("overview, 90 days", (s, ct) => s.Send(new GetOverview(quarter), ct).AsTask()),
            new("overview, 365 days", (s, ct) => s.Send(new GetOverview(year), ct).AsTask()),
            new("trends, weekly, 365 days", (s, ct) => s.Send(new GetTrends(year, TrendInterval.Week), ct).AsTask()),
            new("funnel, 365 days", (s, ct) => s.Send(new GetFunnel(year), ct).AsTask()),
            new("breakdown: source, 365 days", (s, ct) => s.Send(new GetBreakdown(year, BreakdownDimension.Source), ct).AsTask()),
            new("breakdown: payer, 365 days", (s, ct) => s.Send(new GetBreakdown(year, BreakdownDimension.Payer), ct).AsTask()),
            new("lost reasons, 365 days", (s, ct) => s.Send(new GetLostReasons(year), ct).AsTask()),
            new("authorization outcomes, 365 days", (s, ct) => s.Send(new GetAuthorizationOutcomes(year), ct).AsTask()),
            new("coordinator scorecard, 365 days", (s, ct) => s.Send(new GetCoordinatorScorecard(year), ct).AsTask()),
            new("referral sources, 365 days", (s, ct) => s.Send(new GetReferralSources(year), ct).AsTask()),
            new("list: first page, newest first", (s, ct) => s.Send(List(new InquiryFilter()), ct).AsTask()),
            new("list: page 200 (skip 4,975)", (s, ct) => s.Send(List(new InquiryFilter(), page: 199), ct).AsTask()),
            new("list: sort by number", (s, ct) => s.Send(List(new InquiryFilter(), InquirySort.Number, SortDirection.Ascending), ct).AsTask()),
            new("list: sort by stage", (s, ct) => s.Send(List(new InquiryFilter(), InquirySort.Stage), ct).AsTask()),
            new("list: sort by coordinator", (s, ct) => s.Send(List(new InquiryFilter(), InquirySort.Coordinator, SortDirection.Ascending), ct).AsTask()),
            new("list: sort by last activity", (s, ct) => s.Send(List(new InquiryFilter(), InquirySort.LastActivityAt), ct).AsTask()),
            new("list: sort by patient name", (s, ct) => s.Send(List(new InquiryFilter(), InquirySort.PatientName, SortDirection.Ascending), ct).AsTask()),
            new("list: sort by urgency", (s, ct) => s.Send(List(new InquiryFilter(), InquirySort.Urgency), ct).AsTask()),
            new("list: filter stage New", (s, ct) => s.Send(List(new InquiryFilter { Stages = [InquiryStage.New] }), ct).AsTask()),
            new("list: filter open only", (s, ct) => s.Send(List(new InquiryFilter { OpenOnly = true }), ct).AsTask()),
            new("list: filter coordinator", (s, ct) => s.Send(List(new InquiryFilter { CoordinatorId = coordinator }), ct).AsTask()),
            new("list: filter source Referral", (s, ct) => s.Send(List(new InquiryFilter { Source = InquirySource.Referral }), ct).AsTask()),
            new("list: filter created last 7 days", (s, ct) => s.Send(List(new InquiryFilter { CreatedFrom = today.AddDays(-6) }), ct).AsTask()),
            new("list: search INQ number", (s, ct) => s.Send(List(new InquiryFilter { Search = $"INQ-{now.Year}-0001" }), ct).AsTask()),
            new("list: search phone", (s, ct) => s.Send(List(new InquiryFilter { Search = "(415) 555-0100" }), ct).AsTask()),
            new("list: search name", (s, ct) => s.Send(List(new InquiryFilter { Search = "Garcia" }), ct).AsTask()),
            new("list: search rare prefix zyx (none)", (s, ct) => s.Send(List(new InquiryFilter { Search = "Zyx" }), ct).AsTask()),
            new("list: search two words mary garc", (s, ct) => s.Send(List(new InquiryFilter { Search = "mary garc" }), ct).AsTask()),
            new("list: search name, sort by name", (s, ct) => s.Send(List(new InquiryFilter { Search = "Garcia" }, InquirySort.PatientName, SortDirection.Ascending), ct).AsTask()),
            new("list: search one letter a (worst)", (s, ct) => s.Send(List(new InquiryFilter { Search = "a" }), ct).AsTask()),
        ];

        // Long periods read the daily figures the job keeps; bring them up to date first (the first time counts every day).
        await using (var scope = root.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().SetSystem();
            var watch = Stopwatch.StartNew();
            var refresh = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RefreshDailyFigures());
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Daily figures brought up to date: {refresh.DaysCounted:N0} days counted in {watch.Elapsed.TotalSeconds:0.0} s."));
        }

        await output.WriteLineAsync($"{runs} warm runs per query after one cold run; times in ms; alloc = MB allocated per warm run.");
        await output.WriteLineAsync();
        await output.WriteLineAsync($"| {"query",-38} | {"cold",8} | {"p50",8} | {"p95",8} | {"alloc MB",8} |");
        await output.WriteLineAsync($"|{new string('-', 40)}|{new string('-', 10)}|{new string('-', 10)}|{new string('-', 10)}|{new string('-', 10)}|");
        foreach (var c in cases.Where(c => only is null || c.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
        {
            SqliteConnection.ClearAllPools();
            var cold = await TimeAsync(root, c);
            var warm = new List<double>();
            long allocated = 0;
            for (var i = 0; i < runs; i++)
            {
                var before = GC.GetTotalAllocatedBytes(precise: false);
                warm.Add(await TimeAsync(root, c));
                allocated += GC.GetTotalAllocatedBytes(precise: false) - before;
            }

            warm.Sort();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| {c.Name,-38} | {cold,8:0.0} | {Stats.Percentile(warm, 50),8:0.0} | {Stats.Percentile(warm, 95),8:0.0} | {allocated / runs / 1048576.0,8:0.0} |"));
        }

        return 0;
    }

    private static async Task<double> TimeAsync(IServiceProvider root, Case c)
    {
        await using var scope = CreateScope(root);
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var watch = Stopwatch.StartNew();
        await c.Run(sender, CancellationToken.None);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static AsyncServiceScope CreateScope(IServiceProvider root)
    {
        var scope = root.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "bench"),
                new Claim(CurrentUser.DisplayNameClaim, "Benchmark"),
                new Claim(ClaimTypes.Role, Roles.AdmissionsManager),
            ],
            authenticationType: "Bench")), "127.0.0.1");
        return scope;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
