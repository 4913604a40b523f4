namespace Admissions.Domain.Care;

/// <summary>A rule that fired: its name, the level it points to, and why, in one sentence.</summary>
public sealed record RuleFinding(string Rule, AsamLevel Level, LevelOfCare? CareSetting, string Reason);

/// <summary>
/// The level of care the rules recommend for a set of ratings. <see cref="Reasons"/> lists every rule that
/// fired, most intensive first; the first is the one recommended. <see cref="CareSetting"/> is null when
/// the patient needs a hospital rather than a program setting.
/// </summary>
public sealed record LevelOfCareRecommendation(
    AsamLevel Level,
    LevelOfCare? CareSetting,
    DimensionRatings Ratings,
    IReadOnlyList<RuleFinding> Reasons,
    IReadOnlyList<string> Warnings)
{
    public AsamEdition Edition => Level.Edition;

    /// <summary>Hospital care (ASAM Level 4): the patient is referred to a hospital, never booked into a program here.</summary>
    public bool RefersToHospital => CareSetting is null;
}
