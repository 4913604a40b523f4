using Admissions.Domain.Auditing;
using Admissions.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Cli.Tests;

/// <summary><c>scripts/admissions audit verify</c> on a real database: intact, then tampered with.</summary>
public sealed class AuditVerifyCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "admissions-cli-audit-" + Guid.NewGuid().ToString("N"));

    private string DataFolder => $"--Admissions:DataFolder={_folder}";

    private string Database => Path.Combine(_folder, "admissions.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans its temp folder.
        }
    }

    /// <summary>Rows written the way the app writes them: through its own context, which chains them.</summary>
    private async Task WriteAuditRowsAsync(int count)
    {
        var options = new DbContextOptionsBuilder<AdmissionsDbContext>().UseSqlite($"Data Source={Database}").Options;
        await using var db = new AdmissionsDbContext(options);
        for (var i = 0; i < count; i++)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                OccurredAt = new DateTimeOffset(2026, 3, 10, 14, i, 0, TimeSpan.Zero),
                UserId = "u1",
                UserName = "Casey Coordinator",
                Action = AuditAction.View,
                EntityType = "Inquiry",
                EntityId = Guid.NewGuid().ToString(),
            });
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Migrating already writes rows (the payer directory): the test's own rows come after them.</summary>
    private async Task<long> RowCountAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM AuditEntries";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task An_intact_chain_exits_0_and_a_changed_row_exits_3_naming_the_first_broken_link()
    {
        Assert.Equal(0, (await CliRun.RunAsync("migrate", DataFolder)).ExitCode);
        var before = await RowCountAsync();
        await WriteAuditRowsAsync(3);

        var intact = await CliRun.RunAsync("audit", "verify", DataFolder);
        await ExecuteAsync($"DROP TRIGGER AuditEntries_NoUpdate; UPDATE AuditEntries SET UserName = 'Someone else' WHERE Id = {before + 2};");
        var broken = await CliRun.RunAsync("audit", "verify", DataFolder);

        Assert.Equal(0, intact.ExitCode);
        Assert.StartsWith($"Audit chain intact: {before + 3} rows linked. Head hash ", intact.Output, StringComparison.Ordinal);
        Assert.Equal("", intact.Error);
        Assert.Equal(3, broken.ExitCode);
        Assert.Equal([$"Audit chain broken: Row {before + 2} (link {before + 2}) was changed after it was written: its contents no longer match its hash."], broken.ErrorLines);
        Assert.StartsWith($"The first {before + 1} linked rows are intact", broken.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_row_exits_3()
    {
        Assert.Equal(0, (await CliRun.RunAsync("migrate", DataFolder)).ExitCode);
        var before = await RowCountAsync();
        await WriteAuditRowsAsync(4);
        await ExecuteAsync($"DROP TRIGGER AuditEntries_NoDelete; DELETE FROM AuditEntries WHERE Id = {before + 2};");

        var broken = await CliRun.RunAsync("audit", "verify", DataFolder);

        Assert.Equal(3, broken.ExitCode);
        Assert.Contains($"Row {before + 3} is link {before + 3}, but link {before + 2} is missing", broken.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_without_verify_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("audit", DataFolder);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown command 'audit'", run.Error, StringComparison.Ordinal);
    }
}
