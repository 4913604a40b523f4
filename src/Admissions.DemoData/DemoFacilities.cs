using Admissions.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Admissions.DemoData;

/// <summary>Files the demo inquiries under the demo facilities, as intake would have: an admitted patient where they were admitted, the rest spread over the sites.</summary>
internal static class DemoFacilities
{
    public static async Task AssignAsync(IAdmissionsDbContext db, CancellationToken cancellationToken)
    {
        var facilities = await db.Facilities.AsNoTracking().Where(f => f.IsActive).OrderBy(f => f.Name).Select(f => f.Id).ToListAsync(cancellationToken);
        if (facilities.Count == 0)
        {
            return;
        }

        var admissions = await db.Admissions.AsNoTracking().Select(a => new { a.InquiryId, a.FacilityId }).ToListAsync(cancellationToken);
        var admittedAt = admissions.DistinctBy(a => a.InquiryId).ToDictionary(a => a.InquiryId, a => a.FacilityId);
        var inquiries = await db.Inquiries.Where(i => i.FacilityId == null).OrderBy(i => i.Number).ToListAsync(cancellationToken);
        for (var n = 0; n < inquiries.Count; n++)
        {
            // Set as intake would have set it: no "facility changed" entry on a demo timeline.
            db.Entry(inquiries[n]).Property(i => i.FacilityId).CurrentValue =
                admittedAt.TryGetValue(inquiries[n].Id, out var facility) ? facility : facilities[n % facilities.Count];
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
