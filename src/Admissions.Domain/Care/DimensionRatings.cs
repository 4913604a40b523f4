using Admissions.Domain.Common;

namespace Admissions.Domain.Care;

/// <summary>
/// A clinician's risk rating, 0 (none) to 4 (severe), for each of the six ASAM dimensions, by position. The property names
/// are the 3rd edition's; under the 4th edition position 4 is substance use-related risks, 5 the recovery environment and
/// 6 person-centered considerations (<see cref="AsamDimensions"/> names them per edition).
/// </summary>
public sealed record DimensionRatings
{
    public const int Lowest = 0;
    public const int Highest = 4;

    public DimensionRatings(int intoxicationWithdrawal, int biomedical, int emotionalBehavioral, int readiness, int relapse, int recoveryEnvironment)
    {
        IntoxicationWithdrawal = Checked(1, intoxicationWithdrawal);
        Biomedical = Checked(2, biomedical);
        EmotionalBehavioral = Checked(3, emotionalBehavioral);
        Readiness = Checked(4, readiness);
        Relapse = Checked(5, relapse);
        RecoveryEnvironment = Checked(6, recoveryEnvironment);
    }

    private DimensionRatings()
    {
    }

    /// <summary>Dimension 1: acute intoxication and withdrawal potential.</summary>
    public int IntoxicationWithdrawal { get; private init; }

    /// <summary>Dimension 2: biomedical conditions.</summary>
    public int Biomedical { get; private init; }

    /// <summary>Dimension 3: emotional, behavioural or cognitive conditions.</summary>
    public int EmotionalBehavioral { get; private init; }

    /// <summary>Dimension 4: readiness to change.</summary>
    public int Readiness { get; private init; }

    /// <summary>Dimension 5: relapse or continued use potential.</summary>
    public int Relapse { get; private init; }

    /// <summary>Dimension 6: recovery environment.</summary>
    public int RecoveryEnvironment { get; private init; }

    /// <summary>The rating of dimension 1–6, whatever the edition calls it.</summary>
    public int this[int dimension] => dimension switch
    {
        1 => IntoxicationWithdrawal,
        2 => Biomedical,
        3 => EmotionalBehavioral,
        4 => Readiness,
        5 => Relapse,
        6 => RecoveryEnvironment,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "ASAM has six dimensions."),
    };

    public int Worst =>
        Math.Max(Math.Max(Math.Max(IntoxicationWithdrawal, Biomedical), Math.Max(EmotionalBehavioral, Readiness)), Math.Max(Relapse, RecoveryEnvironment));

    private static int Checked(int dimension, int rating) => rating is >= Lowest and <= Highest
        ? rating
        : throw new DomainRuleException($"Dimension {dimension} must be rated {Lowest} to {Highest}; {rating} is out of range.");
}
