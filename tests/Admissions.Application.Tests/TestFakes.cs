using System.Collections.Concurrent;
using Admissions.Application.Common;

namespace Admissions.Application.Tests;

public sealed record ScheduledCheck(Guid InquiryId, DateTimeOffset RunAt);

/// <summary>Stands in for Hangfire: remembers what would have been scheduled.</summary>
public sealed class RecordingFollowUpScheduler : IFollowUpScheduler
{
    private readonly ConcurrentQueue<ScheduledCheck> _checks = new();

    public IReadOnlyList<ScheduledCheck> Checks => [.. _checks];

    public void ScheduleSpeedToLeadCheck(Guid inquiryId, DateTimeOffset runAt) => _checks.Enqueue(new ScheduledCheck(inquiryId, runAt));
}

/// <summary>Stands in for the SignalR push: remembers who was told to refresh.</summary>
public sealed class RecordingLiveNotifier : ILiveNotifier
{
    private readonly ConcurrentQueue<IReadOnlyList<string>> _calls = new();

    public IReadOnlyList<IReadOnlyList<string>> Calls => [.. _calls];

    public void NotificationsChanged(IEnumerable<string> userIds) => _calls.Enqueue([.. userIds]);
}
