using System.Globalization;
using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;

namespace Admissions.Domain.Care;

/// <summary>
/// The substance use, medications, medical conditions and pregnancy told to the admissions team for one inquiry:
/// what the level-of-care rules read. One per inquiry, replaced as a whole on every save.
/// </summary>
public sealed class ClinicalIntake : AggregateRoot, IInquiryRecord
{
    private List<SubstanceUse> _substances = [];

    private ClinicalIntake()
    {
    }

    public ClinicalIntake(Guid inquiryId) => InquiryId = inquiryId;

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public Guid InquiryId { get; private init; }
    public IReadOnlyList<SubstanceUse> Substances => _substances.AsReadOnly();
    public string? Medications { get; private set; }
    public string? MedicalConditions { get; private set; }

    /// <summary>Null while unknown.</summary>
    public bool? Pregnant { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedById { get; private set; } = "";
    public string UpdatedByName { get; private set; } = "";

    public void Update(
        IReadOnlyCollection<SubstanceUse> substances, string? medications, string? medicalConditions, bool? pregnant, Actor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(substances);
        ArgumentNullException.ThrowIfNull(by);
        if (substances.GroupBy(s => s.Substance).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw new DomainRuleException($"{Describe(repeated.Key)} is listed twice; keep one entry per substance.");
        }

        if (substances.FirstOrDefault(s => s.LastUse > at) is { } future)
        {
            throw new DomainRuleException($"The last use of {Describe(future.Substance)} cannot be in the future.");
        }

        _substances = [.. substances.OrderBy(s => s.Substance)];
        Medications = Clean(medications);
        MedicalConditions = Clean(medicalConditions);
        Pregnant = pregnant;
        UpdatedAt = at;
        UpdatedById = by.Id;
        UpdatedByName = by.Name;
    }

    /// <summary>What the inquiry's timeline says about a save.</summary>
    public string TimelineSummary => _substances.Count == 0
        ? "Substance use recorded: none"
        : $"Substance use recorded: {string.Join(", ", _substances.Select(s => Describe(s.Substance)))}";

    /// <summary>One line per substance as the rules read it, e.g. "Alcohol, daily, last use 6 h ago, prior seizures".</summary>
    public IReadOnlyList<string> Summary(DateTimeOffset at) => [.. _substances.Select(s => Summarize(s, at))];

    public static string Summarize(SubstanceUse use, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(use);
        var parts = new List<string> { Describe(use.Substance) };
        if (use.Route != SubstanceRoute.Oral)
        {
            parts.Add(use.Route.ToString().ToLowerInvariant());
        }

        if (use.Frequency is { } frequency)
        {
            parts.Add(Describe(frequency));
        }

        if (!string.IsNullOrWhiteSpace(use.Amount))
        {
            parts.Add(use.Amount);
        }

        parts.Add(use.LastUse is { } last ? $"last use {Ago(at - last)}" : "last use unknown");
        if (use.PriorSeizures)
        {
            parts.Add("prior seizures");
        }

        if (use.PriorDeliriumTremens)
        {
            parts.Add("prior DTs");
        }

        if (use.PriorTreatmentEpisodes > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{use.PriorTreatmentEpisodes} prior treatment episode{(use.PriorTreatmentEpisodes == 1 ? "" : "s")}"));
        }

        return string.Join(", ", parts);
    }

    public static string Describe(SubstanceConcerns substance) => substance switch
    {
        SubstanceConcerns.OpioidsHeroin => "Opioids / heroin",
        SubstanceConcerns.MethamphetamineAmphetamines => "Meth / amphetamines",
        _ => substance.ToString(),
    };

    public static string Describe(UseFrequency frequency) => frequency switch
    {
        UseFrequency.LessThanWeekly => "less than weekly",
        UseFrequency.Weekly => "weekly",
        UseFrequency.SeveralTimesAWeek => "several times a week",
        UseFrequency.Daily => "daily",
        UseFrequency.SeveralTimesADay => "several times a day",
        _ => frequency.ToString(),
    };

    private static string Ago(TimeSpan elapsed) => elapsed switch
    {
        { TotalHours: < 1 } => "within the hour",
        { TotalHours: < 48 } => string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalHours} h ago"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalDays} d ago"),
    };

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
