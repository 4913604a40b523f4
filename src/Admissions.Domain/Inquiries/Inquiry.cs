using Admissions.Domain.Common;

namespace Admissions.Domain.Inquiries;

/// <summary>
/// A person asking for help (or someone asking on their behalf), followed from the first call
/// to admission or to a recorded exit. Every change appends to the timeline.
/// </summary>
public sealed class Inquiry : AggregateRoot
{
    private readonly List<InquiryActivity> _activities = [];
    private readonly List<InquirySearchTerm> _searchTerms = [];

    private Inquiry()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Human-friendly, unique: INQ-2026-000123.</summary>
    public string Number { get; private set; } = "";

    public InquiryDetails Details { get; private set; } = new();

    /// <summary>Ten-digit forms of the phones, kept for duplicate detection and search.</summary>
    public string? CallerPhoneDigits { get; private set; }
    public string? PatientPhoneDigits { get; private set; }

    /// <summary>Upper-case "FIRST LAST", kept for duplicate detection and search.</summary>
    public string PatientNameKey { get; private set; } = "";

    public bool IsDualDiagnosis { get; private set; }

    public InquiryStage Stage { get; private set; }
    public NotAdmittedReason? NotAdmittedReason { get; private set; }
    public DateTimeOffset StageChangedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedById { get; private set; } = "";
    public string CreatedByName { get; private set; } = "";
    public DateTimeOffset? FirstContactAt { get; private set; }
    public DateTimeOffset LastActivityAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    public string? AssignedCoordinatorId { get; private set; }
    public string? AssignedCoordinatorName { get; private set; }

    /// <summary>An open inquiry this one may repeat, acknowledged by whoever created it.</summary>
    public Guid? PossibleDuplicateOfId { get; private set; }

    /// <summary>The partner organisation that referred this person, for referral reports.</summary>
    public Guid? ReferralOrganisationId { get; private set; }

    /// <summary>The facility the inquiry belongs to: its dashboards, lists and scorecards count it, and its 270/278s name that facility as the provider.</summary>
    public Guid? FacilityId { get; private set; }

    public IReadOnlyList<InquiryActivity> Activities => _activities;

    /// <summary>The name words the inquiry list searches; kept in step with the details.</summary>
    public IReadOnlyList<InquirySearchTerm> SearchTerms => _searchTerms;

    public bool IsOpen => InquiryStageMachine.IsOpen(Stage);

    public static Inquiry Create(
        string number, InquiryDetails details, Actor createdBy, DateTimeOffset at, Guid? possibleDuplicateOfId = null, Guid? facilityId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        var inquiry = new Inquiry
        {
            Id = Guid.CreateVersion7(at),
            Number = number,
            Stage = InquiryStage.New,
            StageChangedAt = at,
            CreatedAt = at,
            CreatedById = createdBy.Id,
            CreatedByName = createdBy.Name,
            LastActivityAt = at,
            PossibleDuplicateOfId = possibleDuplicateOfId,
            FacilityId = facilityId,
        };
        inquiry.ApplyDetails(details);
        // What the caller said at intake opens the timeline, so it is read before anything that followed.
        inquiry.Append(ActivityKind.Created, createdBy, at, $"Inquiry created ({DescribeSource(details.Source).ToLowerInvariant()})", details.Notes);
        inquiry.Raise(new InquiryCreated(inquiry.Id, number, at));
        return inquiry;
    }

    /// <summary>Replaces the details and returns the names of the fields that changed.</summary>
    public IReadOnlyList<string> UpdateDetails(InquiryDetails details, Actor by, DateTimeOffset at)
    {
        var changed = InquiryDetails.ChangedFields(Details, details);
        if (changed.Count == 0)
        {
            return changed;
        }

        ApplyDetails(details);
        Append(ActivityKind.DetailsUpdated, by, at, $"Updated {string.Join(", ", changed)}");
        return changed;
    }

    public void AssignTo(Actor? coordinator, Actor by, DateTimeOffset at)
    {
        if (coordinator?.Id == AssignedCoordinatorId)
        {
            return;
        }

        AssignedCoordinatorId = coordinator?.Id;
        AssignedCoordinatorName = coordinator?.Name;
        Append(ActivityKind.Assignment, by, at, coordinator is null ? "Returned to the unassigned queue" : $"Assigned to {coordinator.Name}");
    }

    public void AttributeReferral(ReferralOrganisation? organisation, Actor by, DateTimeOffset at)
    {
        if (organisation?.Id == ReferralOrganisationId)
        {
            return;
        }

        ReferralOrganisationId = organisation?.Id;
        Append(ActivityKind.DetailsUpdated, by, at, organisation is null ? "Referral organisation cleared" : $"Referred by {organisation.Name}");
    }

    /// <summary>Moves the inquiry to another facility; false when it already belongs there. The names are for the timeline.</summary>
    public bool ChangeFacility(Guid facilityId, string facilityName, string? previousName, Actor by, DateTimeOffset at)
    {
        if (facilityId == FacilityId)
        {
            return false;
        }

        FacilityId = facilityId;
        Append(ActivityKind.DetailsUpdated, by, at, $"Facility changed from {previousName ?? "none"} to {facilityName}");
        return true;
    }

    public void AddNote(string text, Actor by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Append(ActivityKind.Note, by, at, "Note", text);
    }

    /// <summary>
    /// Records a call, text or email. The first attempt that reaches someone sets the first-contact
    /// time (speed to lead is measured on it) and moves a new inquiry to Contacted.
    /// </summary>
    public void LogContactAttempt(ContactChannel channel, ContactOutcome outcome, string? notes, Actor by, DateTimeOffset at)
    {
        if (!IsOpen)
        {
            throw new DomainRuleException($"This inquiry is {InquiryStageMachine.Describe(Stage).ToLowerInvariant()}; reopen it before logging contact.");
        }

        Append(new InquiryActivity
        {
            Kind = ActivityKind.ContactAttempt,
            Summary = $"{channel}: {DescribeOutcome(outcome)}",
            Text = notes,
            Channel = channel,
            Outcome = outcome,
        }, by, at);

        if (outcome != ContactOutcome.Reached || FirstContactAt is not null)
        {
            return;
        }

        FirstContactAt = at;
        Raise(new InquiryFirstContacted(Id, at));
        if (Stage == InquiryStage.New)
        {
            ChangeStage(InquiryStage.Contacted, null, by, at, "first successful contact");
        }
    }

    /// <summary>Moves along the pipeline; the state machine decides what is allowed.</summary>
    public void MoveTo(InquiryStage target, NotAdmittedReason? reason, string? note, Actor by, DateTimeOffset at)
    {
        if (target == Stage)
        {
            throw new DomainRuleException($"The inquiry is already in {InquiryStageMachine.Describe(Stage)}.");
        }

        if (!InquiryStageMachine.CanMove(Stage, target))
        {
            throw new DomainRuleException(
                $"An inquiry in {InquiryStageMachine.Describe(Stage)} cannot move to {InquiryStageMachine.Describe(target)}.");
        }

        if (target == InquiryStage.NotAdmitted && reason is null)
        {
            throw new DomainRuleException("Choose the reason the person was not admitted.");
        }

        ChangeStage(target, target == InquiryStage.NotAdmitted ? reason : null, by, at, note);
    }

    /// <summary>Brings a closed-out inquiry back into the pipeline. Managers only (checked by the caller).</summary>
    public void Reopen(string? note, Actor by, DateTimeOffset at)
    {
        if (!InquiryStageMachine.CanReopen(Stage))
        {
            throw new DomainRuleException($"An inquiry in {InquiryStageMachine.Describe(Stage)} cannot be reopened.");
        }

        ChangeStage(InquiryStageMachine.ReopenStage, null, by, at, note);
    }

    private void ChangeStage(InquiryStage target, NotAdmittedReason? reason, Actor by, DateTimeOffset at, string? note)
    {
        var from = Stage;
        Stage = target;
        NotAdmittedReason = reason;
        StageChangedAt = at;
        ClosedAt = InquiryStageMachine.IsClosed(target) ? at : null;
        var summary = $"Stage: {InquiryStageMachine.Describe(from)} → {InquiryStageMachine.Describe(target)}";
        if (reason is { } r)
        {
            summary += $" ({DescribeReason(r)})";
        }

        Append(new InquiryActivity { Kind = ActivityKind.StageChange, Summary = summary, Text = note, FromStage = from, ToStage = target }, by, at);
        Raise(new InquiryStageChanged(Id, from, target, at));
    }

    private void ApplyDetails(InquiryDetails details)
    {
        Details = details;
        CallerPhoneDigits = PhoneNumber.Normalize(details.CallerPhone);
        PatientPhoneDigits = PhoneNumber.Normalize(details.PatientPhone);
        PatientNameKey = NameKey(details.PatientFirstName, details.PatientLastName);
        IsDualDiagnosis = details.IsDualDiagnosis;

        // Only the words that changed are removed or added, so an edit that keeps the names writes no terms.
        var terms = InquirySearchTerm.For(details);
        _searchTerms.RemoveAll(t => !terms.Contains(t.Term));
        foreach (var term in terms.Where(term => !_searchTerms.Exists(t => t.Term == term)))
        {
            _searchTerms.Add(new InquirySearchTerm(Id, term));
        }
    }

    /// <summary>Puts insurance, authorization, consent, placement, screening, safety, level-of-care and task events on the timeline (they live in their own records).</summary>
    public void Record(ActivityKind kind, string summary, Actor by, DateTimeOffset at, string? text = null)
    {
        if (kind is not (ActivityKind.Insurance or ActivityKind.Authorization or ActivityKind.Consent or ActivityKind.Placement
            or ActivityKind.Screening or ActivityKind.Safety or ActivityKind.LevelOfCare or ActivityKind.Task))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only insurance, authorization, consent, placement, screening, safety, level-of-care and task events are recorded from outside.");
        }

        Append(kind, by, at, summary, text);
    }

    private void Append(ActivityKind kind, Actor by, DateTimeOffset at, string summary, string? text = null) =>
        Append(new InquiryActivity { Kind = kind, Summary = summary, Text = text }, by, at);

    /// <summary>Stamps a timeline entry with this inquiry, the actor and the time, and appends it.</summary>
    private void Append(InquiryActivity activity, Actor by, DateTimeOffset at)
    {
        _activities.Add(activity with
        {
            InquiryId = Id,
            OccurredAt = at,
            ActorId = by.Id,
            ActorName = by.Name,
            Text = string.IsNullOrWhiteSpace(activity.Text) ? null : activity.Text.Trim(),
        });
        LastActivityAt = at;
    }

    public static string NameKey(string firstName, string lastName) =>
        $"{firstName.Trim()} {lastName.Trim()}".Trim().ToUpperInvariant();

    public static string DescribeOutcome(ContactOutcome outcome) => outcome switch
    {
        ContactOutcome.Reached => "reached",
        ContactOutcome.LeftVoicemail => "left voicemail",
        ContactOutcome.NoAnswer => "no answer",
        ContactOutcome.WrongNumber => "wrong number",
        _ => outcome.ToString(),
    };

    public static string DescribeSource(InquirySource source) => source switch
    {
        InquirySource.WebForm => "Web form",
        InquirySource.WalkIn => "Walk-in",
        _ => source.ToString(),
    };

    public static string DescribeReason(NotAdmittedReason reason) => reason switch
    {
        Inquiries.NotAdmittedReason.NoInsurance => "no insurance",
        Inquiries.NotAdmittedReason.OutOfNetwork => "out of network",
        Inquiries.NotAdmittedReason.NotClinicallyAppropriate => "not clinically appropriate",
        Inquiries.NotAdmittedReason.ChoseAnotherProvider => "chose another provider",
        Inquiries.NotAdmittedReason.Unreachable => "unreachable",
        Inquiries.NotAdmittedReason.Declined => "declined",
        Inquiries.NotAdmittedReason.Duplicate => "duplicate",
        Inquiries.NotAdmittedReason.Invalid => "invalid",
        _ => reason.ToString(),
    };
}
