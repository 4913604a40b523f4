namespace Admissions.Domain.Inquiries;

/// <summary>
/// A partner that refers people (a hospital, a therapist's practice, an interventionist). Referral
/// reports count and attribute inquiries to it; nothing here records payments (EKRA).
/// </summary>
public sealed class ReferralOrganisation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; init; }
}
