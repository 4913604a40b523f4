using Admissions.Domain.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admissions.Infrastructure.Persistence.Configurations;

internal sealed class OutboundMessageConfiguration : IEntityTypeConfiguration<OutboundMessage>
{
    public void Configure(EntityTypeBuilder<OutboundMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Audience).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.State).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Recipient).HasMaxLength(320);
        builder.Property(m => m.RecipientName).HasMaxLength(200);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.Body).HasMaxLength(8000);
        builder.Property(m => m.TemplateKey).HasMaxLength(50);
        builder.Property(m => m.TimeZoneId).HasMaxLength(64);
        builder.Property(m => m.RecipientState).HasMaxLength(2);
        builder.Property(m => m.UniqueKey).HasMaxLength(200);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.Property(m => m.ProviderMessageId).HasMaxLength(200);
        builder.HasIndex(m => m.UniqueKey).IsUnique();
        builder.HasIndex(m => new { m.State, m.NextAttemptAt });
        builder.HasIndex(m => new { m.Channel, m.Recipient });
        builder.HasIndex(m => m.InquiryId);
        builder.HasIndex(m => m.CreatedAt);
        builder.Ignore(m => m.IsWaiting);
    }
}

internal sealed class MessagingOptOutConfiguration : IEntityTypeConfiguration<MessagingOptOut>
{
    public void Configure(EntityTypeBuilder<MessagingOptOut> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(o => o.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Address).HasMaxLength(320);
        builder.Property(o => o.RecordedBy).HasMaxLength(200);
        builder.Property(o => o.Note).HasMaxLength(500);
        builder.HasIndex(o => new { o.Channel, o.Address }).IsUnique();
    }
}

internal sealed class TextingConsentConfiguration : IEntityTypeConfiguration<TextingConsent>
{
    public void Configure(EntityTypeBuilder<TextingConsent> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Phone).HasMaxLength(20);
        builder.Property(c => c.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Wording).HasMaxLength(1000);
        builder.Property(c => c.RecordedById).HasMaxLength(100);
        builder.Property(c => c.RecordedByName).HasMaxLength(200);
        builder.HasIndex(c => c.Phone);
        builder.HasIndex(c => c.InquiryId);
    }
}
