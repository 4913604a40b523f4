using Admissions.Domain.Placement;
using Admissions.Domain.Security;

namespace Admissions.Web.Components.Pages.Placement;

/// <summary>Who uses the bed board and who sets it up: the roles the Application layer allows on its requests.</summary>
public static class PlacementAccess
{
    /// <summary>Reading the bed board.</summary>
    public const string BoardRoles = $"{Roles.Admin},{Roles.AdmissionsManager},{Roles.AdmissionsCoordinator},{Roles.Clinician},{Roles.UtilizationReview}";

    /// <summary>Reserving and releasing beds.</summary>
    public const string ReserveRoles = $"{Roles.Admin},{Roles.AdmissionsManager},{Roles.AdmissionsCoordinator}";

    /// <summary>Cleaning, back in service, out of service.</summary>
    public const string HousekeepingRoles = $"{Roles.Admin},{Roles.AdmissionsManager}";

    public static string StateColor(BedState state) => state switch
    {
        BedState.Available => "var(--mud-palette-success)",
        BedState.Reserved => "var(--mud-palette-warning)",
        BedState.Occupied => "var(--mud-palette-primary)",
        BedState.Cleaning => "var(--mud-palette-info)",
        _ => "var(--mud-palette-text-disabled)",
    };
}
