namespace Admissions.Edi.Reading;

/// <summary>Segments that read the same way in every transaction set.</summary>
internal static class Segments
{
    /// <summary>AAA: AAA01 valid request (Y/N), AAA03 reject reason, AAA04 follow-up action.</summary>
    public static RequestError Error(X12Tokenizer tokens) =>
        new(tokens[1].SequenceEqual("Y"), tokens.Text(3), tokens.Text(4));

    /// <summary>DMG: DMG02 birth date (DMG01 D8) and DMG03 gender.</summary>
    public static (DateOnly? BirthDate, string? Gender) Demographics(X12Tokenizer tokens)
    {
        if (tokens[2].IsEmpty)
        {
            return (null, tokens.Text(3));
        }

        if (!tokens[1].SequenceEqual("D8"))
        {
            throw tokens.Error($"DMG01 '{tokens.Text(1)}' is not D8, the only birth date format", 1);
        }

        return (tokens.Date(2), tokens.Text(3));
    }

    /// <summary>The first telephone number (qualifier TE) among the three PER contact pairs.</summary>
    public static string? Telephone(X12Tokenizer tokens)
    {
        for (var qualifier = 3; qualifier <= 7; qualifier += 2)
        {
            if (tokens[qualifier].SequenceEqual("TE") && !tokens[qualifier + 1].IsEmpty)
            {
                return tokens.Text(qualifier + 1);
            }
        }

        return null;
    }

    /// <summary>TRN02 when TRN01 is <paramref name="traceType"/> (1 current, 2 referenced), else null.</summary>
    public static string? Trace(X12Tokenizer tokens, string traceType) =>
        tokens[1].SequenceEqual(traceType) ? tokens.Text(2) : null;
}
