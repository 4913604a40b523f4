using Admissions.Domain.Inquiries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admissions.Infrastructure.Persistence.Configurations;

internal sealed class InquiryConfiguration : IEntityTypeConfiguration<Inquiry>
{
    public void Configure(EntityTypeBuilder<Inquiry> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Number).HasMaxLength(20).IsRequired();
        builder.HasIndex(i => i.Number).IsUnique();

        builder.ComplexProperty(i => i.Details, details =>
        {
            // Plain column names: the details are the inquiry's own columns, not a nested table.
            details.Property(d => d.CallerName).HasColumnName("CallerName").HasMaxLength(100);
            details.Property(d => d.CallerPhone).HasColumnName("CallerPhone").HasMaxLength(20);
            details.Property(d => d.CallerEmail).HasColumnName("CallerEmail").HasMaxLength(200);
            details.Property(d => d.CallerState).HasColumnName("CallerState").HasMaxLength(2);
            details.Property(d => d.CallerRelationship).HasColumnName("CallerRelationship");
            details.Property(d => d.PatientFirstName).HasColumnName("PatientFirstName").HasMaxLength(100);
            details.Property(d => d.PatientLastName).HasColumnName("PatientLastName").HasMaxLength(100);
            details.Property(d => d.PatientDateOfBirth).HasColumnName("PatientDateOfBirth");
            details.Property(d => d.PatientSex).HasColumnName("PatientSex");
            details.Property(d => d.PatientPhone).HasColumnName("PatientPhone").HasMaxLength(20);
            details.Property(d => d.PatientState).HasColumnName("PatientState").HasMaxLength(2);
            details.Property(d => d.Source).HasColumnName("Source");
            details.Property(d => d.ReferralSource).HasColumnName("ReferralSource").HasMaxLength(200);
            details.Property(d => d.Substances).HasColumnName("Substances");
            details.Property(d => d.MentalHealthConcerns).HasColumnName("MentalHealthConcerns");
            details.Property(d => d.Urgency).HasColumnName("Urgency");
            details.Property(d => d.Notes).HasColumnName("Notes").HasMaxLength(4000);
        });

        builder.Property(i => i.CallerPhoneDigits).HasMaxLength(10);
        builder.Property(i => i.PatientPhoneDigits).HasMaxLength(10);
        builder.Property(i => i.PatientNameKey).HasMaxLength(202);
        builder.Property(i => i.CreatedById).HasMaxLength(100);
        builder.Property(i => i.CreatedByName).HasMaxLength(200);
        builder.Property(i => i.AssignedCoordinatorId).HasMaxLength(100);
        builder.Property(i => i.AssignedCoordinatorName).HasMaxLength(200);

        builder.HasIndex(i => i.CreatedAt);
        builder.HasIndex(i => new { i.Stage, i.CreatedAt });
        builder.HasIndex(i => new { i.AssignedCoordinatorId, i.CreatedAt });
        builder.HasIndex(i => i.LastActivityAt);
        builder.HasIndex(i => i.CallerPhoneDigits);
        builder.HasIndex(i => i.PatientPhoneDigits);
        builder.HasIndex(i => i.PatientNameKey);

        // Dashboards and list sorts on a million rows: closings by stage and time, referral attribution by time,
        // and a unique tie-breaker after the sort column so a page is read straight from an index.
        builder.HasIndex(i => new { i.Stage, i.ClosedAt });
        builder.HasIndex(i => new { i.ReferralOrganisationId, i.CreatedAt });
        builder.HasIndex(i => new { i.Stage, i.Id });
        builder.HasIndex(i => new { i.AssignedCoordinatorName, i.Id });
        builder.HasIndex(i => new { i.CreatedAt, i.FirstContactAt, i.Stage, i.NotAdmittedReason, i.PossibleDuplicateOfId }, "IX_Inquiries_Dashboard");
        builder.HasIndex(i => new { i.FacilityId, i.CreatedAt });
        builder.HasOne<Admissions.Domain.Placement.Facility>().WithMany().HasForeignKey(i => i.FacilityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReferralOrganisation>().WithMany().HasForeignKey(i => i.ReferralOrganisationId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(i => i.Activities).WithOne().HasForeignKey(a => a.InquiryId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(i => i.Activities).HasField("_activities").UsePropertyAccessMode(PropertyAccessMode.Field);

        // Loaded with every inquiry so the domain can replace the words that change; removed terms are deleted as orphans.
        builder.HasMany(i => i.SearchTerms).WithOne().HasForeignKey(t => t.InquiryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.SearchTerms).HasField("_searchTerms").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.Ignore(i => i.DomainEvents);
        builder.Ignore(i => i.IsOpen);
    }
}

internal sealed class InquiryActivityConfiguration : IEntityTypeConfiguration<InquiryActivity>
{
    public void Configure(EntityTypeBuilder<InquiryActivity> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.ActorId).HasMaxLength(100);
        builder.Property(a => a.ActorName).HasMaxLength(200);
        builder.Property(a => a.Summary).HasMaxLength(300);
        builder.Property(a => a.Text).HasMaxLength(4000);
        builder.HasIndex(a => new { a.InquiryId, a.OccurredAt });
    }
}

internal sealed class InquirySearchTermConfiguration : IEntityTypeConfiguration<InquirySearchTerm>
{
    public void Configure(EntityTypeBuilder<InquirySearchTerm> builder)
    {
        // The key reads an inquiry's terms; the index answers a name search as a range of terms.
        builder.HasKey(t => new { t.InquiryId, t.Term });
        builder.Property(t => t.Term).HasMaxLength(InquirySearchTerm.MaxLength);
        builder.HasIndex(t => new { t.Term, t.InquiryId });
    }
}

internal sealed class ReferralOrganisationConfiguration : IEntityTypeConfiguration<ReferralOrganisation>
{
    public void Configure(EntityTypeBuilder<ReferralOrganisation> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Name).HasMaxLength(200).IsRequired();
        builder.Property(o => o.ContactName).HasMaxLength(200);
        builder.Property(o => o.ContactPhone).HasMaxLength(20);
        builder.HasIndex(o => o.Name).IsUnique();
    }
}

internal sealed class NumberSequenceConfiguration : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(EntityTypeBuilder<NumberSequence> builder)
    {
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(50);
    }
}
