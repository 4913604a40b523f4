using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Admissions.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;

namespace Admissions.Infrastructure.Operations;

/// <summary>
/// Backup and restore of the embedded single-node install: everything in the data folder (the SQLite database, the
/// Hangfire job store, the Data Protection keys that sign-in cookies and protected fields depend on, and the outbox
/// folder) in one zip archive. Databases are copied with SQLite's online backup, so a backup can be taken while the
/// app runs and is consistent. Server databases are backed up with their own tools (infra/README.md, "Backups").
/// </summary>
public static class EmbeddedBackup
{
    public const string ManifestName = "backup-manifest.json";
    private const int FormatVersion = 1;
    private static readonly byte[] SqliteHeader = Encoding.ASCII.GetBytes("SQLite format 3\0");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public sealed record Manifest(int Format, DateTimeOffset CreatedAt, string AppVersion, IReadOnlyList<BackedUpFile> Files);

    public sealed record BackedUpFile(string Path, long Bytes, string Sha256, bool SqliteDatabase);

    public sealed record BackupResult(string Archive, int Files, long Bytes, int Inquiries);

    public sealed record RestoreResult(int Files, string? PreviousDataKeptIn, DateTimeOffset BackupCreatedAt);

    public static async Task<BackupResult> CreateAsync(DatabaseSettings database, string archivePath, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        RequireEmbedded(database);
        var dataFolder = database.DataFolder;
        var archive = Path.GetFullPath(archivePath);
        if (!Directory.Exists(dataFolder) || !File.Exists(Path.Combine(dataFolder, "admissions.db")))
        {
            throw new BackupException($"There is no Admissions database in {dataFolder} to back up.");
        }

        if (IsInside(archive, dataFolder))
        {
            throw new BackupException($"Write the backup outside the data folder ({dataFolder}), so that a restore of that folder cannot overwrite it.");
        }

        var staging = Directory.CreateTempSubdirectory("admissions-backup-").FullName;
        try
        {
            var files = new List<BackedUpFile>();
            foreach (var source in Directory.EnumerateFiles(dataFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var relative = Path.GetRelativePath(dataFolder, source);
                if (IsTransient(relative))
                {
                    continue;
                }

                var target = Path.Combine(staging, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                var sqlite = IsSqliteDatabase(source);
                if (sqlite)
                {
                    CopyDatabase(source, target);
                }
                else
                {
                    await CopySharedAsync(source, target, cancellationToken);
                }

                files.Add(new BackedUpFile(relative.Replace(Path.DirectorySeparatorChar, '/'), new FileInfo(target).Length,
                    await HashAsync(target, cancellationToken), sqlite));
            }

            var manifest = new Manifest(FormatVersion, clock.GetUtcNow(), AppVersion(), files);
            await File.WriteAllTextAsync(Path.Combine(staging, ManifestName), JsonSerializer.Serialize(manifest, Json), cancellationToken);
            var inquiries = CountInquiries(Path.Combine(staging, "admissions.db"));

            Directory.CreateDirectory(Path.GetDirectoryName(archive)!);
            var partial = archive + ".partial";
            File.Delete(partial);
            await ZipFile.CreateFromDirectoryAsync(staging, partial, CompressionLevel.Optimal, includeBaseDirectory: false, cancellationToken);
            File.Move(partial, archive, overwrite: true);
            return new BackupResult(archive, files.Count, files.Sum(f => f.Bytes), inquiries);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <param name="replace">Whether data already in the folder may be replaced; it is moved aside, never deleted.</param>
    public static async Task<RestoreResult> RestoreAsync(DatabaseSettings database, string archivePath, bool replace, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        RequireEmbedded(database);
        var dataFolder = database.DataFolder;
        if (!File.Exists(archivePath))
        {
            throw new BackupException($"{archivePath} does not exist.");
        }

        using var folderLock = DataFolderLock.TryAcquire(dataFolder)
            ?? throw new BackupException($"Admissions is running on {dataFolder}. Stop the app first; a restore never replaces the files of a running app.");
        var existing = Directory.EnumerateFileSystemEntries(dataFolder).Where(e => Path.GetFileName(e) != DataFolderLock.FileName).ToList();
        if (existing.Count > 0 && !replace)
        {
            throw new BackupException($"{dataFolder} already holds data. Restore into an empty folder, or pass --replace to move what is there aside first.");
        }

        var stamp = clock.GetUtcNow().ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(dataFolder))!;
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(dataFolder));
        var staging = Path.Combine(parent, $".{name}.restoring-{stamp}");
        try
        {
            await ZipFile.ExtractToDirectoryAsync(archivePath, staging, overwriteFiles: false, cancellationToken);
            var manifest = await ReadManifestAsync(staging, cancellationToken);
            await VerifyAsync(staging, manifest, cancellationToken);

            string? previous = null;
            if (existing.Count > 0)
            {
                previous = Path.Combine(parent, $"{name}.before-restore-{stamp}");
                Directory.CreateDirectory(previous);
                foreach (var entry in existing)
                {
                    Move(entry, Path.Combine(previous, Path.GetFileName(entry)));
                }
            }

            File.Delete(Path.Combine(staging, ManifestName));
            foreach (var entry in Directory.EnumerateFileSystemEntries(staging))
            {
                Move(entry, Path.Combine(dataFolder, Path.GetFileName(entry)));
            }

            return new RestoreResult(manifest.Files.Count, previous, manifest.CreatedAt);
        }
        catch (InvalidDataException)
        {
            throw new BackupException($"{archivePath} is not a readable backup archive.");
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static void RequireEmbedded(DatabaseSettings database)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            throw new BackupException($"The database is on {database.Provider}. Back it up with that server's own tools " +
                "(pg_dump, or SQL Server's BACKUP DATABASE) as infra/README.md describes under Backups.");
        }
    }

    private static bool IsTransient(string relative)
    {
        var file = Path.GetFileName(relative);
        return file == DataFolderLock.FileName || file.EndsWith("-wal", StringComparison.Ordinal) || file.EndsWith("-shm", StringComparison.Ordinal)
            || file.EndsWith("-journal", StringComparison.Ordinal);
    }

    private static bool IsSqliteDatabase(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Span<byte> header = stackalloc byte[16];
        return file.Read(header) == header.Length && header.SequenceEqual(SqliteHeader);
    }

    private static void CopyDatabase(string source, string target)
    {
        // Pooling off: a pooled connection would keep the staged copy open after the backup.
        using var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        from.Open();
        to.Open();
        from.BackupDatabase(to);
    }

    private static async Task CopySharedAsync(string source, string target, CancellationToken cancellationToken)
    {
        await using var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        await using var to = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
        await from.CopyToAsync(to, cancellationToken);
    }

    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
    }

    private static async Task<Manifest> ReadManifestAsync(string staging, CancellationToken cancellationToken)
    {
        var path = Path.Combine(staging, ManifestName);
        if (!File.Exists(path))
        {
            throw new BackupException("The archive has no backup manifest; it was not made by 'admissions backup'.");
        }

        var manifest = JsonSerializer.Deserialize<Manifest>(await File.ReadAllTextAsync(path, cancellationToken), Json);
        if (manifest is null || manifest.Format != FormatVersion || manifest.Files.All(f => f.Path != "admissions.db"))
        {
            throw new BackupException("The archive's manifest is not one this version can restore (or it lists no admissions.db).");
        }

        return manifest;
    }

    private static async Task VerifyAsync(string staging, Manifest manifest, CancellationToken cancellationToken)
    {
        foreach (var file in manifest.Files)
        {
            var path = Path.Combine(staging, file.Path.Replace('/', Path.DirectorySeparatorChar));
            if (!File.Exists(path) || await HashAsync(path, cancellationToken) != file.Sha256)
            {
                throw new BackupException($"{file.Path} in the archive is missing or damaged (its checksum does not match); nothing was restored.");
            }
        }
    }

    private static void Move(string from, string to)
    {
        if (Directory.Exists(from))
        {
            Directory.Move(from, to);
        }
        else
        {
            File.Move(from, to);
        }
    }

    private static int CountInquiries(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Inquiries";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool IsInside(string path, string folder) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string AppVersion() =>
        typeof(EmbeddedBackup).Assembly.GetName().Version?.ToString() ?? "unknown";
}

/// <summary>A backup or restore that cannot go ahead, with what to do instead.</summary>
public sealed class BackupException(string message) : Exception(message);
