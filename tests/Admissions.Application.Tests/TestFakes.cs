using System.Collections.Concurrent;
using Admissions.Application.Common;
using Admissions.Application.Messaging;

namespace Admissions.Application.Tests;

public sealed record ScheduledCheck(Guid InquiryId, DateTimeOffset RunAt);

/// <summary>Stands in for Hangfire: remembers what would have been scheduled.</summary>
public sealed class RecordingFollowUpScheduler : IFollowUpScheduler
{
    private readonly ConcurrentQueue<ScheduledCheck> _checks = new();

    public IReadOnlyList<ScheduledCheck> Checks => [.. _checks];

    private readonly ConcurrentQueue<ScheduledCheck> _eligibility = new();
    private readonly ConcurrentQueue<ScheduledCheck> _authorizations = new();

    public IReadOnlyList<ScheduledCheck> EligibilityChecks => [.. _eligibility];

    public IReadOnlyList<ScheduledCheck> AuthorizationSubmissions => [.. _authorizations];

    public void ScheduleSpeedToLeadCheck(Guid inquiryId, DateTimeOffset runAt) => _checks.Enqueue(new ScheduledCheck(inquiryId, runAt));

    public void ScheduleEligibilityCheck(Guid checkId, DateTimeOffset runAt) => _eligibility.Enqueue(new ScheduledCheck(checkId, runAt));

    public void ScheduleAuthorizationSubmission(Guid authorizationId, DateTimeOffset runAt) => _authorizations.Enqueue(new ScheduledCheck(authorizationId, runAt));

    private readonly ConcurrentQueue<ScheduledCheck> _escalations = new();
    private readonly ConcurrentQueue<ScheduledCheck> _callbackReminders = new();

    public IReadOnlyList<ScheduledCheck> Escalations => [.. _escalations];

    /// <summary>Task ids (in <see cref="ScheduledCheck.InquiryId"/>) with their reminder times.</summary>
    public IReadOnlyList<ScheduledCheck> CallbackReminders => [.. _callbackReminders];

    public void ScheduleSpeedToLeadEscalation(Guid inquiryId, DateTimeOffset runAt) => _escalations.Enqueue(new ScheduledCheck(inquiryId, runAt));

    public void ScheduleCallbackReminder(Guid taskId, DateTimeOffset runAt) => _callbackReminders.Enqueue(new ScheduledCheck(taskId, runAt));
}

/// <summary>Stands in for the SignalR push: remembers who was told to refresh.</summary>
public sealed class RecordingLiveNotifier : ILiveNotifier
{
    private readonly ConcurrentQueue<IReadOnlyList<string>> _calls = new();

    public IReadOnlyList<IReadOnlyList<string>> Calls => [.. _calls];

    private readonly ConcurrentQueue<Guid> _inquiries = new();

    public IReadOnlyList<Guid> InquiriesChanged => [.. _inquiries];

    public void NotificationsChanged(IEnumerable<string> userIds) => _calls.Enqueue([.. userIds]);

    public void InquiryChanged(Guid inquiryId) => _inquiries.Enqueue(inquiryId);

    private readonly ConcurrentQueue<IReadOnlyCollection<string?>> _tasks = new();

    /// <summary>Each save that touched tasks: the assignees whose lists changed (null: the team queue).</summary>
    public IReadOnlyList<IReadOnlyCollection<string?>> TasksChanged => [.. _tasks];

    void ILiveNotifier.TasksChanged(IReadOnlyCollection<string?> assigneeIds) => _tasks.Enqueue([.. assigneeIds]);
}

/// <summary>Stands in for the Hangfire enqueue of a dispatch run: counts the signals.</summary>
public sealed class RecordingOutboxSignal : IOutboxDispatchSignal
{
    private int _signals;

    public int Signals => _signals;

    public void DispatchSoon() => Interlocked.Increment(ref _signals);
}
