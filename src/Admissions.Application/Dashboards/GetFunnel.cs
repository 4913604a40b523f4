using Admissions.Application.Common;
using Admissions.Domain.Inquiries;
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

public sealed class GetFunnelHandler(IAdmissionsDbContextFactory dbFactory, TimeProvider clock) : IQueryHandler<GetFunnel, Funnel>
{
    public static readonly InquiryStage[] Pipeline =
    [
        InquiryStage.New, InquiryStage.Contacted, InquiryStage.PreScreening, InquiryStage.InsuranceVerification,
        InquiryStage.ClinicalReview, InquiryStage.Approved, InquiryStage.AdmissionScheduled, InquiryStage.Admitted,
    ];

    public async ValueTask<Funnel> Handle(GetFunnel query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var scope = await DashboardScope.ResolveAsync(db, query.Filter, clock, cancellationToken);
        var valid = (await DashboardQueries.CohortAsync(DashboardQueries.CreatedBetween(db, scope.Start, scope.End), cancellationToken))
            .Where(r => r.IsValid).ToList();
        return Build(scope, valid);
    }

    public static Funnel Build(DashboardScope scope, IReadOnlyList<CohortRow> valid)
    {
        int Furthest(CohortRow row)
        {
            var index = Array.IndexOf(Pipeline, row.Stage);
            return index >= 0 ? index : row.FirstContactAt is null ? 0 : 1;
        }

        var furthest = valid.Select(Furthest).ToList();
        var steps = Pipeline.Select((stage, index) => new FunnelStep(stage, furthest.Count(f => f >= index), valid.Count(r => r.Stage == stage))).ToList();
        return new Funnel(scope, valid.Count, steps, valid.Count(r => r.Stage == InquiryStage.NotAdmitted), valid.Count(r => r.Stage == InquiryStage.ReferredOut));
    }
}
