namespace Admissions.Application.FollowUps;

/// <summary>The follow-up clocks and the schedules of the recurring sweeps (section <c>FollowUps</c>).</summary>
public sealed class FollowUpOptions
{
    public const string Section = "FollowUps";

    /// <summary>How long after an inquiry arrives someone must have reached the caller.</summary>
    public TimeSpan SpeedToLeadDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Still nobody reached the caller this long after the inquiry arrived: managers are told.</summary>
    public TimeSpan SpeedToLeadEscalationDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>An open inquiry with no activity for this long gets a task.</summary>
    public TimeSpan UnworkedAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Cron expression (UTC) of the unworked-inquiry sweep.</summary>
    public string UnworkedSweep { get; set; } = "*/15 * * * *";

    /// <summary>A verification waiting (electronic or phone) longer than this is escalated to the managers.</summary>
    public TimeSpan VerificationPendingLimit { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Cron expression (UTC) of the stuck-verification sweep.</summary>
    public string VerificationSweep { get; set; } = "*/15 * * * *";

    /// <summary>How far ahead of an authorization's next concurrent review utilization review gets a task.</summary>
    public TimeSpan AuthorizationReviewLead { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Cron expression (UTC) of the concurrent-review sweep.</summary>
    public string AuthorizationReviewSweep { get; set; } = "0 * * * *";

    /// <summary>How long before a scheduled callback its owner is reminded.</summary>
    public TimeSpan CallbackReminderLead { get; set; } = TimeSpan.FromMinutes(10);
}
