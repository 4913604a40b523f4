using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Admissions.Application;
using Admissions.Application.ApiKeys;
using Admissions.Application.Common;
using Admissions.Domain.Security;
using Admissions.Infrastructure;
using Admissions.Infrastructure.Security;
using Admissions.Infrastructure.Seeding;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Admissions.E2E.Tests;

/// <summary>
/// Jobs survive a crash: the real app (SQLite database, SQLite Hangfire storage) takes inquiries through the
/// intake API, is killed with SIGKILL while their speed-to-lead jobs are running, and is started again on the
/// same data folder. Every due check and escalation then exists exactly once.
/// </summary>
public sealed class RestartReliabilityTests : IDisposable
{
    private const int Inquiries = 12;
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(120);

    private readonly string _data = Path.Combine(Path.GetTempPath(), "admissions-restart-" + Guid.NewGuid().ToString("N"));
    private readonly List<AppProcess> _apps = [];

    [Fact]
    public async Task Follow_up_jobs_cut_off_by_a_SIGKILL_run_after_the_restart_and_create_each_task_exactly_once()
    {
        Directory.CreateDirectory(_data);
        var apiKey = await CreateApiKeyAsync();

        var first = await StartAppAsync();
        using var http = new HttpClient { BaseAddress = first.BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        var ids = new List<Guid>();
        for (var n = 0; n < Inquiries; n++)
        {
            using var response = await http.PostAsJsonAsync("api/v1/inquiries", new
            {
                callerName = $"Restart Caller {n}",
                callerPhone = $"(555) 2{n:00}-{4400 + n}",
                patientFirstName = $"Pat{(char)('a' + n)}",
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add((await response.Content.ReadFromJsonAsync<IntakeAnswer>())!.Id);
        }

        // Kill the moment the first check has written its task: the rest are due, queued or running.
        await WaitForAsync(async () => await CountAsync("SELECT COUNT(*) FROM FollowUpTasks") > 0, TimeSpan.FromSeconds(60), "the first speed-to-lead task");
        await first.KillAsync();
        var beforeRestart = await CountAsync("SELECT COUNT(*) FROM FollowUpTasks WHERE EscalationCount = 1");
        Assert.True(beforeRestart < Inquiries, $"All {beforeRestart} escalations were done before the kill; nothing was cut off.\n{Output}");

        // Usually done in seconds; generous because a scheduler lock the killed process held lives on for
        // Hangfire's DistributedLockLifetime (30 s) and the machine may be busy with other tests.
        await StartAppAsync();
        await WaitForAsync(async () => await CountAsync("SELECT COUNT(*) FROM FollowUpTasks WHERE EscalationCount = 1") >= Inquiries,
            TimeSpan.FromSeconds(90), $"{Inquiries} escalated tasks (one task per inquiry, made by the check and escalated by the second clock)");

        foreach (var id in ids)
        {
            Assert.Equal(1, await CountAsync($"SELECT COUNT(*) FROM FollowUpTasks WHERE UniqueKey = 'speed-to-lead:{id:N}' AND EscalationCount = 1"));
        }

        Assert.Equal(Inquiries, await CountAsync("SELECT COUNT(*) FROM FollowUpTasks"));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM (SELECT UserId, UniqueKey FROM Notifications GROUP BY UserId, UniqueKey HAVING COUNT(*) > 1)"));
    }

    private sealed record IntakeAnswer(Guid Id, string Number);

    /// <summary>Migrates the fresh database and creates an API key the way the admin page does, before the app starts.</summary>
    private async Task<string> CreateApiKeyAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Admissions:DataFolder"] = _data })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApplication().AddInfrastructure(configuration, _data);
        services.AddSingleton<ILiveNotifier, NoLiveNotifier>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "restart-test-admin"),
                new Claim(CurrentUser.DisplayNameClaim, "Restart test"),
                new Claim(ClaimTypes.Role, Roles.Admin),
            ], "Test")), "127.0.0.1");
        var created = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateApiKey("Restart test"));
        SqliteConnection.ClearAllPools();
        return created.Key;
    }

    private async Task<AppProcess> StartAppAsync()
    {
        var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Demo",
            ["Admissions__DataFolder"] = _data,
            ["Admissions__SeedDemoData"] = "false",
            // Seconds instead of minutes, so the jobs fall due while the test watches.
            ["FollowUps__SpeedToLeadDelay"] = "00:00:03",
            ["FollowUps__SpeedToLeadEscalationDelay"] = "00:00:06",
            // A job that was running when the process died is fetched again after this (default 5 minutes).
            ["Jobs__InvisibilityTimeout"] = "00:00:05",
        }, StartupTimeout);
        _apps.Add(app);
        return app;
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "admissions.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}.\n{Output}");
            }

            await Task.Delay(100);
        }
    }

    private string Output => string.Join("\n--- restarted ---\n", _apps.Select(a => a.Output));

    public void Dispose()
    {
        foreach (var app in _apps)
        {
            app.KillAsync().GetAwaiter().GetResult();
            app.Dispose();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private sealed class NoLiveNotifier : ILiveNotifier
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
}
