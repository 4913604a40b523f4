using Admissions.Domain.Care;
using Admissions.Domain.Common;

namespace Admissions.Domain.Placement;

/// <summary>
/// Another provider admissions refers people to when this campus is not the right fit (level of care,
/// population, payer, no bed). The directory says what each offers and how to reach their intake team.
/// </summary>
public sealed class PartnerFacility
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public List<LevelOfCare> Levels { get; set; } = [];
    public string? City { get; set; }
    public string? State { get; set; }
    public string? IntakePhone { get; set; }
    public string? Email { get; set; }

    /// <summary>Populations, payers and anything else the intake team should know.</summary>
    public string? Notes { get; set; }
    public bool IsActive { get; set; } = true;
}

/// <summary>An inquiry referred out to a partner facility, and why.</summary>
public sealed class OutboundReferral : IInquiryRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid InquiryId { get; init; }
    public Guid PartnerId { get; init; }
    public string PartnerName { get; init; } = "";
    public string Reason { get; init; } = "";
    public DateTimeOffset ReferredAt { get; init; }
    public string ReferredById { get; init; } = "";
    public string ReferredByName { get; init; } = "";

    public static OutboundReferral To(PartnerFacility partner, Guid inquiryId, string reason, Actor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(partner);
        ArgumentNullException.ThrowIfNull(by);
        if (!partner.IsActive)
        {
            throw new DomainRuleException($"{partner.Name} is no longer in the partner directory; choose another partner.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Say why the person is referred out.");
        }

        return new OutboundReferral { InquiryId = inquiryId, PartnerId = partner.Id, PartnerName = partner.Name, Reason = reason.Trim(), ReferredAt = at, ReferredById = by.Id, ReferredByName = by.Name };
    }
}
