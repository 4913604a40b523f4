using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Admissions.Edi;

namespace Admissions.Cli;

/// <summary>Prints a parsed X12 document as indented camelCase JSON, absent values as null.</summary>
internal static class X12Json
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { InheritedPropertiesFirst } },
    };

    public static string Serialize(X12Document document) =>
        JsonSerializer.Serialize(new PrintedDocument(document.Transactions), Options);

    // System.Text.Json writes a derived record's own properties before the inherited ones; the
    // printed shape reads like the segments: type, controlNumber and reference first, dependents last.
    private static void InheritedPropertiesFirst(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            if (property.AttributeProvider is MemberInfo { DeclaringType: { } declaringType })
            {
                property.Order = Depth(declaringType);
            }
        }
    }

    private static int Depth(Type type)
    {
        var depth = 0;
        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            depth++;
        }

        return depth;
    }

    /// <summary>Transactions typed as object so that each is written with its runtime type's members.</summary>
    private sealed record PrintedDocument(IReadOnlyList<object> Transactions);
}
