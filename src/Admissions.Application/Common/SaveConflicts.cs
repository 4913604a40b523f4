using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Common;

/// <summary>
/// Retries an operation whose save lost a race on a counter or unique key (inquiry numbers,
/// first-writer-wins rows). Each attempt must open its own DbContext.
/// </summary>
public static class SaveConflicts
{
    public static async ValueTask<T> RetryAsync<T>(Func<ValueTask<T>> attempt, int attempts = 5)
    {
        for (var tried = 1; ; tried++)
        {
            try
            {
                return await attempt();
            }
            catch (DbUpdateException) when (tried < attempts)
            {
                // Another writer got there first; the next attempt reads what it wrote.
            }
        }
    }
}
