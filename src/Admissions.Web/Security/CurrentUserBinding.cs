using Admissions.Domain.Security;
using Admissions.Infrastructure.Security;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Admissions.Web.Security;

/// <summary>Tells the request's scope who is calling (API requests and page prerendering).</summary>
public sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CurrentUser currentUser)
    {
        currentUser.Set(context.User, context.Connection.RemoteIpAddress?.ToString());
        return next(context);
    }
}

/// <summary>
/// Blazor circuits have no request per click: the circuit's scope learns its user from the
/// authentication state when it opens, and again whenever that state changes.
/// </summary>
public sealed class UserCircuitHandler(AuthenticationStateProvider authentication, CurrentUser currentUser, IHttpContextAccessor http)
    : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        currentUser.Set(state.User, http.HttpContext?.Connection.RemoteIpAddress?.ToString());
        authentication.AuthenticationStateChanged += OnAuthenticationChanged;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        // The circuit's connection is the only place its client address is known.
        if (http.HttpContext?.Connection.RemoteIpAddress is { } address)
        {
            currentUser.SetIpAddress(address.ToString());
        }

        return Task.CompletedTask;
    }

    private void OnAuthenticationChanged(Task<AuthenticationState> state) => _ = ApplyAsync(state);

    private async Task ApplyAsync(Task<AuthenticationState> state)
    {
        try
        {
            currentUser.Set((await state).User, null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A state that cannot be read is nobody: the circuit's next request is refused rather than made as the old user.
            currentUser.Set(new System.Security.Claims.ClaimsPrincipal(), null);
        }
    }

    public void Dispose() => authentication.AuthenticationStateChanged -= OnAuthenticationChanged;
}

/// <summary>The job dashboard is for administrators only (the endpoint also requires the role).</summary>
public sealed class AdminDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
}
