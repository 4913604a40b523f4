using Admissions.Domain.Care;

namespace Admissions.Domain.Insurance;

/// <summary>
/// Whether care at a level treats a substance use disorder or a mental illness. Detox and residential are
/// substance-use settings and mental-health residential a mental-health one; PHP, IOP and outpatient run both,
/// and the codes sent to a payer differ between them.
/// </summary>
public enum CareTrack
{
    SubstanceUse,
    MentalHealth,
}

public static class CareTracks
{
    /// <summary>The track a level is on when the caller's track does not apply to it.</summary>
    public static CareTrack For(LevelOfCare level, CareTrack track) => level switch
    {
        LevelOfCare.WithdrawalManagement or LevelOfCare.Residential => CareTrack.SubstanceUse,
        LevelOfCare.MentalHealthResidential => CareTrack.MentalHealth,
        _ => track,
    };

    /// <summary>
    /// A 278 is on the substance-use track when its principal diagnosis is an ICD-10-CM F10–F19 code (mental and
    /// behavioural disorders due to psychoactive substance use), else on the mental-health track.
    /// Source: ICD-10-CM Tabular List, chapter 5, block F10-F19 (CDC/NCHS, FY2025 release).
    /// </summary>
    public static CareTrack ForDiagnoses(IEnumerable<string> codes)
    {
        var principal = codes.FirstOrDefault()?.Replace(".", "", StringComparison.Ordinal).ToUpperInvariant();
        return principal is { Length: >= 3 } && principal[0] == 'F' && int.TryParse(principal.AsSpan(1, 2), out var block) && block is >= 10 and <= 19
            ? CareTrack.SubstanceUse
            : CareTrack.MentalHealth;
    }

    /// <summary>An inquiry about any substance is on the substance-use track; one about mental health only on the mental-health track.</summary>
    public static CareTrack ForConcerns(bool anySubstance, bool anyMentalHealth) =>
        !anySubstance && anyMentalHealth ? CareTrack.MentalHealth : CareTrack.SubstanceUse;

    public static string Describe(CareTrack track) => track == CareTrack.MentalHealth ? "Mental health" : "Substance use";

    /// <summary>Every level and track a payer rule can be set for, in the order the directory shows them.</summary>
    public static readonly IReadOnlyList<(LevelOfCare Level, CareTrack Track)> All =
    [
        (LevelOfCare.WithdrawalManagement, CareTrack.SubstanceUse),
        (LevelOfCare.Residential, CareTrack.SubstanceUse),
        (LevelOfCare.MentalHealthResidential, CareTrack.MentalHealth),
        (LevelOfCare.PartialHospitalization, CareTrack.SubstanceUse),
        (LevelOfCare.PartialHospitalization, CareTrack.MentalHealth),
        (LevelOfCare.IntensiveOutpatient, CareTrack.SubstanceUse),
        (LevelOfCare.IntensiveOutpatient, CareTrack.MentalHealth),
        (LevelOfCare.Outpatient, CareTrack.SubstanceUse),
        (LevelOfCare.Outpatient, CareTrack.MentalHealth),
    ];
}

/// <summary>
/// The default service type codes (X12 code list 1365, as in the 005010X279A1 EB03/EQ01 list) and place-of-service
/// codes (CMS Place of Service Code Set, cms.gov/medicare/coding-billing/place-of-service-codes/code-sets) per
/// level and track. A payer that wants others gets its own rule in the directory. Reasons per code are in
/// docs/domain/payers-and-costs.md.
/// </summary>
public static class PayerCodes
{
    // Service types (X12 1365): AI substance abuse, RT residential psychiatric treatment, BB partial hospitalization
    // (psychiatric), A8 psychiatric - outpatient, MH mental health.
    // Places of service (CMS): 55 residential substance abuse treatment facility, 56 psychiatric residential treatment
    // center, 57 non-residential substance abuse treatment facility, 52 psychiatric facility - partial hospitalization,
    // 49 independent clinic, 11 office. 51 (inpatient psychiatric facility) is a 24-hour psychiatric hospital setting,
    // so it is never a default here.
    public static PayerLevelRule Default(LevelOfCare level, CareTrack track) => (CareTracks.For(level, track), level) switch
    {
        (_, LevelOfCare.WithdrawalManagement) => Rule(level, CareTrack.SubstanceUse, "AI", "55", true),
        // X12 has no substance-use residential code: payers report residential behavioural benefits under RT.
        (_, LevelOfCare.Residential) => Rule(level, CareTrack.SubstanceUse, "RT", "55", true),
        (_, LevelOfCare.MentalHealthResidential) => Rule(level, CareTrack.MentalHealth, "RT", "56", true),
        (CareTrack.SubstanceUse, LevelOfCare.PartialHospitalization) => Rule(level, CareTrack.SubstanceUse, "BB", "57", true),
        (CareTrack.MentalHealth, LevelOfCare.PartialHospitalization) => Rule(level, CareTrack.MentalHealth, "BB", "52", true),
        (CareTrack.SubstanceUse, LevelOfCare.IntensiveOutpatient) => Rule(level, CareTrack.SubstanceUse, "AI", "57", null),
        (CareTrack.MentalHealth, LevelOfCare.IntensiveOutpatient) => Rule(level, CareTrack.MentalHealth, "A8", "49", null),
        (CareTrack.SubstanceUse, _) => Rule(level, CareTrack.SubstanceUse, "AI", "57", false),
        _ => Rule(level, CareTrack.MentalHealth, "MH", "11", false),
    };

    private static PayerLevelRule Rule(LevelOfCare level, CareTrack track, string serviceType, string placeOfService, bool? authorization) =>
        new() { Level = level, Track = track, ServiceType = serviceType, PlaceOfService = placeOfService, PriorAuthorizationRequired = authorization };

    /// <summary>CMS place-of-service codes a behavioural-health admission can use, with their CMS names.</summary>
    public static readonly IReadOnlyDictionary<string, string> PlacesOfService = new Dictionary<string, string>
    {
        ["11"] = "Office",
        ["21"] = "Inpatient hospital",
        ["22"] = "On campus-outpatient hospital",
        ["49"] = "Independent clinic",
        ["51"] = "Inpatient psychiatric facility",
        ["52"] = "Psychiatric facility-partial hospitalization",
        ["53"] = "Community mental health center",
        ["55"] = "Residential substance abuse treatment facility",
        ["56"] = "Psychiatric residential treatment center",
        ["57"] = "Non-residential substance abuse treatment facility",
        ["58"] = "Non-residential opioid treatment facility",
    };

    /// <summary>X12 service type codes (code list 1365) that behavioural-health verification uses, with their X12 names.</summary>
    public static readonly IReadOnlyDictionary<string, string> ServiceTypes = new Dictionary<string, string>
    {
        ["30"] = "Health benefit plan coverage",
        ["48"] = "Hospital - inpatient",
        ["50"] = "Hospital - outpatient",
        ["A4"] = "Psychiatric",
        ["A6"] = "Psychotherapy",
        ["A7"] = "Psychiatric - inpatient",
        ["A8"] = "Psychiatric - outpatient",
        ["AI"] = "Substance abuse",
        ["AJ"] = "Alcoholism",
        ["AK"] = "Drug addiction",
        ["BB"] = "Partial hospitalization (psychiatric)",
        ["BC"] = "Day care (psychiatric)",
        ["CQ"] = "Case management",
        ["MH"] = "Mental health",
        ["RT"] = "Residential psychiatric treatment",
    };
}
