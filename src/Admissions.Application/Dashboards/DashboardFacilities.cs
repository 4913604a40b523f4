using Admissions.Application.Common;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Dashboards;

/// <summary>The active facilities, for the facility filter of every dashboard page (the scorecard's too).</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.BusinessDevelopment, Roles.AdmissionsCoordinator)]
public sealed record ListDashboardFacilities : IQuery<IReadOnlyList<FacilityOption>>;

public sealed class ListDashboardFacilitiesHandler(IAdmissionsDbContextFactory dbFactory) : IQueryHandler<ListDashboardFacilities, IReadOnlyList<FacilityOption>>
{
    public async ValueTask<IReadOnlyList<FacilityOption>> Handle(ListDashboardFacilities query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await db.Facilities.AsNoTracking().Where(f => f.IsActive).OrderBy(f => f.Name)
            .Select(f => new FacilityOption(f.Id, f.Name, f.TimeZoneId)).ToListAsync(cancellationToken);
    }
}
