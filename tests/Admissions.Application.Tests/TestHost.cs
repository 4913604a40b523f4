using System.Security.Claims;
using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Application.Insurance;
using Admissions.Application.Messaging;
using Admissions.DemoData;
using Admissions.Domain.Security;
using Admissions.Infrastructure;
using Admissions.Infrastructure.Identity;
using Admissions.Infrastructure.Persistence;
using Admissions.Infrastructure.Security;
using Admissions.Infrastructure.Seeding;
using Admissions.Testing;
using Mediator;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Admissions.Application.Tests;

/// <summary>
/// The real application and infrastructure (Mediator pipeline, EF Core on a SQLite file, or on PostgreSQL in the
/// PostgreSQL lane, Identity) with a fake clock, a recording job scheduler, a recording live notifier and a mocked
/// clearinghouse. One per test: every host gets its own copy of a migrated database that already holds the staff accounts.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset StartTime = new(2026, 3, 10, 14, 0, 0, TimeSpan.Zero);
    public const string IpAddress = "10.0.0.1";

    /// <summary>Who the application says it is on the wire; the clearinghouse gateway itself is <see cref="Gateway"/>.</summary>
    public static readonly ClearinghouseIdentity Clearinghouse = new("ADMISSIONS", "CLEARINGHSE", "RIVERBEND RECOVERY", "1234567893", "9123456789", false);

    private TestHost(string folder, string? postgresDatabase, ServiceProvider services, FakeTimeProvider clock, RecordingFollowUpScheduler scheduler,
        RecordingLiveNotifier live, Mock<IEligibilityGateway> gateway, StaffUsers staff, RecordingOutboxSignal outbox)
    {
        PostgresDatabase = postgresDatabase;
        Outbox = outbox;
        DataFolder = folder;
        Services = services;
        Clock = clock;
        Scheduler = scheduler;
        Live = live;
        Gateway = gateway;
        Staff = staff;
    }

    public string DataFolder { get; }

    /// <summary>The SQLite file (SQLite lane).</summary>
    public string DatabasePath => Path.Combine(DataFolder, "admissions.db");

    /// <summary>This host's own database on the test server (PostgreSQL lane), else null.</summary>
    public string? PostgresDatabase { get; }
    public ServiceProvider Services { get; }
    public FakeTimeProvider Clock { get; }
    public RecordingFollowUpScheduler Scheduler { get; }
    public RecordingLiveNotifier Live { get; }

    /// <summary>Counts the "dispatch soon" signals; tests run <c>DispatchOutbox</c> themselves.</summary>
    public RecordingOutboxSignal Outbox { get; }

    /// <summary>The clearinghouse: set up its answers per test; nothing is sent anywhere.</summary>
    public Mock<IEligibilityGateway> Gateway { get; }
    public StaffUsers Staff { get; }

    public TestUser Admin => Staff.Admin;
    public TestUser Manager => Staff.Manager;
    public TestUser Coordinator => Staff.Coordinator;
    public TestUser Coordinator2 => Staff.Coordinator2;
    public TestUser Clinician => Staff.Clinician;
    public TestUser UtilizationReview => Staff.UtilizationReview;
    public TestUser BusinessDevelopment => Staff.BusinessDevelopment;

    /// <param name="configure">Replaces services after the standard set-up (a failing email sender, other options).</param>
    public static async Task<TestHost> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var template = await TemplateDatabase.Instance.Value;
        var folder = NewFolder();
        string? postgres = null;
        if (PostgresLane.Enabled)
        {
            postgres = await PostgresLane.TakeCopyAsync(template.PostgresDatabase!);
        }
        else
        {
            File.Copy(template.DatabasePath, Path.Combine(folder, "admissions.db"));
            if (File.Exists(template.DatabasePath + "-wal"))
            {
                File.Copy(template.DatabasePath + "-wal", Path.Combine(folder, "admissions.db-wal"));
            }
        }

        var host = Build(folder, postgres, template.Staff, configure: configure);

        // The copy is already migrated; this proves it and is what a real start-up runs.
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        return host;
    }

    internal static TestHost Build(
        string folder, string? postgresDatabase, StaffUsers staff, bool fastPasswordHashing = false, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Admissions:DataFolder"] = folder,
                ["Database:Provider"] = postgresDatabase is null ? "Sqlite" : "PostgreSql",
                ["ConnectionStrings:Admissions"] = postgresDatabase is null
                    ? $"Data Source={Path.Combine(folder, "admissions.db")}"
                    : PostgresLane.ConnectionString(postgresDatabase),
            })
            .Build();
        var clock = new FakeTimeProvider(StartTime);
        var scheduler = new RecordingFollowUpScheduler();
        var live = new RecordingLiveNotifier();
        var gateway = new Mock<IEligibilityGateway>();

        var services = new ServiceCollection();
        services.AddLogging();

        // Before AddInfrastructure: AddApplication registers TimeProvider.System with TryAdd.
        services.AddSingleton<TimeProvider>(clock);
        services.AddApplication().AddInfrastructure(configuration, folder).AddDemoData();

        if (fastPasswordHashing)
        {
            // Only the template's accounts are hashed here; Infrastructure.Tests asserts the real iteration count.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
        }

        services.RemoveAll<IFollowUpScheduler>();
        services.AddSingleton<IFollowUpScheduler>(scheduler);
        services.RemoveAll<ILiveNotifier>();
        services.AddSingleton<ILiveNotifier>(live);
        services.RemoveAll<IEligibilityGateway>();
        services.AddSingleton(gateway.Object);
        services.RemoveAll<ClearinghouseIdentity>();
        services.AddSingleton(Clearinghouse);
        var outbox = new RecordingOutboxSignal();
        services.RemoveAll<IOutboxDispatchSignal>();
        services.AddSingleton<IOutboxDispatchSignal>(outbox);
        configure?.Invoke(services);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        return new TestHost(folder, postgresDatabase, provider, clock, scheduler, live, gateway, staff, outbox);
    }

    internal static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "admissions-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    // ---- Sending requests through the real pipeline ----

    public Task<T> SendAsync<T>(TestUser user, ICommand<T> command) =>
        RunAsync(current => current.Set(user.Principal, IpAddress), sender => sender.Send(command));

    public Task<T> SendAsync<T>(TestUser user, IQuery<T> query) =>
        RunAsync(current => current.Set(user.Principal, IpAddress), sender => sender.Send(query));

    public Task<T> SendAsSystemAsync<T>(ICommand<T> command) =>
        RunAsync(current => current.SetSystem(), sender => sender.Send(command));

    private async Task<T> RunAsync<T>(Action<CurrentUser> signIn, Func<ISender, ValueTask<T>> send)
    {
        await using var scope = Services.CreateAsyncScope();
        signIn(scope.ServiceProvider.GetRequiredService<CurrentUser>());
        return await send(scope.ServiceProvider.GetRequiredService<ISender>());
    }

    /// <summary>Creates an inquiry as <paramref name="user"/> (a coordinator by default) and insists it was created.</summary>
    public async Task<CreateInquiryResult> CreateInquiryAsync(InquiryForm form, TestUser? user = null, bool allowDuplicates = false)
    {
        var result = await SendAsync(user ?? Coordinator, new CreateInquiry(form, allowDuplicates));
        Assert.True(result.Created, "The inquiry should have been created.");
        return result;
    }

    // ---- Looking at the database directly ----

    /// <summary>A plain context (no user, no event dispatch) for arranging and asserting.</summary>
    public AdmissionsDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<AdmissionsDbContext>>().CreateDbContext();

    public async Task<T> QueryAsync<T>(Func<AdmissionsDbContext, Task<T>> query)
    {
        await using var db = CreateDbContext();
        return await query(db);
    }

    /// <summary>Every cell of a table as text, read with plain SQL (what a person with the database would see).</summary>
    public async Task<IReadOnlyList<string>> AllCellsAsync(string table)
    {
        await using var db = CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        var cells = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                cells.Add(value switch
                {
                    null => "",
                    byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
                    _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
                });
            }
        }

        return cells;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (PostgresDatabase is not null)
        {
            PostgresLane.DropInBackground(PostgresDatabase);
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        TryDelete(DataFolder);
    }

    internal static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere; the temp folder is cleaned by the OS eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>A person (or caller) the tests act as; their id matches a real Identity user where there is one.</summary>
public sealed record TestUser(string Id, string Name, IReadOnlyList<string> Roles, bool Authenticated = true)
{
    public static readonly TestUser Anonymous = new("", "", [], Authenticated: false);

    /// <summary>Whoever holds a consent signing link (the public signing page).</summary>
    public static readonly TestUser ConsentSigner = new("consent-signing-link", "Patient (signing link)", [Domain.Security.Roles.ConsentSigner]);

    public static TestUser ApiKey(Guid apiKeyId) => new($"apikey:{apiKeyId}", "API key 'Website form'", [Domain.Security.Roles.IntakeApi]);

    public ClaimsPrincipal Principal
    {
        get
        {
            if (!Authenticated)
            {
                return new ClaimsPrincipal(new ClaimsIdentity());
            }

            var claims = new List<Claim>
            {
                new(ClaimTypes.NameIdentifier, Id),
                new(CurrentUser.DisplayNameClaim, Name),
            };
            claims.AddRange(Roles.Select(r => new Claim(ClaimTypes.Role, r)));
            return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "Test"));
        }
    }
}

public sealed record StaffUsers(
    TestUser Admin, TestUser Manager, TestUser Coordinator, TestUser Coordinator2, TestUser Clinician,
    TestUser UtilizationReview, TestUser BusinessDevelopment)
{
    public IEnumerable<TestUser> All => [Admin, Manager, Coordinator, Coordinator2, Clinician, UtilizationReview, BusinessDevelopment];
}

/// <summary>
/// Migrating and creating seven accounts once per test run, not once per test: every
/// <see cref="TestHost"/> starts from a copy of this file.
/// </summary>
internal sealed class TemplateDatabase
{
    public const string Password = "Correct-Horse-Battery-9";

    public static readonly Lazy<Task<TemplateDatabase>> Instance = new(CreateAsync);

    private TemplateDatabase(string databasePath, string? postgresDatabase, StaffUsers staff)
    {
        DatabasePath = databasePath;
        PostgresDatabase = postgresDatabase;
        Staff = staff;
    }

    public string DatabasePath { get; }

    public string? PostgresDatabase { get; }
    public StaffUsers Staff { get; }

    private static async Task<TemplateDatabase> CreateAsync()
    {
        var folder = TestHost.NewFolder();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TestHost.TryDelete(folder);
        var placeholder = new TestUser("", "", []);
        var postgres = PostgresLane.Enabled ? await PostgresLane.CreateTemplateAsync("application") : null;
        var host = TestHost.Build(
            folder, postgres, new StaffUsers(placeholder, placeholder, placeholder, placeholder, placeholder, placeholder, placeholder), fastPasswordHashing: true);
        StaffUsers staff;
        await using (host.Services)
        {
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AdmissionsUser>>();

            async Task<TestUser> Create(string email, string name, string role)
            {
                var result = await StaffAccounts.CreateAsync(users, email, name, Password, role);
                Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
                var user = await users.FindByEmailAsync(email);
                return new TestUser(user!.Id, name, [role]);
            }

            staff = new StaffUsers(
                await Create("admin@test.local", "Avery Admin", Roles.Admin),
                await Create("manager@test.local", "Morgan Reyes", Roles.AdmissionsManager),
                await Create("coordinator@test.local", "Casey Nguyen", Roles.AdmissionsCoordinator),
                await Create("coordinator2@test.local", "Jordan Patel", Roles.AdmissionsCoordinator),
                await Create("clinician@test.local", "Dr. Riley Brooks", Roles.Clinician),
                await Create("ur@test.local", "Taylor Kim", Roles.UtilizationReview),
                await Create("bd@test.local", "Quinn Foster", Roles.BusinessDevelopment));
        }

        // Closing the last connection checkpoints the WAL into the file, so a plain copy is complete; PostgreSQL copies
        // a template only while nobody is connected to it.
        SqliteConnection.ClearAllPools();
        if (postgres is not null)
        {
            PostgresLane.Release(postgres);
        }

        return new TemplateDatabase(Path.Combine(folder, "admissions.db"), postgres, staff);
    }
}
