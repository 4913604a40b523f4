using Admissions.Application.Common;
using Admissions.Domain.Auditing;
using Admissions.Domain.Care;
using Admissions.Domain.Common;
using Admissions.Domain.Drafts;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Domain.Messaging;
using Admissions.Domain.Notifications;
using Admissions.Domain.Placement;
using Admissions.Domain.Reporting;
using Admissions.Domain.Screening;
using Admissions.Domain.Security;
using Admissions.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.DependencyInjection;

namespace Admissions.Infrastructure.Persistence;

public sealed class AdmissionsDbContext(DbContextOptions<AdmissionsDbContext> options)
    : IdentityDbContext<AdmissionsUser>(options), IAdmissionsDbContext, IDataProtectionKeyContext
{
    private SaveContext? _saveContext;

    public DbSet<Inquiry> Inquiries => Set<Inquiry>();
    public DbSet<InquiryActivity> InquiryActivities => Set<InquiryActivity>();
    public DbSet<InquirySearchTerm> InquirySearchTerms => Set<InquirySearchTerm>();
    public DbSet<ReferralOrganisation> ReferralOrganisations => Set<ReferralOrganisation>();
    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();
    public DbSet<FollowUpTask> FollowUpTasks => Set<FollowUpTask>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    internal DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Payer> Payers => Set<Payer>();
    public DbSet<InsurancePolicy> InsurancePolicies => Set<InsurancePolicy>();
    public DbSet<Part2Consent> Part2Consents => Set<Part2Consent>();
    public DbSet<GoodFaithEstimate> GoodFaithEstimates => Set<GoodFaithEstimate>();
    public DbSet<Disclosure> Disclosures => Set<Disclosure>();
    public DbSet<ConsentSigningRequest> ConsentSigningRequests => Set<ConsentSigningRequest>();
    public DbSet<EligibilityCheck> EligibilityChecks => Set<EligibilityCheck>();
    public DbSet<PriorAuthorization> PriorAuthorizations => Set<PriorAuthorization>();
    public DbSet<SingleCaseAgreement> SingleCaseAgreements => Set<SingleCaseAgreement>();
    public DbSet<X12Exchange> X12Exchanges => Set<X12Exchange>();
    public DbSet<Facility> Facilities => Set<Facility>();
    public DbSet<TreatmentProgram> TreatmentPrograms => Set<TreatmentProgram>();
    public DbSet<CareUnit> CareUnits => Set<CareUnit>();
    public DbSet<OnCallShift> OnCallShifts => Set<OnCallShift>();
    public DbSet<Bed> Beds => Set<Bed>();
    public DbSet<ScreeningRecord> Screenings => Set<ScreeningRecord>();
    public DbSet<InquirySafetyAlert> SafetyAlerts => Set<InquirySafetyAlert>();
    public DbSet<LevelOfCareHistory> LevelOfCareHistories => Set<LevelOfCareHistory>();
    public DbSet<Admission> Admissions => Set<Admission>();
    public DbSet<PartnerFacility> PartnerFacilities => Set<PartnerFacility>();
    public DbSet<OutboundReferral> OutboundReferrals => Set<OutboundReferral>();
    public DbSet<CensusSnapshot> CensusSnapshots => Set<CensusSnapshot>();
    public DbSet<ClinicalIntake> ClinicalIntakes => Set<ClinicalIntake>();
    public DbSet<OutboundMessage> OutboundMessages => Set<OutboundMessage>();
    public DbSet<MessagingOptOut> MessagingOptOuts => Set<MessagingOptOut>();
    public DbSet<TextingConsent> TextingConsents => Set<TextingConsent>();
    public DbSet<DailyFigures> DailyFigures => Set<DailyFigures>();
    public DbSet<DailyDuration> DailyDurations => Set<DailyDuration>();
    public DbSet<DailyGroup> DailyGroups => Set<DailyGroup>();
    public DbSet<DailyFiguresState> DailyFiguresStates => Set<DailyFiguresState>();
    public DbSet<DailyFiguresChange> DailyFiguresChanges => Set<DailyFiguresChange>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<AccountLink> AccountLinks => Set<AccountLink>();
    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();

    /// <summary>
    /// What the migrations' design-time factories give the context, so that the model they make migrations from has the
    /// same Identity schema (version 3, with passkeys) as the running app.
    /// </summary>
    public static IServiceProvider DesignTimeServices() =>
        new ServiceCollection().Configure<IdentityOptions>(IdentityStoreVersion).BuildServiceProvider();

    /// <summary>
    /// Version 3 adds the passkeys table. Keys keep their first length (450): version 2 and later would shorten login and
    /// token keys to 128, which SQL Server cannot do to a primary key in place.
    /// </summary>
    public static void IdentityStoreVersion(IdentityOptions options)
    {
        options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
        options.Stores.MaxLengthForKeys = 450;
    }

    /// <summary>The keys that protect sign-in cookies and antiforgery tokens, shared by every node (server databases only).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Draft> Drafts => Set<Draft>();

    /// <summary>Who is saving and what to tell after the save; set by <see cref="AdmissionsDbContextFactory"/>.</summary>
    internal void Attach(SaveContext saveContext) => _saveContext = saveContext;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        // Identity's schema version (3: with passkeys) comes from IdentityOptions.Stores.SchemaVersion, set in
        // AddInfrastructure and in the migrations' design-time factories (IdentityOptions.ForDesignTime).
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AdmissionsDbContext).Assembly);
        ConcurrencyTokens.Configure(builder, appWritten: !Database.IsSqlServer());
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or sort DateTimeOffset text; UTC ticks sort and compare correctly.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        // Data Protection's key repository is synchronous and writes only its own keys, which are neither patient data
        // nor aggregates: nothing to audit or announce.
        var changed = ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (changed.Count > 0 && changed.All(e => e.Entity is DataProtectionKey))
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        throw new InvalidOperationException("Use SaveChangesAsync: saves are audited and dispatch domain events.");
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var context = _saveContext ?? SaveContext.Anonymous;

        // The bookkeeping below reads the tracked entries several times; changes are detected once for all of it
        // (every Entries() call would detect them again) and once more by the save itself.
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        List<AggregateRoot> aggregates;
        HashSet<string?> taskAssignees;
        HashSet<Guid> inquiries;
        List<EntityEntry<AuditEntry>> appended;
        try
        {
            if (!Database.IsSqlServer())
            {
                ConcurrencyTokens.Refresh(ChangeTracker);
            }

            AuditTrail.Record(this, context);
            appended = [.. ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added)];
            DailyFiguresChangeLog.Record(this);
            aggregates = [.. ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity)];
            taskAssignees = TaskAssignees();
            // Seeding and the CLI save with nobody listening: no need to work out whose pages changed.
            inquiries = context.Live is null ? [] : ChangedInquiries();
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        int written;
        try
        {
            written = appended.Count == 0
                ? await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken)
                : await AuditChain.SaveChainedAsync(this, appended, () => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException && UniqueViolations.Is(ex))
        {
            throw new UniqueKeyViolationException(ex);
        }
        if (taskAssignees.Count > 0)
        {
            context.Live?.TasksChanged(taskAssignees);
        }

        foreach (var inquiryId in inquiries)
        {
            context.Live!.InquiryChanged(inquiryId);
        }

        var events = aggregates.SelectMany(a => a.PullDomainEvents()).ToList();
        if (events.Count > 0 && context.Dispatcher is not null)
        {
            await context.Dispatcher.DispatchAsync(events, cancellationToken);
        }

        return written;
    }

    /// <summary>
    /// The inquiries whose page a save changes: the inquiry itself, its patient's records, its tasks and its timeline.
    /// Drafts are left out: they are the typing on that page, and announcing them would reload it under the typist.
    /// </summary>
    private HashSet<Guid> ChangedInquiries()
    {
        var inquiries = new HashSet<Guid>();
        foreach (var entry in ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            Guid? inquiryId = entry.Entity switch
            {
                Inquiry inquiry => inquiry.Id,
                IInquiryRecord record => record.InquiryId,
                FollowUpTask task => task.InquiryId,
                InquiryActivity activity => activity.InquiryId,
                _ => null,
            };
            if (inquiryId is { } id && id != Guid.Empty)
            {
                inquiries.Add(id);
            }
        }

        return inquiries;
    }

    /// <summary>Whose task lists a save changes (old and new assignee of each task; null is the team queue).</summary>
    private HashSet<string?> TaskAssignees()
    {
        var assignees = new HashSet<string?>();
        foreach (var entry in ChangeTracker.Entries<FollowUpTask>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            assignees.Add(entry.Entity.AssigneeId);
            if (entry.State == EntityState.Modified)
            {
                assignees.Add(entry.Property(t => t.AssigneeId).OriginalValue);
            }
        }

        return assignees;
    }
}

/// <summary>The scoped services a save needs: who is saving (for the audit trail), the event dispatcher and the live channel.</summary>
internal sealed record SaveContext(ICurrentUser? User, DomainEventDispatcher? Dispatcher, ILiveNotifier? Live, TimeProvider Clock)
{
    public static readonly SaveContext Anonymous = new(null, null, null, TimeProvider.System);
}
