using Admissions.Domain.Common;
using Admissions.Domain.Inquiries;

namespace Admissions.Domain.Tests.Inquiries;

/// <summary>Fixed people, times and details shared by the inquiry tests.</summary>
internal static class InquiryTestData
{
    public const string Number = "INQ-2026-000123";

    public static readonly DateTimeOffset CreatedAt = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(-5));

    public static readonly Actor Coordinator = new("user-coordinator", "Dana Reyes");
    public static readonly Actor OtherCoordinator = new("user-coordinator-2", "Sam Okafor");
    public static readonly Actor Manager = new("user-manager", "Morgan Lee");

    public static InquiryDetails Details() => new()
    {
        CallerName = "Maria Lopez",
        CallerPhone = "(555) 201-4477",
        CallerEmail = "maria@example.org",
        CallerRelationship = CallerRelationship.Parent,
        PatientFirstName = "Alex",
        PatientLastName = "Lopez",
        PatientDateOfBirth = new DateOnly(1999, 7, 14),
        PatientSex = Sex.Male,
        PatientPhone = "555.309.8812",
        PatientState = "TX",
        Source = InquirySource.Phone,
        ReferralSource = null,
        Substances = SubstanceConcerns.Alcohol,
        MentalHealthConcerns = MentalHealthConcerns.None,
        Urgency = Urgency.Soon,
        Notes = "Called after an ER visit.",
    };

    public static Inquiry NewInquiry(InquiryDetails? details = null) =>
        Inquiry.Create(Number, details ?? Details(), Coordinator, CreatedAt);

    /// <summary>
    /// An inquiry moved to <paramref name="stage"/> along allowed steps, one minute apart, with its
    /// domain events already pulled so a test sees only the events it causes.
    /// </summary>
    public static Inquiry InquiryAt(InquiryStage stage)
    {
        var inquiry = NewInquiry();
        var at = CreatedAt;
        foreach (var step in PathTo(stage))
        {
            at = at.AddMinutes(1);
            var reason = step == InquiryStage.NotAdmitted ? NotAdmittedReason.NoInsurance : (NotAdmittedReason?)null;
            inquiry.MoveTo(step, reason, null, Coordinator, at);
        }

        inquiry.PullDomainEvents();
        return inquiry;
    }

    private static InquiryStage[] PathTo(InquiryStage stage) => stage switch
    {
        InquiryStage.New => [],
        InquiryStage.Contacted => [InquiryStage.Contacted],
        InquiryStage.PreScreening => [InquiryStage.Contacted, InquiryStage.PreScreening],
        InquiryStage.InsuranceVerification =>
            [InquiryStage.Contacted, InquiryStage.PreScreening, InquiryStage.InsuranceVerification],
        InquiryStage.ClinicalReview =>
            [InquiryStage.Contacted, InquiryStage.PreScreening, InquiryStage.InsuranceVerification, InquiryStage.ClinicalReview],
        InquiryStage.Approved =>
            [.. PathTo(InquiryStage.ClinicalReview), InquiryStage.Approved],
        InquiryStage.AdmissionScheduled =>
            [.. PathTo(InquiryStage.Approved), InquiryStage.AdmissionScheduled],
        InquiryStage.Admitted =>
            [.. PathTo(InquiryStage.AdmissionScheduled), InquiryStage.Admitted],
        InquiryStage.NotAdmitted => [InquiryStage.NotAdmitted],
        InquiryStage.ReferredOut => [InquiryStage.ReferredOut],
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "No path written for this stage."),
    };
}
