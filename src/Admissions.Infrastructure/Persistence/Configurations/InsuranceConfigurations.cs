using System.Text.Json;
using Admissions.Domain.Insurance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admissions.Infrastructure.Persistence.Configurations;

internal sealed class PayerConfiguration : IEntityTypeConfiguration<Payer>
{
    public void Configure(EntityTypeBuilder<Payer> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.HasIndex(p => p.Name).IsUnique();
        builder.Property(p => p.ClearinghousePayerId).HasMaxLength(80);
        builder.Property(p => p.BehavioralCarveOut).HasMaxLength(100);
        builder.Property(p => p.BehavioralCarveOutPhone).HasMaxLength(20);
        builder.Property(p => p.Notes).HasMaxLength(2000);
        builder.PrimitiveCollection(p => p.Aliases);
        builder.PrimitiveCollection(p => p.States);
        builder.OwnsMany(p => p.OtherClearinghouseIds, ids => ids.ToJson());
        builder.OwnsMany(p => p.LevelRules, rules => rules.ToJson());
        builder.Ignore(p => p.IsSelfPay);
        builder.Ignore(p => p.SupportsElectronicVerification);
        builder.Ignore(p => p.SupportsElectronicAuthorization);
        builder.Ignore(p => p.SupportsReviewInquiry);
        builder.Ignore(p => p.HasClearinghouseId);
    }
}

internal sealed class InsurancePolicyConfiguration : IEntityTypeConfiguration<InsurancePolicy>
{
    public void Configure(EntityTypeBuilder<InsurancePolicy> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.PayerName).HasMaxLength(100);
        builder.Property(p => p.MemberId).HasMaxLength(80);
        builder.Property(p => p.GroupNumber).HasMaxLength(50);
        builder.Property(p => p.SubscriberFirstName).HasMaxLength(100);
        builder.Property(p => p.SubscriberLastName).HasMaxLength(100);
        builder.HasIndex(p => p.InquiryId);
        builder.HasOne<Payer>().WithMany().HasForeignKey(p => p.PayerId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(p => p.DomainEvents);
        builder.Ignore(p => p.PatientIsSubscriber);
    }
}

internal sealed class Part2ConsentConfiguration : IEntityTypeConfiguration<Part2Consent>
{
    public void Configure(EntityTypeBuilder<Part2Consent> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.PatientName).HasMaxLength(202);
        builder.Property(c => c.DisclosingProgram).HasMaxLength(200);
        builder.Property(c => c.RecipientNames).HasMaxLength(1000);
        builder.Property(c => c.Information).HasMaxLength(1000);
        builder.Property(c => c.ExpiryEvent).HasMaxLength(200);
        builder.Property(c => c.SignedName).HasMaxLength(202);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.SignatureMethod).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.SignedFromIp).HasMaxLength(64);
        builder.Property(c => c.SignedUserAgent).HasMaxLength(300);
        builder.Property(c => c.VerbalTakenByName).HasMaxLength(200);
        builder.Property(c => c.RecipientPeople)
            .HasConversion(
                v => JsonSerializer.Serialize(v, JsonOptions),
                v => JsonSerializer.Deserialize<List<NamedPerson>>(v, JsonOptions) ?? new List<NamedPerson>(),
                new ValueComparer<List<NamedPerson>>((a, b) => a != null && b != null && a.SequenceEqual(b), v => v.Aggregate(0, (h, p) => HashCode.Combine(h, p)), v => v.ToList()))
            .HasMaxLength(4000);
        builder.Property(c => c.CapturedById).HasMaxLength(100);
        builder.Property(c => c.CapturedByName).HasMaxLength(200);
        builder.Property(c => c.RevokedByName).HasMaxLength(200);
        builder.Property(c => c.RevocationNote).HasMaxLength(1000);
        builder.HasIndex(c => c.InquiryId);
        builder.Ignore(c => c.DomainEvents);
        builder.Ignore(c => c.IsSigned);
        builder.Ignore(c => c.IsAwaitingSignature);
        builder.Ignore(c => c.SignatureDescription);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}

internal sealed class ConsentSigningRequestConfiguration : IEntityTypeConfiguration<ConsentSigningRequest>
{
    public void Configure(EntityTypeBuilder<ConsentSigningRequest> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Channel).HasMaxLength(10);
        builder.Property(r => r.SentTo).HasMaxLength(320);
        builder.Property(r => r.TokenHash).HasMaxLength(64);
        builder.Property(r => r.CreatedByName).HasMaxLength(200);
        builder.HasIndex(r => r.TokenHash).IsUnique();
        builder.HasIndex(r => r.ConsentId);
        builder.HasOne<Part2Consent>().WithMany().HasForeignKey(r => r.ConsentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DisclosureConfiguration : IEntityTypeConfiguration<Disclosure>
{
    public void Configure(EntityTypeBuilder<Disclosure> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.DisclosedById).HasMaxLength(100);
        builder.Property(d => d.DisclosedByName).HasMaxLength(200);
        builder.Property(d => d.Recipient).HasMaxLength(200);
        builder.Property(d => d.Information).HasMaxLength(1000);
        builder.Property(d => d.Channel).HasMaxLength(200);
        builder.Property(d => d.Reference).HasMaxLength(50);
        builder.HasIndex(d => new { d.InquiryId, d.DisclosedAt });
        builder.HasOne<Part2Consent>().WithMany().HasForeignKey(d => d.ConsentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EligibilityCheckConfiguration : IEntityTypeConfiguration<EligibilityCheck>
{
    public void Configure(EntityTypeBuilder<EligibilityCheck> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.PayerName).HasMaxLength(100);
        builder.Property(c => c.TraceNumber).HasMaxLength(50);
        builder.HasIndex(c => c.TraceNumber).IsUnique();
        builder.Property(c => c.RequestedById).HasMaxLength(100);
        builder.Property(c => c.RequestedByName).HasMaxLength(200);
        builder.Property(c => c.ProblemCode).HasMaxLength(20);
        builder.Property(c => c.Problem).HasMaxLength(1000);
        builder.Property(c => c.PayerRepName).HasMaxLength(100);
        builder.Property(c => c.CallReference).HasMaxLength(50);
        builder.Property(c => c.EnteredByName).HasMaxLength(200);
        builder.Property(c => c.ApprovedByName).HasMaxLength(200);
        builder.OwnsOne(c => c.Result, result =>
        {
            result.ToJson();
            result.OwnsMany(r => r.Levels);
        });
        builder.HasIndex(c => new { c.InquiryId, c.RequestedAt });
        builder.HasIndex(c => new { c.State, c.RequestedAt });
        builder.HasIndex(c => c.RequestedAt);
        builder.HasOne<InsurancePolicy>().WithMany().HasForeignKey(c => c.PolicyId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(c => c.DomainEvents);
        builder.Ignore(c => c.IsOpen);
    }
}

internal sealed class PriorAuthorizationConfiguration : IEntityTypeConfiguration<PriorAuthorization>
{
    public void Configure(EntityTypeBuilder<PriorAuthorization> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.PayerName).HasMaxLength(100);
        builder.Property(a => a.ServiceType).HasMaxLength(2);
        builder.Property(a => a.Diagnoses).HasMaxLength(200);
        builder.Property(a => a.TraceNumber).HasMaxLength(50);
        builder.HasIndex(a => a.TraceNumber).IsUnique();
        builder.Property(a => a.RequestedById).HasMaxLength(100);
        builder.Property(a => a.RequestedByName).HasMaxLength(200);
        builder.Property(a => a.CertificationNumber).HasMaxLength(50);
        builder.Property(a => a.ReasonCode).HasMaxLength(20);
        builder.Property(a => a.DenialReason).HasMaxLength(1000);
        builder.Property(a => a.Problem).HasMaxLength(1000);
        builder.Property(a => a.PendedReason).HasMaxLength(500);
        builder.OwnsMany(a => a.Notes, notes => notes.ToJson());
        builder.OwnsMany(a => a.Reviews, reviews => reviews.ToJson());
        builder.HasIndex(a => new { a.Status, a.NextReviewOn });
        builder.HasIndex(a => a.RequestedAt);
        builder.HasIndex(a => a.InquiryId);
        builder.HasOne<PriorAuthorization>().WithMany().HasForeignKey(a => a.PreviousAuthorizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InsurancePolicy>().WithMany().HasForeignKey(a => a.PolicyId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(a => a.DomainEvents);
        builder.Ignore(a => a.IsDecided);
    }
}

internal sealed class SingleCaseAgreementConfiguration : IEntityTypeConfiguration<SingleCaseAgreement>
{
    public void Configure(EntityTypeBuilder<SingleCaseAgreement> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.PayerName).HasMaxLength(100);
        builder.Property(a => a.Rate).HasPrecision(12, 2);
        builder.Property(a => a.ReferenceNumber).HasMaxLength(50);
        builder.Property(a => a.ContactName).HasMaxLength(100);
        builder.Property(a => a.ContactPhone).HasMaxLength(20);
        builder.Property(a => a.ContactEmail).HasMaxLength(200);
        builder.Property(a => a.Notes).HasMaxLength(2000);
        builder.Property(a => a.RecordedByName).HasMaxLength(200);
        builder.Property(a => a.ChangedByName).HasMaxLength(200);
        builder.Property(a => a.WithdrawnByName).HasMaxLength(200);
        builder.Property(a => a.WithdrawnReason).HasMaxLength(500);
        // One active agreement per authorization, whoever saves second (the filter's quoting is read by all three providers).
        builder.HasIndex(a => a.AuthorizationId).IsUnique().HasFilter("\"WithdrawnAt\" IS NULL");
        builder.HasIndex(a => a.InquiryId);
        builder.HasOne<PriorAuthorization>().WithMany().HasForeignKey(a => a.AuthorizationId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(a => a.DomainEvents);
        builder.Ignore(a => a.IsActive);
        builder.Ignore(a => a.Agreed);
    }
}

internal sealed class X12ExchangeConfiguration : IEntityTypeConfiguration<X12Exchange>
{
    public void Configure(EntityTypeBuilder<X12Exchange> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.TransactionType).HasMaxLength(20);
        builder.HasIndex(x => x.SubjectId);
        builder.HasIndex(x => x.InquiryId);
    }
}

internal sealed class GoodFaithEstimateConfiguration : IEntityTypeConfiguration<GoodFaithEstimate>
{
    public void Configure(EntityTypeBuilder<GoodFaithEstimate> builder)
    {
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.PatientName).HasMaxLength(202);
        builder.Property(g => g.PrimaryService).HasMaxLength(500);
        builder.Property(g => g.ProviderName).HasMaxLength(200);
        builder.Property(g => g.ProviderAddress).HasMaxLength(500);
        builder.Property(g => g.ProviderNpi).HasMaxLength(10);
        builder.Property(g => g.ProviderTaxId).HasMaxLength(20);
        builder.Property(g => g.DiagnosisCodes).HasMaxLength(200);
        builder.Property(g => g.CreatedByName).HasMaxLength(200);
        builder.Property(g => g.GivenByName).HasMaxLength(200);
        builder.Property(g => g.GivenHow).HasMaxLength(200);
        builder.OwnsMany(g => g.Items, items =>
        {
            items.ToJson();
            items.Ignore(i => i.Total);
        });
        builder.HasIndex(g => g.InquiryId);
        builder.Ignore(g => g.Total);
        builder.Ignore(g => g.IsGiven);
        builder.Ignore(g => g.DomainEvents);
    }
}
