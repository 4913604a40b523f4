using System.Text.Json;
using Admissions.Domain.Common;

namespace Admissions.Domain.Screening;

public enum ScreeningStatus
{
    Draft,
    Completed,
}

/// <summary>
/// One administration of an instrument on an inquiry. A draft may be saved again and again; a completed
/// screening is never edited: a correction is a new completed version and the old one is marked superseded.
/// (Named ScreeningRecord because <c>Screening</c> is the namespace.)
/// </summary>
public sealed class ScreeningRecord : AggregateRoot, IInquiryRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid InquiryId { get; init; }
    public InstrumentCode Instrument { get; init; }
    public string? BandSet { get; init; }

    /// <summary>Item id → answer, as JSON.</summary>
    public string AnswersJson { get; private set; } = "{}";
    public int? Total { get; private set; }
    public string? BandLabel { get; private set; }
    public BandSeverity? BandSeverity { get; private set; }
    public SuicideRisk? SuicideRisk { get; private set; }
    public bool IsComplete { get; private set; }
    public ScreeningStatus Status { get; private set; }
    public int VersionNumber { get; init; } = 1;
    public Guid? SupersedesId { get; init; }
    public Guid? SupersededById { get; private set; }
    public DateTimeOffset? SupersededAt { get; private set; }
    public DateTimeOffset StartedAt { get; init; }
    public string StartedById { get; init; } = "";
    public string StartedByName { get; init; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedByName { get; private set; } = "";
    public DateTimeOffset? CompletedAt { get; private set; }
    public string? CompletedByName { get; private set; }

    public bool IsSuperseded => SupersededById is not null;

    public IReadOnlyDictionary<string, int> Answers =>
        JsonSerializer.Deserialize<Dictionary<string, int>>(AnswersJson) ?? [];

    /// <summary>Starts a screening: a draft, or completed at once when <paramref name="complete"/> is set.</summary>
    public static (ScreeningRecord Screening, ScreeningResult Result) Start(
        Guid inquiryId, InstrumentDefinition definition, string? bandSet, IReadOnlyDictionary<string, int> answers, bool complete,
        Actor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(by);
        var screening = new ScreeningRecord
        {
            InquiryId = inquiryId,
            Instrument = definition.Code,
            BandSet = bandSet,
            StartedAt = at,
            StartedById = by.Id,
            StartedByName = by.Name,
        };
        var result = screening.Apply(definition, answers, complete, by, at);
        return (screening, result);
    }

    /// <summary>Saves more answers on a draft, completing it when asked.</summary>
    public ScreeningResult Save(InstrumentDefinition definition, IReadOnlyDictionary<string, int> answers, bool complete, Actor by, DateTimeOffset at)
    {
        if (Status == ScreeningStatus.Completed)
        {
            throw new DomainRuleException("A completed screening is never changed; save a correction instead.");
        }

        return Apply(definition, answers, complete, by, at);
    }

    /// <summary>A new completed version that replaces this completed one; this one is kept, marked superseded.</summary>
    public (ScreeningRecord Screening, ScreeningResult Result) Correct(
        InstrumentDefinition definition, IReadOnlyDictionary<string, int> answers, Actor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (Status != ScreeningStatus.Completed)
        {
            throw new DomainRuleException("Only a completed screening can be corrected; a draft is simply saved again.");
        }

        if (IsSuperseded)
        {
            throw new DomainRuleException("This version was already corrected; correct the latest version.");
        }

        var correction = new ScreeningRecord
        {
            InquiryId = InquiryId,
            Instrument = Instrument,
            BandSet = BandSet,
            VersionNumber = VersionNumber + 1,
            SupersedesId = Id,
            StartedAt = at,
            StartedById = by.Id,
            StartedByName = by.Name,
        };
        var result = correction.Apply(definition, answers, true, by, at);
        SupersededById = correction.Id;
        SupersededAt = at;
        return (correction, result);
    }

    private ScreeningResult Apply(InstrumentDefinition definition, IReadOnlyDictionary<string, int> answers, bool complete, Actor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(answers);
        if (definition.Code != Instrument)
        {
            throw new DomainRuleException($"This screening is a {Instrument} screening, not {definition.Name}.");
        }

        var result = ScreeningScorer.Score(definition, answers, BandSet);
        if (complete && !result.IsComplete)
        {
            var missing = result.Unanswered.Select(id => definition.FindItem(id)?.Number ?? 0).Order();
            throw new DomainRuleException($"Answer every asked item before completing {definition.Name}: item(s) {string.Join(", ", missing)} are unanswered.");
        }

        AnswersJson = JsonSerializer.Serialize(answers.OrderBy(a => a.Key, StringComparer.Ordinal).ToDictionary(a => a.Key, a => a.Value));
        Total = result.Total;
        BandLabel = result.Band?.Label;
        BandSeverity = result.Band?.Severity;
        SuicideRisk = result.SuicideRisk;
        IsComplete = result.IsComplete;
        UpdatedAt = at;
        UpdatedByName = by.Name;
        if (complete)
        {
            Status = ScreeningStatus.Completed;
            CompletedAt = at;
            CompletedByName = by.Name;
        }

        return result;
    }
}
