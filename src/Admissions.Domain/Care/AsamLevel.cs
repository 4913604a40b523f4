using Admissions.Domain.Common;

namespace Admissions.Domain.Care;

/// <summary>The edition of the ASAM Criteria a level or a set of ratings belongs to.</summary>
public enum AsamEdition
{
    Third,
    Fourth,
}

/// <summary>
/// One ASAM level of care, named in our own words (the ASAM text is licensed).
/// <see cref="CareSetting"/> is the program setting the level is usually delivered in; it is null
/// for hospital levels, which no program setting provides.
/// </summary>
/// <param name="ManagesWithdrawal">
/// 3rd edition: the -WM levels. 4th edition: the medically managed levels (1.7, 2.7, 3.7, 4.0),
/// into which that edition folds withdrawal management.
/// </param>
public sealed record AsamLevel(AsamEdition Edition, string Code, string Name, bool ManagesWithdrawal, LevelOfCare? CareSetting)
{
    /// <summary>
    /// Level 4 (medically managed intensive inpatient, 4-WM and 4.0) is delivered in an acute-care hospital with 24-hour
    /// physician care (ASAM Criteria 3rd ed., 2013, Level 4 definition; 4th ed., 2023): no program of this facility provides it.
    /// </summary>
    public bool IsHospital => CareSetting is null;

    public override string ToString() => Code;
}

public static class AsamLevels
{
    private static readonly AsamLevel[] Third =
    [
        new(AsamEdition.Third, "0.5", "Early intervention", false, LevelOfCare.Outpatient),
        new(AsamEdition.Third, "1", "Outpatient", false, LevelOfCare.Outpatient),
        new(AsamEdition.Third, "2.1", "Intensive outpatient", false, LevelOfCare.IntensiveOutpatient),
        new(AsamEdition.Third, "2.5", "Partial hospitalization", false, LevelOfCare.PartialHospitalization),
        new(AsamEdition.Third, "3.1", "Low-intensity residential, clinically managed", false, LevelOfCare.Residential),
        new(AsamEdition.Third, "3.3", "Population-specific high-intensity residential, clinically managed", false, LevelOfCare.Residential),
        new(AsamEdition.Third, "3.5", "High-intensity residential, clinically managed", false, LevelOfCare.Residential),
        new(AsamEdition.Third, "3.7", "Inpatient, medically monitored", false, LevelOfCare.Residential),
        new(AsamEdition.Third, "4", "Hospital inpatient, medically managed", false, null),
        // Ambulatory withdrawal management is not a residential stay, so it is not billed per day
        // as the WithdrawalManagement setting is: office visits are outpatient, day-long monitoring is a day program.
        new(AsamEdition.Third, "1-WM", "Withdrawal management in office visits", true, LevelOfCare.Outpatient),
        new(AsamEdition.Third, "2-WM", "Withdrawal management with day-long on-site monitoring", true, LevelOfCare.PartialHospitalization),
        new(AsamEdition.Third, "3.2-WM", "Residential withdrawal management, clinically managed", true, LevelOfCare.WithdrawalManagement),
        new(AsamEdition.Third, "3.7-WM", "Inpatient withdrawal management, medically monitored", true, LevelOfCare.WithdrawalManagement),
        // Level 4-WM is hospital care, not the facility's detox program: only an acute-care hospital provides it.
        new(AsamEdition.Third, "4-WM", "Hospital withdrawal management, medically managed", true, null),
    ];

    private static readonly AsamLevel[] Fourth =
    [
        new(AsamEdition.Fourth, "1.0", "Remission monitoring", false, LevelOfCare.Outpatient),
        new(AsamEdition.Fourth, "1.5", "Outpatient therapy", false, LevelOfCare.Outpatient),
        new(AsamEdition.Fourth, "1.7", "Outpatient with medical management", true, LevelOfCare.Outpatient),
        new(AsamEdition.Fourth, "2.1", "Intensive outpatient", false, LevelOfCare.IntensiveOutpatient),
        new(AsamEdition.Fourth, "2.5", "High-intensity outpatient", false, LevelOfCare.PartialHospitalization),
        new(AsamEdition.Fourth, "2.7", "Intensive outpatient with medical management", true, LevelOfCare.PartialHospitalization),
        new(AsamEdition.Fourth, "3.1", "Low-intensity residential, clinically managed", false, LevelOfCare.Residential),
        new(AsamEdition.Fourth, "3.5", "High-intensity residential, clinically managed", false, LevelOfCare.Residential),
        new(AsamEdition.Fourth, "3.7", "Residential with medical management", true, LevelOfCare.Residential),
        new(AsamEdition.Fourth, "4.0", "Hospital inpatient, medically managed", true, null),
    ];

    public static IReadOnlyList<AsamLevel> For(AsamEdition edition) => edition switch
    {
        AsamEdition.Third => Third,
        AsamEdition.Fourth => Fourth,
        _ => throw new ArgumentOutOfRangeException(nameof(edition), edition, "Unknown ASAM edition."),
    };

    public static AsamLevel Parse(AsamEdition edition, string code)
    {
        var trimmed = code?.Trim();
        return For(edition).FirstOrDefault(level => string.Equals(level.Code, trimmed, StringComparison.OrdinalIgnoreCase))
            ?? throw new DomainRuleException($"'{code}' is not an ASAM {Describe(edition)} edition level.");
    }

    public static string Describe(AsamEdition edition) => edition == AsamEdition.Fourth ? "4th" : "3rd";
}
