using Admissions.Domain.Security;

namespace Admissions.Web.Components.Pages.Insurance;

/// <summary>Who works the insurance queues: the roles the Application layer allows on their queries.</summary>
public static class InsuranceAccess
{
    /// <summary>The verification and authorization queues and the disclosure ledger.</summary>
    public const string QueueRoles = $"{Roles.Admin},{Roles.AdmissionsManager},{Roles.AdmissionsCoordinator},{Roles.UtilizationReview}";

    /// <summary>Approving or returning a phone verification.</summary>
    public const string ApproverRoles = $"{Roles.Admin},{Roles.AdmissionsManager}";
}
