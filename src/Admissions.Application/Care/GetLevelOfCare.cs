using Admissions.Application.Common;
using Admissions.Application.Inquiries;
using Admissions.Domain.Care;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Care;

/// <summary>
/// The levels of care decided on an inquiry, oldest first, the screening results the rules read and the substance use
/// they read, one line per substance.
/// </summary>
/// <param name="IsMentalHealthOnly">No substance use recorded: the placement is decided under LOCUS or payer criteria, not ASAM.</param>
public sealed record LevelOfCareOverview(
    Guid InquiryId, IReadOnlyList<LevelOfCareDecision> Decisions, CareScreeningResults Screenings, IReadOnlyList<string> SubstanceSummary,
    bool IsMentalHealthOnly = false)
{
    public LevelOfCareDecision? Admitting => Decisions.Count == 0 ? null : Decisions[0];
    public LevelOfCareDecision? Current => Decisions.Count == 0 ? null : Decisions[^1];
}

[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record GetLevelOfCare(Guid InquiryId) : IQuery<LevelOfCareOverview>, IAuditedRead
{
    public string AuditEntityType => nameof(LevelOfCareHistory);
    public string AuditEntityId => InquiryId.ToString();
}

public sealed class GetLevelOfCareHandler(IAdmissionsDbContextFactory dbFactory, TimeProvider clock) : IQueryHandler<GetLevelOfCare, LevelOfCareOverview>
{
    public async ValueTask<LevelOfCareOverview> Handle(GetLevelOfCare query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var inquiry = await InquiryChanges.LoadAsync(db, query.InquiryId, cancellationToken);
        var history = await db.LevelOfCareHistories.AsNoTracking().FirstOrDefaultAsync(h => h.InquiryId == inquiry.Id, cancellationToken);
        var screenings = await CareScreeningResults.LoadAsync(db, inquiry, cancellationToken);
        var intake = await ClinicalIntakes.FindAsync(db, inquiry.Id, cancellationToken);
        return new(inquiry.Id, history?.Decisions ?? [], screenings, intake?.Summary(clock.GetUtcNow()) ?? [],
            CareScope.IsMentalHealthOnly(inquiry.Details, intake?.Substances.Count > 0));
    }
}
