using Admissions.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Admissions.Infrastructure.Jobs;

/// <summary>
/// The embedded default runs one job server over its own SQLite job storage, so any Hangfire lock found at start-up
/// was left by a process that died holding it (a crash, a SIGKILL). The SQLite storage renews a lock's expiry while
/// another server waits for it, so such a lock can outlive its owner indefinitely and stall the delayed-job and
/// recurring-job schedulers. Clearing them before the server starts lets due follow-ups run right after a restart.
/// </summary>
internal sealed partial class StaleJobLocks(DatabaseSettings database, ILogger<StaleJobLocks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (database.Provider != DatabaseProvider.Sqlite || !File.Exists(database.HangfireSqlitePath))
        {
            return;
        }

        await using var connection = new SqliteConnection($"Data Source={database.HangfireSqlitePath};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM DistributedLock";
        try
        {
            var cleared = await command.ExecuteNonQueryAsync(cancellationToken);
            if (cleared > 0)
            {
                LogCleared(logger, cleared);
            }
        }
        catch (SqliteException ex) when (ex.Message.Contains("no such table", StringComparison.Ordinal))
        {
            // A job storage that has never run has no locks to clear.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cleared {Count} job locks left by a process that stopped without releasing them")]
    private static partial void LogCleared(ILogger logger, int count);
}
