using Admissions.Domain.Inquiries;

namespace Admissions.Application.Placement;

public sealed class PlacementOptions
{
    public const string Section = "Placement";

    /// <summary>Cron expression (UTC) of the job that releases expired bed reservations.</summary>
    public string ReservationSweep { get; set; } = "*/5 * * * *";

    /// <summary>Cron expression (UTC) of the admission-day clock: reminders and missed check-ins.</summary>
    public string AdmissionDayClock { get; set; } = "*/10 * * * *";

    /// <summary>Cron expression (UTC) of the nightly re-verification of admissions in the next 48 hours (10:00 UTC is 2 AM Pacific).</summary>
    public string Reverification { get; set; } = "0 10 * * *";

    /// <summary>Cron expression (UTC) of the census count that builds the occupancy trend; the day's last count stands.</summary>
    public string CensusSnapshot { get; set; } = "55 * * * *";

    /// <summary>Facility hour from which the day-before reminder goes out.</summary>
    public int EveReminderHour { get; set; } = 9;

    /// <summary>Facility hour from which the same-day reminder goes out.</summary>
    public int MorningReminderHour { get; set; } = 7;

    /// <summary>How long a new reservation holds a bed unless the coordinator picks another time.</summary>
    public TimeSpan DefaultReservation { get; set; } = TimeSpan.FromHours(24);
}

/// <summary>Wording and small helpers the placement use cases share.</summary>
public static class Placements
{
    /// <summary>The longest a bed may be held for one inquiry.</summary>
    public static readonly TimeSpan MaxReservation = TimeSpan.FromDays(7);

    /// <summary>
    /// Stages reached only through the admission workflow (a program, a bed, a partner are needed), with what to do instead;
    /// null when the pipeline's stage move may go there.
    /// </summary>
    public static string? StageNeedsAdmissionTab(InquiryStage target) => target switch
    {
        InquiryStage.AdmissionScheduled => "Schedule the admission on the Admission tab: it needs a program, a date and time, and a bed.",
        InquiryStage.Admitted => "Check the patient in on the Admission tab.",
        InquiryStage.ReferredOut => "Refer out on the Admission tab, naming the partner facility and the reason.",
        _ => null,
    };

    public const string BedTakenMessage = "That bed was just reserved by someone else. The board has been refreshed; choose another bed.";

    /// <summary>"J.D." from a patient's names: enough to tell beds apart on a shared screen, no more.</summary>
    public static string Initials(string firstName, string lastName)
    {
        static string Letter(string name) => string.IsNullOrWhiteSpace(name) ? "" : $"{char.ToUpperInvariant(name.Trim()[0])}.";
        var initials = Letter(firstName) + Letter(lastName);
        return initials.Length == 0 ? "?" : initials;
    }

    /// <summary>
    /// Sorts "D-2" before "D-10": digit runs compare as numbers. A loop rather than a regex, whose match timeout fired on
    /// a busy machine while sorting a handful of bed labels.
    /// </summary>
    public static string NaturalKey(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var key = new System.Text.StringBuilder(label.Length + 8);
        for (var i = 0; i < label.Length;)
        {
            var start = i;
            while (i < label.Length && char.IsAsciiDigit(label[i]))
            {
                i++;
            }

            if (i > start)
            {
                key.Append('0', Math.Max(0, 6 - (i - start))).Append(label, start, i - start);
            }
            else
            {
                key.Append(label[i++]);
            }
        }

        return key.ToString();
    }

    /// <summary>An instant as the facility reads it, for timeline entries: "Mar 11, 7:00 AM".</summary>
    public static string LocalTime(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("MMM d, h:mm tt", System.Globalization.CultureInfo.InvariantCulture);
}
