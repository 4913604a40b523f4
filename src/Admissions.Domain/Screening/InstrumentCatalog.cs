using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Admissions.Domain.Screening;

/// <summary>
/// The instrument definitions in use: the ones shipped in this assembly (<see cref="Default"/>) or a
/// customer's replacements (<see cref="Load(IEnumerable{string})"/>). Every definition is validated on load.
/// </summary>
public sealed class InstrumentCatalog
{
    private const string ResourcePrefix = "Admissions.Domain.Screening.Instruments.";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    private static readonly Lazy<InstrumentCatalog> Embedded = new(LoadEmbedded);

    private readonly Dictionary<InstrumentCode, InstrumentDefinition> _instruments;

    private InstrumentCatalog(Dictionary<InstrumentCode, InstrumentDefinition> instruments) => _instruments = instruments;

    public static InstrumentCatalog Default => Embedded.Value;

    public IReadOnlyCollection<InstrumentDefinition> Instruments => _instruments.Values;

    public InstrumentDefinition Get(InstrumentCode code) => _instruments.TryGetValue(code, out var instrument)
        ? instrument
        : throw new KeyNotFoundException($"The catalog has no {code} definition.");

    public bool TryGet(InstrumentCode code, [NotNullWhen(true)] out InstrumentDefinition? instrument) =>
        _instruments.TryGetValue(code, out instrument);

    public static InstrumentCatalog Load(IEnumerable<string> definitionsJson)
    {
        ArgumentNullException.ThrowIfNull(definitionsJson);
        return Build(definitionsJson.Select((json, index) => Parse(index, () => JsonSerializer.Deserialize<InstrumentDefinition>(json, JsonOptions))));
    }

    public static InstrumentCatalog Load(IEnumerable<Stream> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        return Build(definitions.Select((stream, index) => Parse(index, () => JsonSerializer.Deserialize<InstrumentDefinition>(stream, JsonOptions))));
    }

    /// <summary>A definition in the file format <see cref="Load(IEnumerable{string})"/> reads: the starting point for a customer's own wording.</summary>
    public static string ToJson(InstrumentDefinition instrument) => JsonSerializer.Serialize(instrument, JsonOptions);

    private static InstrumentCatalog LoadEmbedded()
    {
        var assembly = typeof(InstrumentCatalog).Assembly;
        var streams = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => assembly.GetManifestResourceStream(name)!)
            .ToList();
        try
        {
            return Load(streams);
        }
        finally
        {
            streams.ForEach(stream => stream.Dispose());
        }
    }

    private static InstrumentDefinition Parse(int index, Func<InstrumentDefinition?> deserialize)
    {
        var source = $"definition #{index + 1}";
        InstrumentDefinition? instrument;
        try
        {
            instrument = deserialize();
        }
        catch (JsonException e)
        {
            throw new InstrumentDefinitionException(source, [$"It is not a valid instrument file: {e.Message}"]);
        }

        if (instrument is null)
        {
            throw new InstrumentDefinitionException(source, ["It is empty."]);
        }

        var errors = InstrumentDefinitionValidator.Errors(instrument);
        return errors.Count == 0 ? instrument : throw new InstrumentDefinitionException($"{instrument.Name} ({source})", errors);
    }

    private static InstrumentCatalog Build(IEnumerable<InstrumentDefinition> definitions)
    {
        var instruments = new Dictionary<InstrumentCode, InstrumentDefinition>();
        foreach (var instrument in definitions)
        {
            if (!instruments.TryAdd(instrument.Code, instrument))
            {
                throw new InstrumentDefinitionException(instrument.Name, [$"{instrument.Code} is defined more than once."]);
            }
        }

        return new InstrumentCatalog(instruments);
    }
}
