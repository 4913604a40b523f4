using Admissions.Application.Common;
using Admissions.Infrastructure.Persistence;
using Admissions.Infrastructure.Seeding;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Admissions.Infrastructure.Tests;

/// <summary>
/// AddInfrastructure on a fresh SQLite file in a temp folder, with a fake clock and a job scheduler
/// that only records. Nothing here starts Hangfire.
/// </summary>
public sealed class InfrastructureHost : IAsyncDisposable
{
    public static readonly DateTimeOffset StartTime = new(2026, 3, 10, 14, 0, 0, TimeSpan.Zero);

    private InfrastructureHost(string folder, ServiceProvider services, FakeTimeProvider clock, RecordingFollowUpScheduler scheduler)
    {
        DataFolder = folder;
        Services = services;
        Clock = clock;
        Scheduler = scheduler;
    }

    public string DataFolder { get; }
    public string DatabasePath => Path.Combine(DataFolder, "admissions.db");
    public ServiceProvider Services { get; }
    public FakeTimeProvider Clock { get; }
    public RecordingFollowUpScheduler Scheduler { get; }

    public static InfrastructureHost Create(DateTimeOffset? start = null, bool fastPasswordHashing = false)
    {
        var folder = Path.Combine(Path.GetTempPath(), "admissions-infra-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Admissions:DataFolder"] = folder,
                ["ConnectionStrings:Admissions"] = $"Data Source={Path.Combine(folder, "admissions.db")}",
            })
            .Build();
        var clock = new FakeTimeProvider(start ?? StartTime);
        var scheduler = new RecordingFollowUpScheduler();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddInfrastructure(configuration, folder);
        if (fastPasswordHashing)
        {
            // For tests that create many accounts; the real iteration count is asserted in IdentitySecurityTests.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
        }

        services.RemoveAll<IFollowUpScheduler>();
        services.AddSingleton<IFollowUpScheduler>(scheduler);
        services.AddSingleton<ILiveNotifier>(new RecordingLiveNotifier());
        return new InfrastructureHost(folder, services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }), clock, scheduler);
    }

    public static async Task<InfrastructureHost> StartMigratedAsync(DateTimeOffset? start = null, bool fastPasswordHashing = false)
    {
        var host = Create(start: start, fastPasswordHashing: fastPasswordHashing);
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        return host;
    }

    public AdmissionsDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<AdmissionsDbContext>>().CreateDbContext();

    public async Task<T> QueryAsync<T>(Func<AdmissionsDbContext, Task<T>> query)
    {
        await using var db = CreateDbContext();
        return await query(db);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public sealed class RecordingFollowUpScheduler : IFollowUpScheduler
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(Guid InquiryId, DateTimeOffset RunAt)> _checks = new();

    public IReadOnlyList<(Guid InquiryId, DateTimeOffset RunAt)> Checks => [.. _checks];

    public void ScheduleSpeedToLeadCheck(Guid inquiryId, DateTimeOffset runAt) => _checks.Enqueue((inquiryId, runAt));

    public void ScheduleEligibilityCheck(Guid checkId, DateTimeOffset runAt)
    {
    }

    public void ScheduleAuthorizationSubmission(Guid authorizationId, DateTimeOffset runAt)
    {
    }

    public void ScheduleSpeedToLeadEscalation(Guid inquiryId, DateTimeOffset runAt)
    {
    }

    public void ScheduleCallbackReminder(Guid taskId, DateTimeOffset runAt)
    {
    }
}

public sealed class RecordingLiveNotifier : ILiveNotifier
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
