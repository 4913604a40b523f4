using System.Globalization;
using System.Text;

namespace Admissions.Domain.Inquiries;

/// <summary>
/// One word of an inquiry's patient or caller name, normalised, so a name search is a range over an index
/// (every word typed must start some term of the same inquiry) rather than a scan of every name.
/// </summary>
/// <remarks>
/// The rule, for the names and for what is typed alike: diacritics are dropped and letters upper-cased
/// ("José" → JOSE); apostrophes join ("O'Neil" → ONEIL, so "o'neil" and "oneil" both match); any other
/// character that is not a letter or digit separates words ("Mary-Jane" → MARY, JANE). A name also gets
/// the part after each apostrophe as a term of its own, so "neil" finds O'Neil too.
/// </remarks>
public sealed class InquirySearchTerm
{
    public const int MaxLength = 100;

    private InquirySearchTerm()
    {
    }

    public InquirySearchTerm(Guid inquiryId, string term)
    {
        InquiryId = inquiryId;
        Term = term;
    }

    public Guid InquiryId { get; private set; }
    public string Term { get; private set; } = "";

    /// <summary>The terms an inquiry is found by: the words of the patient's first and last name and of the caller's name.</summary>
    public static IReadOnlySet<string> For(InquiryDetails details)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in (ReadOnlySpan<string>)[details.PatientFirstName, details.PatientLastName, details.CallerName])
        {
            Split(name, terms, withApostropheParts: true);
        }

        return terms;
    }

    /// <summary>
    /// The words of a search, normalised like the terms. A word that starts another word is left out: whatever
    /// term matches the longer word matches it too.
    /// </summary>
    public static List<string> SearchWords(string? text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        Split(text, words, withApostropheParts: false);
        return [.. words.Where(w => !words.Any(other => other.Length > w.Length && other.StartsWith(w, StringComparison.Ordinal)))];
    }

    private static void Split(string? text, HashSet<string> into, bool withApostropheParts)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var word = new StringBuilder();
        var parts = new List<int>();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToUpperInvariant(c));
            }
            else if (IsApostrophe(c))
            {
                parts.Add(word.Length);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                Add(word, parts, into, withApostropheParts);
            }
        }

        Add(word, parts, into, withApostropheParts);
    }

    private static void Add(StringBuilder word, List<int> parts, HashSet<string> into, bool withApostropheParts)
    {
        if (word.Length > 0)
        {
            var whole = word.ToString();
            into.Add(Truncate(whole));
            if (withApostropheParts)
            {
                foreach (var start in parts.Where(p => p > 0 && p < whole.Length))
                {
                    into.Add(Truncate(whole[start..]));
                }
            }
        }

        word.Clear();
        parts.Clear();
    }

    private static string Truncate(string term) => term.Length <= MaxLength ? term : term[..MaxLength];

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '`';
}
