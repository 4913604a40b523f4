using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Common;

/// <summary>
/// Retries an operation whose save lost a race on a counter or unique key (inquiry numbers,
/// first-writer-wins rows). Each attempt must open its own DbContext.
/// </summary>
public static class SaveConflicts
{
    private const string StillClashing =
        "Someone else changed this record at the same moment, and it still clashed when tried again. Reload the page and try once more.";

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

    /// <summary>
    /// The shape of every command that changes records: a DbContext of its own, load and change, save. A save that loses a
    /// race is tried again on fresh data, so the domain rules judge the latest state; one that keeps losing is a conflict
    /// the person is told about. Returns what <paramref name="change"/> returned, once the save is done.
    /// </summary>
    public static async ValueTask<T> ChangeAsync<T>(
        IAdmissionsDbContextFactory dbFactory, Func<IAdmissionsDbContext, Task<T>> change, CancellationToken cancellationToken)
    {
        try
        {
            return await RetryAsync(async () =>
            {
                await using var db = await dbFactory.CreateAsync(cancellationToken);
                var result = await change(db);
                await db.SaveChangesAsync(cancellationToken);
                return result;
            });
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException(StillClashing, []);
        }
    }
}
