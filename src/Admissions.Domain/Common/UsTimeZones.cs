namespace Admissions.Domain.Common;

/// <summary>
/// The IANA time zone most of a state's people live in. States split across zones (Texas, Florida,
/// Indiana, Kentucky, Tennessee, the Dakotas, Nebraska, Kansas, Oregon, Idaho, Michigan) get their
/// most populous zone: close enough for quiet hours, which err an hour at worst at the edges.
/// </summary>
public static class UsTimeZones
{
    private static readonly Dictionary<string, string> ByState = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AL"] = "America/Chicago",
        ["AK"] = "America/Anchorage",
        ["AZ"] = "America/Phoenix",
        ["AR"] = "America/Chicago",
        ["CA"] = "America/Los_Angeles",
        ["CO"] = "America/Denver",
        ["CT"] = "America/New_York",
        ["DE"] = "America/New_York",
        ["DC"] = "America/New_York",
        ["FL"] = "America/New_York",
        ["GA"] = "America/New_York",
        ["HI"] = "Pacific/Honolulu",
        ["ID"] = "America/Boise",
        ["IL"] = "America/Chicago",
        ["IN"] = "America/Indiana/Indianapolis",
        ["IA"] = "America/Chicago",
        ["KS"] = "America/Chicago",
        ["KY"] = "America/New_York",
        ["LA"] = "America/Chicago",
        ["ME"] = "America/New_York",
        ["MD"] = "America/New_York",
        ["MA"] = "America/New_York",
        ["MI"] = "America/Detroit",
        ["MN"] = "America/Chicago",
        ["MS"] = "America/Chicago",
        ["MO"] = "America/Chicago",
        ["MT"] = "America/Denver",
        ["NE"] = "America/Chicago",
        ["NV"] = "America/Los_Angeles",
        ["NH"] = "America/New_York",
        ["NJ"] = "America/New_York",
        ["NM"] = "America/Denver",
        ["NY"] = "America/New_York",
        ["NC"] = "America/New_York",
        ["ND"] = "America/Chicago",
        ["OH"] = "America/New_York",
        ["OK"] = "America/Chicago",
        ["OR"] = "America/Los_Angeles",
        ["PA"] = "America/New_York",
        ["RI"] = "America/New_York",
        ["SC"] = "America/New_York",
        ["SD"] = "America/Chicago",
        ["TN"] = "America/Chicago",
        ["TX"] = "America/Chicago",
        ["UT"] = "America/Denver",
        ["VT"] = "America/New_York",
        ["VA"] = "America/New_York",
        ["WA"] = "America/Los_Angeles",
        ["WV"] = "America/New_York",
        ["WI"] = "America/Chicago",
        ["WY"] = "America/Denver",
        ["PR"] = "America/Puerto_Rico",
    };

    /// <summary>The zone id for a two-letter state code, or null when the state is unknown.</summary>
    public static string? ForState(string? state) =>
        state is not null && ByState.TryGetValue(state.Trim(), out var zone) ? zone : null;
}
