using Admissions.Application.Dashboards;
using Admissions.Web.Components.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Admissions.Web.Components.Pages.Dashboards;

/// <summary>
/// Shared by the dashboard pages: the period and facility, whether the user may open the inquiries behind a
/// figure (managers and admins; never business development), and reloading every panel when the filter changes.
/// </summary>
public abstract class DashboardPage : AdmissionsComponent
{
    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected DashboardFilter Filter { get; private set; } = new();
    protected DashboardScope? Scope { get; set; }
    protected IReadOnlyList<FacilityOption> Facilities { get; set; } = [];
    protected bool CanDrillDown { get; private set; }

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        CanDrillDown = DashboardAccess.DrillDown.Any(user.IsInRole);
        await TryAsync(async () => Facilities = await Sender.Send(new ListDashboardFacilities()));
        await LoadAsync();
    }

    protected async Task OnFilterChanged(DashboardFilter filter)
    {
        Filter = filter;
        await LoadAsync();
    }

    /// <summary>Loads every panel; each shows its own loading bar until its figures arrive.</summary>
    protected abstract Task LoadAsync();

    protected string? Link(string href) => CanDrillDown ? href : null;

    /// <summary>
    /// The filter of what the page shows, with the default period and facility filled in: an export covers exactly the
    /// figures on screen, and the audit log records the days and facility it covered instead of "default".
    /// </summary>
    protected DashboardFilter ShownFilter => Scope is { } scope ? Filter with { From = scope.From, To = scope.To, FacilityId = scope.FacilityId } : Filter;
}
