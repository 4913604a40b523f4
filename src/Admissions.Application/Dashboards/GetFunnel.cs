using Admissions.Application.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Reporting;
using Admissions.Domain.Security;
using Mediator;

namespace Admissions.Application.Dashboards;

/// <summary>
/// One pipeline stage: how many of the period's valid inquiries got at least this far, and how many are there now.
/// Stages are not kept per inquiry once it exits, so an inquiry that exited counts as reaching Contacted when it was
/// ever contacted, and New otherwise.
/// </summary>
public sealed record FunnelStep(InquiryStage Stage, int Reached, int Current);

public sealed record Funnel(DashboardScope Scope, int ValidInquiries, IReadOnlyList<FunnelStep> Steps, int NotAdmitted, int ReferredOut);

[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.BusinessDevelopment)]
public sealed record GetFunnel(DashboardFilter Filter) : IQuery<Funnel>;

public sealed class GetFunnelHandler(IAdmissionsDbContextFactory dbFactory, IFacilityCalendar calendar) : IQueryHandler<GetFunnel, Funnel>
{
    public static readonly InquiryStage[] Pipeline =
    [
        InquiryStage.New, InquiryStage.Contacted, InquiryStage.PreScreening, InquiryStage.InsuranceVerification,
        InquiryStage.ClinicalReview, InquiryStage.Approved, InquiryStage.AdmissionScheduled, InquiryStage.Admitted,
    ];

    public async ValueTask<Funnel> Handle(GetFunnel query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var scope = await DashboardScope.ResolveAsync(db, query.Filter, calendar, cancellationToken);
        var counts = await OverviewFigures.StoredAsOfAsync(db, scope, cancellationToken) is null
            ? await DashboardQueries.CountAsync(DashboardQueries.CreatedBetween(db, scope), cancellationToken)
            : new CohortCounts([.. (await DailyGroups.ReadAsync(db, scope, GroupEvent.Created, GroupDimension.All, cancellationToken)).Select(g => g.ToCohortGroup())]);
        var valid = counts.Groups.Where(g => g.IsValid).ToList();

        int Furthest(CohortGroup group)
        {
            var index = Array.IndexOf(Pipeline, group.Stage);
            return index >= 0 ? index : group.Contacted ? 1 : 0;
        }

        var steps = Pipeline.Select((stage, index) => new FunnelStep(
                stage, valid.Where(g => Furthest(g) >= index).Sum(g => g.Count), valid.Where(g => g.Stage == stage).Sum(g => g.Count)))
            .ToList();
        return new Funnel(scope, counts.Valid, steps,
            valid.Where(g => g.Stage == InquiryStage.NotAdmitted).Sum(g => g.Count), valid.Where(g => g.Stage == InquiryStage.ReferredOut).Sum(g => g.Count));
    }
}
