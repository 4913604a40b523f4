using System.Data.Common;
using Admissions.Application.Inquiries;
using Admissions.Application.Insurance;
using Admissions.Domain.Auditing;
using Admissions.Infrastructure.Persistence;
using Admissions.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Admissions.Application.Tests.Insurance.ClearinghouseScript;
using static Admissions.Application.Tests.Insurance.InsuranceSetup;

namespace Admissions.Application.Tests.Auditing;

/// <summary>
/// Audit rows that cannot be quietly changed: the database refuses updates and deletes, and each row is chained to the
/// one before by a hash, so someone who gets past the database (drops the trigger, edits the file) leaves a broken link.
/// </summary>
public class AuditChainTests
{
    private static Task<AuditChainReport> VerifyAsync(TestHost host) => host.Services.GetRequiredService<AuditChainVerifier>().VerifyAsync();

    /// <summary>A few inquiries created and read: a chain of a dozen rows or so.</summary>
    private static async Task<Guid> SomeHistoryAsync(TestHost host)
    {
        var first = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.SendAsync(host.Clinician, new GetInquiry(first));
        await host.CreateInquiryAsync(TestForms.Valid(f => f.CallerPhone = "(555) 201-9911"), allowDuplicates: true);
        await host.SendAsync(host.Manager, new GetInquiry(first));
        return first;
    }

    /// <summary>
    /// What someone who owns the database can do: raw SQL (identifiers quoted, as both SQLite and PostgreSQL read them),
    /// with the triggers that stop it dropped or disabled first.
    /// </summary>
    private static async Task TamperAsync(TestHost host, string sql)
    {
        await using var db = host.CreateDbContext();
        await db.Database.ExecuteSqlRawAsync(PostgresLane.Enabled
            ? "ALTER TABLE \"AuditEntries\" DISABLE TRIGGER USER;"
            : "DROP TRIGGER IF EXISTS AuditEntries_NoUpdate; DROP TRIGGER IF EXISTS AuditEntries_NoDelete;");
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    /// <summary>Runs <paramref name="sql"/> on a connection of its own, outside the app, and returns the database's refusal.</summary>
    private static async Task<string> RefusedAsync(TestHost host, string sql)
    {
        await using var db = host.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var error = await Assert.ThrowsAnyAsync<DbException>(() => command.ExecuteNonQueryAsync());
        return error.Message;
    }

    private static Task<List<long>> RowIdsAsync(TestHost host) =>
        host.QueryAsync(db => db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync());

    [Fact]
    public async Task Every_audit_row_takes_the_next_link_of_one_chain_and_the_chain_verifies()
    {
        await using var host = await TestHost.StartAsync();
        await SomeHistoryAsync(host);

        var report = await VerifyAsync(host);

        var rows = await RowIdsAsync(host);
        Assert.True(report.Intact, report.Problem);
        Assert.True(rows.Count > 5);
        Assert.Equal(rows.Count, report.Linked);
        Assert.Equal(0, report.WrittenBeforeTheChain);
        var links = await host.QueryAsync(db => db.AuditEntries.OrderBy(e => EF.Property<long?>(e, "ChainSequence"))
            .Select(e => new { Sequence = EF.Property<long?>(e, "ChainSequence"), Previous = EF.Property<string>(e, "PreviousHash"), Hash = EF.Property<string>(e, "Hash") })
            .ToListAsync());
        Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => (long?)i), links.Select(l => l.Sequence));
        Assert.Equal(new string('0', 64), links[0].Previous);
        Assert.All(links.Skip(1).Zip(links), pair => Assert.Equal(pair.Second.Hash, pair.First.Previous));
        Assert.Equal(links[^1].Hash, report.HeadHash);
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_an_audit_row_or_a_disclosure_whatever_connects_to_it()
    {
        await using var host = await TestHost.StartAsync();
        var insured = await InsuredAsync(host);
        host.Gateway.Answer271(r => Eligibility(r, ActivePpo("RT")));
        await host.SendAsSystemAsync(new RunVerification(await RequestVerificationAsync(host, insured)));
        Assert.Equal(1, await host.QueryAsync(db => db.Disclosures.CountAsync()));
        Assert.Contains("append-only", await RefusedAsync(host, "UPDATE \"AuditEntries\" SET \"UserName\" = 'Someone else'"), StringComparison.Ordinal);
        Assert.Contains("append-only", await RefusedAsync(host, "DELETE FROM \"AuditEntries\""), StringComparison.Ordinal);
        Assert.Contains("append-only", await RefusedAsync(host, "DELETE FROM \"Disclosures\""), StringComparison.Ordinal);
        Assert.Contains("append-only", await RefusedAsync(host, "UPDATE \"Disclosures\" SET \"Recipient\" = 'Nobody'"), StringComparison.Ordinal);
        Assert.Contains("only moves forward", await RefusedAsync(host, "UPDATE \"AuditChainHeads\" SET \"Sequence\" = 0"), StringComparison.Ordinal);
        Assert.Contains("never deleted", await RefusedAsync(host, "DELETE FROM \"AuditChainHeads\""), StringComparison.Ordinal);
        Assert.True((await VerifyAsync(host)).Intact);
    }

    [Fact]
    public async Task A_row_changed_after_it_was_written_is_reported_as_the_first_broken_link()
    {
        await using var host = await TestHost.StartAsync();
        await SomeHistoryAsync(host);
        var rows = await RowIdsAsync(host);
        var changed = rows[rows.Count / 2];

        await TamperAsync(host, $"UPDATE \"AuditEntries\" SET \"UserName\" = 'Nobody in particular' WHERE \"Id\" = {changed}");
        var report = await VerifyAsync(host);

        Assert.False(report.Intact);
        Assert.Equal(changed, report.BrokenAtRowId);
        Assert.Contains($"Row {changed}", report.Problem, StringComparison.Ordinal);
        Assert.Contains("was changed after it was written", report.Problem, StringComparison.Ordinal);
        Assert.Equal(rows.IndexOf(changed), report.Linked);
    }

    [Fact]
    public async Task A_row_deleted_from_the_middle_is_reported_at_the_row_after_the_gap()
    {
        await using var host = await TestHost.StartAsync();
        await SomeHistoryAsync(host);
        var rows = await RowIdsAsync(host);

        await TamperAsync(host, $"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {rows[2]}");
        var report = await VerifyAsync(host);

        Assert.False(report.Intact);
        Assert.Equal(rows[3], report.BrokenAtRowId);
        Assert.Contains("link 3 is missing", report.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_newest_rows_deleted_are_reported_against_the_chain_head()
    {
        await using var host = await TestHost.StartAsync();
        await SomeHistoryAsync(host);
        var rows = await RowIdsAsync(host);

        await TamperAsync(host, $"DELETE FROM \"AuditEntries\" WHERE \"Id\" >= {rows[^2]}");
        var report = await VerifyAsync(host);

        Assert.False(report.Intact);
        Assert.Contains($"ends at link {rows.Count - 2} but its head says {rows.Count}", report.Problem, StringComparison.Ordinal);
        Assert.Contains("newest 2 rows were deleted", report.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_added_by_hand_is_reported()
    {
        await using var host = await TestHost.StartAsync();
        await SomeHistoryAsync(host);

        await TamperAsync(host, $"INSERT INTO \"AuditEntries\" (\"OccurredAt\", \"UserId\", \"UserName\", \"Action\", \"EntityType\", \"EntityId\") VALUES ({(PostgresLane.Enabled ? "now()" : "0")}, 'x', 'Someone', 3, 'Inquiry', 'x')");
        var report = await VerifyAsync(host);

        var added = (await RowIdsAsync(host))[^1];
        Assert.False(report.Intact);
        Assert.Equal(added, report.BrokenAtRowId);
        Assert.Contains("has no place in the chain", report.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_that_no_longer_points_to_the_row_before_it_is_reported()
    {
        await using var host = await TestHost.StartAsync();
        await SomeHistoryAsync(host);
        var rows = await RowIdsAsync(host);

        await TamperAsync(host, $"UPDATE \"AuditEntries\" SET \"PreviousHash\" = '{new string('a', 64)}' WHERE \"Id\" = {rows[2]}");
        var report = await VerifyAsync(host);

        Assert.False(report.Intact);
        Assert.Equal(rows[2], report.BrokenAtRowId);
        Assert.Contains("does not point to the row before it", report.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saves_at_the_same_moment_from_many_connections_keep_one_unbroken_chain()
    {
        await using var host = await TestHost.StartAsync();
        var id = (await host.CreateInquiryAsync(TestForms.Valid())).InquiryId!.Value;

        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() =>
            host.SendAsync(i % 2 == 0 ? host.Clinician : host.Manager, new GetInquiry(id)))));

        var report = await VerifyAsync(host);
        Assert.True(report.Intact, report.Problem);
        Assert.Equal((await RowIdsAsync(host)).Count, report.Linked);
        Assert.Equal(24, await host.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.View)));
    }

    [Fact]
    public async Task Start_up_puts_back_the_append_only_triggers_a_table_rebuild_would_drop()
    {
        await using var host = await TestHost.StartAsync();
        await SomeHistoryAsync(host);
        // Only SQLite rebuilds tables in migrations; PostgreSQL keeps its triggers through every migration.
        if (!PostgresLane.Enabled)
        {
            await using var db = host.CreateDbContext();
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER AuditEntries_NoDelete;");
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Infrastructure.Seeding.DatabaseInitializer>().MigrateAsync();
        }

        Assert.Contains("append-only", await RefusedAsync(host, "DELETE FROM \"AuditEntries\""), StringComparison.Ordinal);
    }
}
