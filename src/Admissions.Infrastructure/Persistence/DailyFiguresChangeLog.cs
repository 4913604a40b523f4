using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Infrastructure.Persistence;

/// <summary>
/// Notes, in the same save, which days of the dashboards' daily figures a change to an inquiry or a VOB affects, so the
/// refresh job counts exactly those days again. Done here rather than in handlers so that no way of saving is missed.
/// </summary>
internal static class DailyFiguresChangeLog
{
    public static void Record(AdmissionsDbContext db)
    {
        var changes = new List<DailyFiguresChange>();
        foreach (var entry in db.ChangeTracker.Entries<Inquiry>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            changes.Add(new DailyFiguresChange { At = entry.Entity.CreatedAt });
            var closed = entry.Property(i => i.ClosedAt);
            foreach (var at in new[] { closed.CurrentValue, entry.State == EntityState.Added ? null : closed.OriginalValue }.OfType<DateTimeOffset>().Distinct())
            {
                changes.Add(new DailyFiguresChange { At = at });
            }
        }

        foreach (var entry in db.ChangeTracker.Entries<EligibilityCheck>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            // The check's own day (VOBs run, turnaround) and its inquiry's creation day (VOB-to-admit).
            changes.Add(new DailyFiguresChange { At = entry.Entity.RequestedAt, InquiryId = entry.Entity.InquiryId });
        }

        db.DailyFiguresChanges.AddRange(changes);
    }
}
