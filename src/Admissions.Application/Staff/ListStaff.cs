using Admissions.Application.Common;
using Admissions.Domain.Security;
using Mediator;

namespace Admissions.Application.Staff;

/// <summary>People who can be assigned inquiries (coordinators and managers).</summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record ListAssignableStaff : IQuery<IReadOnlyList<StaffMember>>;

public sealed class ListAssignableStaffHandler(IStaffDirectory staff) : IQueryHandler<ListAssignableStaff, IReadOnlyList<StaffMember>>
{
    public async ValueTask<IReadOnlyList<StaffMember>> Handle(ListAssignableStaff query, CancellationToken cancellationToken) =>
        [.. (await staff.ListAsync(cancellationToken))
            .Where(m => m.Roles.Any(r => r is Roles.AdmissionsCoordinator or Roles.AdmissionsManager))
            .OrderBy(m => m.Name)];
}
