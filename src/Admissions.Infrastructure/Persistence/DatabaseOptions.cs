using Microsoft.Extensions.Configuration;

namespace Admissions.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>Where the data lives: the embedded SQLite file by default, SQL Server in production.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataFolder)
{
    public const string SqliteMigrationsAssembly = "Admissions.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "Admissions.Migrations.SqlServer";

    public string HangfireSqlitePath => Path.Combine(DataFolder, "hangfire.db");

    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        var providerName = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerName)
            ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Database:Provider must be Sqlite or SqlServer, not '{providerName}'.");

        var folder = configuration["Admissions:DataFolder"];
        var dataFolder = Path.GetFullPath(string.IsNullOrWhiteSpace(folder) ? "data" : folder, contentRoot);
        var connection = configuration.GetConnectionString("Admissions");
        if (string.IsNullOrWhiteSpace(connection))
        {
            connection = provider == DatabaseProvider.Sqlite
                ? $"Data Source={Path.Combine(dataFolder, "admissions.db")}"
                : throw new InvalidOperationException("ConnectionStrings:Admissions is required for SQL Server.");
        }

        return new DatabaseSettings(provider, connection, dataFolder);
    }
}
