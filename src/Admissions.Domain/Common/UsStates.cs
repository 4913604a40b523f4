namespace Admissions.Domain.Common;

public static class UsStates
{
    private static readonly (string Code, string Name)[] All =
    [
        ("AL", "Alabama"), ("AK", "Alaska"), ("AZ", "Arizona"), ("AR", "Arkansas"), ("CA", "California"), ("CO", "Colorado"),
        ("CT", "Connecticut"), ("DE", "Delaware"), ("DC", "District of Columbia"), ("FL", "Florida"), ("GA", "Georgia"),
        ("HI", "Hawaii"), ("ID", "Idaho"), ("IL", "Illinois"), ("IN", "Indiana"), ("IA", "Iowa"), ("KS", "Kansas"),
        ("KY", "Kentucky"), ("LA", "Louisiana"), ("ME", "Maine"), ("MD", "Maryland"), ("MA", "Massachusetts"),
        ("MI", "Michigan"), ("MN", "Minnesota"), ("MS", "Mississippi"), ("MO", "Missouri"), ("MT", "Montana"),
        ("NE", "Nebraska"), ("NV", "Nevada"), ("NH", "New Hampshire"), ("NJ", "New Jersey"), ("NM", "New Mexico"),
        ("NY", "New York"), ("NC", "North Carolina"), ("ND", "North Dakota"), ("OH", "Ohio"), ("OK", "Oklahoma"),
        ("OR", "Oregon"), ("PA", "Pennsylvania"), ("RI", "Rhode Island"), ("SC", "South Carolina"), ("SD", "South Dakota"),
        ("TN", "Tennessee"), ("TX", "Texas"), ("UT", "Utah"), ("VT", "Vermont"), ("VA", "Virginia"), ("WA", "Washington"),
        ("WV", "West Virginia"), ("WI", "Wisconsin"), ("WY", "Wyoming"), ("PR", "Puerto Rico"),
    ];

    public static readonly IReadOnlyList<string> Codes = [.. All.Select(s => s.Code)];

    public static bool IsValid(string? code) => code is not null && Codes.Contains(code.ToUpperInvariant());

    /// <summary>"Florida" for FL; the text itself when it is no state's code.</summary>
    public static string Name(string code) => All.FirstOrDefault(s => s.Code.Equals(code, StringComparison.OrdinalIgnoreCase)).Name ?? code;

    /// <summary>"Florida (FL)", as the state field shows a choice.</summary>
    public static string Describe(string code) => IsValid(code) ? $"{Name(code)} ({code.ToUpperInvariant()})" : code;

    /// <summary>
    /// Reads a state as people write it: the code ("FL", "fl"), the name ("Florida", "florida"), or the field's own
    /// "Florida (FL)". Extra spaces and a trailing period are ignored.
    /// </summary>
    public static bool TryParse(string? text, out string code)
    {
        code = "";
        var value = string.Join(' ', (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
        if (value.EndsWith(')') && value.LastIndexOf('(') is var open and > 0)
        {
            value = value[(open + 1)..^1].Trim();
        }

        foreach (var (stateCode, name) in All)
        {
            if (value.Equals(stateCode, StringComparison.OrdinalIgnoreCase) || value.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                code = stateCode;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The states a partly typed text may mean, best first: a code typed in full, then names that start with the text,
    /// then names with a word that starts with it ("jersey" finds New Jersey).
    /// </summary>
    public static IReadOnlyList<string> Matching(string? text)
    {
        var value = (text ?? "").Trim();
        if (value.Length == 0)
        {
            return Codes;
        }

        // A two-letter text is a code first ("NE" Nebraska), then the start of names ("Ne" New York...).
        if (value.Length > 2 && TryParse(value, out var exact))
        {
            return [exact];
        }

        var byCode = All.Where(s => value.Length <= 2 && s.Code.StartsWith(value, StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => s.Code.Equals(value, StringComparison.OrdinalIgnoreCase) ? 0 : 1);
        var byName = All.Where(s => s.Name.StartsWith(value, StringComparison.OrdinalIgnoreCase));
        var byWord = All.Where(s => s.Name.Split(' ').Any(w => w.StartsWith(value, StringComparison.OrdinalIgnoreCase)));
        return [.. byCode.Concat(byName).Concat(byWord).Select(s => s.Code).Distinct()];
    }
}
