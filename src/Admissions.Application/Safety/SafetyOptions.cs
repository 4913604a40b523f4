namespace Admissions.Application.Safety;

/// <summary>The suicide-risk clock (section <c>Safety</c>).</summary>
public sealed class SafetyOptions
{
    public const string Section = "Safety";

    /// <summary>How soon a safety call is due after the alert, and how often it is escalated again while no disposition is recorded.</summary>
    public TimeSpan CallWithin { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How soon a clinician reviews C-SSRS answers of moderate risk (a shorter fuse than ordinary work, and snoozable).</summary>
    public TimeSpan ClinicianReviewWithin { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Cron (UTC) of the escalation sweep; it escalates each overdue safety call once per <see cref="CallWithin"/>.</summary>
    public string EscalationSweep { get; set; } = "* * * * *";

    /// <summary>Escalations also email (the staff member's email) and text (their phone number) through the outbox.</summary>
    public bool PageByEmail { get; set; } = true;

    public bool PageBySms { get; set; } = true;

    /// <summary>"15 minutes", "1 hour", "20 seconds": how a span reads in a task title.</summary>
    public static string Describe(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => Plural((int)span.TotalSeconds, "second"),
        { TotalHours: < 1 } => Plural((int)span.TotalMinutes, "minute"),
        _ => Plural((int)span.TotalHours, "hour"),
    };

    private static string Plural(int count, string unit) => count == 1 ? $"1 {unit}" : $"{count.ToString(System.Globalization.CultureInfo.InvariantCulture)} {unit}s";
}
