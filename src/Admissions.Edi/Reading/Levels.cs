namespace Admissions.Edi.Reading;

/// <summary>Which HL level (HL03) may sit under which, per transaction family; a null parent is the top.</summary>
internal static class Levels
{
    /// <summary>270/271: information source, receiver, subscriber, dependent.</summary>
    public static bool Eligibility(string? parent, string child) => (parent, child) switch
    {
        (null, "20") or ("20", "21") or ("21", "22") or ("22", "23") => true,
        _ => false,
    };

    /// <summary>278: UMO, requester, subscriber, dependent, patient event, service.</summary>
    public static bool ServiceReview(string? parent, string child) => (parent, child) switch
    {
        (null, "20") or ("20", "21") or ("21", "22") or ("22", "23") => true,
        ("22" or "23", "EV") or ("EV", "SS") => true,
        _ => false,
    };
}
