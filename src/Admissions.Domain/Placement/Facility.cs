using Admissions.Domain.Common;

namespace Admissions.Domain.Placement;

/// <summary>A treatment site: its programs, units and beds, and the time zone its days are counted in.</summary>
public sealed class Facility
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";

    /// <summary>An IANA time zone id (America/Los_Angeles): the facility's "today" and the times shown for it.</summary>
    public string TimeZoneId { get; set; } = "America/Los_Angeles";
    public string? Address { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>Who takes a safety call when no shift of the on-call schedule covers the hour (a clinician's user id).</summary>
    public string? OnCallFallbackId { get; set; }
    public string? OnCallFallbackName { get; set; }

    /// <summary>The facility's zone, or UTC when the id is not known on this machine.</summary>
    public TimeZoneInfo TimeZone => FindZone(TimeZoneId) ?? TimeZoneInfo.Utc;

    public static TimeZoneInfo? FindZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    /// <summary>The calendar day at the facility at <paramref name="instant"/>.</summary>
    public DateOnly DayAt(DateTimeOffset instant) => ZonedTime.DayOf(instant, TimeZone);
}
