namespace Admissions.Domain.Security;

/// <summary>A credential for the public intake API. Only a hash of the secret is kept.</summary>
public sealed class ApiKey
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string Name { get; init; } = "";

    /// <summary>The first characters of the key, shown so an admin can tell keys apart.</summary>
    public string Prefix { get; init; } = "";
    public string SecretHash { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>The facility the inquiries sent with this key belong to; none means the first active facility.</summary>
    public Guid? FacilityId { get; set; }

    public bool IsActive => RevokedAt is null;
}

/// <summary>The first answer to an API request made with an Idempotency-Key, replayed on retry.</summary>
public sealed class IdempotencyRecord
{
    public Guid ApiKeyId { get; init; }
    public string Key { get; init; } = "";
    public string RequestHash { get; init; } = "";
    public Guid InquiryId { get; init; }
    public string InquiryNumber { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string AdmissionsManager = "AdmissionsManager";
    public const string AdmissionsCoordinator = "AdmissionsCoordinator";
    public const string Clinician = "Clinician";
    public const string UtilizationReview = "UtilizationReview";
    public const string BusinessDevelopment = "BusinessDevelopment";

    /// <summary>Not a person: a caller of the public intake API, authenticated by API key.</summary>
    public const string IntakeApi = "IntakeApi";

    /// <summary>Not a person: background jobs.</summary>
    public const string System = "System";

    /// <summary>Not a person on staff: whoever holds a consent signing link (the patient), on the public signing page.</summary>
    public const string ConsentSigner = "ConsentSigner";

    public static readonly IReadOnlyList<string> StaffRoles =
        [Admin, AdmissionsManager, AdmissionsCoordinator, Clinician, UtilizationReview, BusinessDevelopment];

    /// <summary>Roles that may see protected health information.</summary>
    public static readonly IReadOnlyList<string> PhiRoles =
        [Admin, AdmissionsManager, AdmissionsCoordinator, Clinician, UtilizationReview];

    /// <summary>"Admissions manager, Clinician": the staff roles someone holds, as a person reads them.</summary>
    public static string DescribeHeld(Func<string, bool> holds) => string.Join(", ", StaffRoles.Where(holds).Select(Describe));

    /// <summary>The roles an administrator gives staff accounts (Admin → Staff), in the order they are offered.</summary>
    public static IReadOnlyList<string> Assignable => StaffRoles;

    /// <summary>What a role lets its holder see and do, in a few words, beside the role's name where roles are chosen.</summary>
    public static string Scope(string role) => role switch
    {
        Admin => "everything, plus staff, audit log, API keys",
        AdmissionsManager => "all inquiries, approvals, reports",
        AdmissionsCoordinator => "takes calls and works inquiries",
        Clinician => "screening, level of care, safety",
        UtilizationReview => "authorizations and reviews",
        BusinessDevelopment => "referral counts only, no patient data",
        _ => "",
    };

    public static string Describe(string role) => role switch
    {
        AdmissionsManager => "Admissions manager",
        AdmissionsCoordinator => "Admissions coordinator",
        UtilizationReview => "Utilization review",
        BusinessDevelopment => "Business development",
        _ => role,
    };
}
