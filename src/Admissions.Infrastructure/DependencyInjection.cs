using Admissions.Application;
using Admissions.Application.Common;
using Admissions.Application.Dashboards;
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
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Admissions.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// Everything behind the application's ports: the database (SQLite or SQL Server), Identity,
    /// Hangfire storage and the job client, and the clearinghouse. The web app and the CLI both call this.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var database = DatabaseSettings.From(configuration, contentRoot);
        services.AddSingleton(database);
        services.AddApplication();
        services.Configure<FollowUpOptions>(configuration.GetSection(FollowUpOptions.Section));
        services.Configure<InsuranceOptions>(configuration.GetSection(InsuranceOptions.Section));
        services.Configure<PlacementOptions>(configuration.GetSection(PlacementOptions.Section));
        services.Configure<DailyFiguresOptions>(configuration.GetSection(DailyFiguresOptions.Section));
        services.Configure<CalendarOptions>(configuration.GetSection(CalendarOptions.Section));
        services.Configure<SafetyOptions>(configuration.GetSection(SafetyOptions.Section));

        Directory.CreateDirectory(database.DataFolder);
        // Sign-in cookies survive restarts only if the keys that protect them do.
        services.AddDataProtection()
            .SetApplicationName("Admissions")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(database.DataFolder, "keys")));
        services.AddDbContextFactory<AdmissionsDbContext>(options => UseProvider(options, database));
        services.AddScoped<IAdmissionsDbContextFactory, AdmissionsDbContextFactory>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddSingleton<IStaffDirectory, StaffDirectory>();
        services.AddSingleton<IFacilityCalendar, FacilityCalendar>();
        services.AddScoped<IFollowUpScheduler, HangfireFollowUpScheduler>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<BulkHistorySeeder>();
        services.AddScoped<DatabaseInitializer>();
        services.AddClearinghouse(configuration);
        services.AddMessaging(configuration, database.DataFolder);

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
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AdmissionsDbContext>()
            .AddSignInManager()
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
            .AddDbContextCheck<AdmissionsDbContext>("database")
            .AddCheck<JobStorageHealthCheck>("jobs");
        return services;
    }

    /// <summary>
    /// Runs the Hangfire server in this process, polling often enough that due jobs start within seconds, and
    /// registers the recurring jobs (the placement clocks, <c>Placement:*</c>; the follow-up sweeps, <c>FollowUps:*Sweep</c>;
    /// the outbox dispatch and the manager digest, <c>Messaging:Digest:Cron</c>).
    /// </summary>
    public static IServiceCollection AddFollowUpJobServer(this IServiceCollection services)
    {
        // Registered first: hosted services start in order, and the locks must be gone before the server polls.
        services.AddHostedService<StaleJobLocks>();
        services.AddHangfireServer(o =>
        {
            o.SchedulePollingInterval = TimeSpan.FromSeconds(2);
            o.WorkerCount = Math.Max(2, Environment.ProcessorCount);
            o.ServerName = $"admissions-{Environment.MachineName}";
        });
        services.AddHostedService<RecurringJobsRegistration>();
        services.AddHostedService<MessagingJobsRegistration>();
        services.AddHostedService<FollowUpRecurringJobsRegistration>();
        services.AddHostedService<DashboardJobsRegistration>();
        services.AddHostedService<SafetyJobsRegistration>();
        return services;
    }

    public static void UseProvider(DbContextOptionsBuilder options, DatabaseSettings database)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            options.UseSqlite(database.ConnectionString, o => o.MigrationsAssembly(DatabaseSettings.SqliteMigrationsAssembly));
        }
        else
        {
            options.UseSqlServer(database.ConnectionString, o => o.MigrationsAssembly(DatabaseSettings.SqlServerMigrationsAssembly));
        }
    }
}
