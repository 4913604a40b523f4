using Admissions.Domain.Inquiries;
using Admissions.Domain.Placement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admissions.Infrastructure.Persistence.Configurations;

internal sealed class FacilityConfiguration : IEntityTypeConfiguration<Facility>
{
    public void Configure(EntityTypeBuilder<Facility> builder)
    {
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Name).HasMaxLength(150);
        builder.HasIndex(f => f.Name).IsUnique();
        builder.Property(f => f.TimeZoneId).HasMaxLength(64);
        builder.Property(f => f.Address).HasMaxLength(300);
        builder.Ignore(f => f.TimeZone);
    }
}

internal sealed class TreatmentProgramConfiguration : IEntityTypeConfiguration<TreatmentProgram>
{
    public void Configure(EntityTypeBuilder<TreatmentProgram> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(150);
        builder.HasIndex(p => new { p.FacilityId, p.Name }).IsUnique();
        builder.Property(p => p.DailyRate).HasPrecision(10, 2);
        builder.HasOne<Facility>().WithMany().HasForeignKey(p => p.FacilityId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(p => p.HasBeds);
    }
}

internal sealed class CareUnitConfiguration : IEntityTypeConfiguration<CareUnit>
{
    public void Configure(EntityTypeBuilder<CareUnit> builder)
    {
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Name).HasMaxLength(150);
        builder.HasIndex(u => new { u.FacilityId, u.Name }).IsUnique();
        builder.HasOne<Facility>().WithMany().HasForeignKey(u => u.FacilityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TreatmentProgram>().WithMany().HasForeignKey(u => u.ProgramId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BedConfiguration : IEntityTypeConfiguration<Bed>
{
    public void Configure(EntityTypeBuilder<Bed> builder)
    {
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Label).HasMaxLength(30);
        builder.HasIndex(b => new { b.UnitId, b.Label }).IsUnique();
        builder.Property(b => b.ReservedById).HasMaxLength(100);
        builder.Property(b => b.ReservedByName).HasMaxLength(200);
        builder.Property(b => b.OutOfServiceReason).HasMaxLength(300);
        builder.HasOne<CareUnit>().WithMany().HasForeignKey(b => b.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Inquiry>().WithMany().HasForeignKey(b => b.ReservedForInquiryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Inquiry>().WithMany().HasForeignKey(b => b.OccupiedByInquiryId).OnDelete(DeleteBehavior.Restrict);

        // One reservation per inquiry, enforced by the database too (NULLs do not collide).
        builder.HasIndex(b => b.ReservedForInquiryId).IsUnique();
        builder.HasIndex(b => new { b.State, b.ReservedUntil });
        builder.Ignore(b => b.DomainEvents);
    }
}
