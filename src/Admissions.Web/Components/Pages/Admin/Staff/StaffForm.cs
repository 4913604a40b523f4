namespace Admissions.Web.Components.Pages.Admin.Staff;

/// <summary>What the staff forms edit.</summary>
public sealed class StaffForm
{
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string? Phone { get; set; }
    public Guid? FacilityId { get; set; }
    public HashSet<string> Roles { get; set; } = [];
}
