using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Admissions.Infrastructure.Persistence;

/// <summary>Each provider's own word for "that unique key is already taken".</summary>
internal static class UniqueViolations
{
    private const int SqliteConstraint = 19;
    private const int SqliteUnique = 2067;
    private const int SqlitePrimaryKey = 1555;
    private const int SqlServerDuplicateKeyRow = 2601;
    private const int SqlServerUniqueConstraint = 2627;

    public static bool Is(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint && sqlite.SqliteExtendedErrorCode is SqliteUnique or SqlitePrimaryKey,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.SqlClient.SqlException sqlServer => sqlServer.Number is SqlServerDuplicateKeyRow or SqlServerUniqueConstraint,
        _ => false,
    };
}
