using Microsoft.EntityFrameworkCore;

namespace Admissions.Application.Common;

/// <summary>
/// A save refused because another writer took the same unique key first (an inquiry number, a task's key, a bed's
/// reservation). The infrastructure recognises each provider's code for it (SQLite 2067/1555, PostgreSQL 23505,
/// SQL Server 2601/2627) and throws this instead, so handlers can tell a lost race from any other failed save.
/// </summary>
public sealed class UniqueKeyViolationException(DbUpdateException inner)
    : DbUpdateException("Another writer saved the same unique key first.", inner.InnerException, inner.Entries);

public static class SaveRaces
{
    /// <summary>True when the save lost a race (a concurrency token moved, or a unique key was taken) rather than failed.</summary>
    public static bool Lost(DbUpdateException ex) => ex is DbUpdateConcurrencyException or UniqueKeyViolationException;
}
