using System.Reflection;
using Admissions.Application.Common;
using Admissions.Application.Placement;
using Admissions.Domain.Inquiries;

namespace Admissions.Application.Inquiries;

/// <summary>
/// The one place the pipeline board asks the stage machine where a card may go: the next stages that are board
/// columns (open, and not reached only through the Admission tab), for a person allowed to move inquiries at all.
/// When transitions carry their own roles, this is where the board learns them.
/// </summary>
public static class PipelineMoves
{
    private static readonly IReadOnlyList<string> MoveRoles =
        typeof(MoveInquiryStage).GetCustomAttribute<RequiresRoleAttribute>()?.Roles ?? [];

    public static IReadOnlyList<InquiryStage> Allowed(InquiryStage from, ICurrentUser user) => MoveRoles.Any(user.IsInRole)
        ? [.. InquiryStageMachine.NextStages(from).Where(to => InquiryStageMachine.IsOpen(to) && Placements.StageNeedsAdmissionTab(to) is null)]
        : [];
}
