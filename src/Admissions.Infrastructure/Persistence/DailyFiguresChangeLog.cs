using Admissions.Domain.Care;
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
        var records = new HashSet<Guid>();
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            switch (entry.Entity)
            {
                case Inquiry inquiry:
                    changes.Add(new DailyFiguresChange { At = inquiry.CreatedAt });
                    var closed = entry.Property(nameof(Inquiry.ClosedAt));
                    var closings = new[] { (DateTimeOffset?)closed.CurrentValue, entry.State == EntityState.Added ? null : (DateTimeOffset?)closed.OriginalValue };
                    changes.AddRange(closings.OfType<DateTimeOffset>().Distinct().Select(at => new DailyFiguresChange { At = at }));
                    break;
                case EligibilityCheck check:
                    // The check's own day (VOBs run, turnaround) and its inquiry's creation day (VOB-to-admit).
                    changes.Add(new DailyFiguresChange { At = check.RequestedAt, InquiryId = check.InquiryId });
                    break;
                case InsurancePolicy policy:
                    // The primary payer and the admitting level of care are keys of the day groups of their inquiry.
                    records.Add(policy.InquiryId);
                    break;
                case LevelOfCareHistory levels:
                    records.Add(levels.InquiryId);
                    break;
            }
        }

        changes.AddRange(records.Select(id => new DailyFiguresChange { InquiryId = id }));
        db.DailyFiguresChanges.AddRange(changes);
    }
}
