using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Admissions.Application;
using Admissions.Application.Common;
using Admissions.Application.FollowUps;
using Admissions.Application.Inquiries;
using Admissions.Domain.Security;
using Admissions.Infrastructure;
using Admissions.Infrastructure.Persistence;
using Admissions.Infrastructure.Security;
using Admissions.Infrastructure.Seeding;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// How late do scheduled follow-up jobs run on the embedded default (SQLite database, SQLite Hangfire storage,
// the job server as the web app configures it)? Creates inquiries at random moments; each schedules its
// speed-to-lead check for CreatedAt + delay. The check stamps its task with the time it ran, so
// lateness = task.CreatedAt - (inquiry.CreatedAt + delay).
var jobs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
var delay = TimeSpan.FromSeconds(5);
var spread = TimeSpan.FromSeconds(30);
var data = Path.Combine(Path.GetTempPath(), "admissions-bench-jobs-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(data);

var builder = Host.CreateApplicationBuilder();
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Admissions:DataFolder"] = data,
    ["FollowUps:SpeedToLeadDelay"] = delay.ToString(),
    // Only the first check is measured; the escalation would fall due after the run.
    ["FollowUps:SpeedToLeadEscalationDelay"] = "01:00:00",
});
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddApplication().AddInfrastructure(builder.Configuration, data);
builder.Services.AddFollowUpJobServer(builder.Configuration);
builder.Services.AddSingleton<ILiveNotifier, QuietLiveNotifier>();

using var host = builder.Build();
await using (var scope = host.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
}

await host.StartAsync();
Console.WriteLine($"Scheduling {jobs} speed-to-lead checks over {spread.TotalSeconds:0} s, each due {delay.TotalSeconds:0} s after its inquiry...");
var coordinator = new ClaimsPrincipal(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, "bench-coordinator"),
        new Claim(CurrentUser.DisplayNameClaim, "Bench Coordinator"),
        new Claim(ClaimTypes.Role, Roles.AdmissionsCoordinator),
    ], "Bench"));
var random = new Random(20261129);
var watch = Stopwatch.StartNew();
for (var n = 0; n < jobs; n++)
{
    await Task.Delay(TimeSpan.FromMilliseconds(random.NextDouble() * spread.TotalMilliseconds * 2 / jobs));
    await using var scope = host.Services.CreateAsyncScope();
    scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(coordinator, "127.0.0.1");
    await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateInquiry(new InquiryForm
    {
        CallerName = $"Bench Caller {n}",
        CallerPhone = $"(555) {200 + (n / 100):000}-{1000 + n:0000}",
        PatientFirstName = $"Bench{n}",
    }, AllowDuplicates: true));
}

var contexts = host.Services.GetRequiredService<IDbContextFactory<AdmissionsDbContext>>();
while (true)
{
    await using var db = await contexts.CreateDbContextAsync();
    var done = await db.FollowUpTasks.CountAsync();
    if (done >= jobs)
    {
        break;
    }

    if (watch.Elapsed > spread + delay + TimeSpan.FromMinutes(2))
    {
        Console.Error.WriteLine($"Only {done} of {jobs} jobs ran; giving up.");
        return 1;
    }

    await Task.Delay(250);
}

List<double> lateness;
await using (var db = await contexts.CreateDbContextAsync())
{
    var pairs = await (from t in db.FollowUpTasks
                       join i in db.Inquiries on t.InquiryId equals i.Id
                       select new { Ran = t.CreatedAt, i.CreatedAt }).ToListAsync();
    lateness = [.. pairs.Select(p => (p.Ran - (p.CreatedAt + delay)).TotalSeconds).Order()];
}

await host.StopAsync();
SqliteConnection.ClearAllPools();
Directory.Delete(data, recursive: true);

double Percentile(double p) => lateness[Math.Clamp((int)Math.Ceiling(p * lateness.Count) - 1, 0, lateness.Count - 1)];
Console.WriteLine();
Console.WriteLine($"Delay between due time and execution, {lateness.Count} jobs (SQLite Hangfire storage):");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  min {lateness[0]:0.00} s   p50 {Percentile(0.50):0.00} s   p95 {Percentile(0.95):0.00} s   max {lateness[^1]:0.00} s"));
Console.WriteLine(Percentile(0.95) < 5 ? "  target p95 < 5 s: met" : "  target p95 < 5 s: MISSED");
return 0;

internal sealed class QuietLiveNotifier : ILiveNotifier
{
    public void NotificationsChanged(IEnumerable<string> userIds)
    {
    }

    public void InquiryChanged(Guid inquiryId)
    {
    }

    public void TasksChanged(IReadOnlyCollection<string?> assigneeIds)
    {
    }
}
