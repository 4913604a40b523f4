using Admissions.Domain.Common;

namespace Admissions.Domain.Care;

/// <summary>
/// The criteria that justified a placement. ASAM is for substance use (and co-occurring conditions); a mental-health-only
/// placement is decided under LOCUS or the payer's own medical-necessity criteria instead of forcing ASAM levels onto it.
/// </summary>
public enum CriteriaSet
{
    Asam,

    /// <summary>Level of Care Utilization System (American Association for Community Psychiatry).</summary>
    Locus,

    /// <summary>The payer's own level-of-care criteria (e.g. InterQual, MCG or the plan's published guidelines), named on the decision.</summary>
    PayerCriteria,
}

/// <summary>
/// LOCUS's levels, 0 to 6, in our own short words. LOCUS is copyrighted and its electronic use is licensed (AACP; electronic
/// rights held by Deerfield Behavioral Health): we record the level a clinician reached with it, never the instrument.
/// The care setting is where this facility delivers that intensity; level 6 is inpatient psychiatric care, a hospital.
/// </summary>
public static class LocusLevels
{
    public sealed record LocusLevel(string Code, string Name, LevelOfCare? CareSetting);

    public static readonly IReadOnlyList<LocusLevel> All =
    [
        new("0", "Basic services", LevelOfCare.Outpatient),
        new("1", "Recovery maintenance and health management", LevelOfCare.Outpatient),
        new("2", "Low-intensity community-based services", LevelOfCare.Outpatient),
        new("3", "High-intensity community-based services", LevelOfCare.IntensiveOutpatient),
        new("4", "Medically monitored non-residential services", LevelOfCare.PartialHospitalization),
        new("5", "Medically monitored residential services", LevelOfCare.MentalHealthResidential),
        new("6", "Medically managed residential services (inpatient psychiatric)", null),
    ];

    public static LocusLevel Parse(string? code) => All.FirstOrDefault(l => l.Code == code?.Trim())
        ?? throw new DomainRuleException($"'{code}' is not a LOCUS level; LOCUS levels are 0 to 6.");
}

/// <summary>A mental-health-only placement: the criteria set, its level, the setting chosen and the clinician's rationale.</summary>
public sealed record MentalHealthPlacement
{
    /// <summary>The care settings a mental-health placement can use here; null is an inpatient psychiatric hospital.</summary>
    public static readonly IReadOnlyList<LevelOfCare?> Settings =
        [LevelOfCare.MentalHealthResidential, LevelOfCare.PartialHospitalization, LevelOfCare.IntensiveOutpatient, LevelOfCare.Outpatient, null];

    public MentalHealthPlacement(CriteriaSet criteria, string? criteriaName, string level, LevelOfCare? careSetting, string rationale)
    {
        if (criteria == CriteriaSet.Asam)
        {
            throw new DomainRuleException("ASAM levels are decided from the dimension ratings, not as a mental-health placement.");
        }

        if (criteria == CriteriaSet.PayerCriteria && string.IsNullOrWhiteSpace(criteriaName))
        {
            throw new DomainRuleException("Name the payer's criteria the placement meets (e.g. the plan's level-of-care guideline).");
        }

        if (string.IsNullOrWhiteSpace(level))
        {
            throw new DomainRuleException("Give the level the criteria point to.");
        }

        if (criteria == CriteriaSet.Locus)
        {
            LocusLevels.Parse(level);
        }

        if (!Settings.Contains(careSetting))
        {
            throw new DomainRuleException($"{(careSetting is { } s ? LevelsOfCare.Describe(s) : "That setting")} is a substance-use setting; choose a mental-health setting.");
        }

        if (string.IsNullOrWhiteSpace(rationale))
        {
            throw new DomainRuleException("Say why the criteria are met.");
        }

        Criteria = criteria;
        CriteriaName = criteria == CriteriaSet.Locus ? "LOCUS" : criteriaName!.Trim();
        Level = level.Trim();
        CareSetting = careSetting;
        Rationale = rationale.Trim();
    }

    public CriteriaSet Criteria { get; }
    public string CriteriaName { get; }
    public string Level { get; }
    public LevelOfCare? CareSetting { get; }
    public string Rationale { get; }
}
