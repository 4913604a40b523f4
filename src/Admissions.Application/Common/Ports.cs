using Admissions.Domain.Auditing;
using Admissions.Domain.Care;
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
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Admissions.Application.Common;

/// <summary>The unit of work handlers use. Short-lived: create one per operation and dispose it.</summary>
public interface IAdmissionsDbContext : IAsyncDisposable
{
    DbSet<Inquiry> Inquiries { get; }
    DbSet<InquiryActivity> InquiryActivities { get; }
    DbSet<InquirySearchTerm> InquirySearchTerms { get; }
    DbSet<ReferralOrganisation> ReferralOrganisations { get; }
    DbSet<NumberSequence> NumberSequences { get; }
    DbSet<FollowUpTask> FollowUpTasks { get; }
    DbSet<Notification> Notifications { get; }
    DbSet<AuditEntry> AuditEntries { get; }
    DbSet<ApiKey> ApiKeys { get; }
    DbSet<IdempotencyRecord> IdempotencyRecords { get; }
    DbSet<Payer> Payers { get; }
    DbSet<InsurancePolicy> InsurancePolicies { get; }
    DbSet<Part2Consent> Part2Consents { get; }
    DbSet<GoodFaithEstimate> GoodFaithEstimates { get; }
    DbSet<Disclosure> Disclosures { get; }
    DbSet<ConsentSigningRequest> ConsentSigningRequests { get; }
    DbSet<EligibilityCheck> EligibilityChecks { get; }
    DbSet<PriorAuthorization> PriorAuthorizations { get; }
    DbSet<SingleCaseAgreement> SingleCaseAgreements { get; }
    DbSet<X12Exchange> X12Exchanges { get; }
    DbSet<Facility> Facilities { get; }
    DbSet<TreatmentProgram> TreatmentPrograms { get; }
    DbSet<CareUnit> CareUnits { get; }
    DbSet<OnCallShift> OnCallShifts { get; }
    DbSet<Bed> Beds { get; }
    DbSet<ScreeningRecord> Screenings { get; }
    DbSet<InquirySafetyAlert> SafetyAlerts { get; }
    DbSet<LevelOfCareHistory> LevelOfCareHistories { get; }
    DbSet<Admission> Admissions { get; }
    DbSet<PartnerFacility> PartnerFacilities { get; }
    DbSet<OutboundReferral> OutboundReferrals { get; }
    DbSet<CensusSnapshot> CensusSnapshots { get; }
    DbSet<ClinicalIntake> ClinicalIntakes { get; }
    DbSet<OutboundMessage> OutboundMessages { get; }
    DbSet<MessagingOptOut> MessagingOptOuts { get; }
    DbSet<TextingConsent> TextingConsents { get; }
    DbSet<DailyFigures> DailyFigures { get; }
    DbSet<DailyDuration> DailyDurations { get; }
    DbSet<DailyGroup> DailyGroups { get; }
    DbSet<DailyFiguresState> DailyFiguresStates { get; }
    DbSet<DailyFiguresChange> DailyFiguresChanges { get; }
    DbSet<UserSession> UserSessions { get; }
    DbSet<AccountLink> AccountLinks { get; }
    DbSet<SignInThrottle> SignInThrottles { get; }
    DbSet<Draft> Drafts { get; }

    EntityEntry<TEntity> Entry<TEntity>(TEntity entity)
        where TEntity : class;

    /// <summary>Saves, audits the changed entities, then dispatches the domain events they raised.</summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

public interface IAdmissionsDbContextFactory
{
    Task<IAdmissionsDbContext> CreateAsync(CancellationToken cancellationToken = default);
}

/// <summary>The person (or API key, or job) on whose behalf the current request runs.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }
    string Id { get; }
    string Name { get; }
    string? IpAddress { get; }
    bool IsInRole(string role);
}

/// <param name="PhoneNumber">The Identity user's phone number: where on-call paging texts go.</param>
public sealed record StaffMember(string Id, string Name, string Email, IReadOnlyList<string> Roles, string? PhoneNumber = null);

/// <summary>Who works in admissions; implemented over ASP.NET Core Identity.</summary>
public interface IStaffDirectory
{
    Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken = default);
    Task<StaffMember?> FindAsync(string id, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<string>> UserIdsInRoleAsync(string role, CancellationToken cancellationToken = default);
}

/// <summary>Background work that must run later, durably.</summary>
public interface IFollowUpScheduler
{
    void ScheduleSpeedToLeadCheck(Guid inquiryId, DateTimeOffset runAt);

    /// <summary>The second, longer speed-to-lead clock: still nobody reached the caller → managers.</summary>
    void ScheduleSpeedToLeadEscalation(Guid inquiryId, DateTimeOffset runAt);

    /// <summary>Reminds the owner of a callback task shortly before it is due.</summary>
    void ScheduleCallbackReminder(Guid taskId, DateTimeOffset runAt);

    /// <summary>Sends (or re-sends) an eligibility check to the clearinghouse at <paramref name="runAt"/>.</summary>
    void ScheduleEligibilityCheck(Guid checkId, DateTimeOffset runAt);

    /// <summary>Sends an authorization request, or asks again about a pended one, at <paramref name="runAt"/>.</summary>
    void ScheduleAuthorizationSubmission(Guid authorizationId, DateTimeOffset runAt);
}

/// <summary>Tells connected browsers that a user has something new (count, list).</summary>
public interface ILiveNotifier
{
    void NotificationsChanged(IEnumerable<string> userIds);

    /// <summary>
    /// Something on an inquiry's page changed. Every save that touches the inquiry, its records, tasks or timeline calls
    /// it once the save is done, whoever made the change (a person, a job, a payer's answer); handlers do not.
    /// </summary>
    void InquiryChanged(Guid inquiryId);

    /// <summary>
    /// Tasks of these assignees changed (created, done, snoozed, claimed); a null entry means the team queue.
    /// Called by every save that touches a task, so task counts stay live whoever made the change.
    /// </summary>
    void TasksChanged(IReadOnlyCollection<string?> assigneeIds);
}
