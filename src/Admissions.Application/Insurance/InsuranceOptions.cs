using Admissions.Domain.Care;

namespace Admissions.Application.Insurance;

public sealed class LevelRate
{
    public decimal DailyRate { get; set; }

    /// <summary>Days for a stay; sessions or visits for outpatient levels.</summary>
    public int TypicalLength { get; set; }
}

public sealed class InsuranceOptions
{
    public const string Section = "Insurance";

    /// <summary>Waits between attempts while the payer cannot answer (AAA 42/80, clearinghouse down).</summary>
    public List<TimeSpan> RetryDelays { get; set; } = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1)];

    /// <summary>
    /// How long to wait before asking a pended authorization's status again by 278 inquiry (payers that take no inquiries
    /// are never re-asked), or before sending a request the clearinghouse could not take.
    /// </summary>
    public TimeSpan PendedRecheckDelay { get; set; } = TimeSpan.FromMinutes(30);

    public int MaxAuthorizationRechecks { get; set; } = 8;

    /// <summary>The program named as the discloser on Part 2 consents.</summary>
    public string DisclosingProgram { get; set; } = "Riverbend Recovery Center admissions";

    /// <summary>The clearinghouse the app sends through: the name an import of its payer list is filed under.</summary>
    public string ClearinghouseName { get; set; } = "Our clearinghouse";

    /// <summary>The provider's taxpayer identification number, printed on Good Faith Estimates (45 CFR 149.610(c)(1)(iv)).</summary>
    public string? ProviderTaxId { get; set; }

    /// <summary>Discount off the daily rate quoted to self-pay patients (0.2 is 20%).</summary>
    public decimal SelfPayDiscount { get; set; } = 0.2m;

    /// <summary>Daily rate and typical length per level, for levels no active program offers (see <see cref="StayRates"/>).</summary>
    public Dictionary<LevelOfCare, LevelRate> Rates { get; set; } = new()
    {
        [LevelOfCare.WithdrawalManagement] = new() { DailyRate = 1200, TypicalLength = 7 },
        [LevelOfCare.Residential] = new() { DailyRate = 850, TypicalLength = 30 },
        [LevelOfCare.MentalHealthResidential] = new() { DailyRate = 950, TypicalLength = 30 },
        [LevelOfCare.PartialHospitalization] = new() { DailyRate = 450, TypicalLength = 20 },
        [LevelOfCare.IntensiveOutpatient] = new() { DailyRate = 250, TypicalLength = 36 },
        [LevelOfCare.Outpatient] = new() { DailyRate = 150, TypicalLength = 12 },
    };

    public LevelRate RateFor(LevelOfCare level) =>
        Rates.TryGetValue(level, out var rate) ? rate : new LevelRate { DailyRate = 0, TypicalLength = 1 };
}
