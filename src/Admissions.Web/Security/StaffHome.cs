using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Application.Insurance;

namespace Admissions.Web.Security;

/// <summary>
/// Where a person's day starts. Utilization review's day is its board: someone who reviews stays but does not take
/// inquiries lands there after signing in, and the dashboard of inquiries is not theirs.
/// </summary>
public static class StaffHome
{
    public const string ReviewBoard = "/authorizations";

    public static bool IsReviewBoard(ICurrentUser user) =>
        RequestPolicies.Allows<GetUtilizationReviewBoard>(user) && !RequestPolicies.Allows<CreateInquiry>(user);
}
