using Admissions.Application.Common;

namespace Admissions.Web.Security;

/// <summary>
/// In-process fan-out to connected circuits: the bell in each browser listens for its user.
/// One process serves the app (SQLite); a scaled-out deployment would put a backplane here.
/// </summary>
public sealed class LiveNotifier : ILiveNotifier
{
    public event Action<string>? Changed;

    public void NotificationsChanged(IEnumerable<string> userIds)
    {
        foreach (var userId in userIds)
        {
            Changed?.Invoke(userId);
        }
    }
}
