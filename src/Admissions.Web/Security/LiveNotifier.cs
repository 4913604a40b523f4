using Admissions.Application.Common;

namespace Admissions.Web.Security;

/// <summary>
/// In-process fan-out to connected circuits: the bell in each browser listens for its user, an
/// open inquiry page for its inquiry. One process serves the app (SQLite); a scaled-out
/// deployment would put a backplane here.
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
