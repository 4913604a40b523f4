using Admissions.Domain.Common;
using Admissions.Domain.Screening;

namespace Admissions.Domain.Care;

/// <summary>What the level-of-care rules read besides the dimension ratings: substance use, health and screening results.</summary>
public sealed record ClinicalPicture
{
    public const int CiwaArMaximum = 67;
    public const int CowsMaximum = 48;
    public const int Phq9Maximum = 27;
    public const int SowsMaximum = 64;
    public const int SawsMaximum = 30;

    /// <summary>When the picture was taken; last-use times are measured from it.</summary>
    public required DateTimeOffset AssessedAt { get; init; }

    public IReadOnlyList<SubstanceUse> Substances { get; init; } = [];
    public string? Medications { get; init; }
    public string? MedicalConditions { get; init; }
    public bool? Pregnant { get; init; }
    public bool DualDiagnosis { get; init; }

    /// <summary>The latest CIWA-Ar a clinician recorded in person (observed signs): drives the withdrawal rules.</summary>
    public int? CiwaArTotal
    {
        get;
        init => field = InRange("CIWA-Ar", value, CiwaArMaximum);
    }

    /// <summary>The latest COWS a clinician recorded in person (observed signs): drives the withdrawal rules.</summary>
    public int? CowsTotal
    {
        get;
        init => field = InRange("COWS", value, CowsMaximum);
    }

    /// <summary>SOWS total the caller reported by phone: risk information, never read as an observed severity.</summary>
    public int? SowsSelfReport
    {
        get;
        init => field = InRange("SOWS", value, SowsMaximum);
    }

    /// <summary>SAWS total the caller reported by phone: risk information, never read as an observed severity.</summary>
    public int? SawsSelfReport
    {
        get;
        init => field = InRange("SAWS", value, SawsMaximum);
    }

    public SuicideRisk? CssrsRisk { get; init; }

    public int? Phq9Total
    {
        get;
        init => field = InRange("PHQ-9", value, Phq9Maximum);
    }

    private static int? InRange(string instrument, int? total, int maximum) => total is not { } value || (value >= 0 && value <= maximum)
        ? total
        : throw new DomainRuleException($"A {instrument} total is 0 to {maximum}; {total} is out of range.");
}
