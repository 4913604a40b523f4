using Microsoft.AspNetCore.Identity;

namespace Admissions.Infrastructure.Identity;

/// <summary>A staff member. The phone (Identity's <c>PhoneNumber</c>) is the one on-call paging texts.</summary>
public sealed class AdmissionsUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The facility the person works at, if the organisation has several.</summary>
    public Guid? FacilityId { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Set when the person left: they cannot sign in, and are offered for nothing.</summary>
    public DateTimeOffset? DisabledAt { get; set; }
}
