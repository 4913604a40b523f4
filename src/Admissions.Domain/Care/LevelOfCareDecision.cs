using Admissions.Domain.Common;

namespace Admissions.Domain.Care;

/// <summary>A clinician's choice of another level or setting than the recommended one, and why.</summary>
public sealed record LevelOfCareOverride(AsamLevel Level, LevelOfCare? CareSetting, string Reason)
{
    public string Reason { get; } = string.IsNullOrWhiteSpace(Reason)
        ? throw new DomainRuleException("Give a reason for overriding the recommended level of care.")
        : Reason.Trim();
}

/// <summary>A level of care a clinician decided: the recommendation shown, the level chosen, and who chose it when.</summary>
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

        Recommendation = recommendation;
        Level = overriding?.Level ?? recommendation.Level;
        CareSetting = overriding is null ? recommendation.CareSetting : overriding.CareSetting;
        IsOverride = overriding is not null;
        OverrideReason = overriding?.Reason;
        IsAdmitting = isAdmitting;
        DecidedBy = by;
        DecidedAt = at;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public LevelOfCareRecommendation Recommendation { get; private init; } = null!;
    public AsamLevel Level { get; private init; } = null!;

    /// <summary>Null when the patient goes to a hospital rather than a program setting.</summary>
    public LevelOfCare? CareSetting { get; private init; }

    public bool IsOverride { get; private init; }
    public string? OverrideReason { get; private init; }
    public bool IsAdmitting { get; private init; }
    public Actor DecidedBy { get; private init; } = null!;
    public DateTimeOffset DecidedAt { get; private init; }

    public AsamEdition Edition => Recommendation.Edition;

    /// <summary>Rebuilds a stored decision exactly as it was recorded (persistence only; no rule is re-checked).</summary>
    public static LevelOfCareDecision Restore(
        Guid id, LevelOfCareRecommendation recommendation, AsamLevel level, LevelOfCare? careSetting, string? overrideReason,
        bool isAdmitting, Actor decidedBy, DateTimeOffset decidedAt) => new()
        {
            Id = id,
            Recommendation = recommendation,
            Level = level,
            CareSetting = careSetting,
            IsOverride = overrideReason is not null,
            OverrideReason = overrideReason,
            IsAdmitting = isAdmitting,
            DecidedBy = decidedBy,
            DecidedAt = decidedAt,
        };
    public DimensionRatings Ratings => Recommendation.Ratings;
}
