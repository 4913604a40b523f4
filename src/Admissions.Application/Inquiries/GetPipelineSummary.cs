using Admissions.Application.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Inquiries;

public sealed record StageCount(InquiryStage Stage, int Count);

/// <summary>
/// Counts only, no names: safe for every role, business development included. <see cref="Today"/> is the day the
/// counts call today, so the tiles can open the list with the same days.
/// </summary>
public sealed record PipelineSummary(IReadOnlyList<StageCount> OpenByStage, int NewToday, int AwaitingFirstContact, int AdmittedLast30Days, DateOnly Today)
{
    /// <summary>"Admitted, last 30 days" counts admissions on this day and the 29 before it.</summary>
    public DateOnly AdmittedSince => Today.AddDays(-29);
}

[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview, Roles.BusinessDevelopment)]
public sealed record GetPipelineSummary : IQuery<PipelineSummary>;

public sealed class GetPipelineSummaryHandler(IAdmissionsDbContextFactory dbFactory, IFacilityCalendar calendar)
    : IQueryHandler<GetPipelineSummary, PipelineSummary>
{
    public async ValueTask<PipelineSummary> Handle(GetPipelineSummary query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var days = calendar.Organisation;
        var now = days.Now;
        var startOfDay = days.StartOf(days.Today);
        var open = InquiryStageMachine.OpenStages;

        var counts = await db.Inquiries.AsNoTracking()
            .Where(i => open.Contains(i.Stage))
            .GroupBy(i => i.Stage)
            .Select(g => new StageCount(g.Key, g.Count()))
            .ToListAsync(cancellationToken);
        var newToday = await db.Inquiries.CountAsync(i => i.CreatedAt >= startOfDay, cancellationToken);
        var awaiting = await db.Inquiries.CountAsync(i => i.FirstContactAt == null && open.Contains(i.Stage), cancellationToken);
        var since = startOfDay.AddDays(-29);
        var admitted = await db.Inquiries.CountAsync(i => i.Stage == InquiryStage.Admitted && i.ClosedAt >= since, cancellationToken);

        var byStage = open.Select(s => counts.FirstOrDefault(c => c.Stage == s) ?? new StageCount(s, 0)).ToList();
        return new PipelineSummary(byStage, newToday, awaiting, admitted, days.Today);
    }
}
