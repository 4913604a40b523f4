namespace Admissions.Domain.Screening;

public enum AlertLevel
{
    None,
    ClinicianReview,
    Immediate,
}

public sealed record SafetyAlert(AlertLevel Level, string Reason)
{
    public static SafetyAlert None { get; } = new(AlertLevel.None, "");
}

/// <summary>The answers that start the safety workflow, whatever the total or band says.</summary>
public static class ScreeningSafety
{
    private const int Phq9SelfHarmItem = 9;

    public static SafetyAlert Evaluate(ScreeningResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Instrument switch
        {
            InstrumentCode.Phq9 when result.Answered.Any(item => item.Number == Phq9SelfHarmItem && item.Answer > 0) =>
                new(AlertLevel.Immediate, "PHQ-9 item 9: thoughts of being better off dead or of self-harm."),
            InstrumentCode.Cssrs when result.SuicideRisk == SuicideRisk.High =>
                new(AlertLevel.Immediate, "C-SSRS: high suicide risk."),
            InstrumentCode.Cssrs when result.SuicideRisk == SuicideRisk.Moderate =>
                new(AlertLevel.ClinicianReview, "C-SSRS: moderate suicide risk; a clinician reviews before the call ends."),
            _ => SafetyAlert.None,
        };
    }
}
