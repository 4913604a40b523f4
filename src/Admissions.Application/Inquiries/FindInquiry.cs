using Admissions.Application.Common;
using Admissions.Domain.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Inquiries;

/// <summary>
/// The id behind an inquiry number (<c>/inquiries/INQ-2026-000043</c>). Only the id comes back; opening the inquiry is
/// the audited read.
/// </summary>
[RequiresRole(Roles.Admin, Roles.AdmissionsManager, Roles.AdmissionsCoordinator, Roles.Clinician, Roles.UtilizationReview)]
public sealed record FindInquiryByNumber(string Number) : IQuery<Guid>;

public sealed class FindInquiryByNumberHandler(IAdmissionsDbContextFactory dbFactory) : IQueryHandler<FindInquiryByNumber, Guid>
{
    public async ValueTask<Guid> Handle(FindInquiryByNumber query, CancellationToken cancellationToken)
    {
        var number = query.Number.Trim().ToUpperInvariant();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var ids = await db.Inquiries.AsNoTracking().Where(i => i.Number == number).Select(i => i.Id).Take(1).ToListAsync(cancellationToken);
        return ids.Count == 1 ? ids[0] : throw new NotFoundException($"Inquiry {number}");
    }
}
