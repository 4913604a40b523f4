namespace Admissions.Domain.Care;

/// <summary>
/// The six dimensions as each edition publishes them. <see cref="DimensionRatings"/> stores the six ratings by position;
/// what position 4, 5 and 6 mean depends on the edition the ratings were made under.
/// Sources: The ASAM Criteria, 3rd ed. (2013), the six dimensions; The ASAM Criteria, 4th ed. (2023), which renamed
/// dimensions 1 and 3, merged readiness and relapse potential into "substance use-related risks" (4), moved the recovery
/// environment to 5 and added "person-centered considerations" (6). See docs/domain/screening-and-levels.md.
/// </summary>
public static class AsamDimensions
{
    private static readonly string[] Third =
    [
        "Acute intoxication and/or withdrawal potential",
        "Biomedical conditions and complications",
        "Emotional, behavioural or cognitive conditions and complications",
        "Readiness to change",
        "Relapse, continued use or continued problem potential",
        "Recovery/living environment",
    ];

    private static readonly string[] Fourth =
    [
        "Intoxication, withdrawal and addiction medications",
        "Biomedical conditions",
        "Psychiatric and cognitive conditions",
        "Substance use-related risks",
        "Recovery environment interactions",
        "Person-centered considerations",
    ];

    public static IReadOnlyList<string> For(AsamEdition edition) => edition == AsamEdition.Fourth ? Fourth : Third;

    /// <summary>The dimension (1–6) as the edition names it.</summary>
    public static string Name(AsamEdition edition, int dimension) => For(edition)[dimension - 1];

    /// <summary>The dimension that rates relapse and continued-use risk: 5 in the 3rd edition, 4 in the 4th.</summary>
    public static int RelapseRisk(AsamEdition edition) => edition == AsamEdition.Fourth ? 4 : 5;

    /// <summary>The recovery environment: 6 in the 3rd edition, 5 in the 4th.</summary>
    public static int Environment(AsamEdition edition) => edition == AsamEdition.Fourth ? 5 : 6;

    /// <summary>
    /// Readiness and engagement: dimension 4 in the 3rd edition; in the 4th, person-centered considerations (6). It shapes
    /// how services are delivered rather than calling for more intensive care on its own, so the 4th-edition rules do not place by it.
    /// </summary>
    public static int Engagement(AsamEdition edition) => edition == AsamEdition.Fourth ? 6 : 4;
}

/// <summary>
/// Reads a level decided under the 3rd edition in the 4th edition's terms, so a history that spans both stays readable.
/// This is our reading of the two level sets (same numbers where a level kept its number; withdrawal management folded into
/// the medically managed levels 1.7, 2.7, 3.7 and 4.0), not a crosswalk ASAM publishes. 0.5 has no 4th-edition level.
/// </summary>
public static class AsamCrosswalk
{
    private static readonly Dictionary<string, string?> ThirdToFourth = new(StringComparer.OrdinalIgnoreCase)
    {
        ["0.5"] = null,
        ["1"] = "1.5",
        ["1-WM"] = "1.7",
        ["2.1"] = "2.1",
        ["2-WM"] = "2.7",
        ["2.5"] = "2.5",
        ["3.1"] = "3.1",
        ["3.2-WM"] = "3.7",
        ["3.3"] = "3.1",
        ["3.5"] = "3.5",
        ["3.7"] = "3.7",
        ["3.7-WM"] = "3.7",
        ["4"] = "4.0",
        ["4-WM"] = "4.0",
    };

    /// <summary>The nearest 4th-edition level of a 3rd-edition one; null for 0.5, which the 4th edition has no level for.</summary>
    public static AsamLevel? ToFourth(AsamLevel level)
    {
        ArgumentNullException.ThrowIfNull(level);
        if (level.Edition == AsamEdition.Fourth)
        {
            return level;
        }

        return ThirdToFourth[level.Code] is { } code ? AsamLevels.Parse(AsamEdition.Fourth, code) : null;
    }
}
