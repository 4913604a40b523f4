using Admissions.Application;
using Admissions.Application.Dashboards;
using Admissions.DemoData;
using Admissions.Domain.Security;
using Admissions.Infrastructure;
using Admissions.Infrastructure.Identity;
using Admissions.Infrastructure.Operations;
using Admissions.Infrastructure.Persistence;
using Admissions.Infrastructure.Security;
using Admissions.Infrastructure.Seeding;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Admissions.Cli;

/// <summary>Operator commands: migrate, seed-demo, create-admin, backup, restore, x12. Exit codes: 0 ok, 1 failed, 2 usage or bad input.</summary>
public static class OperatorCommands
{
    private const string Usage = """
        Usage: admissions <command> [options]

          migrate                               apply database migrations and create the roles
          seed-demo                             add demo users and inquiries (never in Production)
          seed --inquiries N [--seed S]         add a generated three-year history of N inquiries (with policies, VOBs,
                                                authorizations, levels of care, referral organisations and tasks) on top
                                                of the demo data, with a progress bar (never in Production)
          bench [--runs N] [--filter TEXT]      time every dashboard query and the inquiry list queries (p50/p95)
          create-admin --email E --name "N"     create the first administrator; the password comes from
                                                ADMISSIONS_ADMIN_PASSWORD or is asked for
          backup [--out FILE]                   embedded install: copy the database, job store, Data Protection keys
                                                and outbox into one zip (default admissions-backup-<time>.zip here);
                                                safe while the app runs
          restore --from FILE [--replace]       embedded install: restore a backup into the data folder; refused while
                                                the app runs; --replace moves existing data aside (never deletes it)
          create-user --email E --name "N" --roles R1,R2 [--phone P] [--invite]
                                                create a staff member with one or more of the roles Admin,
                                                AdmissionsManager, AdmissionsCoordinator, Clinician, UtilizationReview,
                                                BusinessDevelopment; the password comes from ADMISSIONS_USER_PASSWORD
                                                or is asked for, or --invite emails a 72-hour set-password link
          disable-user --email E [--reason "R"] disable a leaver: sessions end, open tasks go to the team queue
          audit verify                          walk the audit log's hash chain and report the first broken link
                                                (exit 0 intact, 3 broken: a row changed, deleted or added outside the app)
          x12 parse FILE                        print the 270, 271 or 278 transactions in FILE as JSON
          x12 build-270 --json REQUEST.json     print the X12 270 eligibility inquiry for REQUEST.json

        x12 commands need no database. Bad input exits with 2; for malformed X12 that is one line on
        stderr, "error: <reason> (segment N, offset M)", with N counted from 0, and nothing on stdout.

        REQUEST.json (optional fields may be left out):
          {
            "payer":      { "name": "CIGNA", "id": "62308" },
            "provider":   { "name": "...", "id": "<NPI>" },     optional: Clearinghouse:ProviderName and
                                                               :ProviderNpi, else RIVERBEND RECOVERY, 1234567893
            "subscriber": { "memberId": "U1234567801", "lastName": "DOE", "firstName": "JANE",
                            "birthDate": "1988-04-12", "gender": "F" },   memberId and lastName required
            "dependent":  { "lastName": "DOE", "firstName": "SAM", "birthDate": "2010-05-01", "gender": "M" },
                                                               optional; lastName required when given
            "serviceTypes": ["AI", "RT"],                      one EQ each unless "combineServiceTypes": true
            "serviceDate": "2026-01-15",                       optional: today in Admissions:TimeZone
            "traceNumber": "VOB-8812-1",                       optional: a generated unique number
            "reference": "VOB-8812",                           optional BHT03: the trace number
            "controlNumber": "0001",                           optional ST02: 0001
            "interchangeControlNumber": 101                    optional ISA13/GS06: 1
          }
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, TimeProvider? clock = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await output.WriteLineAsync(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        if (args[0] == "x12")
        {
            return await X12Commands.RunAsync(args[1..], output, error, clock ?? TimeProvider.System);
        }

        using var host = BuildHost(args[1..]);
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        try
        {
            switch (args[0])
            {
                case "migrate":
                    await services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
                    await output.WriteLineAsync("Database is up to date.");
                    return 0;
                case "seed-demo":
                    if (host.Services.GetRequiredService<IHostEnvironment>().IsProduction())
                    {
                        await error.WriteLineAsync("error: demo data is never seeded in Production (set DOTNET_ENVIRONMENT=Demo).");
                        return 1;
                    }

                    await services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
                    var seeded = await services.GetRequiredService<DemoDataSeeder>().SeedAsync();
                    await output.WriteLineAsync(seeded ? "Demo users and inquiries added." : "Demo data is already there; nothing added.");
                    return 0;
                case "seed":
                    return await SeedHistoryAsync(host, services, args[1..], output, error);
                case "bench":
                    await services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
                    return await DashboardBench.RunAsync(host.Services, args[1..], output);
                case "create-admin":
                    return await CreateAdminAsync(services, args[1..], output, error);
                case "backup":
                    return await BackupAsync(services, args[1..], output, clock ?? TimeProvider.System);
                case "restore":
                    return await RestoreAsync(services, args[1..], output, error, clock ?? TimeProvider.System);
                case "create-user":
                    return await StaffCommands.CreateUserAsync(services, args[1..], output, error);
                case "disable-user":
                    return await StaffCommands.DisableUserAsync(services, args[1..], output, error);
                case "audit" when args is [_, "verify", ..]:
                    return await VerifyAuditAsync(services, output, error);
                default:
                    await error.WriteLineAsync($"error: unknown command '{args[0]}'.");
                    await error.WriteLineAsync(Usage);
                    return 2;
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or OutdatedDatabaseException or BackupException or Microsoft.Data.Sqlite.SqliteException or Microsoft.Data.SqlClient.SqlException or Npgsql.NpgsqlException)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> SeedHistoryAsync(IHost host, IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (host.Services.GetRequiredService<IHostEnvironment>().IsProduction())
        {
            await error.WriteLineAsync("error: generated data is never written in Production (set DOTNET_ENVIRONMENT=Demo).");
            return 1;
        }

        if (!int.TryParse(Option(args, "--inquiries"), out var count) || count < 1)
        {
            await error.WriteLineAsync("error: seed needs --inquiries N (a positive number).");
            return 2;
        }

        var seed = int.TryParse(Option(args, "--seed"), out var s) ? s : 2026;
        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        await services.GetRequiredService<DemoDataSeeder>().SeedAsync();
        await output.WriteLineAsync($"Writing {count:N0} inquiries…");
        var result = await services.GetRequiredService<BulkHistorySeeder>().SeedAsync(count, output, seed);
        await output.WriteLineAsync(
            $"Added {result.Inquiries:N0} inquiries, {result.Policies:N0} policies, {result.Checks:N0} VOBs, {result.Authorizations:N0} authorizations, " +
            $"{result.Levels:N0} level-of-care decisions and {result.Tasks:N0} tasks in {result.Elapsed.TotalSeconds:N0} s.");
        await output.WriteLineAsync("Counting the dashboards' daily figures…");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        services.GetRequiredService<CurrentUser>().SetSystem();
        var refresh = await services.GetRequiredService<ISender>().Send(new RefreshDailyFigures());
        await output.WriteLineAsync($"Counted {refresh.DaysCounted:N0} days in {watch.Elapsed.TotalSeconds:N0} s.");
        return 0;
    }

    /// <summary>Reads only: a check of the records must never change them.</summary>
    private static async Task<int> VerifyAuditAsync(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var report = await services.GetRequiredService<AuditChainVerifier>().VerifyAsync();
        var earlier = report.WrittenBeforeTheChain > 0 ? $" ({report.WrittenBeforeTheChain:N0} older rows were written before the chain began)" : "";
        if (!report.Intact)
        {
            await error.WriteLineAsync($"Audit chain broken: {report.Problem}");
            await output.WriteLineAsync($"The first {report.Linked:N0} linked rows are intact{earlier}; the last intact link's hash is {report.HeadHash}.");
            return 3;
        }

        await output.WriteLineAsync($"Audit chain intact: {report.Linked:N0} rows linked{earlier}. Head hash {report.HeadHash}.");
        return 0;
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        var email = Option(args, "--email");
        var name = Option(args, "--name");
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(name))
        {
            await error.WriteLineAsync("error: create-admin needs --email and --name.");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable("ADMISSIONS_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password) && !Console.IsInputRedirected)
        {
            await output.WriteAsync("Password for the new administrator: ");
            password = ReadHidden();
        }

        if (string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync("error: set ADMISSIONS_ADMIN_PASSWORD or run in a terminal to be asked for the password.");
            return 2;
        }

        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        var result = await StaffAccounts.CreateAsync(services.GetRequiredService<UserManager<AdmissionsUser>>(), email, name, password, Roles.Admin);
        if (!result.Succeeded)
        {
            await error.WriteLineAsync("error: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            return 1;
        }

        await output.WriteLineAsync($"Administrator {email} created.");
        return 0;
    }

    private static IHost BuildHost(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
        builder.Configuration.AddEnvironmentVariables();
        // Last, so that an option given on the command line wins over the file and the environment.
        builder.Configuration.AddCommandLine(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddApplication().AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath).AddDemoData();
        builder.Services.AddSingleton<Application.Common.ILiveNotifier, NoLiveNotifier>();
        return builder.Build();
    }

    private static async Task<int> BackupAsync(IServiceProvider services, string[] args, TextWriter output, TimeProvider clock)
    {
        var archive = Option(args, "--out")
            ?? $"admissions-backup-{clock.GetUtcNow().ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture)}.zip";
        var result = await EmbeddedBackup.CreateAsync(services.GetRequiredService<DatabaseSettings>(), archive, clock);
        await output.WriteLineAsync($"Backed up {result.Files} files ({result.Bytes / 1024.0 / 1024.0:0.0} MB, {result.Inquiries:N0} inquiries) to {result.Archive}");
        return 0;
    }

    private static async Task<int> RestoreAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, TimeProvider clock)
    {
        if (Option(args, "--from") is not { } archive)
        {
            await error.WriteLineAsync("error: restore needs --from FILE (a zip made by 'admissions backup').");
            return 2;
        }

        var database = services.GetRequiredService<DatabaseSettings>();
        var result = await EmbeddedBackup.RestoreAsync(database, archive, args.Contains("--replace"), clock);
        await output.WriteLineAsync($"Restored {result.Files} files from the backup of {result.BackupCreatedAt:yyyy-MM-dd HH:mm} UTC into {database.DataFolder}.");
        if (result.PreviousDataKeptIn is { } previous)
        {
            await output.WriteLineAsync($"What was there before is kept in {previous}.");
        }

        await output.WriteLineAsync("Start the app as usual; it applies any newer migrations on start.");
        return 0;
    }

    internal static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    internal static string ReadHidden()
    {
        var password = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return password.ToString();
            }

            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
            {
                password.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
    }

    /// <summary>The CLI has no browsers to tell.</summary>
    private sealed class NoLiveNotifier : Application.Common.ILiveNotifier
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
