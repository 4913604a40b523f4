using Admissions.Domain.FollowUps;

namespace Admissions.Web.Components.Pages.Work;

public static class TaskLabels
{
    public static string Kind(FollowUpKind kind) => kind switch
    {
        FollowUpKind.SpeedToLead => "Speed to lead",
        FollowUpKind.Callback => "Callback",
        FollowUpKind.General => "Task",
        FollowUpKind.InsuranceCorrection => "Insurance correction",
        FollowUpKind.PhoneVerification => "Phone VOB",
        FollowUpKind.AuthorizationReview => "Authorization",
        FollowUpKind.SafetyCall => "Safety call",
        FollowUpKind.ClinicianReview => "Clinician review",
        FollowUpKind.UnworkedInquiry => "Unworked inquiry",
        FollowUpKind.VerificationEscalation => "VOB escalation",
        _ => kind.ToString(),
    };
}
