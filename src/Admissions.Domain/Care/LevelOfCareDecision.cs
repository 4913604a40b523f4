using Admissions.Domain.Common;

namespace Admissions.Domain.Care;

/// <summary>A clinician's choice of another level or setting than the recommended one, and why.</summary>
public sealed record LevelOfCareOverride(AsamLevel Level, LevelOfCare? CareSetting, string Reason)
{
    public string Reason { get; } = string.IsNullOrWhiteSpace(Reason)
        ? throw new DomainRuleException("Give a reason for overriding the recommended level of care.")
        : Reason.Trim();
}

/// <summary>
/// A level of care a clinician decided, with the criteria set that justified it: under ASAM, the recommendation shown and the
/// level chosen; for a mental-health-only placement, the LOCUS or payer-criteria level and the rationale (no ASAM level).
/// </summary>
public sealed class LevelOfCareDecision
{
    private LevelOfCareDecision()
    {
    }

    internal LevelOfCareDecision(LevelOfCareRecommendation recommendation, LevelOfCareOverride? overriding, bool isAdmitting, Actor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        ArgumentNullException.ThrowIfNull(by);
        if (overriding is not null && overriding.Level.Edition != recommendation.Edition)
        {
            throw new DomainRuleException(
                $"The chosen level is from the {AsamLevels.Describe(overriding.Level.Edition)} edition; the ratings were made with the {AsamLevels.Describe(recommendation.Edition)}.");
        }

        if (overriding is not null && overriding.Level == recommendation.Level && overriding.CareSetting == recommendation.CareSetting)
        {
            throw new DomainRuleException("That is the recommended level and setting: accept the recommendation rather than overriding it.");
        }

        Criteria = CriteriaSet.Asam;
        Recommendation = recommendation;
        Level = overriding?.Level ?? recommendation.Level;
        CareSetting = overriding is null ? recommendation.CareSetting : overriding.CareSetting;
        IsOverride = overriding is not null;
        OverrideReason = overriding?.Reason;
        IsAdmitting = isAdmitting;
        DecidedBy = by;
        DecidedAt = at;
    }

    internal LevelOfCareDecision(MentalHealthPlacement placement, bool isAdmitting, Actor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(by);
        Criteria = placement.Criteria;
        CriteriaName = placement.CriteriaName;
        CriteriaLevel = placement.Level;
        CareSetting = placement.CareSetting;
        Rationale = placement.Rationale;
        IsAdmitting = isAdmitting;
        DecidedBy = by;
        DecidedAt = at;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public CriteriaSet Criteria { get; private init; }

    /// <summary>ASAM decisions: the rules' recommendation. Null for a mental-health placement under other criteria.</summary>
    public LevelOfCareRecommendation? Recommendation { get; private init; }

    /// <summary>ASAM decisions: the level decided. Null for a mental-health placement under other criteria.</summary>
    public AsamLevel? Level { get; private init; }

    /// <summary>Mental-health placements: "LOCUS" or the payer's criteria, the level they point to, and why they are met.</summary>
    public string? CriteriaName { get; private init; }
    public string? CriteriaLevel { get; private init; }
    public string? Rationale { get; private init; }

    /// <summary>Null when the patient goes to a hospital rather than a program setting.</summary>
    public LevelOfCare? CareSetting { get; private init; }

    public bool IsOverride { get; private init; }
    public string? OverrideReason { get; private init; }
    public bool IsAdmitting { get; private init; }
    public Actor DecidedBy { get; private init; } = null!;
    public DateTimeOffset DecidedAt { get; private init; }

    /// <summary>The ASAM edition of an ASAM decision; null under other criteria.</summary>
    public AsamEdition? Edition => Level?.Edition;

    public DimensionRatings? Ratings => Recommendation?.Ratings;

    /// <summary>Short code kept with an admission: the ASAM level, "LOCUS 5", or "Payer criteria".</summary>
    public string LevelCode => Criteria switch
    {
        CriteriaSet.Asam => Level!.Code,
        CriteriaSet.Locus => $"LOCUS {CriteriaLevel}",
        _ => "Payer criteria",
    };

    /// <summary>How people read the level: "ASAM 3.5", "LOCUS level 5", "Aetna LOCAT: residential".</summary>
    public string Label => Criteria switch
    {
        CriteriaSet.Asam => $"ASAM {Level!.Code}",
        CriteriaSet.Locus => $"LOCUS level {CriteriaLevel}",
        _ => $"{CriteriaName}: {CriteriaLevel}",
    };

    /// <summary>Rebuilds a stored ASAM decision exactly as it was recorded (persistence only; no rule is re-checked).</summary>
    public static LevelOfCareDecision Restore(
        Guid id, LevelOfCareRecommendation recommendation, AsamLevel level, LevelOfCare? careSetting, string? overrideReason,
        bool isAdmitting, Actor decidedBy, DateTimeOffset decidedAt) => new()
        {
            Id = id,
            Criteria = CriteriaSet.Asam,
            Recommendation = recommendation,
            Level = level,
            CareSetting = careSetting,
            IsOverride = overrideReason is not null,
            OverrideReason = overrideReason,
            IsAdmitting = isAdmitting,
            DecidedBy = decidedBy,
            DecidedAt = decidedAt,
        };

    /// <summary>Rebuilds a stored mental-health placement exactly as it was recorded (persistence only).</summary>
    public static LevelOfCareDecision Restore(
        Guid id, CriteriaSet criteria, string criteriaName, string criteriaLevel, LevelOfCare? careSetting, string rationale,
        bool isAdmitting, Actor decidedBy, DateTimeOffset decidedAt) => new()
        {
            Id = id,
            Criteria = criteria,
            CriteriaName = criteriaName,
            CriteriaLevel = criteriaLevel,
            CareSetting = careSetting,
            Rationale = rationale,
            IsAdmitting = isAdmitting,
            DecidedBy = decidedBy,
            DecidedAt = decidedAt,
        };
}
