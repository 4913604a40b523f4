using Admissions.Domain.Auditing;
using Admissions.Domain.FollowUps;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Notifications;
using Admissions.Domain.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Admissions.Application.Common;

/// <summary>The unit of work handlers use. Short-lived: create one per operation and dispose it.</summary>
public interface IAdmissionsDbContext : IAsyncDisposable
{
    DbSet<Inquiry> Inquiries { get; }
    DbSet<InquiryActivity> InquiryActivities { get; }
    DbSet<NumberSequence> NumberSequences { get; }
    DbSet<FollowUpTask> FollowUpTasks { get; }
    DbSet<Notification> Notifications { get; }
    DbSet<AuditEntry> AuditEntries { get; }
    DbSet<ApiKey> ApiKeys { get; }
    DbSet<IdempotencyRecord> IdempotencyRecords { get; }

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

public sealed record StaffMember(string Id, string Name, string Email, IReadOnlyList<string> Roles);

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
}

/// <summary>Tells connected browsers that a user has something new (count, list).</summary>
public interface ILiveNotifier
{
    void NotificationsChanged(IEnumerable<string> userIds);
}
