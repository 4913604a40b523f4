using Admissions.Domain.Auditing;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Notifications;
using Admissions.Domain.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admissions.Infrastructure.Persistence.Configurations;

internal sealed class FollowUpTaskConfiguration : IEntityTypeConfiguration<FollowUpTask>
{
    public void Configure(EntityTypeBuilder<FollowUpTask> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Title).HasMaxLength(FollowUpTask.MaxTitleLength);
        builder.Property(t => t.AssigneeId).HasMaxLength(100);
        builder.Property(t => t.AssigneeName).HasMaxLength(200);
        builder.Property(t => t.Outcome).HasMaxLength(FollowUpTask.MaxTextLength);
        builder.Property(t => t.Notes).HasMaxLength(FollowUpTask.MaxTextLength);
        builder.Property(t => t.SnoozeReason).HasMaxLength(FollowUpTask.MaxTextLength);
        builder.Property(t => t.CreatedById).HasMaxLength(100);
        builder.Property(t => t.CreatedByName).HasMaxLength(200);
        builder.Property(t => t.ClosedById).HasMaxLength(100);
        builder.Property(t => t.ClosedByName).HasMaxLength(200);
        builder.Property(t => t.UniqueKey).HasMaxLength(200);
        builder.HasIndex(t => t.UniqueKey).IsUnique();
        builder.HasIndex(t => new { t.InquiryId, t.State });
        builder.HasIndex(t => new { t.AssigneeId, t.State, t.DueAt });
        builder.HasIndex(t => new { t.State, t.DueAt });
        builder.Ignore(t => t.IsInTeamQueue);
        builder.Ignore(t => t.IsSafetyCall);
        builder.Ignore(t => t.DomainEvents);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.UserId).HasMaxLength(100);
        builder.Property(n => n.Title).HasMaxLength(200);
        builder.Property(n => n.Body).HasMaxLength(1000);
        builder.Property(n => n.Link).HasMaxLength(300);
        builder.Property(n => n.UniqueKey).HasMaxLength(300);
        builder.HasIndex(n => new { n.UserId, n.UniqueKey }).IsUnique();
        builder.HasIndex(n => new { n.UserId, n.ReadAt, n.CreatedAt });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.UserId).HasMaxLength(100);
        builder.Property(e => e.UserName).HasMaxLength(200);
        builder.Property(e => e.EntityType).HasMaxLength(100);
        builder.Property(e => e.EntityId).HasMaxLength(100);
        builder.Property(e => e.Fields).HasMaxLength(2000);
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
        // The log's inquiry search names the record without its type (the inquiry's own changes and the reads of its records).
        builder.HasIndex(e => e.EntityId);

        // The hash chain (AuditChain): null only on rows written before the chain existed.
        builder.Property<long?>(AuditChain.Sequence);
        builder.Property<string?>(AuditChain.PreviousHash).HasMaxLength(64);
        builder.Property<string?>(AuditChain.Hash).HasMaxLength(64);
        builder.HasIndex(AuditChain.Sequence).IsUnique();
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> builder)
    {
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Hash).HasMaxLength(64);
        builder.HasData(new AuditChainHead { Id = AuditChainHead.SingleId, Sequence = 0, Hash = AuditChain.Genesis });
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Name).HasMaxLength(100);
        builder.Property(k => k.Prefix).HasMaxLength(20);
        builder.Property(k => k.SecretHash).HasMaxLength(64);
        builder.Property(k => k.CreatedBy).HasMaxLength(200);
        builder.HasIndex(k => k.SecretHash).IsUnique();
        builder.Ignore(k => k.IsActive);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.HasKey(r => new { r.ApiKeyId, r.Key });
        builder.Property(r => r.Key).HasMaxLength(100);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.InquiryNumber).HasMaxLength(20);
    }
}
