namespace Admissions.Domain.Inquiries;

/// <summary>
/// The admissions pipeline: which stage may follow which. Every open stage may exit to
/// Not admitted or Referred out; closed inquiries only reopen (a manager's decision).
/// </summary>
public static class InquiryStageMachine
{
    private static readonly InquiryStage[] Exits = [InquiryStage.NotAdmitted, InquiryStage.ReferredOut];

    private static readonly Dictionary<InquiryStage, InquiryStage[]> Forward = new()
    {
        [InquiryStage.New] = [InquiryStage.Contacted],
        [InquiryStage.Contacted] = [InquiryStage.PreScreening],
        // Self-pay callers can skip insurance verification.
        [InquiryStage.PreScreening] = [InquiryStage.InsuranceVerification, InquiryStage.ClinicalReview],
        // Back steps exist for corrections: a VOB needs new member data, a clinician needs the VOB redone.
        [InquiryStage.InsuranceVerification] = [InquiryStage.ClinicalReview, InquiryStage.PreScreening],
        [InquiryStage.ClinicalReview] = [InquiryStage.Approved, InquiryStage.InsuranceVerification],
        [InquiryStage.Approved] = [InquiryStage.AdmissionScheduled],
        // Cancelling a scheduled date goes back to Approved to reschedule.
        [InquiryStage.AdmissionScheduled] = [InquiryStage.Admitted, InquiryStage.Approved],
        [InquiryStage.Admitted] = [],
        [InquiryStage.NotAdmitted] = [],
        [InquiryStage.ReferredOut] = [],
    };

    /// <summary>The stage a closed inquiry returns to when a manager reopens it.</summary>
    public const InquiryStage ReopenStage = InquiryStage.Contacted;

    public static bool IsClosed(InquiryStage stage) =>
        stage is InquiryStage.Admitted or InquiryStage.NotAdmitted or InquiryStage.ReferredOut;

    public static bool IsOpen(InquiryStage stage) => !IsClosed(stage);

    /// <summary>The stages of inquiries still being worked, for queries that filter on them.</summary>
    public static readonly IReadOnlyList<InquiryStage> OpenStages = [.. Enum.GetValues<InquiryStage>().Where(IsOpen)];

    /// <summary>Stages a person may move an inquiry to from <paramref name="from"/> (reopening excluded).</summary>
    public static IReadOnlyList<InquiryStage> NextStages(InquiryStage from) =>
        IsClosed(from) ? Forward[from] : [.. Forward[from], .. Exits];

    public static bool CanMove(InquiryStage from, InquiryStage to) => NextStages(from).Contains(to);

    public static bool CanReopen(InquiryStage from) =>
        from is InquiryStage.NotAdmitted or InquiryStage.ReferredOut;

    public static string Describe(InquiryStage stage) => stage switch
    {
        InquiryStage.New => "New",
        InquiryStage.Contacted => "Contacted",
        InquiryStage.PreScreening => "Pre-screening",
        InquiryStage.InsuranceVerification => "Insurance verification",
        InquiryStage.ClinicalReview => "Clinical review",
        InquiryStage.Approved => "Approved",
        InquiryStage.AdmissionScheduled => "Admission scheduled",
        InquiryStage.Admitted => "Admitted",
        InquiryStage.NotAdmitted => "Not admitted",
        InquiryStage.ReferredOut => "Referred out",
        _ => stage.ToString(),
    };
}
