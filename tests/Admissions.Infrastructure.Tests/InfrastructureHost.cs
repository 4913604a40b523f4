using Admissions.Application;
using Admissions.Application.Common;
using Admissions.DemoData;
using Admissions.Infrastructure.Persistence;
using Admissions.Infrastructure.Seeding;
using Admissions.Testing;
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
/// AddInfrastructure on a fresh SQLite file in a temp folder (or a fresh PostgreSQL database in the PostgreSQL lane),
/// with a fake clock and a job scheduler that only records. Nothing here starts Hangfire. The database does not exist
/// until it is migrated.
/// </summary>
public sealed class InfrastructureHost : IAsyncDisposable
{
    public static readonly DateTimeOffset StartTime = new(2026, 3, 10, 14, 0, 0, TimeSpan.Zero);

    private InfrastructureHost(
        string folder, string? postgresDatabase, IConfiguration configuration, ServiceProvider services, FakeTimeProvider clock, RecordingFollowUpScheduler scheduler)
    {
        Configuration = configuration;
        DataFolder = folder;
        PostgresDatabase = postgresDatabase;
        Services = services;
        Clock = clock;
        Scheduler = scheduler;
    }

    public string DataFolder { get; }
    public string DatabasePath => Path.Combine(DataFolder, "admissions.db");

    /// <summary>This host's database on the test server (PostgreSQL lane), else null.</summary>
    public string? PostgresDatabase { get; }
    public ServiceProvider Services { get; }

    /// <summary>What this host was configured with: another "node" built from it shares the database and data folder.</summary>
    public IConfiguration Configuration { get; }
    public FakeTimeProvider Clock { get; }
    public RecordingFollowUpScheduler Scheduler { get; }

    /// <param name="settings">Extra configuration (e.g. <c>DataProtection:CertificatePath</c>).</param>
    public static InfrastructureHost Create(DateTimeOffset? start = null, bool fastPasswordHashing = false, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "admissions-infra-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var postgres = PostgresLane.Enabled ? $"i_{Guid.NewGuid():N}" : null;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Admissions:DataFolder"] = folder,
                ["Database:Provider"] = postgres is null ? "Sqlite" : "PostgreSql",
                ["ConnectionStrings:Admissions"] = postgres is null
                    ? $"Data Source={Path.Combine(folder, "admissions.db")}"
                    : PostgresLane.ConnectionString(postgres),
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var clock = new FakeTimeProvider(start ?? StartTime);
        var scheduler = new RecordingFollowUpScheduler();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddApplication().AddInfrastructure(configuration, folder).AddDemoData();
        if (fastPasswordHashing)
        {
            // For tests that create many accounts; the real iteration count is asserted in IdentitySecurityTests.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
        }

        services.RemoveAll<IFollowUpScheduler>();
        services.AddSingleton<IFollowUpScheduler>(scheduler);
        services.AddSingleton<ILiveNotifier>(new RecordingLiveNotifier());
        return new InfrastructureHost(folder, postgres, configuration, services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }), clock, scheduler);
    }

    public static async Task<InfrastructureHost> StartMigratedAsync(
        DateTimeOffset? start = null, bool fastPasswordHashing = false, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = Create(start: start, fastPasswordHashing: fastPasswordHashing, settings: settings);
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
        if (PostgresDatabase is not null)
        {
            await PostgresLane.DropDatabaseAsync(PostgresDatabase);
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

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
