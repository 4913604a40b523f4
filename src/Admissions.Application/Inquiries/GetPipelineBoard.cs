using Admissions.Application.Common;
using Admissions.Application.FollowUps;
using Admissions.Application.Placement;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Admissions.Application.Inquiries;

/// <summary>
/// One open inquiry on the pipeline board. For business development it names no one: initials only, no number, no id,
/// nothing to open or move.
/// </summary>
public sealed record PipelineCard(
    Guid? InquiryId, string? Number, string Label, InquiryStage Stage, Urgency Urgency, DateTimeOffset CreatedAt,
    DateTimeOffset? FirstContactAt, DateTimeOffset SpeedToLeadDueAt, DateTimeOffset StageChangedAt, IReadOnlyList<InquiryStage> AllowedMoves);

public sealed record PipelineColumn(InquiryStage Stage, int Count, IReadOnlyList<PipelineCard> Cards);

public sealed record PipelineBoard(IReadOnlyList<PipelineColumn> Columns, bool ShowsNames);

/// <summary>
/// The open inquiries by stage, most urgent and longest waiting first, a column per open stage. PHI roles see names
/// and numbers (the read is audited like the list); business development sees initials only.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview, Roles.BusinessDevelopment)]
public sealed record GetPipelineBoard(int CardsPerColumn = 40) : IQuery<PipelineBoard>, IAuditedRead
{
    public string AuditEntityType => "PipelineBoard";
    public string AuditEntityId => $"{CardsPerColumn} a column";
}

public sealed class GetPipelineBoardValidator : AbstractValidator<GetPipelineBoard>
{
    public GetPipelineBoardValidator() => RuleFor(q => q.CardsPerColumn).InclusiveBetween(1, 200);
}

public sealed class GetPipelineBoardHandler(IAdmissionsDbContextFactory dbFactory, ICurrentUser user, IOptions<FollowUpOptions> followUps)
    : IQueryHandler<GetPipelineBoard, PipelineBoard>
{
    public async ValueTask<PipelineBoard> Handle(GetPipelineBoard query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var showsNames = Roles.PhiRoles.Any(user.IsInRole);
        var open = InquiryStageMachine.OpenStages;
        var counts = await db.Inquiries.AsNoTracking()
            .Where(i => open.Contains(i.Stage))
            .GroupBy(i => i.Stage)
            .Select(g => new { Stage = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var columns = new List<PipelineColumn>();
        foreach (var stage in open)
        {
            var rows = await db.Inquiries.AsNoTracking()
                .Where(i => i.Stage == stage)
                .OrderByDescending(i => i.Details.Urgency).ThenBy(i => i.CreatedAt).ThenBy(i => i.Id)
                .Take(query.CardsPerColumn)
                .Select(i => new
                {
                    i.Id,
                    i.Number,
                    i.Details.PatientFirstName,
                    i.Details.PatientLastName,
                    i.Details.Urgency,
                    i.CreatedAt,
                    i.FirstContactAt,
                    i.StageChangedAt,
                })
                .ToListAsync(cancellationToken);
            var moves = PipelineMoves.Allowed(stage, user);
            var cards = rows.Select(i => new PipelineCard(
                showsNames ? i.Id : null,
                showsNames ? i.Number : null,
                showsNames ? $"{i.PatientFirstName} {i.PatientLastName}".Trim() : Placements.Initials(i.PatientFirstName, i.PatientLastName),
                stage, i.Urgency, i.CreatedAt, i.FirstContactAt, i.CreatedAt + followUps.Value.SpeedToLeadDelay, i.StageChangedAt,
                showsNames ? moves : [])).ToList();
            columns.Add(new PipelineColumn(stage, counts.FirstOrDefault(c => c.Stage == stage)?.Count ?? 0, cards));
        }

        return new PipelineBoard(columns, showsNames);
    }
}
