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
}

/// <summary>Suicide risk as the C-SSRS screener grades it; drives the safety workflow.</summary>
public enum SuicideRisk
{
    None,
    Low,
    Moderate,
    High,
}
