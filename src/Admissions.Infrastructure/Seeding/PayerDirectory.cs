using Admissions.Application.Common;
using Admissions.Domain.Care;
using Admissions.Domain.Insurance;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Infrastructure.Seeding;

/// <summary>
/// The payer directory every install starts with: every Blue Cross Blue Shield company by the states it serves, the
/// national commercial plans with their behavioural carve-outs, TRICARE's regional contractors, the managed behavioural
/// health organisations, Medicare, several states' Medicaid plans and self-pay. Clearinghouse payer ids are filled in
/// only for the few that are the same at the common clearinghouses (Aetna 60054, Cigna 62308, UnitedHealthcare 87726,
/// Humana 61101, BCBS Illinois 00621, BCBS Texas 84980); every other payer says "set your clearinghouse's payer id"
/// until the centre sets it or imports its clearinghouse's payer list.
/// </summary>
public static class PayerDirectory
{
    private const PayerTransactions Electronic = PayerTransactions.Eligibility | PayerTransactions.ServiceReview;

    public static IReadOnlyList<Payer> Defaults() =>
    [
        .. BlueCrossBlueShield(),
        Commercial("Aetna", "60054", ["Aetna Behavioral Health", "CVS Health"]),
        Commercial("Cigna", "62308", ["Cigna Healthcare", "Evernorth"], "Evernorth Behavioral Health", "8005550100"),
        Commercial("Humana", "61101", ["Humana Behavioral Health"]),
        Commercial("UnitedHealthcare", "87726", ["UHC", "United Healthcare", "Optum", "UMR"], "Optum Behavioral Health", "8006003333", inNetwork: false),
        Commercial("Oscar Health", null, ["Oscar"]),
        Commercial("Ambetter", null, ["Ambetter Health", "Centene Marketplace"]),
        Behavioral("Carelon Behavioral Health", ["Beacon", "Beacon Health Options", "ValueOptions", "Value Options"], "8004545555"),
        Behavioral("Magellan Healthcare", ["Magellan", "Magellan Behavioral Health"]),
        Behavioral("Optum Behavioral Health", ["United Behavioral Health", "UBH", "Optum BH"]),
        Behavioral("Evernorth Behavioral Health", ["Cigna Behavioral Health", "Evernorth BH"]),
        Tricare("TRICARE East", ["Humana Military", "TRICARE Prime East", "TRICARE Select East"]),
        Tricare("TRICARE West", ["TriWest", "TriWest Healthcare Alliance", "TRICARE Prime West", "TRICARE Select West"]),
        new() { Name = "Medicare", Kind = PayerKind.Medicare, Aliases = ["Original Medicare", "Medicare Part A", "Medicare Part B", "CMS"], InNetwork = true, Transactions = Electronic },
        new() { Name = "Humana Medicare Advantage", Kind = PayerKind.MedicareAdvantage, Aliases = ["Humana Gold Plus", "Humana MA"], InNetwork = true, Transactions = Electronic },
        new() { Name = "AARP Medicare Advantage (UnitedHealthcare)", Kind = PayerKind.MedicareAdvantage, Aliases = ["AARP", "UHC Medicare"], InNetwork = false, Transactions = Electronic },
        Medicaid("State Medicaid", [], ["Medicaid fee-for-service"]),
        Medicaid("Sunshine Health", ["FL"], ["Florida Medicaid", "Statewide Medicaid Managed Care", "SMMC", "Centene Florida"], PayerKind.MedicaidManagedCare),
        Medicaid("Simply Healthcare Plans", ["FL"], ["Simply", "Florida Medicaid", "Clear Health Alliance"], PayerKind.MedicaidManagedCare),
        Medicaid("Humana Healthy Horizons in Florida", ["FL"], ["Humana Medicaid", "Florida Medicaid"], PayerKind.MedicaidManagedCare),
        Medicaid("Superior HealthPlan", ["TX"], ["Texas Medicaid", "STAR", "Centene Texas"], PayerKind.MedicaidManagedCare),
        Medicaid("Medi-Cal", ["CA"], ["California Medicaid", "DHCS"]),
        Medicaid("New York Medicaid", ["NY"], ["NY Medicaid", "eMedNY"]),
        Medicaid("Meridian Health Plan of Illinois", ["IL"], ["Illinois Medicaid", "HealthChoice Illinois"], PayerKind.MedicaidManagedCare),
        Medicaid("Peach State Health Plan", ["GA"], ["Georgia Medicaid", "Georgia Families"], PayerKind.MedicaidManagedCare),
        Medicaid("AHCCCS", ["AZ"], ["Arizona Medicaid", "Arizona Health Care Cost Containment System"]),
        new() { Name = "Self-pay", Kind = PayerKind.SelfPay, Aliases = ["Uninsured", "Cash", "Private pay"], InNetwork = true, Transactions = PayerTransactions.None },
    ];

    /// <summary>The 33 independent Blue Cross Blue Shield companies (bcbs.com, "Blue Cross Blue Shield companies"), by the states they serve.</summary>
    private static IEnumerable<Payer> BlueCrossBlueShield() =>
    [
        Blue("Florida Blue", ["FL"], ["Blue Cross Blue Shield of Florida", "BCBS of Florida", "BCBS Florida", "BCBSFL"]),
        Blue("Blue Cross Blue Shield of Illinois", ["IL"], ["BCBS Illinois", "BCBSIL", "HCSC"], "00621"),
        Blue("Blue Cross Blue Shield of Texas", ["TX"], ["BCBS Texas", "BCBSTX", "HCSC"], "84980"),
        Blue("Blue Cross and Blue Shield of Oklahoma", ["OK"], ["BCBS Oklahoma", "BCBSOK", "HCSC"]),
        Blue("Blue Cross and Blue Shield of New Mexico", ["NM"], ["BCBS New Mexico", "BCBSNM", "HCSC"]),
        Blue("Blue Cross and Blue Shield of Montana", ["MT"], ["BCBS Montana", "BCBSMT", "HCSC"]),
        Blue("Anthem Blue Cross", ["CA"], ["Anthem", "Anthem California", "Elevance Health"], carveOut: "Carelon Behavioral Health", carveOutPhone: "8004545555"),
        Blue("Anthem Blue Cross and Blue Shield", ["CO", "CT", "GA", "IN", "KY", "ME", "MO", "NV", "NH", "NY", "OH", "VA", "WI"],
            ["Anthem", "Anthem BCBS", "Empire Blue Cross Blue Shield", "Empire BCBS", "Elevance Health"], carveOut: "Carelon Behavioral Health", carveOutPhone: "8004545555"),
        Blue("Blue Shield of California", ["CA"], ["BSC", "Blue Shield CA"]),
        Blue("Highmark Blue Cross Blue Shield", ["PA", "DE", "WV", "NY"], ["Highmark", "Highmark BCBS", "Highmark Western New York", "Highmark Delaware"]),
        Blue("Independence Blue Cross", ["PA"], ["IBX", "Independence", "Keystone Health Plan East"]),
        Blue("Capital Blue Cross", ["PA"], ["Capital BlueCross", "Capital Blue"]),
        Blue("CareFirst BlueCross BlueShield", ["MD", "DC", "VA"], ["CareFirst", "CareFirst BCBS"]),
        Blue("Horizon Blue Cross Blue Shield of New Jersey", ["NJ"], ["Horizon", "Horizon BCBSNJ", "BCBS New Jersey"]),
        Blue("Excellus BlueCross BlueShield", ["NY"], ["Excellus", "Univera"]),
        Blue("Blue Cross Blue Shield of Massachusetts", ["MA"], ["BCBS Massachusetts", "BCBSMA", "Blue Cross MA"]),
        Blue("Blue Cross Blue Shield of Michigan", ["MI"], ["BCBS Michigan", "BCBSM", "Blue Care Network"]),
        Blue("Blue Cross and Blue Shield of North Carolina", ["NC"], ["Blue Cross NC", "BCBSNC"]),
        Blue("BlueCross BlueShield of South Carolina", ["SC"], ["BCBS South Carolina", "BCBSSC"]),
        Blue("BlueCross BlueShield of Tennessee", ["TN"], ["BCBS Tennessee", "BCBST"]),
        Blue("Blue Cross and Blue Shield of Alabama", ["AL"], ["BCBS Alabama", "BCBSAL"]),
        Blue("Arkansas Blue Cross and Blue Shield", ["AR"], ["BCBS Arkansas", "Arkansas Blue Cross"]),
        Blue("Blue Cross Blue Shield of Arizona", ["AZ"], ["BCBS Arizona", "BCBSAZ", "AZ Blue"]),
        Blue("Hawaii Medical Service Association", ["HI"], ["HMSA", "BCBS Hawaii"]),
        Blue("Blue Cross of Idaho", ["ID"], ["BCBS Idaho", "Blue Cross Idaho"]),
        Blue("Regence BlueShield of Idaho", ["ID"], ["Regence Idaho", "Regence"]),
        Blue("Regence BlueCross BlueShield of Oregon", ["OR"], ["Regence Oregon", "Regence"]),
        Blue("Regence BlueCross BlueShield of Utah", ["UT"], ["Regence Utah", "Regence"]),
        Blue("Regence BlueShield", ["WA"], ["Regence Washington", "Regence"]),
        Blue("Premera Blue Cross", ["WA", "AK"], ["Premera", "Premera Blue Cross Blue Shield of Alaska"]),
        Blue("Wellmark Blue Cross and Blue Shield", ["IA", "SD"], ["Wellmark", "BCBS Iowa", "BCBS South Dakota"]),
        Blue("Blue Cross and Blue Shield of Kansas", ["KS"], ["BCBS Kansas", "BCBSKS"]),
        Blue("Blue Cross and Blue Shield of Kansas City", ["MO", "KS"], ["Blue KC", "BCBS Kansas City"]),
        Blue("Blue Cross and Blue Shield of Louisiana", ["LA"], ["BCBS Louisiana", "Louisiana Blue"]),
        Blue("Blue Cross and Blue Shield of Minnesota", ["MN"], ["BCBS Minnesota", "Blue Cross MN"]),
        Blue("Blue Cross & Blue Shield of Mississippi", ["MS"], ["BCBS Mississippi"]),
        Blue("Blue Cross and Blue Shield of Nebraska", ["NE"], ["BCBS Nebraska", "BCBSNE"]),
        Blue("Blue Cross Blue Shield of North Dakota", ["ND"], ["BCBS North Dakota", "BCBSND", "Noridian"]),
        Blue("Blue Cross & Blue Shield of Rhode Island", ["RI"], ["BCBS Rhode Island", "BCBSRI"]),
        Blue("Blue Cross and Blue Shield of Vermont", ["VT"], ["BCBS Vermont", "BCBSVT"]),
        Blue("Blue Cross Blue Shield of Wyoming", ["WY"], ["BCBS Wyoming", "BCBSWY"]),
        Blue("Triple-S Salud", ["PR"], ["Triple S", "BCBS Puerto Rico"]),
    ];

    private static Payer Blue(string name, List<string> states, List<string> aliases, string? payerId = null, string? carveOut = null, string? carveOutPhone = null) =>
        new()
        {
            Name = name,
            Kind = PayerKind.Commercial,
            States = states,
            Aliases = ["Blue Cross", "BCBS", .. aliases],
            ClearinghousePayerId = payerId,
            InNetwork = true,
            Transactions = Electronic,
            BehavioralCarveOut = carveOut,
            BehavioralCarveOutPhone = carveOutPhone,
            Notes = "Out-of-state members: verify through the home plan (BlueCard); the prefix on the member ID names it.",
        };

    private static Payer Commercial(string name, string? payerId, List<string> aliases, string? carveOut = null, string? carveOutPhone = null, bool inNetwork = true) =>
        new()
        {
            Name = name,
            Kind = PayerKind.Commercial,
            Aliases = aliases,
            ClearinghousePayerId = payerId,
            InNetwork = inNetwork,
            Transactions = Electronic,
            BehavioralCarveOut = carveOut,
            BehavioralCarveOutPhone = carveOutPhone,
        };

    private static Payer Behavioral(string name, List<string> aliases, string? phone = null) =>
        new() { Name = name, Kind = PayerKind.BehavioralHealthOrganization, Aliases = aliases, InNetwork = true, Transactions = Electronic, BehavioralCarveOutPhone = phone };

    /// <summary>
    /// TRICARE's regional contractors. Residential treatment centre care for mental health is covered up to age 21
    /// (tricare.mil, "Residential Treatment Centers"; 32 CFR 199.4(b)(4)) and needs prior authorization, as do
    /// inpatient and partial hospitalization care; a network provider bills a non-covered service only with the
    /// beneficiary's advance written waiver (Humana Military provider handbook, "Noncovered services").
    /// </summary>
    private static Payer Tricare(string name, List<string> aliases) =>
        new()
        {
            Name = name,
            Kind = PayerKind.Military,
            Aliases = ["TRICARE", .. aliases],
            InNetwork = true,
            Transactions = Electronic,
            NonCoveredNeedsAdvanceWaiver = true,
            Notes = "Residential treatment centre (mental health) care: beneficiaries under 21 only; active duty members need their military clinic's referral.",
            LevelRules =
            [
                Rule(LevelOfCare.WithdrawalManagement, CareTrack.SubstanceUse, rule => rule.PriorAuthorizationRequired = true),
                Rule(LevelOfCare.Residential, CareTrack.SubstanceUse, rule => rule.PriorAuthorizationRequired = true),
                Rule(LevelOfCare.MentalHealthResidential, CareTrack.MentalHealth, rule => (rule.PriorAuthorizationRequired, rule.MaximumCoveredAge) = (true, 20)),
                Rule(LevelOfCare.PartialHospitalization, CareTrack.SubstanceUse, rule => rule.PriorAuthorizationRequired = true),
                Rule(LevelOfCare.PartialHospitalization, CareTrack.MentalHealth, rule => rule.PriorAuthorizationRequired = true),
            ],
        };

    private static Payer Medicaid(string name, List<string> states, List<string> aliases, PayerKind kind = PayerKind.Medicaid) =>
        new() { Name = name, Kind = kind, States = states, Aliases = ["Medicaid", .. aliases], InNetwork = true, Transactions = Electronic };

    private static PayerLevelRule Rule(LevelOfCare level, CareTrack track, Action<PayerLevelRule> change)
    {
        var rule = PayerCodes.Default(level, track);
        change(rule);
        return rule;
    }

    /// <summary>Adds the default payers that are missing (by name); never changes one an admin edited.</summary>
    public static async Task<int> EnsureAsync(IAdmissionsDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Payers.Select(p => p.Name).ToListAsync(cancellationToken);
        var missing = Defaults().Where(p => !existing.Contains(p.Name)).ToList();
        if (missing.Count == 0)
        {
            return 0;
        }

        db.Payers.AddRange(missing);
        await db.SaveChangesAsync(cancellationToken);
        return missing.Count;
    }
}
