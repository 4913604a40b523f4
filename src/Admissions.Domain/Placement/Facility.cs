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

    /// <summary>The facility's own NPI, named as the provider in its inquiries' 270/278s and estimates; none: the organisation's.</summary>
    public string? Npi { get; set; }

    /// <summary>The facility's taxpayer identification number (9 digits), printed on its Good Faith Estimates.</summary>
    public string? TaxId { get; set; }

    /// <summary>The provider name the clearinghouse knows this facility by (NM1*1P in its 270/278s); none: the organisation's.</summary>
    public string? ClearinghouseProviderName { get; set; }

    /// <summary>The facility's zone, or UTC when the id is not known on this machine.</summary>
    public TimeZoneInfo TimeZone => FindZone(TimeZoneId) ?? TimeZoneInfo.Utc;

    public static TimeZoneInfo? FindZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    /// <summary>
    /// Ten digits whose last is the Luhn check digit computed, as CMS defines it, over the first nine prefixed with 80840
    /// (the card issuer prefix for US health applications).
    /// </summary>
    public static bool IsValidNpi(string? npi)
    {
        if (npi is not { Length: 10 } || !npi.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        var digits = "80840" + npi;
        for (var i = 0; i < digits.Length; i++)
        {
            // From the right, every second digit (the check digit is the first) is doubled.
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }

    /// <summary>Nine digits, as typed with or without the dash (12-3456789).</summary>
    public static bool IsValidTaxId(string? taxId) => TaxIdDigits(taxId) is not null;

    /// <summary>The nine digits of a tax id, or null when it is not one.</summary>
    public static string? TaxIdDigits(string? taxId)
    {
        var digits = taxId?.Trim().Replace("-", "", StringComparison.Ordinal);
        return digits is { Length: 9 } && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>The calendar day at the facility at <paramref name="instant"/>.</summary>
    public DateOnly DayAt(DateTimeOffset instant) => ZonedTime.DayOf(instant, TimeZone);
}
