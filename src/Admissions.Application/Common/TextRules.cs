using FluentValidation;

namespace Admissions.Application.Common;

/// <summary>
/// Characters that have no place in text people read back: control characters, and the invisible marks that reorder
/// or hide text (U+202E makes "Ana<U+202E>zeröL" render as a different name). Refused rather than stripped, so what is
/// stored is exactly what was sent.
/// </summary>
public static class TextRules
{
    public const string UnsafeCharacterMessage = "Remove the control or text-direction characters (they can make a name display as a different one).";

    /// <summary>Marks that change the direction of the text around them, and zero-width characters that hide inside words.</summary>
    public static bool IsDirectionOrInvisibleMark(char c) =>
        c is '\u061C' or '\u200B' or '\u200E' or '\u200F' or '\u2060' or '\uFEFF'
            or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>For one-line text such as names: no control characters (tabs and line breaks included) and no direction marks.</summary>
    public static bool IsPlainLine(string? value) =>
        value is null || !value.Any(c => char.IsControl(c) || IsDirectionOrInvisibleMark(c));

    /// <summary>For notes: line breaks and tabs are fine, other control characters and direction marks are not.</summary>
    public static bool IsPlainText(string? value) =>
        value is null || !value.Any(c => (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || IsDirectionOrInvisibleMark(c));

    public static IRuleBuilderOptions<T, string?> PlainLine<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsPlainLine).WithMessage(UnsafeCharacterMessage);

    public static IRuleBuilderOptions<T, string?> PlainText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsPlainText).WithMessage(UnsafeCharacterMessage);
}
