namespace Admissions.Domain.Placement;

/// <summary>
/// One program's beds on one facility day, taken by the census job through the day: the last snapshot of a
/// day is that day's census. Beds keep only their current state, so this is the history the occupancy trend reads.
/// </summary>
public sealed class CensusSnapshot
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid FacilityId { get; init; }
    public Guid ProgramId { get; init; }
    public DateOnly Day { get; init; }
    public int Beds { get; private set; }
    public int InService { get; private set; }
    public int Occupied { get; private set; }
    public int Reserved { get; private set; }
    public DateTimeOffset TakenAt { get; private set; }

    public static CensusSnapshot Take(Guid facilityId, Guid programId, DateOnly day, BedCount count, DateTimeOffset at)
    {
        var snapshot = new CensusSnapshot { FacilityId = facilityId, ProgramId = programId, Day = day };
        snapshot.Update(count, at);
        return snapshot;
    }

    /// <summary>A later count the same day replaces the earlier one.</summary>
    public void Update(BedCount count, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count.InService, count.Beds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count.Occupied + count.Reserved, count.InService);
        Beds = count.Beds;
        InService = count.InService;
        Occupied = count.Occupied;
        Reserved = count.Reserved;
        TakenAt = at;
    }
}

/// <summary>A program's beds by state at one moment.</summary>
public sealed record BedCount(int Beds, int InService, int Occupied, int Reserved);
