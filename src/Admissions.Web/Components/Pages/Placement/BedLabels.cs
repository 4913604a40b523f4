using Admissions.Domain.Placement;

namespace Admissions.Web.Components.Pages.Placement;

/// <summary>The bed board's colours.</summary>
public static class BedLabels
{
    public static string StateColor(BedState state) => state switch
    {
        BedState.Available => "var(--mud-palette-success)",
        BedState.Reserved => "var(--mud-palette-warning)",
        BedState.Occupied => "var(--mud-palette-primary)",
        BedState.Cleaning => "var(--mud-palette-info)",
        _ => "var(--mud-palette-text-disabled)",
    };
}
