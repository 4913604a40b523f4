using Admissions.Application.Common;
using Admissions.Application.FollowUps;
using Admissions.Application.Placement;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Admissions.Application.Inquiries;

/// <summary>Everything the inquiry page shows. Opening it is recorded in the audit log.</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record GetInquiry(Guid InquiryId) : IQuery<InquiryDetail>, IAuditedRead
{
    public string AuditEntityType => nameof(Inquiry);
    public string AuditEntityId => InquiryId.ToString();
}

public sealed class GetInquiryHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, IFacilityCalendar calendar, IOptions<FollowUpOptions> followUps)
    : IQueryHandler<GetInquiry, InquiryDetail>
{
    public async ValueTask<InquiryDetail> Handle(GetInquiry query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var inquiry = await db.Inquiries.AsNoTracking().FirstOrDefaultAsync(i => i.Id == query.InquiryId, cancellationToken)
            ?? throw new NotFoundException("The inquiry");

        var activities = await db.InquiryActivities.AsNoTracking()
            .Where(a => a.InquiryId == query.InquiryId)
            .OrderByDescending(a => a.OccurredAt)
            .Select(a => new ActivityItem(a.Id, a.Kind, a.OccurredAt, a.ActorName, a.Summary, a.Text, a.Channel, a.Outcome))
            .ToListAsync(cancellationToken);
        var tasks = await db.FollowUpTasks.AsNoTracking()
            .Where(t => t.InquiryId == query.InquiryId && t.State == FollowUpState.Open)
            .OrderByDescending(t => t.Kind == FollowUpKind.SafetyCall).ThenBy(t => t.DueAt)
            .Select(t => new TaskItem(t.Id, t.Kind, t.Title, t.DueAt, t.AssigneeName, t.Priority, t.State, t.SafetyAlertId, t.SnoozeCount))
            .ToListAsync(cancellationToken);
        var duplicateOf = inquiry.PossibleDuplicateOfId is { } dupId
            ? await db.Inquiries.Where(i => i.Id == dupId).Select(i => i.Number).FirstOrDefaultAsync(cancellationToken)
            : null;
        var referredBy = inquiry.ReferralOrganisationId is { } organisationId
            ? await db.ReferralOrganisations.Where(o => o.Id == organisationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken)
            : null;

        var facility = inquiry.FacilityId is { } facilityId
            ? await db.Facilities.Where(f => f.Id == facilityId).Select(f => f.Name).FirstOrDefaultAsync(cancellationToken)
            : null;

        var earlier = await InquiryIntake.FindDuplicatesAsync(db, inquiry.Details, calendar.Organisation, cancellationToken, except: inquiry.Id, before: inquiry.CreatedAt);

        // Only the moves this person may make: the stage machine's table decides, the page offers what it says.
        var moves = InquiryStageMachine.MovesFor(inquiry.Stage, user.IsInRole);
        return new InquiryDetail(
            inquiry.Id,
            inquiry.Number,
            InquiryVersion.Encode(inquiry.Version),
            inquiry.ToForm(),
            inquiry.Stage,
            inquiry.NotAdmittedReason,
            inquiry.StageChangedAt,
            inquiry.CreatedAt,
            inquiry.CreatedByName,
            inquiry.FirstContactAt,
            inquiry.CreatedAt + followUps.Value.SpeedToLeadDelay,
            inquiry.LastActivityAt,
            inquiry.AssignedCoordinatorId,
            inquiry.AssignedCoordinatorName,
            inquiry.PossibleDuplicateOfId,
            duplicateOf,
            referredBy,
            [.. moves.Where(m => m.Route == StageMoveRoute.StagePanel).Select(m => m.To)],
            moves.Any(m => m.Route == StageMoveRoute.Reopen),
            activities,
            tasks,
            [.. earlier.Where(m => !m.IsOpen)],
            facility);
    }
}
