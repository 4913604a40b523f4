namespace Admissions.Infrastructure.Operations;

/// <summary>
/// An exclusive lock on the embedded data folder, held by the running web app and by a restore. It keeps a restore
/// from replacing the files under a running app, and a second app from starting on the same SQLite files. The
/// operating system drops it when the process ends, even after a SIGKILL, so a crash never leaves the folder locked.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    public const string FileName = "app.lock";

    private readonly FileStream _file;

    private DataFolderLock(FileStream file) => _file = file;

    /// <summary>The lock, or null when another process holds it.</summary>
    public static DataFolderLock? TryAcquire(string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        try
        {
            // FileShare.None takes an exclusive advisory lock on Unix and a share lock on Windows.
            return new DataFolderLock(new FileStream(Path.Combine(dataFolder, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}

/// <summary>Another process (an app or a restore) holds the data folder.</summary>
public sealed class DataFolderInUseException(string dataFolder) : Exception(
    $"Another Admissions process (an app or a restore) is using the data folder {dataFolder}. One app runs on an embedded " +
    "database at a time; stop the other one, or give this one its own folder with ADMISSIONS_DATA.");
