using Admissions.Domain.Inquiries;
using Admissions.Domain.Screening;

namespace Admissions.Domain.Care;

/// <summary>
/// Recommends a level of care from explicit rules, listed from the most to the least intensive.
/// Every rule that fires is a reason; the first that fires is the recommendation.
/// </summary>
public static class LevelOfCareRules
{
    /// <summary>CIWA-Ar 8–15 is moderate alcohol withdrawal and above 15 severe (the common bands).</summary>
    public const int CiwaModerate = 8;
    public const int CiwaSevere = 16;

    /// <summary>With a history of complicated withdrawal, a CIWA-Ar this high needs a hospital.</summary>
    public const int CiwaHospital = 25;

    /// <summary>COWS 5–12 is mild, 13–24 moderate, 25–36 moderately severe, above 36 severe opioid withdrawal.</summary>
    public const int CowsMild = 5;
    public const int CowsModerate = 13;
    public const int CowsModeratelySevere = 25;
    public const int CowsSevere = 37;

    public const int Phq9Severe = 20;

    /// <summary>SOWS 11 or more is moderate in the bands in common use (SOWS is 0–64; the original paper gives no bands).</summary>
    public const int SowsModerate = 11;

    /// <summary>SAWS 12 or more indicates moderate to severe alcohol withdrawal (Gossop et al. 2002; Elholm et al. 2010).</summary>
    public const int SawsModerateToSevere = 12;

    private const int Moderate = 2;
    private const int High = 3;
    private const int Severe = 4;

    /// <summary>Withdrawal from these can bring seizures or delirium tremens.</summary>
    private const SubstanceConcerns SeizureRiskSubstances =
        SubstanceConcerns.Alcohol | SubstanceConcerns.Benzodiazepines | SubstanceConcerns.Sedatives;

    private const SubstanceConcerns Opioids = SubstanceConcerns.OpioidsHeroin | SubstanceConcerns.Fentanyl;

    public static readonly IReadOnlyList<LevelOfCareRule> All =
    [
        new("SafetyFirst", "safety first, inpatient psychiatric evaluation rather than a placement", "4", "4.0", null, SafetyFirst),
        // Level 4 is hospital care: no care setting, so no program here passes the fit check and the patient is referred to a hospital.
        new("MedicallyManagedWithdrawal", "medically managed withdrawal in a hospital", "4-WM", "4.0", null, MedicallyManagedWithdrawal),
        new("MedicallyMonitoredWithdrawal", "medically monitored withdrawal", "3.7-WM", "3.7", LevelOfCare.WithdrawalManagement, MedicallyMonitoredWithdrawal),
        // The 4th edition has no clinically managed withdrawal level; it folds withdrawal management into 3.7.
        new("ClinicallyManagedWithdrawal", "residential withdrawal management", "3.2-WM", "3.7", LevelOfCare.WithdrawalManagement, ClinicallyManagedWithdrawal),
        new("PsychiatricResidential", "residential with psychiatric care", "3.7", "3.7", LevelOfCare.MentalHealthResidential, PsychiatricResidential),
        new("BiomedicalMonitoring", "medically monitored residential", "3.7", "3.7", LevelOfCare.Residential, BiomedicalMonitoring),
        new("HighIntensityResidential", "high-intensity residential", "3.5", "3.5", LevelOfCare.Residential, HighIntensityResidential),
        new("AmbulatoryWithdrawal", "ambulatory withdrawal management", "2-WM", "2.7", LevelOfCare.PartialHospitalization, AmbulatoryWithdrawal),
        new("PartialHospitalization", "partial hospitalization", "2.5", "2.5", LevelOfCare.PartialHospitalization, PartialHospitalization),
        new("IntensiveOutpatient", "intensive outpatient", "2.1", "2.1", LevelOfCare.IntensiveOutpatient, IntensiveOutpatient),
        new("Outpatient", "outpatient", "1", "1.5", LevelOfCare.Outpatient, Outpatient),
    ];

    public static LevelOfCareRecommendation Recommend(ClinicalPicture picture, DimensionRatings ratings, AsamEdition edition = AsamEdition.Third)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(ratings);

        var findings = All.Select(rule => rule.Evaluate(picture, ratings, edition)).OfType<RuleFinding>().ToList();

        // The rating rules cover every combination of ratings (tested), so at least one always fires.
        var recommended = findings[0];
        var warnings = Warnings(picture);
        // The safety workflow's own warning already sends a high-risk caller to an inpatient psychiatric evaluation.
        if (recommended.CareSetting is null && picture.CssrsRisk != SuicideRisk.High)
        {
            warnings.Insert(0, $"Refer to a hospital: ASAM {recommended.Level.Code} (medically managed intensive inpatient) is hospital care, which no program here provides.");
        }

        return new(recommended.Level, recommended.CareSetting, ratings, findings, warnings);
    }

    private static string? SafetyFirst(ClinicalPicture picture, DimensionRatings ratings, AsamEdition edition) =>
        picture.CssrsRisk == SuicideRisk.High ? "C-SSRS high suicide risk" : null;

    private static string? MedicallyManagedWithdrawal(ClinicalPicture picture, DimensionRatings ratings, AsamEdition edition)
    {
        var history = ComplicatedWithdrawalHistory(picture);
        var severe = picture.CiwaArTotal >= CiwaSevere ? Ciwa(picture) : history;
        return Facts(
            ratings.IntoxicationWithdrawal == Severe ? "dimension 1 rated 4" : null,
            ratings.Biomedical == Severe && severe is not null ? $"dimension 2 rated 4 with {severe}" : null,
            picture.CiwaArTotal >= CiwaHospital && history is not null ? $"{Ciwa(picture)} with {history}" : null);
    }

    private static string? MedicallyMonitoredWithdrawal(ClinicalPicture picture, DimensionRatings ratings, AsamEdition edition) => Facts(
        picture.CiwaArTotal >= CiwaSevere ? Ciwa(picture) : null,
        picture.CowsTotal >= CowsModeratelySevere ? Cows(picture) : null,
        ComplicatedWithdrawalHistory(picture),
        ratings.IntoxicationWithdrawal >= High ? $"dimension 1 rated {ratings.IntoxicationWithdrawal}" : null);

    private static string? ClinicallyManagedWithdrawal(ClinicalPicture picture, DimensionRatings ratings, AsamEdition edition) =>
        ComplicatedWithdrawalHistory(picture) is null
        && Facts(
            picture.CiwaArTotal is >= CiwaModerate and < CiwaSevere ? Ciwa(picture) : null,
            picture.CowsTotal is >= CowsModerate and < CowsModeratelySevere ? Cows(picture) : null) is { } facts
            ? $"{facts} without a history of complicated withdrawal"
            : null;

    private static string? PsychiatricResidential(ClinicalPicture picture, DimensionRatings ratings, AsamEdition edition) =>
        ratings.EmotionalBehavioral >= High
        && Facts(
            picture.DualDiagnosis ? "a dual diagnosis" : null,
            picture.CssrsRisk == SuicideRisk.Moderate ? "C-SSRS moderate suicide risk" : null) is { } facts
            ? $"dimension 3 rated {ratings.EmotionalBehavioral} with {facts}"
            : null;

    private static string? BiomedicalMonitoring(ClinicalPicture picture, DimensionRatings ratings, AsamEdition edition) =>
        ratings.Biomedical >= High ? $"dimension 2 rated {ratings.Biomedical}" : null;

    private static string? HighIntensityResidential(ClinicalPicture picture, DimensionRatings ratings, AsamEdition edition) =>
        ratings.IntoxicationWithdrawal <= Moderate && ratings.Biomedical <= Moderate
        && Facts([.. Enumerable.Range(3, 4).Where(d => Places(edition, d)).Select(d => Rated(d, ratings[d], High))]) is { } facts
            ? $"{facts} with withdrawal and biomedical risk at 2 or lower"
            : null;

    private static string? AmbulatoryWithdrawal(ClinicalPicture picture, DimensionRatings ratings, AsamEdition edition) =>
        ratings.IntoxicationWithdrawal <= 1
        && Facts(
            picture.CiwaArTotal is > 0 and < CiwaModerate ? Ciwa(picture) : null,
            picture.CowsTotal is >= CowsMild and < CowsModerate ? Cows(picture) : null) is { } facts
            ? $"{facts} with dimension 1 rated {ratings.IntoxicationWithdrawal}"
            : null;

    private static string? PartialHospitalization(ClinicalPicture picture, DimensionRatings ratings, AsamEdition edition)
    {
        var (relapse, environment) = (AsamDimensions.RelapseRisk(edition), AsamDimensions.Environment(edition));
        return Facts(
            ratings[relapse] == Moderate ? $"dimension {relapse} rated 2" : null,
            ratings[environment] == Moderate ? $"dimension {environment} rated 2" : null);
    }

    private static string? IntensiveOutpatient(ClinicalPicture picture, DimensionRatings ratings, AsamEdition edition)
    {
        var environment = AsamDimensions.Environment(edition);
        return Worst(ratings, edition) == Moderate && ratings[environment] <= 1
            ? $"no dimension above 2 and dimension {environment} rated {ratings[environment]}"
            : null;
    }

    private static string? Outpatient(ClinicalPicture picture, DimensionRatings ratings, AsamEdition edition) =>
        Worst(ratings, edition) <= 1 ? "every dimension rated 1 or lower" : null;

    /// <summary>
    /// Whether a dimension's risk rating places a patient in a level. Every dimension does in the 3rd edition; in the 4th,
    /// person-centered considerations (6) shape how care is given, not its intensity, so they do not.
    /// </summary>
    private static bool Places(AsamEdition edition, int dimension) =>
        edition != AsamEdition.Fourth || dimension != AsamDimensions.Engagement(AsamEdition.Fourth);

    private static int Worst(DimensionRatings ratings, AsamEdition edition) =>
        Enumerable.Range(1, 6).Where(d => Places(edition, d)).Max(d => ratings[d]);

    private static List<string> Warnings(ClinicalPicture picture)
    {
        var warnings = new List<string>();
        if (picture.CssrsRisk == SuicideRisk.High)
        {
            warnings.Add("Safety first: high suicide risk on the C-SSRS. Start the safety workflow now; placement waits for an inpatient psychiatric evaluation.");
        }

        if (picture.CssrsRisk == SuicideRisk.Moderate)
        {
            warnings.Add("Moderate suicide risk on the C-SSRS: make a safety plan and have a clinician review it before placement.");
        }

        var opioidUse = picture.Substances.Any(use => (use.Substance & Opioids) != 0 && use.IsCurrentAsOf(picture.AssessedAt));
        if (picture.Pregnant == true && (opioidUse || picture.CowsTotal >= CowsMild || picture.CiwaArTotal >= CiwaModerate))
        {
            warnings.Add("Pregnant with opioid use or withdrawal: obstetric consult before any withdrawal plan.");
        }

        if (picture.Phq9Total >= Phq9Severe)
        {
            warnings.Add($"PHQ-9 {picture.Phq9Total} (severe depression): psychiatric assessment.");
        }

        // A caller's own rating by phone is risk information for planning the arrival, not the observed severity the
        // withdrawal rules read (COWS and CIWA-Ar rate signs a clinician sees, starting with the resting pulse).
        if (picture.SowsSelfReport is { } sows)
        {
            warnings.Add(sows >= SowsModerate
                ? $"Self-reported by phone: SOWS {sows} (moderate or worse opioid withdrawal). Risk information only: plan for a clinician to rate COWS on arrival."
                : $"Self-reported by phone: SOWS {sows}. Risk information only; a clinician rates COWS on arrival.");
        }

        if (picture.SawsSelfReport is { } saws)
        {
            warnings.Add(saws >= SawsModerateToSevere
                ? $"Self-reported by phone: SAWS {saws} (moderate to severe alcohol withdrawal). Risk information only: plan for a clinician to rate CIWA-Ar on arrival."
                : $"Self-reported by phone: SAWS {saws}. Risk information only; a clinician rates CIWA-Ar on arrival.");
        }

        return warnings;
    }

    private static string? ComplicatedWithdrawalHistory(ClinicalPicture picture)
    {
        var use = picture.Substances.FirstOrDefault(use =>
            (use.Substance & SeizureRiskSubstances) != 0 && use.HadComplicatedWithdrawal && use.IsCurrentAsOf(picture.AssessedAt));
        if (use is null)
        {
            return null;
        }

        var substance = use.Substance switch
        {
            SubstanceConcerns.Alcohol => "alcohol",
            SubstanceConcerns.Benzodiazepines => "benzodiazepine",
            _ => "sedative",
        };
        var complications = (use.PriorSeizures, use.PriorDeliriumTremens) switch
        {
            (true, true) => "withdrawal seizures and delirium tremens",
            (true, false) => "withdrawal seizures",
            _ => "delirium tremens",
        };
        return $"current {substance} use with a history of {complications}";
    }

    private static string Ciwa(ClinicalPicture picture) => picture.CiwaArTotal switch
    {
        >= CiwaSevere => $"CIWA-Ar {picture.CiwaArTotal} (severe)",
        >= CiwaModerate => $"CIWA-Ar {picture.CiwaArTotal} (moderate)",
        _ => $"CIWA-Ar {picture.CiwaArTotal} (minimal)",
    };

    private static string Cows(ClinicalPicture picture) => picture.CowsTotal switch
    {
        >= CowsSevere => $"COWS {picture.CowsTotal} (severe)",
        >= CowsModeratelySevere => $"COWS {picture.CowsTotal} (moderately severe)",
        >= CowsModerate => $"COWS {picture.CowsTotal} (moderate)",
        _ => $"COWS {picture.CowsTotal} (mild)",
    };

    private static string? Rated(int dimension, int rating, int atLeast) =>
        rating >= atLeast ? $"dimension {dimension} rated {rating}" : null;

    /// <summary>The facts that hold, joined; null when none does, so the rule does not fire.</summary>
    private static string? Facts(params string?[] facts)
    {
        var holding = facts.OfType<string>().ToArray();
        return holding.Length == 0 ? null : string.Join("; ", holding);
    }
}
