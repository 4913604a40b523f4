namespace Admissions.Application.Common;

/// <summary>
/// Today's date for date-only rules (consent expiry, review dates). UTC for now, like inquiry
/// numbering; facility time zones arrive with the facilities set-up.
/// </summary>
public static class FacilityDate
{
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
