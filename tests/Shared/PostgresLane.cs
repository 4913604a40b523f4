using System.Collections.Concurrent;
using Npgsql;

namespace Admissions.Testing;

/// <summary>
/// The database a test run uses. SQLite files by default; PostgreSQL when <c>ADMISSIONS_TEST_POSTGRES</c> holds the
/// connection string of a server (scripts/test starts a throw-away cluster and runs the database test projects again
/// with it). Each test gets its own database, copied from a template database made once per test process. Copying and
/// dropping a database take the server a few hundred milliseconds, so the next copies are made ahead while tests run
/// and used databases are dropped in the background.
/// </summary>
public static class PostgresLane
{
    public const string Variable = "ADMISSIONS_TEST_POSTGRES";
    private const int Ahead = 2;

    private static readonly string RunId = Guid.NewGuid().ToString("N")[..10];
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<Task<string>>> Copies = new();
    private static readonly ConcurrentBag<Task> Drops = [];

    static PostgresLane()
    {
        // The process must not end with copies half made or drops unfinished: that would leave databases behind.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            var pending = Copies.Values.SelectMany(q => q).Select(DropWhenMadeAsync).Concat(Drops).ToArray();
            Task.WaitAll(pending, TimeSpan.FromSeconds(30));
        };
    }

    public static string? Server { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server ? server : null;

    public static bool Enabled => Server is not null;

    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(Server ?? throw new InvalidOperationException($"{Variable} is not set.")) { Database = database }.ConnectionString;

    /// <summary>A database of one's own for one test: a copy of <paramref name="template"/>, made ahead when possible.</summary>
    public static async Task<string> TakeCopyAsync(string template)
    {
        var queue = Copies.GetOrAdd(template, _ => new ConcurrentQueue<Task<string>>());
        var copy = queue.TryDequeue(out var made) ? made : CopyAsync(template);
        while (queue.Count < Ahead)
        {
            queue.Enqueue(CopyAsync(template));
        }

        return await copy;
    }

    private static async Task<string> CopyAsync(string template)
    {
        var name = $"t_{RunId}_{Guid.NewGuid():N}";
        // FILE_COPY copies the files instead of writing every page to the WAL: faster for a small database.
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\" STRATEGY FILE_COPY");
        return name;
    }

    /// <summary>Drops a test's database without making the test wait; the process waits for the drops before it ends.</summary>
    public static void DropInBackground(string database)
    {
        Release(database);
        Drops.Add(ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)"));
    }

    private static async Task DropWhenMadeAsync(Task<string> copy) => await DropDatabaseAsync(await copy);

    /// <summary>An empty database that tests copy from; dropped when the test process ends.</summary>
    public static async Task<string> CreateTemplateAsync(string purpose)
    {
        var name = $"template_{purpose}_{RunId}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE template0");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                DropDatabaseAsync(name).GetAwaiter().GetResult();
            }
            catch (NpgsqlException)
            {
                // The server may already be gone (scripts/test stops its throw-away cluster after the run).
            }
        };
        return name;
    }

    /// <summary>Closes this process's pooled connections to the database, so it can be dropped or copied.</summary>
    public static void Release(string database)
    {
        using var connection = new NpgsqlConnection(ConnectionString(database));
        NpgsqlConnection.ClearPool(connection);
    }

    public static async Task DropDatabaseAsync(string database)
    {
        Release(database);
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
