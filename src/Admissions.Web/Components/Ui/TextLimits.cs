namespace Admissions.Web.Components.Ui;

/// <summary>
/// Length limits said at the field. A browser's maxlength cuts pasted text without a word, so fields that hold
/// what a caller said take no maxlength: they count as the person types (<c>Counter</c>, <c>Immediate</c>) and say
/// how far over the limit the text is, and the save waits until it fits.
/// </summary>
public static class TextLimits
{
    /// <summary>A MudTextField <c>Validation</c>: null while the text fits, else what to do about it.</summary>
    public static Func<string?, string?> Check(int limit, string what) =>
        text => Over(text, limit, what);

    public static string? Over(string? text, int limit, string what) => text is { Length: var length } && length > limit
        ? $"{what} is limited to {limit:N0} characters; this is {length:N0} ({length - limit:N0} over). Shorten it to save."
        : null;

    public static bool Fits(string? text, int limit) => (text?.Length ?? 0) <= limit;
}
