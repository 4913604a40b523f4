namespace Admissions.Domain.Screening;

/// <summary>
/// The C-SSRS screener's risk grading. It is not a sum: the most serious yes decides. A definition
/// using <c>"scoring": "cssrs"</c> must have these yes/no item ids.
/// </summary>
public static class CssrsRiskRule
{
    public const string WishToBeDead = "q1";
    public const string NonSpecificThoughts = "q2";
    public const string ThoughtsWithMethod = "q3";
    public const string IntentWithoutPlan = "q4";
    public const string IntentWithPlan = "q5";
    public const string Behaviour = "q6";
    public const string BehaviourWithinThreeMonths = "q6-recent";

    internal static readonly IReadOnlyList<string> ItemIds =
    [
        WishToBeDead, NonSpecificThoughts, ThoughtsWithMethod, IntentWithoutPlan, IntentWithPlan, Behaviour,
        BehaviourWithinThreeMonths,
    ];

    public static SuicideRisk Evaluate(IReadOnlyDictionary<string, int> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        bool Yes(string item) => answers.TryGetValue(item, out var answer) && answer == 1;

        // Behaviour whose timing is not known yet counts as recent: the safe side.
        var recentBehaviour = Yes(Behaviour)
            && !(answers.TryGetValue(BehaviourWithinThreeMonths, out var recent) && recent == 0);
        if (Yes(IntentWithoutPlan) || Yes(IntentWithPlan) || recentBehaviour)
        {
            return SuicideRisk.High;
        }

        if (Yes(ThoughtsWithMethod) || Yes(Behaviour))
        {
            return SuicideRisk.Moderate;
        }

        return Yes(WishToBeDead) || Yes(NonSpecificThoughts) ? SuicideRisk.Low : SuicideRisk.None;
    }
}
