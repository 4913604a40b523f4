using Admissions.Domain.Care;

namespace Admissions.Domain.Insurance;

/// <summary>What kind of plan a payer is; new kinds are appended (the number is stored).</summary>
public enum PayerKind
{
    Commercial,

    /// <summary>TRICARE (the military health plan), through its regional contractors.</summary>
    Military,
    Medicaid,
    Medicare,
    SelfPay,
    MedicaidManagedCare,
    MedicareAdvantage,

    /// <summary>A managed behavioural health organisation that holds carved-out benefits (Carelon, Magellan…).</summary>
    BehavioralHealthOrganization,
}

/// <summary>The X12 transactions a payer accepts through the clearinghouse (a clearinghouse payer list's "transactions supported").</summary>
[Flags]
public enum PayerTransactions
{
    None = 0,

    /// <summary>270/271 eligibility (005010X279A1).</summary>
    Eligibility = 1,

    /// <summary>278 request for review (005010X217).</summary>
    ServiceReview = 2,

    /// <summary>278 inquiry, the status of a review already asked (005010X215).</summary>
    ServiceReviewInquiry = 4,

    /// <summary>276/277 claim status.</summary>
    ClaimStatus = 8,

    /// <summary>837 claims.</summary>
    Claims = 16,

    /// <summary>835 remittance.</summary>
    Remittance = 32,
}

/// <summary>A payer id that another clearinghouse uses for the same payer (ids differ between clearinghouses).</summary>
public sealed class ClearinghousePayerId
{
    public string Clearinghouse { get; set; } = "";
    public string PayerId { get; set; } = "";
}

/// <summary>
/// A health plan in the payer directory: how the clearinghouse knows it, the names callers use for it,
/// where it sells, who manages its behavioural benefits when they are carved out, and per level of care
/// the codes to send, whether it asks for prior authorization and the rate the centre contracted.
/// </summary>
public sealed class Payer
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public PayerKind Kind { get; set; }

    /// <summary>Other names callers and cards use ("Florida Blue", "Beacon", "ValueOptions").</summary>
    public List<string> Aliases { get; set; } = [];

    /// <summary>Two-letter states the plan sells in; empty for a national plan.</summary>
    public List<string> States { get; set; } = [];

    /// <summary>The payer id our clearinghouse routes on (NM109 with qualifier PI); empty until the centre sets it.</summary>
    public string? ClearinghousePayerId { get; set; }

    /// <summary>The same payer's ids at other clearinghouses, kept for a switch of clearinghouse.</summary>
    public List<ClearinghousePayerId> OtherClearinghouseIds { get; set; } = [];

    public PayerTransactions Transactions { get; set; } = PayerTransactions.Eligibility | PayerTransactions.ServiceReview;

    /// <summary>The managed behavioural health organisation that holds the benefits, if carved out.</summary>
    public string? BehavioralCarveOut { get; set; }
    public string? BehavioralCarveOutPhone { get; set; }

    /// <summary>Whether the facility is contracted (in network) with this payer.</summary>
    public bool InNetwork { get; set; }

    /// <summary>
    /// The plan lets a network provider bill a non-covered service only with the beneficiary's advance written
    /// agreement (TRICARE's non-covered services waiver); placement warns when a stay would not be covered.
    /// </summary>
    public bool NonCoveredNeedsAdvanceWaiver { get; set; }

    /// <summary>Portal address, provider phone lines, fax for clinicals: what a coordinator needs on a call.</summary>
    public string? Notes { get; set; }

    /// <summary>Overrides of the default rules per level of care and track; a level without one uses <see cref="PayerCodes.Default"/>.</summary>
    public List<PayerLevelRule> LevelRules { get; set; } = [];

    /// <summary>Retired payers are offered for no new policy but stay on the policies that name them.</summary>
    public bool IsActive { get; set; } = true;

    public bool IsSelfPay => Kind == PayerKind.SelfPay;

    public bool HasClearinghouseId => !string.IsNullOrWhiteSpace(ClearinghousePayerId);

    /// <summary>Electronic verification needs a clearinghouse payer id and a payer that takes 270s; self-pay needs none.</summary>
    public bool SupportsElectronicVerification => !IsSelfPay && HasClearinghouseId && Transactions.HasFlag(PayerTransactions.Eligibility);

    public bool SupportsElectronicAuthorization => !IsSelfPay && HasClearinghouseId && Transactions.HasFlag(PayerTransactions.ServiceReview);

    /// <summary>A pended 278 can be followed up with a 278 inquiry instead of a call or a portal upload.</summary>
    public bool SupportsReviewInquiry => SupportsElectronicAuthorization && Transactions.HasFlag(PayerTransactions.ServiceReviewInquiry);

    /// <summary>The rule for a level: the payer's own where an admin set one, else the default.</summary>
    public PayerLevelRule RuleFor(LevelOfCare level, CareTrack track)
    {
        var effective = CareTracks.For(level, track);
        return LevelRules.FirstOrDefault(r => r.Level == level && r.Track == effective) ?? PayerCodes.Default(level, effective);
    }

    public string ServiceTypeFor(LevelOfCare level, CareTrack track = CareTrack.SubstanceUse) => RuleFor(level, track).ServiceType;

    public string PlaceOfServiceFor(LevelOfCare level, CareTrack track = CareTrack.SubstanceUse) => RuleFor(level, track).PlaceOfService;

    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedByName { get; set; }

    /// <summary>Whether a search text finds this payer: by name, alias, payer id (ours or another clearinghouse's) or state.</summary>
    public bool Matches(string? text) =>
        PayerSearch.Matches(text, Name, Aliases, [ClearinghousePayerId, .. OtherClearinghouseIds.Select(o => o.PayerId)], States);

    public static string Describe(PayerKind kind) => kind switch
    {
        PayerKind.Commercial => "Commercial",
        PayerKind.Military => "TRICARE",
        PayerKind.Medicaid => "Medicaid",
        PayerKind.Medicare => "Medicare",
        PayerKind.SelfPay => "Self-pay",
        PayerKind.MedicaidManagedCare => "Medicaid managed care",
        PayerKind.MedicareAdvantage => "Medicare Advantage",
        PayerKind.BehavioralHealthOrganization => "Behavioral health organization",
        _ => kind.ToString(),
    };
}

/// <summary>A payer's rule for one level of care on one track: codes to send, prior authorization, contracted rate, age limit.</summary>
public sealed class PayerLevelRule
{
    public LevelOfCare Level { get; set; }
    public CareTrack Track { get; set; }

    /// <summary>X12 service type code asked in a 270 (EQ01) and sent in a 278 (UM03).</summary>
    public string ServiceType { get; set; } = "";

    /// <summary>CMS place-of-service code sent in a 278 (UM04 with qualifier B).</summary>
    public string PlaceOfService { get; set; } = "";

    /// <summary>Whether the payer requires prior authorization for the level; null when the directory does not say.</summary>
    public bool? PriorAuthorizationRequired { get; set; }

    /// <summary>The allowed (contracted) daily or per-session rate the centre agreed with this payer; null to quote the list price.</summary>
    public decimal? ContractedRate { get; set; }

    /// <summary>The oldest age the payer covers this level for (TRICARE: residential treatment centres up to age 21, so 20).</summary>
    public int? MaximumCoveredAge { get; set; }

    public PayerLevelRule Copy() => (PayerLevelRule)MemberwiseClone();
}

/// <summary>How the payer autocomplete finds a payer: name or alias ignoring case, spaces and punctuation ("bcbs fl",
/// "Florida Blue"), the start of a payer id, or a two-letter state.</summary>
public static class PayerSearch
{
    public static bool Matches(string? text, string name, IEnumerable<string> aliases, IEnumerable<string?> payerIds, IEnumerable<string> states)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var term = text.Trim();
        var key = Key(term);
        return (key.Length > 0 && (Key(name).Contains(key, StringComparison.Ordinal) || aliases.Any(a => Key(a).Contains(key, StringComparison.Ordinal))))
            || payerIds.Any(id => id is not null && id.StartsWith(term, StringComparison.OrdinalIgnoreCase))
            || (term.Length == 2 && states.Contains(term.ToUpperInvariant()));
    }

    /// <summary>A name as the search compares it: upper-case letters and digits only.</summary>
    public static string Key(string value) => new(value.ToUpperInvariant().Where(char.IsLetterOrDigit).ToArray());
}
