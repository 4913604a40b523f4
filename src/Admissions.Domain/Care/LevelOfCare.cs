namespace Admissions.Domain.Care;

/// <summary>
/// The care settings a program offers, as payers and coordinators speak of them. The clinical
/// ASAM level decided for a patient maps onto one of these.
/// </summary>
public enum LevelOfCare
{
    WithdrawalManagement,
    Residential,
    MentalHealthResidential,
    PartialHospitalization,
    IntensiveOutpatient,
    Outpatient,
}

public static class LevelsOfCare
{
    public static readonly IReadOnlyList<LevelOfCare> All = Enum.GetValues<LevelOfCare>();

    public static string Describe(LevelOfCare level) => level switch
    {
        LevelOfCare.WithdrawalManagement => "Detox (withdrawal management)",
        LevelOfCare.Residential => "Residential",
        LevelOfCare.MentalHealthResidential => "Mental-health residential",
        LevelOfCare.PartialHospitalization => "PHP (partial hospitalization)",
        LevelOfCare.IntensiveOutpatient => "IOP (intensive outpatient)",
        LevelOfCare.Outpatient => "Outpatient",
        _ => level.ToString(),
    };

    /// <summary>Stays are billed per day; outpatient levels per session or visit.</summary>
    public static bool IsInpatient(LevelOfCare level) =>
        level is LevelOfCare.WithdrawalManagement or LevelOfCare.Residential or LevelOfCare.MentalHealthResidential;
}
