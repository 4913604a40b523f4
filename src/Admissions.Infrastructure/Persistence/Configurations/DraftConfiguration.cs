using Admissions.Domain.Drafts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admissions.Infrastructure.Persistence.Configurations;

internal sealed class DraftConfiguration : IEntityTypeConfiguration<Draft>
{
    public void Configure(EntityTypeBuilder<Draft> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.OwnerId).HasMaxLength(100);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.Context).HasMaxLength(Draft.MaxContextLength);
        builder.Property(d => d.Summary).HasMaxLength(Draft.MaxSummaryLength);
        builder.Property(d => d.ReturnUrl).HasMaxLength(Draft.MaxReturnUrlLength);
        builder.Property(d => d.Payload).HasMaxLength(Draft.MaxPayloadLength);
        builder.HasIndex(d => new { d.OwnerId, d.ExpiresAt });
        builder.HasIndex(d => d.ExpiresAt);
    }
}
