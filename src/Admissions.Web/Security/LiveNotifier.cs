using Admissions.Application.Common;

namespace Admissions.Web.Security;

/// <summary>
/// In-process fan-out to connected circuits: the bell in each browser listens for its user, an
/// open inquiry page for its inquiry. On one node it is the live channel itself; with several,
/// <see cref="Nodes.RedisLiveNotifier"/> publishes each change and every node hears it here.
/// </summary>
public sealed class LiveNotifier : ILiveNotifier
{
    public event Action<string>? Changed;

    public event Action<Guid>? InquiryUpdated;

    /// <summary>A task list changed: the assignee's id, or null for the team queue.</summary>
    public event Action<string?>? TasksUpdated;

    public void NotificationsChanged(IEnumerable<string> userIds)
    {
        foreach (var userId in userIds)
        {
            Changed?.Invoke(userId);
        }
    }

    public void InquiryChanged(Guid inquiryId) => InquiryUpdated?.Invoke(inquiryId);

    public void TasksChanged(IReadOnlyCollection<string?> assigneeIds)
    {
        foreach (var assigneeId in assigneeIds)
        {
            TasksUpdated?.Invoke(assigneeId);
        }
    }
}
