using Admissions.Domain.Common;

namespace Admissions.Domain.Care;

/// <summary>
/// The levels of care decided for one inquiry's patient: the admitting decision first, then every
/// change, appended and never edited.
/// </summary>
public sealed class LevelOfCareHistory : AggregateRoot, IInquiryRecord
{
    private readonly List<LevelOfCareDecision> _decisions = [];

    private LevelOfCareHistory()
    {
    }

    public LevelOfCareHistory(Guid inquiryId) => InquiryId = inquiryId;

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public Guid InquiryId { get; private init; }
    public IReadOnlyList<LevelOfCareDecision> Decisions => _decisions.AsReadOnly();

    /// <summary>When the patient was checked in; the admitting level is fixed from then on.</summary>
    public DateTimeOffset? AdmittedAt { get; private set; }
    public Guid? AdmittingDecisionId { get; private set; }

    /// <summary>The level the patient was admitted at once checked in; before that, the first decision.</summary>
    public LevelOfCareDecision? Admitting => AdmittingDecisionId is { } id
        ? _decisions.First(d => d.Id == id)
        : _decisions.Count == 0 ? null : _decisions[0];

    public LevelOfCareDecision? Current => _decisions.Count == 0 ? null : _decisions[^1];

    /// <summary>
    /// The admitting decision's care setting (the first decision, then the one fixed at check-in), kept as its own
    /// column so reports can group by it without reading the decisions.
    /// </summary>
    public LevelOfCare? AdmittingCareSetting { get; private set; }

    /// <summary>Records the admitting level of care: the recommendation accepted, or overridden with a reason.</summary>
    public LevelOfCareDecision Decide(LevelOfCareRecommendation recommendation, Actor by, DateTimeOffset at, LevelOfCareOverride? overriding = null)
    {
        if (_decisions.Count > 0)
        {
            throw new DomainRuleException("The admitting level of care is already decided; record a change instead.");
        }

        var decision = Append(new(recommendation, overriding, isAdmitting: true, by, at));
        AdmittingCareSetting = decision.CareSetting;
        return decision;
    }

    /// <summary>
    /// Records a mental-health-only placement under LOCUS or the payer's criteria: the admitting decision when none is made yet,
    /// else a change.
    /// </summary>
    public LevelOfCareDecision Place(MentalHealthPlacement placement, Actor by, DateTimeOffset at)
    {
        if (Current is { } current && at < current.DecidedAt)
        {
            throw new DomainRuleException("A change cannot be dated before the decision it follows.");
        }

        var decision = Append(new(placement, isAdmitting: _decisions.Count == 0, by, at));
        if (decision.IsAdmitting)
        {
            AdmittingCareSetting = decision.CareSetting;
        }

        return decision;
    }

    /// <summary>Records a later level of care after a reassessment.</summary>
    public LevelOfCareDecision Change(LevelOfCareRecommendation recommendation, Actor by, DateTimeOffset at, LevelOfCareOverride? overriding = null)
    {
        if (Current is not { } current)
        {
            throw new DomainRuleException("Decide the admitting level of care before changing it.");
        }

        if (at < current.DecidedAt)
        {
            throw new DomainRuleException("A change cannot be dated before the decision it follows.");
        }

        return Append(new(recommendation, overriding, isAdmitting: false, by, at));
    }

    /// <summary>At check-in: the current decision becomes the admitting level of care, for good.</summary>
    public LevelOfCareDecision FixAdmitting(DateTimeOffset at)
    {
        if (AdmittedAt is not null)
        {
            throw new DomainRuleException("The admitting level of care is already fixed.");
        }

        var current = Current ?? throw new DomainRuleException("A clinician must decide the level of care before the patient is checked in.");
        AdmittedAt = at;
        AdmittingDecisionId = current.Id;
        AdmittingCareSetting = current.CareSetting;
        return current;
    }

    private LevelOfCareDecision Append(LevelOfCareDecision decision)
    {
        _decisions.Add(decision);
        return decision;
    }
}
