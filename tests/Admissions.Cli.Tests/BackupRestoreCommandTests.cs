using System.IO.Compression;
using Admissions.Infrastructure.Operations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Admissions.Cli.Tests;

public sealed class BackupRestoreCommandTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 15, 30, 0, TimeSpan.Zero);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "admissions-backup-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(Now);

    private string Source => Path.Combine(_root, "source");
    private string Target => Path.Combine(_root, "target");
    private string Archive => Path.Combine(_root, "backup.zip");

    [Fact]
    public async Task A_backup_restored_into_a_fresh_folder_holds_the_database_job_store_keys_and_outbox()
    {
        await MakeInstallAsync(Source);

        var backup = await RunAsync("backup", Source, "--out", Archive);
        var restore = await RunAsync("restore", Target, "--from", Archive);

        Assert.Equal(0, backup.ExitCode);
        Assert.Contains("Backed up 4 files", backup.Output, StringComparison.Ordinal);
        Assert.Equal(0, restore.ExitCode);
        Assert.Contains("Restored 4 files from the backup of 2026-12-06 15:30 UTC", restore.Output, StringComparison.Ordinal);
        Assert.Equal(Scalar(Source, "SELECT group_concat(MigrationId) FROM __EFMigrationsHistory"),
            Scalar(Target, "SELECT group_concat(MigrationId) FROM __EFMigrationsHistory"));
        Assert.Equal("6", Scalar(Target, "SELECT COUNT(*) FROM AspNetRoles"));
        Assert.Equal("queued job", Scalar(Target, "SELECT Name FROM Jobs", "hangfire.db"));
        Assert.Equal("<key/>", await File.ReadAllTextAsync(Path.Combine(Target, "keys", "key-1.xml")));
        Assert.Equal("Subject: hello", await File.ReadAllTextAsync(Path.Combine(Target, "outbox", "email", "m1.eml")));
        Assert.False(File.Exists(Path.Combine(Target, EmbeddedBackup.ManifestName)));
    }

    [Fact]
    public async Task A_backup_taken_while_a_write_is_open_in_the_wal_holds_the_committed_rows()
    {
        await MakeInstallAsync(Source);
        await using var running = new SqliteConnection($"Data Source={Path.Combine(Source, "admissions.db")};Pooling=False");
        await running.OpenAsync();
        await using (var wal = running.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode=WAL; INSERT INTO AspNetRoles (Id, Name) VALUES ('late', 'Late');";
            await wal.ExecuteNonQueryAsync();
        }

        Assert.Equal(0, (await RunAsync("backup", Source, "--out", Archive)).ExitCode);
        Assert.Equal(0, (await RunAsync("restore", Target, "--from", Archive)).ExitCode);

        Assert.Equal("Late", Scalar(Target, "SELECT Name FROM AspNetRoles WHERE Id = 'late'"));
    }

    [Fact]
    public async Task Restore_is_refused_while_an_app_holds_the_data_folder()
    {
        await MakeInstallAsync(Source);
        Assert.Equal(0, (await RunAsync("backup", Source, "--out", Archive)).ExitCode);
        using var runningApp = DataFolderLock.TryAcquire(Target);
        Assert.NotNull(runningApp);

        var restore = await RunAsync("restore", Target, "--from", Archive);

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("Admissions is running on", restore.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Target, "admissions.db")));
    }

    [Fact]
    public async Task Restore_over_existing_data_needs_replace_and_then_keeps_the_old_data_aside()
    {
        await MakeInstallAsync(Source);
        Assert.Equal(0, (await RunAsync("backup", Source, "--out", Archive)).ExitCode);
        Directory.CreateDirectory(Target);
        await File.WriteAllTextAsync(Path.Combine(Target, "admissions.db"), "the current data");

        var refused = await RunAsync("restore", Target, "--from", Archive);
        var replaced = await RunAsync("restore", Target, "--from", Archive, "--replace");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("already holds data", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, replaced.ExitCode);
        var keptAside = Path.Combine(_root, "target.before-restore-20261206-153000");
        Assert.Contains(keptAside, replaced.Output, StringComparison.Ordinal);
        Assert.Equal("the current data", await File.ReadAllTextAsync(Path.Combine(keptAside, "admissions.db")));
        Assert.Equal("6", Scalar(Target, "SELECT COUNT(*) FROM AspNetRoles"));
    }

    [Fact]
    public async Task A_damaged_archive_restores_nothing()
    {
        await MakeInstallAsync(Source);
        Assert.Equal(0, (await RunAsync("backup", Source, "--out", Archive)).ExitCode);
        using (var zip = ZipFile.Open(Archive, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("keys/key-1.xml")!;
            entry.Delete();
            await using var writer = new StreamWriter(zip.CreateEntry("keys/key-1.xml").Open());
            await writer.WriteAsync("<tampered/>");
        }

        var restore = await RunAsync("restore", Target, "--from", Archive);

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("keys/key-1.xml in the archive is missing or damaged", restore.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(Target), e => Path.GetFileName(e) != DataFolderLock.FileName);
    }

    [Fact]
    public async Task A_backup_inside_the_data_folder_or_of_a_server_database_is_refused_with_what_to_do()
    {
        await MakeInstallAsync(Source);

        var inside = await RunAsync("backup", Source, "--out", Path.Combine(Source, "b.zip"));
        var server = await CliRun.RunAtAsync(_clock, "backup", "--Database:Provider", "SqlServer",
            "--ConnectionStrings:Admissions", "Server=(none);Database=X", "--Admissions:DataFolder", Source, "--out", Archive);
        var noFrom = await RunAsync("restore", Target);

        Assert.Equal(1, inside.ExitCode);
        Assert.Contains("outside the data folder", inside.Error, StringComparison.Ordinal);
        Assert.Equal(1, server.ExitCode);
        Assert.Contains("infra/README.md", server.Error, StringComparison.Ordinal);
        Assert.Equal(2, noFrom.ExitCode);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private Task<CliRun> RunAsync(string command, string dataFolder, params string[] options) =>
        CliRun.RunAtAsync(_clock, [command, "--Admissions:DataFolder", dataFolder, .. options]);

    /// <summary>A migrated database, a job store, a Data Protection key and an outbox file, as an app leaves them.</summary>
    private async Task MakeInstallAsync(string folder)
    {
        Assert.Equal(0, (await CliRun.RunAtAsync(_clock, "migrate", "--Admissions:DataFolder", folder)).ExitCode);
        await using (var jobs = new SqliteConnection($"Data Source={Path.Combine(folder, "hangfire.db")};Pooling=False"))
        {
            await jobs.OpenAsync();
            await using var create = jobs.CreateCommand();
            create.CommandText = "CREATE TABLE Jobs (Name TEXT); INSERT INTO Jobs VALUES ('queued job');";
            await create.ExecuteNonQueryAsync();
        }

        Directory.CreateDirectory(Path.Combine(folder, "keys"));
        await File.WriteAllTextAsync(Path.Combine(folder, "keys", "key-1.xml"), "<key/>");
        Directory.CreateDirectory(Path.Combine(folder, "outbox", "email"));
        await File.WriteAllTextAsync(Path.Combine(folder, "outbox", "email", "m1.eml"), "Subject: hello");
    }

    private static string? Scalar(string folder, string sql, string database = "admissions.db")
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, database)};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()?.ToString();
    }
}
