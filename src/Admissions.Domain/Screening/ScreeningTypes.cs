namespace Admissions.Domain.Screening;

/// <summary>The screening instruments a coordinator or clinician can administer during a call.</summary>
public enum InstrumentCode
{
    Phq9,
    Gad7,
    Cssrs,
    CiwaAr,
    Cows,
    Audit,
    Dast10,

    /// <summary>Subjective Opiate Withdrawal Scale: the caller rates their own opioid withdrawal symptoms (phone pre-screening).</summary>
    Sows,

    /// <summary>Short Alcohol Withdrawal Scale: the caller rates their own alcohol withdrawal symptoms (phone pre-screening).</summary>
    Saws,
}

/// <summary>
/// How an instrument is administered. What the answers can stand for follows from it: a clinician's observation of signs
/// (COWS starts with the resting pulse) measures withdrawal severity; a caller's own rating on the phone is risk information.
/// </summary>
public enum Administration
{
    /// <summary>Asked during the call; the answers are the person's own (PHQ-9, GAD-7, C-SSRS, AUDIT, DAST-10).</summary>
    Interview,

    /// <summary>The person rates their own symptoms, e.g. on the phone before arrival (SOWS, SAWS): risk information, not an observed severity.</summary>
    SelfReport,

    /// <summary>A clinician observes and rates signs in person, at or after the patient's arrival (COWS, CIWA-Ar).</summary>
    ClinicianObserved,
}

/// <summary>Suicide risk as the C-SSRS screener grades it; drives the safety workflow.</summary>
public enum SuicideRisk
{
    None,
    Low,
    Moderate,
    High,
}
