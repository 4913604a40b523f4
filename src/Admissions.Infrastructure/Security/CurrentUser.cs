using System.Security.Claims;
using Admissions.Application.Common;
using Admissions.Domain.Security;

namespace Admissions.Infrastructure.Security;

/// <summary>
/// The user of the current scope: an HTTP request (set by middleware), a Blazor circuit (set by
/// the circuit handler) or a background job (set to the system principal).
/// </summary>
public sealed class CurrentUser : ICurrentUser
{
    public const string DisplayNameClaim = "admissions:name";

    private ClaimsPrincipal _principal = new(new ClaimsIdentity());

    public bool IsAuthenticated => _principal.Identity?.IsAuthenticated == true;
    public string Id => _principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
    public string Name => _principal.FindFirstValue(DisplayNameClaim) ?? _principal.Identity?.Name ?? "anonymous";
    public string? IpAddress { get; private set; }

    public bool IsInRole(string role) => _principal.IsInRole(role);

    public void Set(ClaimsPrincipal principal, string? ipAddress)
    {
        _principal = principal;
        IpAddress = ipAddress ?? IpAddress;
    }

    public void SetIpAddress(string ipAddress) => IpAddress = ipAddress;

    public void SetSystem() => Set(SystemPrincipal, null);

    /// <summary>The public signing page: the caller is whoever holds the link, known by the token it carries and its address.</summary>
    public void SetConsentSigner(string? ipAddress) => Set(ConsentSignerPrincipal, ipAddress);

    public static readonly ClaimsPrincipal ConsentSignerPrincipal = new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "consent-signing-link"),
            new Claim(DisplayNameClaim, "Patient (signing link)"),
            new Claim(ClaimTypes.Role, Roles.ConsentSigner),
        ],
        authenticationType: "ConsentSigningLink"));

    public static readonly ClaimsPrincipal SystemPrincipal = new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, Domain.Common.Actor.System.Id),
            new Claim(DisplayNameClaim, Domain.Common.Actor.System.Name),
            new Claim(ClaimTypes.Role, Roles.System),
        ],
        authenticationType: "System"));
}
