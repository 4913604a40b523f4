using Microsoft.AspNetCore.Identity;

namespace Admissions.Infrastructure.Identity;

public sealed class AdmissionsUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}
