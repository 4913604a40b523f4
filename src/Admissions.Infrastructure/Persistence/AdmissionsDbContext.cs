using Admissions.Application.Common;
using Admissions.Domain.Auditing;
using Admissions.Domain.Care;
using Admissions.Domain.Common;
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
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Infrastructure.Persistence;

public sealed class AdmissionsDbContext(DbContextOptions<AdmissionsDbContext> options)
    : IdentityDbContext<AdmissionsUser>(options), IAdmissionsDbContext
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
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Payer> Payers => Set<Payer>();
    public DbSet<InsurancePolicy> InsurancePolicies => Set<InsurancePolicy>();
    public DbSet<Part2Consent> Part2Consents => Set<Part2Consent>();
    public DbSet<Disclosure> Disclosures => Set<Disclosure>();
    public DbSet<EligibilityCheck> EligibilityChecks => Set<EligibilityCheck>();
    public DbSet<PriorAuthorization> PriorAuthorizations => Set<PriorAuthorization>();
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
    public DbSet<DailyFigures> DailyFigures => Set<DailyFigures>();
    public DbSet<DailyDuration> DailyDurations => Set<DailyDuration>();
    public DbSet<DailyGroup> DailyGroups => Set<DailyGroup>();
    public DbSet<DailyFiguresState> DailyFiguresStates => Set<DailyFiguresState>();
    public DbSet<DailyFiguresChange> DailyFiguresChanges => Set<DailyFiguresChange>();

    /// <summary>Who is saving and what to tell after the save; set by <see cref="AdmissionsDbContextFactory"/>.</summary>
    internal void Attach(SaveContext saveContext) => _saveContext = saveContext;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AdmissionsDbContext).Assembly);
        ConcurrencyTokens.Configure(builder, Database.IsSqlite());
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

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new InvalidOperationException("Use SaveChangesAsync: saves are audited and dispatch domain events.");

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
        try
        {
            if (Database.IsSqlite())
            {
                ConcurrencyTokens.Refresh(ChangeTracker);
            }

            AuditTrail.Record(this, context);
            DailyFiguresChangeLog.Record(this);
            aggregates = [.. ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity)];
            taskAssignees = TaskAssignees();
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (taskAssignees.Count > 0)
        {
            context.Live?.TasksChanged(taskAssignees);
        }

        var events = aggregates.SelectMany(a => a.PullDomainEvents()).ToList();
        if (events.Count > 0 && context.Dispatcher is not null)
        {
            await context.Dispatcher.DispatchAsync(events, cancellationToken);
        }

        return written;
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
