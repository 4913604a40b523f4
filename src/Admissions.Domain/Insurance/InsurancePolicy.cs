using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;

namespace Admissions.Domain.Insurance;

public enum PolicyRank
{
    Primary,
    Secondary,
}

/// <summary>The patient's relationship to the policy holder (X12 2000C/2000D).</summary>
public enum SubscriberRelationship
{
    Self,
    Spouse,
    Child,
    Other,
}

/// <summary>A health plan the patient is covered by, as the caller gave it.</summary>
public sealed class InsurancePolicy : AggregateRoot, IInquiryRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid InquiryId { get; init; }
    public PolicyRank Rank { get; set; }
    public Guid PayerId { get; set; }
    public string PayerName { get; set; } = "";
    public string MemberId { get; set; } = "";
    public string? GroupNumber { get; set; }
    public SubscriberRelationship Relationship { get; set; }

    /// <summary>The policy holder when it is not the patient.</summary>
    public string? SubscriberFirstName { get; set; }
    public string? SubscriberLastName { get; set; }
    public DateOnly? SubscriberDateOfBirth { get; set; }
    public Sex? SubscriberSex { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Removed policies stay for the record (checks and disclosures point at them).</summary>
    public DateTimeOffset? RemovedAt { get; set; }

    public bool PatientIsSubscriber => Relationship == SubscriberRelationship.Self;
}
