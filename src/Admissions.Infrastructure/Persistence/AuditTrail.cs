using Admissions.Domain.Auditing;
using Admissions.Domain.Common;
using Admissions.Domain.Drafts;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Placement;
using Admissions.Domain.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Admissions.Infrastructure.Persistence;

/// <summary>
/// Writes an audit row for every change to patient data in the same save: who, when, which
/// record, which fields, from where. Field names only; PHI values never reach the audit table.
/// </summary>
internal static class AuditTrail
{
    public static void Record(AdmissionsDbContext db, SaveContext context)
    {
        var tracker = db.ChangeTracker;
        if (tracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries are written once and never changed or deleted.");
        }

        if (tracker.Entries<Disclosure>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The disclosure ledger is written once and never changed or deleted.");
        }

        var now = context.Clock.GetUtcNow();
        var rows = new List<AuditEntry>();
        foreach (var entry in tracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            var subject = Subject(entry);
            if (subject is null)
            {
                continue;
            }

            var (entityType, entityId, fields) = subject.Value;
            rows.Add(new AuditEntry
            {
                OccurredAt = now,
                UserId = context.User?.Id ?? "unknown",
                UserName = context.User?.Name ?? "unknown",
                Action = entry.State switch
                {
                    EntityState.Added when entry.Entity is not InquiryActivity => AuditAction.Create,
                    EntityState.Deleted => AuditAction.Delete,
                    _ => AuditAction.Update,
                },
                EntityType = entityType,
                EntityId = entityId,
                Fields = fields,
                IpAddress = context.User?.IpAddress,
            });
        }

        db.AuditEntries.AddRange(rows);
    }

    private static (string Type, string Id, string? Fields)? Subject(EntityEntry entry) => entry.Entity switch
    {
        Inquiry i => (nameof(Inquiry), i.Id.ToString(), entry.State == EntityState.Modified ? ChangedFields(entry) : null),
        // Timeline entries are changes to their inquiry.
        InquiryActivity a => (nameof(Inquiry), a.InquiryId.ToString(), $"Timeline: {a.Kind}"),
        FollowUpTask t => (nameof(FollowUpTask), t.Id.ToString(), entry.State == EntityState.Modified ? ChangedFields(entry) : $"Inquiry {t.InquiryId}"),
        ApiKey k => (nameof(ApiKey), k.Id.ToString(), entry.State == EntityState.Modified ? ChangedFields(entry) : null),
        IInquiryRecord r => (entry.Metadata.ClrType.Name, r.Id.ToString(), entry.State == EntityState.Modified ? ChangedFields(entry) : $"Inquiry {r.InquiryId}"),
        Payer p => (nameof(Payer), p.Id.ToString(), entry.State == EntityState.Modified ? ChangedFields(entry) : null),
        // A bed is not PHI, but a reservation or an occupant names an inquiry: who held which bed, and when, is on record.
        Bed b => (nameof(Bed), b.Id.ToString(), entry.State == EntityState.Modified ? ChangedFields(entry) : $"Unit {b.UnitId}"),
        Facility f => (nameof(Facility), f.Id.ToString(), entry.State == EntityState.Modified ? ChangedFields(entry) : null),
        TreatmentProgram tp => (nameof(TreatmentProgram), tp.Id.ToString(), entry.State == EntityState.Modified ? ChangedFields(entry) : null),
        CareUnit u => (nameof(CareUnit), u.Id.ToString(), entry.State == EntityState.Modified ? ChangedFields(entry) : null),
        // A draft holds what was typed about a patient before it was saved: each write and deletion is on record.
        Draft d => (nameof(Draft), d.Id.ToString(), d.InquiryId is { } inquiryId ? $"{d.Kind} on inquiry {inquiryId}" : d.Kind.ToString()),
        // Who owns safety calls when is a safety setting: its changes are on record.
        OnCallShift s => (nameof(OnCallShift), s.Id.ToString(), $"Facility {s.FacilityId}"),
        _ => null,
    };

    private static string ChangedFields(EntityEntry entry)
    {
        var names = entry.Properties
            .Where(p => p.IsModified && p.Metadata.Name != nameof(Domain.Common.AggregateRoot.Version))
            .Select(p => p.Metadata.Name)
            .Concat(entry.ComplexProperties.SelectMany(c => c.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name)));
        return string.Join(", ", names);
    }
}
