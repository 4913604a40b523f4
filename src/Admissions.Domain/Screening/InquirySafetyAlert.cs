using Admissions.Domain.Common;

namespace Admissions.Domain.Screening;

/// <summary>What a clinician did about a safety alert.</summary>
public enum SafetyDisposition
{
    CrisisLineGiven,
    EmergencyReferral911or988,
    SafeToContinue,
    MobileCrisisDispatched,
    Other,
}

/// <summary>
/// A safety stop raised on an inquiry by a screening answer (PHQ-9 item 9, C-SSRS risk). An open
/// immediate alert blocks scheduling an admission until a clinician records a disposition.
/// (The scorer's <see cref="SafetyAlert"/> is the rule's verdict; this is the record of it.)
/// </summary>
public sealed class InquirySafetyAlert : AggregateRoot, IInquiryRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid InquiryId { get; init; }
    public Guid ScreeningId { get; init; }
    public InstrumentCode Instrument { get; init; }
    public AlertLevel Level { get; init; }
    public string Reason { get; init; } = "";
    public DateTimeOffset RaisedAt { get; init; }
    public string RaisedByName { get; init; } = "";
    public SafetyDisposition? Disposition { get; private set; }
    public string? DispositionNote { get; private set; }
    public string? ResolvedById { get; private set; }
    public string? ResolvedByName { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }

    public bool IsOpen => ResolvedAt is null;

    public static InquirySafetyAlert Raise(ScreeningRecord screening, SafetyAlert verdict, Actor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(screening);
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(by);
        if (verdict.Level == AlertLevel.None)
        {
            throw new ArgumentException("There is nothing to raise.", nameof(verdict));
        }

        return new InquirySafetyAlert
        {
            InquiryId = screening.InquiryId,
            ScreeningId = screening.Id,
            Instrument = screening.Instrument,
            Level = verdict.Level,
            Reason = verdict.Reason,
            RaisedAt = at,
            RaisedByName = by.Name,
        };
    }

    public void Resolve(SafetyDisposition disposition, string note, Actor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!IsOpen)
        {
            throw new DomainRuleException("A disposition was already recorded for this safety alert.");
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            throw new DomainRuleException("Describe what was done in the note.");
        }

        Disposition = disposition;
        DispositionNote = note.Trim();
        ResolvedById = by.Id;
        ResolvedByName = by.Name;
        ResolvedAt = at;
    }
}
