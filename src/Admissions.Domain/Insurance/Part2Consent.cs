using Admissions.Domain.Common;

namespace Admissions.Domain.Insurance;

[Flags]
public enum DisclosurePurpose
{
    None = 0,
    Payment = 1,
    Treatment = 2,
    HealthCareOperations = 4,
}

/// <summary>
/// A 42 CFR Part 2 written consent to disclose the patient's records: what, to whom, why,
/// until when, signed by the patient, revocable at any time.
/// </summary>
public sealed class Part2Consent : AggregateRoot, IInquiryRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid InquiryId { get; init; }
    public string PatientName { get; init; } = "";
    public string DisclosingProgram { get; init; } = "";

    /// <summary>Payers the patient named as recipients.</summary>
    public List<Guid> RecipientPayerIds { get; init; } = [];

    /// <summary>The recipients as printed on the consent.</summary>
    public string RecipientNames { get; init; } = "";
    public DisclosurePurpose Purposes { get; init; }
    public string Information { get; init; } = "";
    public DateOnly? ExpiresOn { get; init; }
    public string? ExpiryEvent { get; init; }
    public string SignedName { get; init; } = "";
    public DateTimeOffset SignedAt { get; init; }
    public string CapturedById { get; init; } = "";
    public string CapturedByName { get; init; } = "";
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedByName { get; private set; }
    public string? RevocationNote { get; private set; }

    public bool IsActive(DateOnly today) =>
        RevokedAt is null && (ExpiresOn is null || ExpiresOn.Value >= today);

    /// <summary>Still good today, and not tomorrow: the last day disclosures may be made under it.</summary>
    public bool ExpiresToday(DateOnly today) => IsActive(today) && ExpiresOn == today;

    public bool Covers(Guid payerId, DisclosurePurpose purpose, DateOnly today) =>
        IsActive(today) && Purposes.HasFlag(purpose) && RecipientPayerIds.Contains(payerId);

    public void Revoke(string? note, Actor by, DateTimeOffset at)
    {
        if (RevokedAt is not null)
        {
            throw new DomainRuleException("This consent was already revoked.");
        }

        RevokedAt = at;
        RevokedByName = by.Name;
        RevocationNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}

/// <summary>
/// One disclosure of Part 2 records, kept so the patient can be given an accounting of
/// disclosures: who disclosed what to whom, when, why, and under which consent. Never changed.
/// </summary>
public sealed class Disclosure : IInquiryRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid InquiryId { get; init; }
    public Guid ConsentId { get; init; }
    public DateTimeOffset DisclosedAt { get; init; }
    public string DisclosedById { get; init; } = "";
    public string DisclosedByName { get; init; } = "";
    public string Recipient { get; init; } = "";
    public DisclosurePurpose Purpose { get; init; }
    public string Information { get; init; } = "";
    public string Channel { get; init; } = "";

    /// <summary>The trace number sent with the disclosure, to match it with the payer's records.</summary>
    public string? Reference { get; init; }
}
