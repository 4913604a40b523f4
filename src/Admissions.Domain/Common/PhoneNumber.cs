using System.Diagnostics.CodeAnalysis;

namespace Admissions.Domain.Common;

/// <summary>
/// A North American (NANP) phone number kept as its ten digits, so "(555) 010-2345" and
/// "+1 555 010 2345" are the same number for duplicate detection.
/// </summary>
public static class PhoneNumber
{
    public static bool TryNormalize(string? input, [NotNullWhen(true)] out string? digits)
    {
        digits = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        foreach (var c in input)
        {
            if (!char.IsAsciiDigit(c) && c is not (' ' or '-' or '(' or ')' or '.' or '+'))
            {
                return false;
            }
        }

        var only = new string([.. input.Where(char.IsAsciiDigit)]);
        if (only.Length == 11 && only[0] == '1')
        {
            only = only[1..];
        }

        // NANP: area code and exchange never start with 0 or 1.
        if (only.Length != 10 || only[0] is '0' or '1' || only[3] is '0' or '1')
        {
            return false;
        }

        digits = only;
        return true;
    }

    public static string? Normalize(string? input) => TryNormalize(input, out var digits) ? digits : null;

    public static string Format(string digits) =>
        digits.Length == 10 ? $"({digits[..3]}) {digits[3..6]}-{digits[6..]}" : digits;
}
