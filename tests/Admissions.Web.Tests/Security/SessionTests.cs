using System.Net;
using System.Security.Claims;
using Admissions.Domain.Security;
using Admissions.Infrastructure.Identity;
using Admissions.Infrastructure.Security;
using Admissions.Web.Security;
using Admissions.Web.Tests.Support;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admissions.Web.Tests.Security;

/// <summary>Sessions live in the database: sign-out, idle time and the absolute lifetime end them for every copy of the cookie and every open page.</summary>
public sealed class SessionTests(SecurityWebFactory factory) : IClassFixture<SecurityWebFactory>
{
    private static Uri Resolve(Uri location) => new(new Uri("http://localhost"), location);

    private static bool IsSignInRedirect(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && Resolve(response.Headers.Location!).AbsolutePath == "/account/login";

    private async Task<(HttpClient Client, string Email, string Cookie)> SignInAsync(string role)
    {
        var email = await factory.CreateUserAsync(role);
        var client = factory.CreateBrowser();
        using var response = await AdmissionsWebFactory.PostLoginAsync(client, email, AdmissionsWebFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AdmissionsWebFactory.AuthCookie + "=", StringComparison.Ordinal)).Split(';')[0];
        return (client, email, cookie);
    }

    /// <summary>A second browser holding a copy of the cookie: what an attacker who copied it would send.</summary>
    private HttpClient Replay(string cookie)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private Task<UserSession> LatestSessionAsync(string email) => factory.QueryAsync(async db =>
    {
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId).OrderByDescending(s => s.CreatedAt).FirstAsync();
    });

    private static async Task LogoutAsync(HttpClient client)
    {
        var token = await AdmissionsWebFactory.AntiforgeryTokenAsync(client, "/");
        using var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["reason"] = "signedout",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task A_cookie_copied_before_logout_opens_nothing_after_it()
    {
        var (client, email, cookie) = await SignInAsync(Roles.AdmissionsManager);
        using var copy = Replay(cookie);
        using (var before = await copy.GetAsync("/admin/outbox"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await LogoutAsync(client);

        using var after = await copy.GetAsync("/admin/outbox");
        Assert.True(IsSignInRedirect(after), $"The copied cookie got {(int)after.StatusCode}");
        Assert.Equal(SessionEndReason.SignedOut, (await LatestSessionAsync(email)).EndReason);
    }

    [Fact]
    public async Task An_idle_session_ends_on_the_server_even_if_the_browser_never_signs_out()
    {
        var (client, email, _) = await SignInAsync(Roles.AdmissionsCoordinator);

        factory.Clock.Advance(TimeSpan.FromMinutes(15) + SecurityOptions.KeepAliveAllowance + TimeSpan.FromSeconds(1));
        using var response = await client.GetAsync("/inquiries");

        Assert.True(IsSignInRedirect(response), $"An idle session still got {(int)response.StatusCode}");
        Assert.Equal(SessionEndReason.IdleTimeout, (await LatestSessionAsync(email)).EndReason);
    }

    [Fact]
    public async Task Activity_keeps_a_session_alive_past_the_idle_timeout()
    {
        var (client, _, _) = await SignInAsync(Roles.AdmissionsCoordinator);

        for (var i = 0; i < 4; i++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(10));
            using var ping = await client.GetAsync("/account/keepalive");
            Assert.Equal(HttpStatusCode.NoContent, ping.StatusCode);
        }

        using var page = await client.GetAsync("/inquiries");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_session_ends_after_its_absolute_lifetime_however_active()
    {
        var (client, email, _) = await SignInAsync(Roles.AdmissionsCoordinator);
        var lifetime = TimeSpan.FromHours(12);
        var elapsed = TimeSpan.Zero;
        while (elapsed + TimeSpan.FromMinutes(10) < lifetime)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(10));
            elapsed += TimeSpan.FromMinutes(10);
            using var ping = await client.GetAsync("/account/keepalive");
            Assert.True(ping.StatusCode == HttpStatusCode.NoContent, $"Signed out after {elapsed}");
        }

        factory.Clock.Advance(lifetime - elapsed + TimeSpan.FromSeconds(1));
        using var response = await client.GetAsync("/account/keepalive");

        Assert.True(IsSignInRedirect(response), $"Past its lifetime the session still got {(int)response.StatusCode}");
        var check = await factory.Services.GetRequiredService<SessionStore>().CheckAsync((await LatestSessionAsync(email)).Id, touch: false);
        Assert.False(check.IsAlive);
        Assert.Equal(SessionEndReason.Expired, check.EndReason);
    }

    [Fact]
    public async Task An_open_page_goes_anonymous_at_its_next_check_once_the_session_ended_elsewhere()
    {
        var (_, email, _) = await SignInAsync(Roles.AdmissionsCoordinator);
        var session = await LatestSessionAsync(email);
        await using var scope = factory.Services.CreateAsyncScope();
        var circuit = OpenCircuit(scope.ServiceProvider, session);
        var changed = NextChange(circuit);

        // Ended by another node: no event reaches this one, only the database knows.
        await factory.QueryAsync(db => db.UserSessions.Where(s => s.Id == session.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, DateTimeOffset.UtcNow).SetProperty(x => x.EndReason, SessionEndReason.SignedOut)));
        Assert.False(changed.IsCompleted);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));

        var state = await changed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(state.User.Identity?.IsAuthenticated);
        Assert.True(circuit.SessionEnded);
    }

    [Fact]
    public async Task An_open_page_closes_at_once_when_its_session_is_ended_on_this_node()
    {
        var (_, email, _) = await SignInAsync(Roles.AdmissionsCoordinator);
        var session = await LatestSessionAsync(email);
        await using var scope = factory.Services.CreateAsyncScope();
        var circuit = OpenCircuit(scope.ServiceProvider, session);
        var hooked = false;
        using var hook = scope.ServiceProvider.GetRequiredService<SignOutHooks>().Register(_ =>
        {
            hooked = true;
            return Task.CompletedTask;
        });
        var changed = NextChange(circuit);

        // As disabling the account or changing its roles does; no clock advance needed.
        await factory.Services.GetRequiredService<SessionStore>().EndAsync(session.Id, SessionEndReason.AccountDisabled);

        var state = await changed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(state.User.Identity?.IsAuthenticated);
        Assert.True(hooked, "The page's save-before-sign-out hook did not run");
    }

    [Fact]
    public async Task An_open_page_of_a_live_session_stays_signed_in()
    {
        var (_, email, _) = await SignInAsync(Roles.AdmissionsCoordinator);
        var session = await LatestSessionAsync(email);
        await using var scope = factory.Services.CreateAsyncScope();
        var circuit = OpenCircuit(scope.ServiceProvider, session);

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await circuit.RevalidateAsync();

        Assert.True((await circuit.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
        Assert.False(circuit.SessionEnded);
    }

    private static SessionAuthenticationStateProvider OpenCircuit(IServiceProvider services, UserSession session)
    {
        var provider = services.GetRequiredService<SessionAuthenticationStateProvider>();
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, session.UserId), new Claim(SessionClaims.SessionId, session.Id)], "Identity.Application"));
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(user)));
        return provider;
    }

    private static Task<AuthenticationState> NextChange(AuthenticationStateProvider provider)
    {
        var changed = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.AuthenticationStateChanged += async task => changed.TrySetResult(await task);
        return changed.Task;
    }
}
