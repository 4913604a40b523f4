using System.Security.Claims;
using Admissions.Infrastructure.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace Admissions.Web.Security;

/// <summary>
/// The authentication state of a Blazor circuit, checked against the session in the database every
/// <see cref="SecurityOptions.SessionRevalidationInterval"/> (and at once when this node ends the person's sessions).
/// When the session has ended, pages get a moment to save what was typed (<see cref="SignOutHooks"/>), then the
/// circuit becomes anonymous: the router shows the sign-in prompt and no page keeps rendering patient data.
/// </summary>
public sealed partial class SessionAuthenticationStateProvider : ServerAuthenticationStateProvider, IDisposable
{
    private static readonly AuthenticationState SignedOut = new(new ClaimsPrincipal(new ClaimsIdentity()));

    private readonly SessionStore _sessions;
    private readonly SessionEvents _events;
    private readonly SignOutHooks _hooks;
    private readonly ILogger<SessionAuthenticationStateProvider> _logger;
    private readonly ITimer _timer;
    private int _checking;

    public SessionAuthenticationStateProvider(
        SessionStore sessions, SessionEvents events, SignOutHooks hooks, TimeProvider clock, IOptions<SecurityOptions> options,
        ILogger<SessionAuthenticationStateProvider> logger)
    {
        _sessions = sessions;
        _events = events;
        _hooks = hooks;
        _logger = logger;
        var interval = options.Value.SessionRevalidationInterval;
        _timer = clock.CreateTimer(_ => _ = RevalidateAsync(), null, interval, interval);
        _events.Ended += OnSessionsEnded;
    }

    /// <summary>The session this circuit runs under has ended: true once the circuit has gone anonymous.</summary>
    public bool SessionEnded { get; private set; }

    /// <summary>Checks the session now; ends the circuit's sign-in if the session is over.</summary>
    public async Task RevalidateAsync()
    {
        if (Interlocked.Exchange(ref _checking, 1) == 1)
        {
            return;
        }

        try
        {
            var user = (await GetAuthenticationStateAsync()).User;
            if (user.Identity?.IsAuthenticated != true)
            {
                return;
            }

            var check = await _sessions.CheckAsync(user.FindFirstValue(SessionClaims.SessionId), touch: false);
            if (check.IsAlive)
            {
                return;
            }

            await _hooks.RunAsync();
            SessionEnded = true;
            SetAuthenticationState(Task.FromResult(SignedOut));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogCheckFailed(_logger, ex);
        }
        finally
        {
            Interlocked.Exchange(ref _checking, 0);
        }
    }

    private void OnSessionsEnded(string userId)
    {
        var state = GetAuthenticationStateAsync();
        if (state.IsCompletedSuccessfully && state.Result.User.FindFirstValue(ClaimTypes.NameIdentifier) == userId)
        {
            _ = RevalidateAsync();
        }
    }

    public void Dispose()
    {
        _events.Ended -= OnSessionsEnded;
        _timer.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check a circuit's session; it will be checked again")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
