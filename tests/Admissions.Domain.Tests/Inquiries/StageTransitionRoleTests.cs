using Admissions.Domain.Inquiries;
using Admissions.Domain.Security;
using static Admissions.Domain.Inquiries.InquiryStage;

namespace Admissions.Domain.Tests.Inquiries;

/// <summary>
/// Who may make each move, written out by hand from issue 12 (clinical approval by clinicians, managers and admins; closing
/// as not admitted by coordinators and up; reopening by managers and admins) and checked against the table for every
/// (stage, stage, role) triple.
/// </summary>
public class StageTransitionRoleTests
{
    private static readonly string[] Everyone = [Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview];
    private static readonly string[] ClinicalDecision = [Roles.Admin, Roles.AdmissionsManager, Roles.Clinician];
    private static readonly string[] Booking = [Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator];
    private static readonly string[] Closing = [Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician];
    private static readonly string[] Managers = [Roles.Admin, Roles.AdmissionsManager];

    private static string[] ExpectedRoles(InquiryStage from, InquiryStage to) => (from, to) switch
    {
        (ClinicalReview, Approved) => ClinicalDecision,
        (Approved, AdmissionScheduled) or (AdmissionScheduled, Approved) => Booking,
        (AdmissionScheduled, Admitted) => Closing,
        (NotAdmitted or ReferredOut, Contacted) => Managers,
        (Admitted or NotAdmitted or ReferredOut, _) => [],
        (_, NotAdmitted or ReferredOut) => Closing,
        _ when InquiryStageMachine.CanMove(from, to) => Everyone,
        _ => [],
    };

    public static IEnumerable<object[]> Triples() =>
        from stage in Enum.GetValues<InquiryStage>() from target in Enum.GetValues<InquiryStage>() from role in Roles.StaffRoles select new object[] { stage, target, role };

    [Theory]
    [MemberData(nameof(Triples))]
    public void The_table_gives_each_move_to_exactly_the_expected_roles(InquiryStage from, InquiryStage to, string role)
    {
        Assert.Equal(ExpectedRoles(from, to).Contains(role), InquiryStageMachine.Allows(from, to, r => r == role));
        Assert.Equal(ExpectedRoles(from, to).Contains(role), InquiryStageMachine.MovesFor(from, r => r == role).Any(t => t.To == to));
    }

    [Fact]
    public void The_table_has_one_row_per_move_and_business_development_makes_none()
    {
        Assert.Equal(InquiryStageMachine.Transitions.Count, InquiryStageMachine.Transitions.DistinctBy(t => (t.From, t.To)).Count());
        Assert.DoesNotContain(InquiryStageMachine.Transitions, t => t.Roles.Contains(Roles.BusinessDevelopment));
    }

    [Theory]
    [InlineData(Approved, AdmissionScheduled)]
    [InlineData(AdmissionScheduled, Admitted)]
    [InlineData(New, ReferredOut)]
    public void Moves_that_need_a_booking_a_check_in_or_a_partner_go_through_the_Admission_tab(InquiryStage from, InquiryStage to)
    {
        Assert.Equal(StageMoveRoute.AdmissionTab, InquiryStageMachine.Find(from, to)!.Route);
    }
}
