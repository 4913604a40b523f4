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
        builder.Property(f => f.OnCallFallbackId).HasMaxLength(100);
        builder.Property(f => f.OnCallFallbackName).HasMaxLength(200);
        builder.Property(f => f.Npi).HasMaxLength(10);
        builder.Property(f => f.TaxId).HasMaxLength(9);
        builder.Property(f => f.ClearinghouseProviderName).HasMaxLength(60);
        builder.Ignore(f => f.TimeZone);
    }
}

internal sealed class OnCallShiftConfiguration : IEntityTypeConfiguration<OnCallShift>
{
    public void Configure(EntityTypeBuilder<OnCallShift> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.ClinicianId).HasMaxLength(100);
        builder.Property(s => s.ClinicianName).HasMaxLength(200);
        builder.HasIndex(s => new { s.FacilityId, s.Day, s.Starts });
        builder.HasOne<Facility>().WithMany().HasForeignKey(s => s.FacilityId).OnDelete(DeleteBehavior.Cascade);
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

internal sealed class AdmissionConfiguration : IEntityTypeConfiguration<Admission>
{
    public void Configure(EntityTypeBuilder<Admission> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.ProgramName).HasMaxLength(150);
        builder.Property(a => a.BedLabel).HasMaxLength(30);
        builder.Property(a => a.ArrivalNotes).HasMaxLength(2000);
        builder.Property(a => a.BroughtBy).HasMaxLength(200);
        builder.Property(a => a.LevelOverrideReason).HasMaxLength(2000);
        builder.Property(a => a.Outcome).HasMaxLength(2000);
        builder.Property(a => a.AdmittingLevelCode).HasMaxLength(20);
        builder.Property(a => a.ScheduledById).HasMaxLength(100);
        builder.Property(a => a.ScheduledByName).HasMaxLength(200);
        builder.Property(a => a.ClosedById).HasMaxLength(100);
        builder.Property(a => a.ClosedByName).HasMaxLength(200);
        builder.HasOne<Inquiry>().WithMany().HasForeignKey(a => a.InquiryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TreatmentProgram>().WithMany().HasForeignKey(a => a.ProgramId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.InquiryId);

        // Day lists (arrivals today, tomorrow) and the end-of-day no-show sweep read scheduled admissions by time.
        builder.HasIndex(a => new { a.State, a.ScheduledFor });
        builder.Ignore(a => a.IsScheduled);
        builder.Ignore(a => a.IsAdmitted);
        builder.Ignore(a => a.DomainEvents);
    }
}

internal sealed class PartnerFacilityConfiguration : IEntityTypeConfiguration<PartnerFacility>
{
    public void Configure(EntityTypeBuilder<PartnerFacility> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(150);
        builder.HasIndex(p => p.Name).IsUnique();
        builder.Property(p => p.City).HasMaxLength(100);
        builder.Property(p => p.State).HasMaxLength(2);
        builder.Property(p => p.IntakePhone).HasMaxLength(30);
        builder.Property(p => p.Email).HasMaxLength(200);
        builder.Property(p => p.Notes).HasMaxLength(2000);
    }
}

internal sealed class OutboundReferralConfiguration : IEntityTypeConfiguration<OutboundReferral>
{
    public void Configure(EntityTypeBuilder<OutboundReferral> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.PartnerName).HasMaxLength(150);
        builder.Property(r => r.Reason).HasMaxLength(2000);
        builder.Property(r => r.ReferredById).HasMaxLength(100);
        builder.Property(r => r.ReferredByName).HasMaxLength(200);
        builder.HasOne<Inquiry>().WithMany().HasForeignKey(r => r.InquiryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PartnerFacility>().WithMany().HasForeignKey(r => r.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.InquiryId);
    }
}

internal sealed class CensusSnapshotConfiguration : IEntityTypeConfiguration<CensusSnapshot>
{
    public void Configure(EntityTypeBuilder<CensusSnapshot> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasIndex(s => new { s.ProgramId, s.Day }).IsUnique();
        builder.HasIndex(s => new { s.FacilityId, s.Day });
        builder.HasOne<TreatmentProgram>().WithMany().HasForeignKey(s => s.ProgramId).OnDelete(DeleteBehavior.Restrict);
    }
}
