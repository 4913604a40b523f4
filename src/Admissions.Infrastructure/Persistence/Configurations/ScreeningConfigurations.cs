using Admissions.Domain.Screening;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admissions.Infrastructure.Persistence.Configurations;

internal sealed class ScreeningRecordConfiguration : IEntityTypeConfiguration<ScreeningRecord>
{
    public void Configure(EntityTypeBuilder<ScreeningRecord> builder)
    {
        builder.ToTable("Screenings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.BandSet).HasMaxLength(50);
        builder.Property(s => s.AnswersJson).HasMaxLength(4000);
        builder.Property(s => s.BandLabel).HasMaxLength(100);
        builder.Property(s => s.StartedById).HasMaxLength(100);
        builder.Property(s => s.StartedByName).HasMaxLength(200);
        builder.Property(s => s.UpdatedByName).HasMaxLength(200);
        builder.Property(s => s.CompletedByName).HasMaxLength(200);
        builder.HasIndex(s => new { s.InquiryId, s.Instrument });
        builder.HasIndex(s => s.SupersedesId);
        builder.Ignore(s => s.Answers);
        builder.Ignore(s => s.IsSuperseded);
        builder.Ignore(s => s.DomainEvents);
    }
}

internal sealed class InquirySafetyAlertConfiguration : IEntityTypeConfiguration<InquirySafetyAlert>
{
    public void Configure(EntityTypeBuilder<InquirySafetyAlert> builder)
    {
        builder.ToTable("SafetyAlerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Reason).HasMaxLength(500);
        builder.Property(a => a.RaisedByName).HasMaxLength(200);
        builder.Property(a => a.DispositionNote).HasMaxLength(2000);
        builder.Property(a => a.ResolvedById).HasMaxLength(100);
        builder.Property(a => a.ResolvedByName).HasMaxLength(200);
        builder.HasIndex(a => new { a.InquiryId, a.ResolvedAt });
        builder.HasIndex(a => a.ResolvedAt);
        builder.HasOne<ScreeningRecord>().WithMany().HasForeignKey(a => a.ScreeningId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(a => a.IsOpen);
        builder.Ignore(a => a.DomainEvents);
    }
}
