using Admissions.Application.Common;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Reporting;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Dashboards;

/// <summary>
/// One referral partner: valid inquiries it referred in the period and the period before, how many of this period's
/// were admitted, admissions recorded in the period, and its last referral ever. Stopped: referred in the period before,
/// not in this one. Counts and attribution only: no payment figures (EKRA). Counts are null where they are too small to show
/// to the person asking (<see cref="SmallCells"/>).
/// </summary>
public sealed record ReferralSourceRow(
    Guid OrganisationId, string Organisation, string? Contact, int? Inquiries, int? PreviousInquiries, int? Admitted, double? Conversion,
    int? Admits, DateTimeOffset? LastReferralAt, bool StoppedReferring);

public sealed record ReferralSources(DashboardScope Scope, IReadOnlyList<ReferralSourceRow> Rows);

[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.BusinessDevelopment)]
public sealed record GetReferralSources(DashboardFilter Filter) : IQuery<ReferralSources>;

public sealed class GetReferralSourcesHandler(IAdmissionsDbContextFactory dbFactory, IFacilityCalendar calendar, ICurrentUser user) : IQueryHandler<GetReferralSources, ReferralSources>
{
    public async ValueTask<ReferralSources> Handle(GetReferralSources query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var scope = await DashboardScope.ResolveAsync(db, query.Filter, calendar, cancellationToken);

        // One index seek per organisation for its latest referral, rather than a scan of every referred inquiry.
        var organisations = await db.ReferralOrganisations.AsNoTracking()
            .Select(o => new
            {
                o.Id,
                o.Name,
                o.ContactName,
                o.IsActive,
                Last = db.Inquiries.Where(i => i.ReferralOrganisationId == o.Id).OrderByDescending(i => i.CreatedAt).Select(i => (DateTimeOffset?)i.CreatedAt).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var (referred, admits) = await OverviewFigures.StoredAsOfAsync(db, scope, cancellationToken) is null
            ? await LiveAsync(db, scope, cancellationToken)
            : await StoredAsync(db, scope, cancellationToken);

        var rows = organisations
            .Select(o =>
            {
                var current = referred[o.Id].Where(r => r.Current).Sum(r => r.Count);
                var previous = referred[o.Id].Where(r => !r.Current).Sum(r => r.Count);
                var admitted = referred[o.Id].Where(r => r.Current && r.Admitted).Sum(r => r.Count);
                return new ReferralSourceRow(o.Id, o.Name, o.ContactName, current, previous, admitted, Stats.Rate(admitted, current),
                    admits.GetValueOrDefault(o.Id), o.Last, previous > 0 && current == 0);
            })
            .Where(r => r.Inquiries > 0 || r.PreviousInquiries > 0 || r.Admits > 0 || organisations.First(o => o.Id == r.OrganisationId).IsActive)
            .OrderByDescending(r => r.Inquiries).ThenByDescending(r => r.PreviousInquiries).ThenBy(r => r.Organisation, StringComparer.Ordinal)
            .ToList();
        return new ReferralSources(scope, SmallCells.AppliesTo(user) ? SmallCells.Suppress(rows) : rows);
    }

    private sealed record Referred(Guid OrganisationId, bool Current, bool Admitted, int Count);

    private static async Task<(ILookup<Guid, Referred> Referred, Dictionary<Guid, int> Admits)> LiveAsync(
        IAdmissionsDbContext db, DashboardScope scope, CancellationToken cancellationToken)
    {
        var start = scope.Start;
        var referred = await DashboardQueries.OfFacility(db.Inquiries.AsNoTracking(), scope.FacilityId)
            .Where(i => i.ReferralOrganisationId != null && i.CreatedAt >= scope.PreviousStart && i.CreatedAt < scope.End)
            .Valid()
            .GroupBy(i => new { i.ReferralOrganisationId, Current = i.CreatedAt >= start, Admitted = i.Stage == InquiryStage.Admitted })
            .Select(g => new Referred(g.Key.ReferralOrganisationId!.Value, g.Key.Current, g.Key.Admitted, g.Count()))
            .ToListAsync(cancellationToken);
        var admits = await DashboardQueries.AdmittedBetween(db, scope).Where(i => i.ReferralOrganisationId != null)
            .GroupBy(i => i.ReferralOrganisationId).Select(g => new { Id = g.Key!.Value, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id, g => g.Count, cancellationToken);
        return (referred.ToLookup(r => r.OrganisationId), admits);
    }

    private static async Task<(ILookup<Guid, Referred> Referred, Dictionary<Guid, int> Admits)> StoredAsync(
        IAdmissionsDbContext db, DashboardScope scope, CancellationToken cancellationToken)
    {
        async Task<IEnumerable<Referred>> CohortAsync(bool current, DateOnly from, DateOnly to) =>
            (await DailyGroups.ReadAsync(db, scope, GroupEvent.Created, GroupDimension.ReferralOrganisation, cancellationToken, from, to))
                .Where(g => g.KeyOrNull is not null && g.IsValid)
                .Select(g => new Referred(Guid.Parse(g.Key), current, g.Stage == InquiryStage.Admitted, g.Count));

        var referred = (await CohortAsync(true, scope.From, scope.To)).Concat(await CohortAsync(false, scope.From.AddDays(-scope.Days), scope.From.AddDays(-1)));
        var admits = (await DailyGroups.ReadAsync(db, scope, GroupEvent.Closed, GroupDimension.ReferralOrganisation, cancellationToken))
            .Where(g => g.KeyOrNull is not null && g.Stage == InquiryStage.Admitted)
            .GroupBy(g => Guid.Parse(g.Key)).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        return (referred.ToLookup(r => r.OrganisationId), admits);
    }
}
