using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Admissions.DemoData;

/// <summary>Writing the rows: prepared inserts per table, values in each provider's column types, and the number sequences.</summary>
public sealed partial class BulkHistorySeeder
{
    private static async Task SaveSequencesAsync(DbConnection connection, ProviderValues values, Dictionary<string, long> sequences, CancellationToken cancellationToken)
    {
        foreach (var (name, last) in sequences)
        {
            await using var update = connection.CreateCommand();
            update.CommandText = """UPDATE "NumberSequences" SET "LastValue" = @last WHERE "Name" = @name""";
            Add(update, "@last", last);
            Add(update, "@name", name);
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                var insert = new Insert(connection, values, "NumberSequences", "Name", "LastValue", "Version");
                insert.Prepare(null);
                await insert.RunAsync(cancellationToken, name, last, values.Version());
                insert.Dispose();
            }
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private enum ProviderKind
    {
        Sqlite,
        SqlServer,
        PostgreSql,
    }

    /// <summary>
    /// How each provider stores ids, instants, dates, number lists and row versions (SQLite: text, ticks, ISO dates,
    /// JSON, app-written versions; SQL Server: native types, JSON, rowversion; PostgreSQL: native types, arrays,
    /// app-written versions).
    /// </summary>
    private sealed partial class ProviderValues(ProviderKind kind, IRelationalModel model)
    {
        public ProviderKind Kind { get; } = kind;

        public bool Sqlite => Kind == ProviderKind.Sqlite;

        /// <summary>SQL Server fills its rowversion itself; the other two take the token the application writes.</summary>
        public bool WritesVersion => Kind != ProviderKind.SqlServer;

        public static ProviderKind KindOf(DbContext db) =>
            db.Database.IsSqlite() ? ProviderKind.Sqlite : db.Database.IsNpgsql() ? ProviderKind.PostgreSql : ProviderKind.SqlServer;

        public object? Instant(DateTimeOffset? value) => value is not { } v ? null : Sqlite ? v.UtcTicks : v.ToUniversalTime();

        public object Day(DateOnly value) => Kind switch
        {
            ProviderKind.Sqlite => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ProviderKind.PostgreSql => value,
            _ => value.ToDateTime(TimeOnly.MinValue),
        };

        /// <summary>A list of numbers (a primitive collection): a PostgreSQL array, JSON text elsewhere.</summary>
        public object Numbers(params int[] numbers) =>
            Kind == ProviderKind.PostgreSql ? numbers : $"[{string.Join(',', numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)))}]";

        public object? Version() => WritesVersion ? RandomNumberGenerator.GetBytes(8) : Skip.Value;

        public object? Value(object? value) => value switch
        {
            Guid g when Sqlite => g.ToString().ToUpperInvariant(),
            bool b when Sqlite => b ? 1 : 0,
            _ => value,
        };

        /// <summary>
        /// PostgreSQL prepares a statement with typed parameters and does not turn text into jsonb or a date by itself,
        /// so each parameter takes its column's type from the model (without facets: "character varying(200)" is "character varying").
        /// </summary>
        public void Type(DbParameter parameter, string table, string column)
        {
            if (Kind == ProviderKind.PostgreSql && parameter is NpgsqlParameter typed
                && model.FindTable(table, null)?.FindColumn(column)?.StoreType is { } storeType)
            {
                typed.DataTypeName = Facets().Replace(storeType, "");
            }
        }

        [GeneratedRegex(@"\(\d+(,\s*\d+)?\)")]
        private static partial Regex Facets();
    }

    /// <summary>Marks a column the provider fills itself (SQL Server rowversion).</summary>
    private sealed class Skip
    {
        public static readonly Skip Value = new();
    }

    /// <summary>One prepared INSERT, re-bound for every row.</summary>
    private sealed class Insert(DbConnection connection, ProviderValues values, string table, params string[] columns) : IDisposable
    {
        private readonly string[] _columns = values.WritesVersion ? columns : [.. columns.Where(c => c != "Version")];
        private DbCommand? _command;

        public int Rows { get; private set; }

        public void Prepare(DbTransaction? transaction)
        {
            _command?.Dispose();
            _command = connection.CreateCommand();
            _command.Transaction = transaction;
            _command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", _columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", _columns.Select((_, i) => $"@p{i}"))})";
            for (var i = 0; i < _columns.Length; i++)
            {
                var parameter = _command.CreateParameter();
                parameter.ParameterName = $"@p{i}";
                values.Type(parameter, table, _columns[i]);
                _command.Parameters.Add(parameter);
            }

            _command.Prepare();
        }

        public async Task RunAsync(CancellationToken cancellationToken, params object?[] row)
        {
            var command = _command ?? throw new InvalidOperationException("Prepare the insert first.");
            var index = 0;
            foreach (var value in row)
            {
                if (value is Skip)
                {
                    continue;
                }

                command.Parameters[index++].Value = values.Value(value) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
            Rows++;
        }

        public void Dispose() => _command?.Dispose();
    }
}
