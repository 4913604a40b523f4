namespace Admissions.Infrastructure.Security;

/// <summary>Sessions, sign-in and MFA (section <c>Security</c>).</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// HIPAA automatic logoff: minutes without keyboard or mouse activity before sign-out. The browser warns two
    /// minutes before and signs out on time; the server ends the session on its own shortly after (see <see cref="ServerIdleLimit"/>).
    /// </summary>
    public int IdleTimeoutMinutes { get; set; } = 15;

    /// <summary>A session ends this long after sign-in, however active the person is.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often an open page asks the database whether its session is still alive.</summary>
    public TimeSpan SessionRevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Require an authenticator app (or a passkey) for every role that sees PHI. Unset: on everywhere except the
    /// <c>Demo</c> environment, whose shared demo users sign in with a password only.
    /// </summary>
    public bool? RequireMfa { get; set; }

    public SignInThrottleOptions SignIn { get; set; } = new();

    public SingleSignOnOptions Sso { get; set; } = new();

    public TimeSpan IdleTimeout => TimeSpan.FromMinutes(IdleTimeoutMinutes);

    /// <summary>
    /// The browser pings the server at most once a minute while the person works, so the server's last sight of
    /// them can be a little behind the browser's; it allows for that before calling a session idle.
    /// </summary>
    public TimeSpan ServerIdleLimit => IdleTimeout + KeepAliveAllowance;

    public static readonly TimeSpan KeepAliveAllowance = TimeSpan.FromMinutes(2);

    public bool MfaRequiredIn(string environmentName) => RequireMfa ?? environmentName != "Demo";
}

/// <summary>Sign-in attempts the rate limiter lets through (section <c>Security:SignIn</c>).</summary>
public sealed class SignInThrottleOptions
{
    /// <summary>Sign-in, second-factor and forgotten-password posts one address may make a minute.</summary>
    public int PermitsPerMinutePerAddress { get; set; } = 10;

    /// <summary>The same posts from everyone together, a minute: a ceiling for an attack from many addresses.</summary>
    public int PermitsPerMinute { get; set; } = 300;
}

/// <summary>
/// OpenID Connect single sign-on (section <c>Security:Sso</c>): Entra ID, Okta or any provider, by settings alone.
/// On when <see cref="Authority"/> and <see cref="ClientId"/> are set.
/// </summary>
public sealed class SingleSignOnOptions
{
    /// <summary>The provider's issuer, e.g. https://login.microsoftonline.com/&lt;tenant&gt;/v2.0 (discovery is read from it).</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>From the environment or user secrets only (<c>Security__Sso__ClientSecret</c>).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>What the button says: "Sign in with …".</summary>
    public string DisplayName { get; set; } = "your organisation";

    /// <summary>The id-token claim that lists the person's groups.</summary>
    public string GroupsClaim { get; set; } = "groups";

    /// <summary>Our role → the provider's groups (names or ids) that give it, e.g. <c>Security:Sso:RoleGroups:AdmissionsCoordinator:0</c>.</summary>
    public Dictionary<string, List<string>> RoleGroups { get; set; } = [];

    /// <summary>Create the account at the first sign-in of someone in a mapped group (just-in-time).</summary>
    public bool CreateUsers { get; set; } = true;

    /// <summary>
    /// With single sign-on on, who may still sign in with a password: <c>AdminsOnly</c> (the break-glass
    /// administrators, for when the provider is down) or <c>Everyone</c>.
    /// </summary>
    public string LocalSignIn { get; set; } = "AdminsOnly";

    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);

    public bool LocalSignInForAdminsOnly => IsEnabled && !string.Equals(LocalSignIn, "Everyone", StringComparison.OrdinalIgnoreCase);

    /// <summary>Our roles for a person in <paramref name="groups"/>.</summary>
    public IReadOnlyList<string> RolesFor(IEnumerable<string> groups)
    {
        var set = groups.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. Domain.Security.Roles.StaffRoles.Where(role => RoleGroups.TryGetValue(role, out var mapped) && mapped.Any(set.Contains))];
    }
}
