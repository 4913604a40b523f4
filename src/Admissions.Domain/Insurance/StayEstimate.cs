using System.Globalization;
using Admissions.Domain.Care;

namespace Admissions.Domain.Insurance;

/// <summary>How often a copay is charged, read from the 271's EB06 time period qualifier (X12 code list 615).</summary>
public enum CopayPeriod
{
    /// <summary>The payer did not say: the estimate charges it per day or session, the most a caller could owe.</summary>
    Unknown,
    Day,
    Visit,
    Admission,
    Episode,
    Year,
}

/// <summary>Where the rate an estimate uses came from.</summary>
public enum RateBasis
{
    /// <summary>The allowed rate the centre contracted with the payer (payer directory).</summary>
    Contracted,

    /// <summary>The program's list price: no contracted rate is entered for this payer and level.</summary>
    ListPrice,

    /// <summary>The self-pay price (list price less the self-pay discount).</summary>
    SelfPay,
}

/// <summary>
/// One level of an episode to estimate: what the payer said, the program's list rate, a contracted rate if any, the typical
/// length, and the single case agreement an out-of-network payer signed for this patient and level, if any.
/// </summary>
public sealed record LevelStay(LevelOfCare Level, LevelBenefits? Benefits, decimal ListRate, decimal? ContractedRate, int Length, AgreedRate? Agreement = null);

/// <summary>What one level of care costs and how much of it the patient should expect to pay.</summary>
public sealed record StayEstimate(decimal TotalCharge, decimal PatientResponsibility, decimal PlanPays, string Basis)
{
    public LevelOfCare Level { get; init; }
    public decimal Rate { get; init; }
    public RateBasis RateBasis { get; init; }
    public int Length { get; init; }
    public int CoveredUnits { get; init; }
    public int UncoveredUnits { get; init; }
    public decimal Deductible { get; init; }
    public decimal Copays { get; init; }
    public decimal Coinsurance { get; init; }

    /// <summary>Days or sessions past the payer's limit, at the list price, all the patient's.</summary>
    public decimal UncoveredCost { get; init; }

    /// <summary>The single case agreement the estimate used, and for how many of its days or sessions; null without one.</summary>
    public AgreedRate? Agreement { get; init; }
    public int AgreedUnits { get; init; }
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>A single level estimated on its own (an episode of one level at the list price).</summary>
    public static StayEstimate For(LevelBenefits? benefits, decimal dailyRate, int days, decimal selfPayDiscount) =>
        EpisodeEstimate.For([new LevelStay(benefits?.Level ?? default, benefits, dailyRate, null, days)], selfPayDiscount).Levels[0];
}

/// <summary>
/// An episode of care (detox, then residential…) estimated as the payer would adjudicate it: one deductible and one
/// out-of-pocket maximum for the whole episode, each copay by its period, coinsurance on what is left after the
/// deductible and copays, days past a limit not covered. Rules and sources: docs/domain/payers-and-costs.md.
/// </summary>
public sealed record EpisodeEstimate(IReadOnlyList<StayEstimate> Levels, decimal TotalCharge, decimal PatientResponsibility, decimal PlanPays)
{
    public static EpisodeEstimate For(IReadOnlyList<LevelStay> stays, decimal selfPayDiscount)
    {
        ArgumentNullException.ThrowIfNull(stays);
        decimal? deductibleLeft = null;
        decimal? outOfPocketLeft = null;
        var yearlyCopayPaid = false;
        List<StayEstimate> levels = [];
        foreach (var stay in stays)
        {
            var benefits = stay.Benefits;
            if (benefits is not { Covered: true })
            {
                levels.Add(SelfPay(stay, selfPayDiscount));
                continue;
            }

            // The plan's deductible and out-of-pocket maximum are met once for the episode (45 CFR 156.130 defines the
            // annual limit on cost sharing per plan year, not per service); a later level may only report the same or less.
            deductibleLeft = Least(deductibleLeft, benefits.DeductibleRemaining ?? benefits.Deductible);
            outOfPocketLeft = Least(outOfPocketLeft, benefits.OutOfPocketRemaining ?? benefits.OutOfPocketMax);
            var (estimate, paidYearlyCopay) = Covered(stay, benefits, deductibleLeft ?? 0, outOfPocketLeft, yearlyCopayPaid);
            yearlyCopayPaid |= paidYearlyCopay;
            deductibleLeft = deductibleLeft is null ? null : deductibleLeft - estimate.Deductible;
            outOfPocketLeft = outOfPocketLeft is null ? null : outOfPocketLeft - (estimate.PatientResponsibility - estimate.UncoveredCost);
            levels.Add(estimate);
        }

        return new EpisodeEstimate(levels, levels.Sum(l => l.TotalCharge), levels.Sum(l => l.PatientResponsibility), levels.Sum(l => l.PlanPays));
    }

    private static decimal? Least(decimal? episode, decimal? reported) =>
        (episode, reported) switch
        {
            (null, var r) => r,
            (var e, null) => e,
            var (e, r) => Math.Min(e!.Value, r!.Value),
        };

    private static StayEstimate SelfPay(LevelStay stay, decimal discount)
    {
        var total = stay.ListRate * stay.Length;
        var patient = Math.Round(total * (1 - discount), 2);
        var basis = discount > 0
            ? $"Self-pay at {(discount * 100).ToString("0.#", CultureInfo.InvariantCulture)}% off the daily rate"
            : "Self-pay at the daily rate";
        List<string> notes = stay.Benefits?.Covered == false ? ["The plan does not cover this level: quoted as self-pay."] : [];
        if (stay.Agreement is { } agreement)
        {
            notes.Add($"Single case agreement {agreement.ReferenceNumber} ({agreement.Describe()}) is on file, but the plan reports no benefits to share the cost: confirm the patient's share with the payer.");
        }

        return new StayEstimate(total, patient, 0, basis)
        {
            Level = stay.Level,
            Rate = stay.ListRate,
            RateBasis = RateBasis.SelfPay,
            Length = stay.Length,
            CoveredUnits = 0,
            UncoveredUnits = stay.Length,
            UncoveredCost = patient,
            Notes = notes,
        };
    }

    private static (StayEstimate Estimate, bool PaidYearlyCopay) Covered(
        LevelStay stay, LevelBenefits benefits, decimal deductibleLeft, decimal? outOfPocketLeft, bool yearlyCopayPaid)
    {
        List<string> notes = [];
        var (rate, rateBasis) = stay.ContractedRate is { } contracted ? (contracted, RateBasis.Contracted) : (stay.ListRate, RateBasis.ListPrice);
        var unit = LevelsOfCare.IsInpatient(stay.Level) ? "days" : "sessions";

        // EB01 F with a quantity (EB09 DY days / VS visits): units past the limit are not covered and are the patient's at the list price.
        var limit = LevelsOfCare.IsInpatient(stay.Level) ? benefits.DayLimit ?? benefits.VisitLimit : benefits.VisitLimit ?? benefits.DayLimit;
        var limitCovered = limit is { } max ? Math.Clamp((int)Math.Floor(max), 0, stay.Length) : stay.Length;

        // A single case agreement replaces the out-of-network rate for the days or sessions it covers (the payer agreed to
        // pay them, whatever the plan's limit says); the rest of the stay keeps the normal out-of-network terms.
        var agreement = stay.Agreement;
        var agreed = agreement is null ? 0 : Math.Min(agreement.Units, stay.Length);
        var covered = Math.Max(limitCovered, agreed);
        var uncovered = stay.Length - covered;
        var atNormalRate = covered - agreed;
        if (agreement is not null)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Single case agreement {agreement.ReferenceNumber}: {agreed} {unit} at the agreed ${agreement.Rate:N2}{(atNormalRate > 0 ? $"; the other {atNormalRate} at the usual out-of-network terms" : "")}."));
        }

        if (rateBasis == RateBasis.ListPrice && (agreement is null || atNormalRate > 0))
        {
            notes.Add("List price: no contracted rate is entered for this payer and level.");
        }

        if (benefits.InNetwork == false && (agreement is null || atNormalRate > 0 || uncovered > 0))
        {
            notes.Add("Out of network: the plan pays on its allowed amount and the facility may bill the difference (balance billing may apply).");
        }

        var uncoveredCost = stay.ListRate * uncovered;
        if (uncovered > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"The plan covers {covered} {unit}; {uncovered} more are not covered (${uncoveredCost:N2} at the list price)."));
        }

        var coveredCharge = (agreement?.Rate ?? 0) * agreed + rate * atNormalRate;
        var deductible = Math.Min(deductibleLeft, coveredCharge);
        var (copayCount, paidYearly) = CopayCount(Periods.Of(benefits.CopayPeriod), covered, yearlyCopayPaid);
        if (benefits.Copay is not null && Periods.Of(benefits.CopayPeriod) == CopayPeriod.Unknown)
        {
            notes.Add("The payer did not say how often the copay applies: counted per day or session; confirm with the payer.");
        }

        var copays = Math.Min((benefits.Copay ?? 0) * copayCount, coveredCharge - deductible);
        var coinsurance = (coveredCharge - deductible - copays) * (benefits.Coinsurance ?? 0);
        var patientCovered = deductible + copays + coinsurance;
        if (outOfPocketLeft is { } cap && patientCovered > cap)
        {
            patientCovered = Math.Max(cap, 0);
            notes.Add("Capped at the out-of-pocket maximum left for the year.");
        }

        patientCovered = Math.Round(patientCovered, 2);
        var total = coveredCharge + uncoveredCost;
        var estimate = new StayEstimate(total, patientCovered + uncoveredCost, coveredCharge - patientCovered,
            "Remaining deductible, then copays by their period and coinsurance, capped at the out-of-pocket remaining")
        {
            Level = stay.Level,
            Rate = rate,
            RateBasis = rateBasis,
            Length = stay.Length,
            CoveredUnits = covered,
            UncoveredUnits = uncovered,
            Deductible = Math.Round(deductible, 2),
            Copays = Math.Round(copays, 2),
            Coinsurance = Math.Round(coinsurance, 2),
            UncoveredCost = uncoveredCost,
            Notes = notes,
            Agreement = agreement,
            AgreedUnits = agreed,
        };
        return (estimate, paidYearly);
    }

    /// <summary>How many copays a level's covered days or sessions incur for a period.</summary>
    private static (int Count, bool PaidYearly) CopayCount(CopayPeriod period, int coveredUnits, bool yearlyCopayPaid) => period switch
    {
        _ when coveredUnits == 0 => (0, false),
        CopayPeriod.Admission or CopayPeriod.Episode => (1, false),
        CopayPeriod.Year => yearlyCopayPaid ? (0, false) : (1, true),
        _ => (coveredUnits, false),
    };
}

public static class Periods
{
    /// <summary>
    /// EB06 time period qualifiers (X12 code list 615): 7 day, 27 visit, 36 admission, 26 episode, 21 years,
    /// 22 service year, 23 calendar year, 25 contract. Anything else (remaining, lifetime…) says nothing about how often.
    /// </summary>
    public static CopayPeriod Of(string? code) => code switch
    {
        "7" => CopayPeriod.Day,
        "27" => CopayPeriod.Visit,
        "36" => CopayPeriod.Admission,
        "26" => CopayPeriod.Episode,
        "21" or "22" or "23" or "25" => CopayPeriod.Year,
        _ => CopayPeriod.Unknown,
    };

    /// <summary>The X12 code a phone verification records for a period.</summary>
    public static string? Code(CopayPeriod period) => period switch
    {
        CopayPeriod.Day => "7",
        CopayPeriod.Visit => "27",
        CopayPeriod.Admission => "36",
        CopayPeriod.Episode => "26",
        CopayPeriod.Year => "23",
        _ => null,
    };

    public static string Describe(CopayPeriod period) => period switch
    {
        CopayPeriod.Day => "per day",
        CopayPeriod.Visit => "per visit or session",
        CopayPeriod.Admission => "per admission",
        CopayPeriod.Episode => "per episode",
        CopayPeriod.Year => "once a year",
        _ => "period not stated",
    };
}
