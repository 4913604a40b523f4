using Admissions.Domain.Security;

namespace Admissions.Domain.Inquiries;

/// <summary>How a person makes a stage move: the stage panel, the Admission tab (it needs a booking, a check-in or a partner), or reopening.</summary>
public enum StageMoveRoute
{
    StagePanel,
    AdmissionTab,
    Reopen,
}

/// <summary>One allowed move of the pipeline and the roles that may make it.</summary>
public sealed record StageTransition(InquiryStage From, InquiryStage To, IReadOnlyList<string> Roles, StageMoveRoute Route);

/// <summary>
/// The admissions pipeline: which stage may follow which, and who may make each move. <see cref="Transitions"/> is the
/// one table; the handlers, the stage panel, the README and the tests all read it.
/// </summary>
public static class InquiryStageMachine
{
    /// <summary>Everyone who works inquiries: the routine moves along the pipeline.</summary>
    private static readonly string[] Working = [.. Roles.PhiRoles];

    /// <summary>Clinical approval is a clinical decision.</summary>
    private static readonly string[] Clinical = [Roles.Admin, Roles.AdmissionsManager, Roles.Clinician];

    /// <summary>Booking and cancelling admission dates.</summary>
    private static readonly string[] Booking = [Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator];

    /// <summary>Closing an inquiry (not admitted, with a reason; referred out), checking a patient in.</summary>
    private static readonly string[] Closing = [Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician];

    /// <summary>Bringing a closed inquiry back.</summary>
    private static readonly string[] Managers = [Roles.Admin, Roles.AdmissionsManager];

    private static readonly InquiryStage[] Stages = Enum.GetValues<InquiryStage>();

    public static readonly IReadOnlyList<StageTransition> Transitions =
    [
        new(InquiryStage.New, InquiryStage.Contacted, Working, StageMoveRoute.StagePanel),
        new(InquiryStage.Contacted, InquiryStage.PreScreening, Working, StageMoveRoute.StagePanel),
        // Self-pay callers can skip insurance verification.
        new(InquiryStage.PreScreening, InquiryStage.InsuranceVerification, Working, StageMoveRoute.StagePanel),
        new(InquiryStage.PreScreening, InquiryStage.ClinicalReview, Working, StageMoveRoute.StagePanel),
        new(InquiryStage.InsuranceVerification, InquiryStage.ClinicalReview, Working, StageMoveRoute.StagePanel),
        // Back steps exist for corrections: a VOB needs new member data, a clinician needs the VOB redone.
        new(InquiryStage.InsuranceVerification, InquiryStage.PreScreening, Working, StageMoveRoute.StagePanel),
        new(InquiryStage.ClinicalReview, InquiryStage.Approved, Clinical, StageMoveRoute.StagePanel),
        new(InquiryStage.ClinicalReview, InquiryStage.InsuranceVerification, Working, StageMoveRoute.StagePanel),
        new(InquiryStage.Approved, InquiryStage.AdmissionScheduled, Booking, StageMoveRoute.AdmissionTab),
        new(InquiryStage.AdmissionScheduled, InquiryStage.Admitted, Closing, StageMoveRoute.AdmissionTab),
        // Cancelling a booked date (or a no-show) goes back to Approved to rebook; it approves nothing.
        new(InquiryStage.AdmissionScheduled, InquiryStage.Approved, Booking, StageMoveRoute.StagePanel),
        .. Stages.Where(IsOpen).SelectMany(stage => new StageTransition[]
        {
            new(stage, InquiryStage.NotAdmitted, Closing, StageMoveRoute.StagePanel),
            new(stage, InquiryStage.ReferredOut, Closing, StageMoveRoute.AdmissionTab),
        }),
        new(InquiryStage.NotAdmitted, InquiryStage.Contacted, Managers, StageMoveRoute.Reopen),
        new(InquiryStage.ReferredOut, InquiryStage.Contacted, Managers, StageMoveRoute.Reopen),
    ];

    /// <summary>The stage a closed inquiry returns to when a manager reopens it.</summary>
    public const InquiryStage ReopenStage = InquiryStage.Contacted;

    public static bool IsClosed(InquiryStage stage) =>
        stage is InquiryStage.Admitted or InquiryStage.NotAdmitted or InquiryStage.ReferredOut;

    public static bool IsOpen(InquiryStage stage) => !IsClosed(stage);

    /// <summary>The stages of inquiries still being worked, for queries that filter on them.</summary>
    public static readonly IReadOnlyList<InquiryStage> OpenStages = [.. Stages.Where(IsOpen)];

    /// <summary>The table's entry for a move, or null when the pipeline has no such move.</summary>
    public static StageTransition? Find(InquiryStage from, InquiryStage to) =>
        Transitions.FirstOrDefault(t => t.From == from && t.To == to);

    /// <summary>Stages a person may move an inquiry to from <paramref name="from"/> (reopening excluded).</summary>
    public static IReadOnlyList<InquiryStage> NextStages(InquiryStage from) =>
        [.. Transitions.Where(t => t.From == from && t.Route != StageMoveRoute.Reopen).Select(t => t.To)];

    public static bool CanMove(InquiryStage from, InquiryStage to) => Find(from, to) is { Route: not StageMoveRoute.Reopen };

    public static bool CanReopen(InquiryStage from) => Find(from, ReopenStage) is { Route: StageMoveRoute.Reopen };

    /// <summary>Whether someone holding the roles <paramref name="isInRole"/> answers yes to may make the move.</summary>
    public static bool Allows(InquiryStage from, InquiryStage to, Func<string, bool> isInRole)
    {
        ArgumentNullException.ThrowIfNull(isInRole);
        return Find(from, to) is { } transition && transition.Roles.Any(isInRole);
    }

    /// <summary>The moves this person may make from <paramref name="from"/>, reopening included: what a page offers them.</summary>
    public static IReadOnlyList<StageTransition> MovesFor(InquiryStage from, Func<string, bool> isInRole)
    {
        ArgumentNullException.ThrowIfNull(isInRole);
        return [.. Transitions.Where(t => t.From == from && t.Roles.Any(isInRole))];
    }

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
