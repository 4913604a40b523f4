using Microsoft.Extensions.Configuration;

namespace Admissions.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>Where the data lives: the embedded SQLite file by default; PostgreSQL (several nodes) or SQL Server in production.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataFolder)
{
    public const string SqliteMigrationsAssembly = "Admissions.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "Admissions.Migrations.SqlServer";
    public const string PostgreSqlMigrationsAssembly = "Admissions.Migrations.PostgreSql";

    /// <summary>A server database is shared by every node: jobs, Data Protection keys and rate limits live there or in Redis.</summary>
    public bool IsServer => Provider != DatabaseProvider.Sqlite;

    public string HangfireSqlitePath => Path.Combine(DataFolder, "hangfire.db");

    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        var providerName = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerName)
            ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Database:Provider must be Sqlite, PostgreSql or SqlServer, not '{providerName}'.");

        var folder = configuration["Admissions:DataFolder"];
        var dataFolder = Path.GetFullPath(string.IsNullOrWhiteSpace(folder) ? "data" : folder, contentRoot);
        var connection = configuration.GetConnectionString("Admissions");
        if (string.IsNullOrWhiteSpace(connection))
        {
            connection = provider == DatabaseProvider.Sqlite
                ? $"Data Source={Path.Combine(dataFolder, "admissions.db")}"
                : throw new InvalidOperationException($"ConnectionStrings:Admissions is required for {provider}.");
        }

        return new DatabaseSettings(provider, connection, dataFolder);
    }
}
