using System.Text.Json;

namespace Admissions.Edi.Tests;

/// <summary>
/// Compares transactions by value. Records holding lists compare the lists by reference, so the
/// comparison goes through the JSON the operator CLI prints, which covers every public property.
/// </summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static string Of(X12Transaction transaction) =>
        JsonSerializer.Serialize(transaction, transaction.GetType(), Web);

    public static void AssertSame(X12Transaction expected, X12Transaction actual) =>
        Assert.Equal(Of(expected), Of(actual));
}
