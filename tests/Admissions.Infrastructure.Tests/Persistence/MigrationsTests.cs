using Admissions.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PostgreSqlFactory = Admissions.Migrations.PostgreSql.DesignTimeFactory;
using SqliteFactory = Admissions.Migrations.Sqlite.DesignTimeFactory;
using SqlServerFactory = Admissions.Migrations.SqlServer.DesignTimeFactory;

namespace Admissions.Infrastructure.Tests.Persistence;

/// <summary>Every provider's migrations assembly must describe the model as it is now; no server is needed for any of them.</summary>
public class MigrationsTests
{
    private static AdmissionsDbContext Sqlite() => new SqliteFactory().CreateDbContext([]);

    private static AdmissionsDbContext SqlServer() => new SqlServerFactory().CreateDbContext([]);

    private static AdmissionsDbContext PostgreSql() => new PostgreSqlFactory().CreateDbContext([]);

    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var context = Sqlite();

        Assert.True(context.Database.IsSqlite());
        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.False(context.Database.HasPendingModelChanges(),
            "The model has changed since the last SQLite migration: dotnet ef migrations add <Name> -p src/Admissions.Migrations.Sqlite -s src/Admissions.Migrations.Sqlite");
    }

    [Fact]
    public void The_sql_server_migrations_match_the_model()
    {
        using var context = SqlServer();

        Assert.True(context.Database.IsSqlServer());
        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.False(context.Database.HasPendingModelChanges(),
            "The model has changed since the last SQL Server migration: dotnet ef migrations add <Name> -p src/Admissions.Migrations.SqlServer -s src/Admissions.Migrations.SqlServer");
    }

    [Fact]
    public void The_postgresql_migrations_match_the_model()
    {
        using var context = PostgreSql();

        Assert.True(context.Database.IsNpgsql());
        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.False(context.Database.HasPendingModelChanges(),
            "The model has changed since the last PostgreSQL migration: dotnet ef migrations add <Name> -p src/Admissions.Migrations.PostgreSql -s src/Admissions.Migrations.PostgreSql");
    }

    [Fact]
    public void Every_provider_has_the_same_migrations()
    {
        using var sqlite = Sqlite();
        using var sqlServer = SqlServer();
        using var postgreSql = PostgreSql();

        static IEnumerable<string> Names(AdmissionsDbContext context) => context.Database.GetMigrations().Select(id => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..]);

        Assert.Equal(Names(sqlite), Names(sqlServer));
        Assert.Equal(Names(sqlite), Names(postgreSql));
    }

    [Fact]
    public void The_postgresql_script_generates_without_a_server_with_native_types_and_the_quoted_list_indexes()
    {
        using var context = PostgreSql();

        var script = context.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE TABLE \"Inquiries\"", script, StringComparison.Ordinal);
        Assert.Contains("\"CreatedAt\" timestamp with time zone NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("\"Version\" bytea NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE \"DataProtectionKeys\"", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX \"IX_FollowUpTasks_UniqueKey\"", script, StringComparison.Ordinal);
        // Unquoted, PostgreSQL would fold the names to lower case and find no table "inquiries".
        Assert.Contains("CREATE INDEX \"IX_Inquiries_PatientName\" ON \"Inquiries\" (\"PatientLastName\", \"PatientFirstName\", \"Id\")", script, StringComparison.Ordinal);
        Assert.Contains("CREATE INDEX \"IX_Inquiries_Urgency\" ON \"Inquiries\" (\"Urgency\", \"Id\")", script, StringComparison.Ordinal);
        Assert.Contains("CREATE INDEX \"IX_Inquiries_Source\" ON \"Inquiries\" (\"Source\", \"CreatedAt\", \"Id\")", script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sql_server_script_generates_without_a_server_and_uses_rowversion()
    {
        using var context = SqlServer();

        var script = context.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE TABLE [Inquiries]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [AuditEntries]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [AspNetUsers]", script, StringComparison.Ordinal);
        Assert.Contains("[Version] rowversion NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Inquiries_Number]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_FollowUpTasks_UniqueKey]", script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sqlite_script_keeps_instants_as_sortable_integers()
    {
        using var context = Sqlite();

        var script = context.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE TABLE \"Inquiries\"", script, StringComparison.Ordinal);
        Assert.Contains("\"CreatedAt\" INTEGER NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("\"Version\" BLOB NOT NULL", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Concurrency_tokens_are_rowversion_on_sql_server_and_app_written_on_sqlite_and_postgresql()
    {
        using var sqlite = Sqlite();
        using var sqlServer = SqlServer();
        using var postgreSql = PostgreSql();

        var onSqlite = sqlite.Model.FindEntityType(typeof(Domain.Inquiries.Inquiry))!.FindProperty("Version")!;
        var onSqlServer = sqlServer.Model.FindEntityType(typeof(Domain.Inquiries.Inquiry))!.FindProperty("Version")!;
        var onPostgreSql = postgreSql.Model.FindEntityType(typeof(Domain.Inquiries.Inquiry))!.FindProperty("Version")!;

        Assert.True(onSqlite.IsConcurrencyToken);
        Assert.Equal(Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never, onSqlite.ValueGenerated);
        Assert.True(onPostgreSql.IsConcurrencyToken);
        Assert.Equal(Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never, onPostgreSql.ValueGenerated);
        Assert.True(onSqlServer.IsConcurrencyToken);
        Assert.Equal(Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAddOrUpdate, onSqlServer.ValueGenerated);
    }
}
