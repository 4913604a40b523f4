namespace Admissions.Domain.Inquiries;

/// <summary>Whether an inquiry is about substance use, which decides the consent rules and the placement criteria that apply.</summary>
public static class CareScope
{
    /// <summary>
    /// Mental health only: a mental-health concern and no substance use recorded, on the inquiry or in the clinical intake.
    /// Such records are not Part 2 records (42 CFR 2.11: a "patient" applied for substance use disorder diagnosis, treatment
    /// or referral), and the placement is decided under LOCUS or the payer's criteria rather than ASAM. An inquiry with
    /// nothing recorded yet counts as substance use: it reached a substance use disorder program.
    /// </summary>
    public static bool IsMentalHealthOnly(InquiryDetails details, bool intakeRecordsSubstances)
    {
        ArgumentNullException.ThrowIfNull(details);
        return details.MentalHealthConcerns != MentalHealthConcerns.None && details.Substances == SubstanceConcerns.None && !intakeRecordsSubstances;
    }
}
