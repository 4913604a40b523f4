using System.Buffers;
using System.Globalization;

namespace Admissions.Edi.Reading;

/// <summary>
/// Walks the segments of an X12 text one at a time. Elements are exposed as spans over the
/// text, so nothing is copied until a reader asks for a string. Segment indexes count every
/// segment in the text, across interchanges, from zero.
/// </summary>
internal sealed class X12Tokenizer
{
    private const int IsaLength = 106;
    private const char ByteOrderMark = '\uFEFF';

    // Where the element separator sits inside the fixed-width ISA (ISA01 to ISA16).
    private static readonly int[] IsaSeparators = [3, 6, 17, 20, 31, 34, 50, 53, 69, 76, 81, 83, 89, 99, 101, 103];

    private static readonly SearchValues<char> SegmentIdCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    private readonly string _text;
    private int _next;
    private int[] _starts = new int[32];
    private char _element;
    private char _repetition;
    private char _component;
    private char _terminator;

    public X12Tokenizer(string text) => _text = text;

    /// <summary>The zero-based index of the current segment in the text.</summary>
    public int Index { get; private set; } = -1;

    /// <summary>The character offset of the current segment.</summary>
    public int Offset { get; private set; }

    /// <summary>The number of elements in the current segment, counting its identifier.</summary>
    public int Count { get; private set; }

    public ReadOnlySpan<char> Id => this[0];

    /// <summary>Element <paramref name="index"/> (0 is the segment identifier); empty when absent.</summary>
    public ReadOnlySpan<char> this[int index] =>
        index < Count ? _text.AsSpan(_starts[index], _starts[index + 1] - 1 - _starts[index]) : default;

    public bool Is(string id) => Id.SequenceEqual(id);

    /// <summary>
    /// Element <paramref name="index"/> as a string, or null when it is empty or absent. Short
    /// values (codes and qualifiers) share one string per value; see <see cref="Codes"/>.
    /// </summary>
    public string? Text(int index)
    {
        var value = this[index];
        return value.IsEmpty ? null : Codes.Get(value);
    }

    /// <summary>Component <paramref name="component"/> (from 1) of a composite element.</summary>
    public ReadOnlySpan<char> Component(int index, int component)
    {
        var value = this[index];
        for (var i = 1; i < component; i++)
        {
            var separator = value.IndexOf(_component);
            if (separator < 0)
            {
                return default;
            }

            value = value[(separator + 1)..];
        }

        var end = value.IndexOf(_component);
        return end < 0 ? value : value[..end];
    }

    /// <summary>The repeats of element <paramref name="index"/>, split on the repetition separator.</summary>
    public string[] Repeats(int index)
    {
        var value = this[index];
        if (value.IsEmpty)
        {
            return [];
        }

        var repeats = new string[value.Count(_repetition) + 1];
        for (var i = 0; i < repeats.Length - 1; i++)
        {
            var end = value.IndexOf(_repetition);
            repeats[i] = Codes.Get(value[..end]);
            value = value[(end + 1)..];
        }

        repeats[^1] = Codes.Get(value);
        return repeats;
    }

    /// <summary>
    /// Moves to the ISA that starts the next interchange and takes the delimiters from it.
    /// Returns false when only whitespace is left.
    /// </summary>
    public bool NextInterchange()
    {
        var start = SkipLayout(_next);
        if (start == _text.Length)
        {
            return false;
        }

        Index++;
        Offset = start;
        Count = 0;
        if (!_text.AsSpan(start).StartsWith("ISA", StringComparison.Ordinal))
        {
            throw Error("Expected ISA to start an interchange");
        }

        if (_text.Length - start < IsaLength)
        {
            throw Error($"The ISA is cut short: it is {IsaLength} characters long, but only {_text.Length - start} remain");
        }

        var isa = _text.AsSpan(start, IsaLength);
        var element = isa[3];
        foreach (var separator in IsaSeparators)
        {
            if (isa[separator] != element)
            {
                throw new X12ParseException(
                    $"The ISA is not the fixed 106-character form: expected the element separator '{element}' at position {separator}",
                    Index, start + separator);
            }
        }

        SetDelimiters(element, isa[82], isa[104], isa[105]);
        EnsureCapacity(IsaSeparators.Length + 2);
        _starts[0] = start;
        for (var i = 0; i < IsaSeparators.Length; i++)
        {
            _starts[i + 1] = start + IsaSeparators[i] + 1;
        }

        _starts[IsaSeparators.Length + 1] = start + IsaLength;
        Count = IsaSeparators.Length + 1;
        _next = start + IsaLength;
        return true;
    }

    /// <summary>Moves to the next segment; false at the end of the text.</summary>
    public bool Next()
    {
        var start = SkipLayout(_next);
        if (start == _text.Length)
        {
            return false;
        }

        Index++;
        Offset = start;
        Count = 0;
        Split(start);
        if (!IsSegmentId(Id))
        {
            throw Error($"'{Shorten(Id)}' is not a segment identifier");
        }

        return true;
    }

    /// <summary>
    /// Moves to the next segment of the transaction set; false on its SE trailer. A missing SE,
    /// detected by the end of the text or by the next envelope segment, is an error.
    /// </summary>
    public bool NextInTransaction()
    {
        if (!Next())
        {
            throw EndError("The text ends before the transaction set's SE trailer");
        }

        return Id switch
        {
            "SE" => false,
            "ST" or "GE" or "GS" or "IEA" or "ISA" => throw Error($"Expected SE to close the transaction set before {Id}"),
            _ => true,
        };
    }

    public X12ParseException Error(string message) => new(message, Index, Offset);

    /// <summary>An error that points at element <paramref name="index"/> of the current segment.</summary>
    public X12ParseException Error(string message, int index) =>
        new(message, Index, index < Count ? _starts[index] : Offset);

    /// <summary>An error for a segment that should have come after the end of the text.</summary>
    public X12ParseException EndError(string message) => new(message, Index + 1, _text.Length);

    /// <summary>The name of element <paramref name="index"/> for messages, like "EB07".</summary>
    public string Name(int index) => string.Create(CultureInfo.InvariantCulture, $"{Id}{index:00}");

    public int Integer(int index)
    {
        var value = this[index];
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw Error($"{Name(index)} '{Shorten(value)}' is not a whole number", index);
        }

        return number;
    }

    /// <summary>An X12 decimal (R): optional sign, digits, optional decimal point. Null when empty.</summary>
    public decimal? Decimal(int index)
    {
        var value = this[index];
        if (value.IsEmpty)
        {
            return null;
        }

        if (TryParsePlainDecimal(value, out var plain))
        {
            return plain;
        }

        if (!decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var number))
        {
            throw Error($"{Name(index)} '{Shorten(value)}' is not a number", index);
        }

        return number;
    }

    /// <summary>A D8 (CCYYMMDD) date.</summary>
    public DateOnly Date(int index) =>
        TryParseDate(this[index], out var date)
            ? date
            : throw Error($"{Name(index)} '{Shorten(this[index])}' is not a CCYYMMDD date", index);

    /// <summary>An RD8 (CCYYMMDD-CCYYMMDD) range.</summary>
    public (DateOnly Begin, DateOnly End) DateRange(int index)
    {
        var value = this[index];
        if (value.Length == 17 && value[8] == '-'
            && TryParseDate(value[..8], out var begin) && TryParseDate(value[9..], out var end))
        {
            return (begin, end);
        }

        throw Error($"{Name(index)} '{Shorten(value)}' is not a CCYYMMDD-CCYYMMDD range", index);
    }

    /// <summary>
    /// A D8 date or RD8 range, by the format qualifier in element <paramref name="index"/> and the
    /// value after it. A D8 date is a range of one day.
    /// </summary>
    public (DateOnly Begin, DateOnly End, bool IsRange) Period(int index)
    {
        if (this[index].SequenceEqual("D8"))
        {
            var date = Date(index + 1);
            return (date, date, false);
        }

        if (this[index].SequenceEqual("RD8"))
        {
            var (begin, end) = DateRange(index + 1);
            return (begin, end, true);
        }

        throw Error($"{Name(index)} '{Shorten(this[index])}' is not D8 or RD8", index);
    }

    /// <summary>
    /// The common case of an X12 decimal without the general parser: unsigned digits with at most
    /// one decimal point inside or before them, and few enough digits to fit a long. Keeps the
    /// scale as written ("1.50" is 1.50), as <see cref="decimal.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider?, out decimal)"/>
    /// does. Anything else (a sign, a trailing point, many digits, garbage) is left to it.
    /// </summary>
    private static bool TryParsePlainDecimal(ReadOnlySpan<char> value, out decimal number)
    {
        number = 0;
        if (value.Length > 18 || value[^1] == '.')
        {
            return false;
        }

        long mantissa = 0;
        var scale = -1;
        foreach (var character in value)
        {
            var digit = (uint)(character - '0');
            if (digit <= 9)
            {
                mantissa = (mantissa * 10) + digit;
                if (scale >= 0)
                {
                    scale++;
                }
            }
            else if (character == '.' && scale < 0)
            {
                scale = 0;
            }
            else
            {
                return false;
            }
        }

        number = new decimal((int)mantissa, (int)(mantissa >> 32), 0, false, (byte)Math.Max(scale, 0));
        return true;
    }

    private static bool TryParseDate(ReadOnlySpan<char> value, out DateOnly date)
    {
        date = default;
        if (value.Length != 8 || value.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        var year = Digits(value[..4]);
        var month = Digits(value[4..6]);
        var day = Digits(value[6..]);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static int Digits(ReadOnlySpan<char> digits)
    {
        var number = 0;
        foreach (var digit in digits)
        {
            number = (number * 10) + (digit - '0');
        }

        return number;
    }

    private static bool IsSegmentId(ReadOnlySpan<char> id) =>
        id.Length is 2 or 3 && char.IsAsciiLetterUpper(id[0]) && !id.ContainsAnyExcept(SegmentIdCharacters);

    /// <summary>Keeps messages readable when the offending value is garbage.</summary>
    private static string Shorten(ReadOnlySpan<char> value) =>
        value.Length <= 40 ? value.ToString() : string.Concat(value[..40], "…");

    private void SetDelimiters(char element, char repetition, char component, char terminator)
    {
        if (IsUnusableDelimiter(element) || IsUnusableDelimiter(component) || IsUnusableDelimiter(terminator)
            || element == component || element == terminator || component == terminator)
        {
            throw Error(
                $"The ISA declares unusable delimiters: element '{element}', component '{component}' and segment terminator '{terminator}' must be distinct and not letters or digits");
        }

        // Before 00501, ISA11 held a standards identifier (usually U), not a repetition separator.
        // The element separator never occurs inside an element, so it switches repetition off.
        var hasRepetition = !char.IsAsciiLetterOrDigit(repetition) && repetition != ' ';
        if (hasRepetition && (repetition == element || repetition == component || repetition == terminator))
        {
            throw Error($"The ISA declares the repetition separator '{repetition}', which is already another delimiter");
        }

        _element = element;
        _repetition = hasRepetition ? repetition : element;
        _component = component;
        _terminator = terminator;
    }

    private static bool IsUnusableDelimiter(char delimiter) => char.IsAsciiLetterOrDigit(delimiter) || delimiter == ' ';

    private int SkipLayout(int position)
    {
        // Line breaks, indentation and byte order marks (files are concatenated) between
        // segments are common and carry no meaning; a segment starts with a letter.
        while (position < _text.Length && _text[position] is ' ' or '\t' or '\r' or '\n' or ByteOrderMark)
        {
            position++;
        }

        return position;
    }

    /// <summary>
    /// Finds the element boundaries and the terminator of the segment at <paramref name="start"/>
    /// in one pass. Elements are short, so a plain loop beats vectorised searches here.
    /// </summary>
    private void Split(int start)
    {
        var text = _text.AsSpan();
        var count = 0;
        EnsureCapacity(2);
        _starts[count++] = start;
        for (var position = start; position < text.Length; position++)
        {
            var character = text[position];
            if (character == _element)
            {
                EnsureCapacity(count + 2);
                _starts[count++] = position + 1;
            }
            else if (character == _terminator)
            {
                _starts[count] = position + 1;
                Count = count;
                _next = position + 1;
                return;
            }
        }

        throw Error($"The text ends inside a segment: no segment terminator '{_terminator}' follows");
    }

    private void EnsureCapacity(int length)
    {
        if (_starts.Length < length)
        {
            Array.Resize(ref _starts, Math.Max(length, _starts.Length * 2));
        }
    }
}
