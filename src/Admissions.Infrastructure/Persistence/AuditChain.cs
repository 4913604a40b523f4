using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Admissions.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Admissions.Infrastructure.Persistence;

/// <summary>
/// Each audit row carries its place in one chain and a SHA-256 over its contents and the previous row's hash, so a row
/// changed, deleted or slipped in afterwards breaks a link that <see cref="VerifyAsync"/> finds. The chain's head (last
/// place and hash) lives in its own row, which every append locks first: appends happen one at a time across
/// connections, processes and nodes, and never fork the chain. The columns are shadow properties: only this class writes them.
/// </summary>
internal static class AuditChain
{
    public const string Sequence = "ChainSequence";
    public const string PreviousHash = "PreviousHash";
    public const string Hash = "Hash";

    /// <summary>The hash the first row links to.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Saves <paramref name="appended"/> (the audit rows the save adds) chained after the head, in one transaction.</summary>
    public static async Task<int> SaveChainedAsync(
        AdmissionsDbContext db, IReadOnlyList<EntityEntry<AuditEntry>> appended, Func<Task<int>> save, CancellationToken cancellationToken)
    {
        await using var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;

        // A write to the head takes its lock before anything is read: a second writer waits here until this one commits.
        var locked = await db.AuditChainHeads.Where(h => h.Id == AuditChainHead.SingleId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, h => h.Sequence), cancellationToken);
        if (locked == 0)
        {
            throw new InvalidOperationException("The audit chain head is missing: run the migrations (scripts/admissions migrate).");
        }

        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingleId, cancellationToken);
        var (sequence, hash) = (head.Sequence, head.Hash);
        foreach (var entry in appended)
        {
            sequence++;
            entry.Property(Sequence).CurrentValue = sequence;
            entry.Property(PreviousHash).CurrentValue = hash;
            hash = HashOf(hash, sequence, entry.Entity);
            entry.Property(Hash).CurrentValue = hash;
        }

        var written = await save();
        await db.AuditChainHeads.Where(h => h.Id == AuditChainHead.SingleId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, sequence).SetProperty(h => h.Hash, hash), cancellationToken);
        if (owned is not null)
        {
            await owned.CommitAsync(cancellationToken);
        }

        return written;
    }

    /// <summary>
    /// Every field, length-prefixed so that no two rows hash alike by moving text between fields. The time counts in
    /// whole microseconds, the finest every supported database keeps.
    /// </summary>
    public static string HashOf(string previousHash, long sequence, AuditEntry entry)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string? value)
        {
            if (value is null)
            {
                sha.AppendData([0xFF]);
                return;
            }

            var bytes = Encoding.UTF8.GetBytes(value);
            sha.AppendData(BitConverter.GetBytes(bytes.Length));
            sha.AppendData(bytes);
        }

        Add(previousHash);
        Add(sequence.ToString(CultureInfo.InvariantCulture));
        Add((entry.OccurredAt.UtcTicks / 10).ToString(CultureInfo.InvariantCulture));
        Add(entry.UserId);
        Add(entry.UserName);
        Add(((int)entry.Action).ToString(CultureInfo.InvariantCulture));
        Add(entry.EntityType);
        Add(entry.EntityId);
        Add(entry.Fields);
        Add(entry.IpAddress);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private sealed record ChainedRow(AuditEntry Entry, long Sequence, string? PreviousHash, string? Hash);

    /// <summary>Walks the chain from its first row and reports the first broken link, if any.</summary>
    public static async Task<AuditChainReport> VerifyAsync(AdmissionsDbContext db, CancellationToken cancellationToken)
    {
        var head = await db.AuditChainHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Id == AuditChainHead.SingleId, cancellationToken);
        if (head is null)
        {
            return new AuditChainReport(0, 0, Genesis, 0, "The audit chain head is missing (deleted, or the migrations were not run).");
        }

        var entries = db.AuditEntries.AsNoTracking();
        var firstChained = await entries.Where(e => EF.Property<long?>(e, Sequence) != null).MinAsync(e => (long?)e.Id, cancellationToken);
        // Rows written before the chain existed (a database older than it) are counted, not judged.
        var earlier = await entries.CountAsync(e => EF.Property<long?>(e, Sequence) == null && (firstChained == null || e.Id < firstChained), cancellationToken);
        var stray = await entries.Where(e => EF.Property<long?>(e, Sequence) == null && firstChained != null && e.Id > firstChained)
            .OrderBy(e => e.Id).Select(e => (long?)e.Id).FirstOrDefaultAsync(cancellationToken);

        var rows = entries.Where(e => EF.Property<long?>(e, Sequence) != null)
            .OrderBy(e => EF.Property<long?>(e, Sequence))
            .Select(e => new ChainedRow(e, EF.Property<long>(e, Sequence), EF.Property<string?>(e, PreviousHash), EF.Property<string?>(e, Hash)))
            .AsAsyncEnumerable();
        long expected = 1;
        var previous = Genesis;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var problem = row.Sequence != expected
                ? row.Sequence > expected
                    ? $"Row {row.Entry.Id} is link {row.Sequence}, but link {expected} is missing: {(row.Sequence - expected == 1 ? "a row was" : $"{row.Sequence - expected} rows were")} deleted before it."
                    : $"Row {row.Entry.Id} claims link {row.Sequence}, which another row already holds: it was added outside the app."
                : row.PreviousHash != previous
                    ? $"Row {row.Entry.Id} (link {row.Sequence}) does not point to the row before it: the chain was cut or rewritten there."
                    : row.Hash != HashOf(previous, row.Sequence, row.Entry)
                        ? $"Row {row.Entry.Id} (link {row.Sequence}) was changed after it was written: its contents no longer match its hash."
                        : null;
            if (problem is not null)
            {
                return new AuditChainReport(expected - 1, earlier, previous, row.Entry.Id, problem);
            }

            previous = row.Hash!;
            expected++;
        }

        var last = expected - 1;
        if (stray is { } strayId)
        {
            return new AuditChainReport(last, earlier, previous, strayId, $"Row {strayId} has no place in the chain: it was added outside the app.");
        }

        if (head.Sequence != last || head.Hash != previous)
        {
            return new AuditChainReport(last, earlier, previous, null, head.Sequence > last
                ? $"The chain ends at link {last} but its head says {head.Sequence}: the newest {(head.Sequence - last == 1 ? "row was" : $"{head.Sequence - last} rows were")} deleted."
                : $"The chain's head (link {head.Sequence}) does not match its last row (link {last}): the head was changed.");
        }

        return new AuditChainReport(last, earlier, previous, null, null);
    }
}

/// <summary>What a walk of the audit chain found: how many rows it holds, the last hash, and the first broken link.</summary>
public sealed record AuditChainReport(long Linked, long WrittenBeforeTheChain, string HeadHash, long? BrokenAtRowId, string? Problem)
{
    public bool Intact => Problem is null;
}

/// <summary>The last place and hash of the audit chain: one row, moved forward by every append.</summary>
internal sealed class AuditChainHead
{
    public const int SingleId = 1;

    public int Id { get; init; }
    public long Sequence { get; set; }
    public string Hash { get; set; } = AuditChain.Genesis;
}

/// <summary>Walks the audit chain (the CLI's <c>audit verify</c>).</summary>
public sealed class AuditChainVerifier(IDbContextFactory<AdmissionsDbContext> contexts)
{
    public async Task<AuditChainReport> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await AuditChain.VerifyAsync(db, cancellationToken);
    }
}
