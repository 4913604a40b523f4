using System.Globalization;
using System.Text;

namespace Admissions.Edi.Writing;

/// <summary>
/// Writes one interchange holding one functional group and one transaction set. Every value is
/// checked before it is written: a delimiter or control character inside a value would corrupt
/// the X12, so it throws <see cref="ArgumentException"/> instead.
/// </summary>
internal sealed class X12Writer
{
    private readonly StringBuilder _text = new(2048);
    private readonly X12Envelope _envelope;
    private readonly X12Delimiters _delimiters;
    private readonly string _paramName;
    private readonly string _controlNumber;
    private int _segments;
    private int _lastLevel;

    /// <summary>Writes ISA, GS (<paramref name="functionalId"/>) and ST for a transaction set.</summary>
    public X12Writer(X12Envelope envelope, string functionalId, string transactionType, string version,
        string controlNumber, string paramName)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        CheckEnvelope(envelope);
        _envelope = envelope;
        _delimiters = envelope.Delimiters;
        _paramName = paramName;
        if (controlNumber is not { Length: >= 4 and <= 9 })
        {
            throw new ArgumentException(
                $"The transaction set control number (ST02) must be 4 to 9 characters, not '{controlNumber}'", paramName);
        }

        _controlNumber = controlNumber;
        WriteInterchangeHeader();
        Segment("GS", functionalId, envelope.SenderId, envelope.ReceiverId, Created, Time, GroupControlNumber, "X",
            version);
        _segments = 0;
        Segment("ST", transactionType, controlNumber, version);
    }

    /// <summary>The envelope's creation time as HHMM, for GS05 and BHT05.</summary>
    public string Time => _envelope.Created.ToString("HHmm", CultureInfo.InvariantCulture);

    /// <summary>The envelope's creation date as CCYYMMDD, for GS04 and BHT04.</summary>
    public string Created => _envelope.Created.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public string ReceiverId => _envelope.ReceiverId;

    private string GroupControlNumber => _envelope.ControlNumber.ToString(CultureInfo.InvariantCulture);

    private string InterchangeControlNumber => _envelope.ControlNumber.ToString("D9", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Names go out in upper case, as payers match on them that way.</summary>
    public static string? Name(string? name) => name?.ToUpperInvariant();

    /// <summary>Writes a segment, leaving off trailing empty elements.</summary>
    public void Segment(string id, params ReadOnlySpan<X12Value> elements)
    {
        var last = elements.Length - 1;
        while (last >= 0 && string.IsNullOrEmpty(elements[last].Text))
        {
            last--;
        }

        _text.Append(id);
        for (var index = 0; index <= last; index++)
        {
            var element = elements[index];
            if (!element.IsChecked && element.Text is { } text && Problem(text, _delimiters) is { } problem)
            {
                throw Invalid(Refusal(string.Create(CultureInfo.InvariantCulture, $"{id}{index + 1:00}"), text, problem));
            }

            _text.Append(_delimiters.Element).Append(element.Text);
        }

        _text.Append(_delimiters.Segment);
        _segments++;
    }

    /// <summary>A composite element: its components joined by the component separator.</summary>
    public X12Value Composite(string name, params ReadOnlySpan<string?> components)
    {
        var last = components.Length - 1;
        while (last >= 0 && string.IsNullOrEmpty(components[last]))
        {
            last--;
        }

        var text = new StringBuilder();
        for (var index = 0; index <= last; index++)
        {
            Check(components[index], name);
            if (index > 0)
            {
                text.Append(_delimiters.Component);
            }

            text.Append(components[index]);
        }

        return new X12Value(text.ToString(), IsChecked: true);
    }

    /// <summary>A repeated element: its values joined by the repetition separator.</summary>
    public X12Value Repeated(string name, IReadOnlyList<string> values)
    {
        var text = new StringBuilder();
        for (var index = 0; index < values.Count; index++)
        {
            if (string.IsNullOrEmpty(values[index]))
            {
                throw Invalid($"Cannot write an empty value in the repeated element {name}");
            }

            Check(values[index], name);
            if (index > 0)
            {
                text.Append(_delimiters.Repetition);
            }

            text.Append(values[index]);
        }

        return new X12Value(text.ToString(), IsChecked: true);
    }

    /// <summary>An exception for a model value that cannot be written, naming the writer's argument.</summary>
    public ArgumentException Invalid(string message) => new(message, _paramName);

    /// <summary>Writes an HL segment and returns its id, for children to name as their parent.</summary>
    public int Level(int? parent, string level, bool hasChildren)
    {
        _lastLevel++;
        Segment("HL", Integer(_lastLevel), parent is null ? null : Integer(parent.Value), level, hasChildren ? "1" : "0");
        return _lastLevel;
    }

    /// <summary>Writes SE, GE and IEA and returns the interchange.</summary>
    public string Finish()
    {
        Segment("SE", Integer(_segments + 1), _controlNumber);
        Segment("GE", "1", GroupControlNumber);
        Segment("IEA", "1", InterchangeControlNumber);
        return _text.ToString();
    }

    private static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void CheckEnvelope(X12Envelope envelope)
    {
        var delimiters = envelope.Delimiters;
        char[] all = [delimiters.Element, delimiters.Repetition, delimiters.Component, delimiters.Segment];
        foreach (var delimiter in all)
        {
            if (char.IsAsciiLetterOrDigit(delimiter) || char.IsWhiteSpace(delimiter)
                || Array.IndexOf(all, delimiter) != Array.LastIndexOf(all, delimiter))
            {
                throw new ArgumentException(
                    $"The delimiters must be four distinct characters that are not letters, digits or whitespace; '{delimiter}' is not usable",
                    nameof(envelope));
            }
        }

        if (envelope.ControlNumber is < 1 or > 999_999_999)
        {
            throw new ArgumentOutOfRangeException(nameof(envelope), envelope.ControlNumber,
                "The interchange control number must be 1 to 999999999");
        }

        var problem = FixedProblem(envelope.SenderQualifier, 2, 2, "ISA05", delimiters)
            ?? FixedProblem(envelope.SenderId, 1, 15, "ISA06", delimiters)
            ?? FixedProblem(envelope.ReceiverQualifier, 2, 2, "ISA07", delimiters)
            ?? FixedProblem(envelope.ReceiverId, 1, 15, "ISA08", delimiters);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(envelope));
        }
    }

    /// <summary>Why a value cannot fill a fixed-width ISA field, or null when it can.</summary>
    private static string? FixedProblem(string? value, int minLength, int maxLength, string name, X12Delimiters delimiters)
    {
        if (value is null || value.Length < minLength || value.Length > maxLength)
        {
            return $"{name} must be {minLength} to {maxLength} characters, not '{value}'";
        }

        return Problem(value, delimiters) is { } problem ? Refusal(name, value, problem) : null;
    }

    /// <summary>The delimiter or control character that would corrupt the X12, or null when the value is safe.</summary>
    private static string? Problem(string value, X12Delimiters delimiters)
    {
        foreach (var character in value)
        {
            var problem = character switch
            {
                _ when character == delimiters.Element => "the element separator",
                _ when character == delimiters.Repetition => "the repetition separator",
                _ when character == delimiters.Component => "the component separator",
                _ when character == delimiters.Segment => "the segment terminator",
                _ when char.IsControl(character) => "a control character",
                _ => null,
            };
            if (problem is not null)
            {
                return $"{problem} '{character}'";
            }
        }

        return null;
    }

    private static string Refusal(string name, string value, string problem) =>
        $"Cannot write {name} '{value}': it contains {problem}, which would corrupt the X12";

    private void Check(string? value, string name)
    {
        if (value is not null && Problem(value, _delimiters) is { } problem)
        {
            throw Invalid(Refusal(name, value, problem));
        }
    }

    private void WriteInterchangeHeader()
    {
        string[] isa =
        [
            "00", new string(' ', 10), "00", new string(' ', 10),
            _envelope.SenderQualifier, _envelope.SenderId.PadRight(15),
            _envelope.ReceiverQualifier, _envelope.ReceiverId.PadRight(15),
            _envelope.Created.ToString("yyMMdd", CultureInfo.InvariantCulture), Time,
            _delimiters.Repetition.ToString(), "00501", InterchangeControlNumber, "0", _envelope.Production ? "P" : "T",
            _delimiters.Component.ToString(),
        ];
        _text.Append("ISA");
        foreach (var element in isa)
        {
            _text.Append(_delimiters.Element).Append(element);
        }

        _text.Append(_delimiters.Segment);
    }
}

/// <summary>An element value; composites and repeats arrive already checked.</summary>
internal readonly record struct X12Value(string? Text, bool IsChecked)
{
    public static implicit operator X12Value(string? text) => new(text, IsChecked: false);
}
