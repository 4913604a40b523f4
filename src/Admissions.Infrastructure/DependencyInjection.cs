using Admissions.Application.Common;
using Admissions.Application.Dashboards;
using Admissions.Application.Drafts;
using Admissions.Application.FollowUps;
using Admissions.Application.Insurance;
using Admissions.Application.Placement;
using Admissions.Application.Safety;
using Admissions.Infrastructure.Calendar;
using Admissions.Infrastructure.Clearinghouse;
using Admissions.Infrastructure.Health;
using Admissions.Infrastructure.Identity;
using Admissions.Infrastructure.Jobs;
using Admissions.Infrastructure.Messaging;
using Admissions.Infrastructure.Persistence;
using Admissions.Infrastructure.Security;
using Admissions.Infrastructure.Seeding;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Admissions.Infrastructure;

public static class DependencyInjection
{
    /// <summary>The health checks a load balancer waits for before sending a node traffic.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Everything behind the application's ports: the database (SQLite or SQL Server), Identity,
    /// Hangfire storage and the job client, and the clearinghouse. The web app and the CLI both call this, after
    /// <c>AddApplication</c>: each composition root names every layer it is made of.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var database = DatabaseSettings.From(configuration, contentRoot);
        services.AddSingleton(database);
        services.Configure<FollowUpOptions>(configuration.GetSection(FollowUpOptions.Section));
        services.Configure<InsuranceOptions>(configuration.GetSection(InsuranceOptions.Section));
        services.Configure<UtilizationReviewOptions>(configuration.GetSection(UtilizationReviewOptions.Section));
        services.Configure<ConsentOptions>(configuration.GetSection(ConsentOptions.Section));
        services.Configure<PlacementOptions>(configuration.GetSection(PlacementOptions.Section));
        services.Configure<DailyFiguresOptions>(configuration.GetSection(DailyFiguresOptions.Section));
        services.Configure<DraftOptions>(configuration.GetSection(DraftOptions.Section));
        services.Configure<CalendarOptions>(configuration.GetSection(CalendarOptions.Section));
        services.Configure<SafetyOptions>(configuration.GetSection(SafetyOptions.Section));

        Directory.CreateDirectory(database.DataFolder);
        services.AddAdmissionsDataProtection(configuration, database);
        services.AddDbContextFactory<AdmissionsDbContext>(options => UseProvider(options, database));
        services.AddScoped<IAdmissionsDbContextFactory, AdmissionsDbContextFactory>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<SystemSender>();
        services.AddSingleton<IStaffDirectory, StaffDirectory>();
        services.AddSingleton<IFacilityCalendar, FacilityCalendar>();
        services.AddScoped<IFollowUpScheduler, HangfireFollowUpScheduler>();
        services.AddScoped<DatabaseInitializer>();
        services.AddSingleton<AuditChainVerifier>();
        services.AddClearinghouse(configuration);
        services.AddMessaging(configuration, database.DataFolder);

        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.Section));
        services.AddSingleton<SessionEvents>();
        services.AddSingleton<Application.Staff.ISessionEvents>(sp => sp.GetRequiredService<SessionEvents>());
        services.AddSingleton<SessionStore>();
        services.AddSingleton<Application.Staff.IStaffAccounts, IdentityStaffAccounts>();
        services.AddScoped<Application.Staff.AccountRecovery>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped(sp => (AdmissionsSignInManager)sp.GetRequiredService<SignInManager<AdmissionsUser>>());

        services.Configure<PasswordHasherOptions>(o => o.IterationCount = SecuritySettings.PasswordHashIterations);
        services.AddIdentityCore<AdmissionsUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = SecuritySettings.MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedAccount = false;
                AdmissionsDbContext.IdentityStoreVersion(o);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AdmissionsDbContext>()
            .AddSignInManager<AdmissionsSignInManager>()
            .AddClaimsPrincipalFactory<AdmissionsClaimsFactory>()
            .AddDefaultTokenProviders();

        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                // The default 15 s queue poll would start a due follow-up up to 15 s late. SQLite storage has no
                // sliding invisibility: a job whose process died mid-run is fetched again only after this timeout
                // (default 30 min, which would hold a follow-up back that long after a crash).
                config.UseSQLiteStorage(database.HangfireSqlitePath, new SQLiteStorageOptions
                {
                    QueuePollInterval = TimeSpan.FromSeconds(1),
                    InvisibilityTimeout = configuration.GetValue("Jobs:InvisibilityTimeout", TimeSpan.FromMinutes(5)),
                });
            }
            else if (database.Provider == DatabaseProvider.PostgreSql)
            {
                // Every node runs a server on this storage: a job is fetched by one of them (SELECT ... FOR UPDATE SKIP LOCKED),
                // and a job whose node died is fetched again by another once the invisibility timeout has passed.
                // Sliding invisibility: a running job's fetch time is kept fresh by its node, so the timeout can be short and
                // a job cut off by a dead node runs again within it. A lock a dead node held is taken over after DistributedLockTimeout.
                config.UsePostgreSqlStorage(c => c.UseNpgsqlConnection(database.ConnectionString), new PostgreSqlStorageOptions
                {
                    QueuePollInterval = TimeSpan.FromSeconds(1),
                    UseSlidingInvisibilityTimeout = true,
                    InvisibilityTimeout = configuration.GetValue("Jobs:InvisibilityTimeout", TimeSpan.FromMinutes(1)),
                    DistributedLockTimeout = configuration.GetValue("Jobs:LockTimeout", TimeSpan.FromMinutes(1)),
                    PrepareSchemaIfNecessary = true,
                    SchemaName = "hangfire",
                });
            }
            else
            {
                config.UseSqlServerStorage(database.ConnectionString, new SqlServerStorageOptions
                {
                    QueuePollInterval = TimeSpan.FromSeconds(1),
                    PrepareSchemaIfNecessary = true,
                });
            }
        });

        services.AddHealthChecks()
            .AddDbContextCheck<AdmissionsDbContext>("database", tags: [ReadyTag])
            .AddCheck<JobStorageHealthCheck>("jobs", tags: [ReadyTag]);
        return services;
    }

    /// <summary>
    /// Runs the Hangfire server in this process, polling often enough that due jobs start within seconds, and
    /// registers the recurring jobs (the placement clocks, <c>Placement:*</c>; the follow-up sweeps, <c>FollowUps:*Sweep</c>;
    /// the outbox dispatch and the manager digest, <c>Messaging:Digest:Cron</c>; the drafts purge, <c>Drafts:Purge</c>).
    /// </summary>
    public static IServiceCollection AddFollowUpJobServer(this IServiceCollection services, IConfiguration configuration)
    {
        // Registered first: hosted services start in order, and the locks must be gone before the server polls.
        services.AddHostedService<StaleJobLocks>();
        services.AddHangfireServer(o =>
        {
            o.SchedulePollingInterval = TimeSpan.FromSeconds(2);
            o.WorkerCount = Math.Max(2, Environment.ProcessorCount);
            o.ServerName = $"admissions-{NodeName(configuration)}";
        });
        services.AddHostedService<RecurringJobsRegistration>();
        services.AddHostedService<MessagingJobsRegistration>();
        services.AddHostedService<FollowUpRecurringJobsRegistration>();
        services.AddHostedService<DashboardJobsRegistration>();
        services.AddHostedService<DraftJobsRegistration>();
        services.AddHostedService<SafetyJobsRegistration>();
        return services;
    }

    /// <summary>This node's name in job server lists and health answers (<c>Admissions:NodeName</c>, default the machine's name).</summary>
    public static string NodeName(IConfiguration configuration) =>
        configuration["Admissions:NodeName"] is { Length: > 0 } name ? name : Environment.MachineName;

    public static void UseProvider(DbContextOptionsBuilder options, DatabaseSettings database)
    {
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(database.ConnectionString, o => o.MigrationsAssembly(DatabaseSettings.SqliteMigrationsAssembly));
                break;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(database.ConnectionString, o => o.MigrationsAssembly(DatabaseSettings.PostgreSqlMigrationsAssembly));
                break;
            default:
                options.UseSqlServer(database.ConnectionString, o => o.MigrationsAssembly(DatabaseSettings.SqlServerMigrationsAssembly));
                break;
        }
    }
}
