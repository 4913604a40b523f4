namespace Admissions.Application.Common;

/// <summary>Turns what a person typed into a LIKE pattern that matches it literally ("%" finds a percent sign).</summary>
public static class LikePattern
{
    public const string Escape = "\\";

    /// <summary>
    /// For <c>EF.Functions.Like(column.ToUpper(), ContainingIgnoringCase(text), Escape)</c>: LIKE ignores case on SQLite and
    /// SQL Server's usual collation but not on PostgreSQL, so both sides are upper-cased to match alike everywhere.
    /// </summary>
    public static string ContainingIgnoringCase(string text) => Containing(text.ToUpperInvariant());

    public static string Containing(string text) =>
        "%" + text.Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal) + "%";
}
