using System.Security.Claims;
using Admissions.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Admissions.Infrastructure.Identity;

/// <summary>Adds the display name, so timelines and audit rows say "Casey Nguyen" rather than an email.</summary>
public sealed class AdmissionsClaimsFactory(UserManager<AdmissionsUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AdmissionsUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AdmissionsUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CurrentUser.DisplayNameClaim, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? user.Id : user.DisplayName));
        return identity;
    }
}
