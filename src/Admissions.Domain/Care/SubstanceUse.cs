using System.Numerics;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;

namespace Admissions.Domain.Care;

public enum SubstanceRoute
{
    Oral,
    Smoked,
    Intranasal,
    Injected,
    Other,
}

public enum UseFrequency
{
    LessThanWeekly,
    Weekly,
    SeveralTimesAWeek,
    Daily,
    SeveralTimesADay,
}

/// <summary>How a patient uses one substance, as told to the clinician.</summary>
public sealed record SubstanceUse
{
    /// <summary>
    /// Use this recent still counts as current for withdrawal risk: long-acting benzodiazepine
    /// withdrawal can start a week or more after the last dose.
    /// </summary>
    public static readonly TimeSpan CurrentUseWindow = TimeSpan.FromDays(14);

    /// <summary>One kind per entry.</summary>
    public required SubstanceConcerns Substance
    {
        get;
        init => field = BitOperations.IsPow2((int)value) && Enum.IsDefined(value)
            ? value
            : throw new DomainRuleException("Record one substance per entry.");
    }

    public SubstanceRoute Route { get; init; }
    public UseFrequency? Frequency { get; init; }
    public string? Amount { get; init; }
    public DateTimeOffset? LastUse { get; init; }

    public decimal? YearsOfUse
    {
        get;
        init => field = value is null or >= 0 ? value : throw new DomainRuleException("Years of use cannot be negative.");
    }

    public bool PriorSeizures { get; init; }
    public bool PriorDeliriumTremens { get; init; }

    public int PriorTreatmentEpisodes
    {
        get;
        init => field = value >= 0 ? value : throw new DomainRuleException("Prior treatment episodes cannot be negative.");
    }

    public bool HadComplicatedWithdrawal => PriorSeizures || PriorDeliriumTremens;

    /// <summary>An unknown last use counts as current: missing a withdrawal risk costs more than checking one.</summary>
    public bool IsCurrentAsOf(DateTimeOffset at) => LastUse is not { } last || at - last <= CurrentUseWindow;
}
