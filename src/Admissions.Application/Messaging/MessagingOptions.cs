using Admissions.Domain.Inquiries;
using Admissions.Domain.Messaging;

namespace Admissions.Application.Messaging;

/// <summary>
/// How outbound messages behave (section <c>Messaging</c>). Lists left empty in configuration fall
/// back to the defaults: the configuration binder would otherwise append to them.
/// </summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    public static readonly IReadOnlyList<TimeSpan> DefaultRetryDelays =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1)];

    /// <summary>Waits between attempts after a provider failure; the last one repeats.</summary>
    public List<TimeSpan> RetryDelays { get; set; } = [];

    /// <summary>Attempts before a message is marked Failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>A message still Sending after this long was interrupted; it is failed for a person to check, not re-sent.</summary>
    public TimeSpan SendingTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Messages one dispatch run sends at most.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// State texting rules that add to or replace the built-in table (<see cref="TextingRules.Default"/>: the federal 8:00–21:00
    /// and Florida's 8:00–20:00 with at most 3 a day), keyed by state code, e.g. <c>Messaging:StateRules:OK:AllowedUntil</c>.
    /// </summary>
    public Dictionary<string, TextingRuleSettings> StateRules { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>What a coordinator reads (or a form shows) when asking for consent to text; recorded with each consent.</summary>
    public string TextConsentWording { get; set; } =
        "May Admissions at {Team} text you at this number about your inquiry? Message frequency varies; message and data rates may apply. " +
        "Reply STOP to stop, HELP for help. Agreeing is not a condition of any purchase.";

    /// <summary>The neutral name prospects see ("Admissions at Cedar Ridge"); must not say what the facility treats.</summary>
    public string SenderName { get; set; } = "Cedar Ridge";

    /// <summary>The number prospects are asked to call.</summary>
    public string CallbackPhone { get; set; } = "(555) 010-0100";

    /// <summary>Where staff emails link to.</summary>
    public string AppUrl { get; set; } = "http://127.0.0.1:5000";

    /// <summary>The facility's IANA zone (from <c>Admissions:TimeZone</c>): the digest's "yesterday" and the zone used when a recipient's is unknown.</summary>
    public string FacilityTimeZone { get; set; } = "America/Los_Angeles";

    public NurtureOptions Nurture { get; set; } = new();

    public DigestOptions Digest { get; set; } = new();

    public IReadOnlyList<TimeSpan> EffectiveRetryDelays => RetryDelays.Count > 0 ? RetryDelays : DefaultRetryDelays;

    /// <summary>The built-in table with the configured states added or replaced.</summary>
    public TextingRules TextingRules => new(
        TextingRules.Default.States.Where(r => !StateRules.ContainsKey(r.Jurisdiction))
            .Concat(StateRules.Select(pair => pair.Value.ToRule(pair.Key))));

    /// <summary>The consent-to-text wording with the sender's neutral name filled in.</summary>
    public string EffectiveTextConsentWording => TextConsentWording.Replace("{Team}", SenderName, StringComparison.Ordinal);

    public TimeZoneInfo FacilityZone =>
        TimeZoneInfo.TryFindSystemTimeZoneById(FacilityTimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}

/// <summary>One state's texting rule as configured: allowed local hours, the most texts in any 24 hours, and the law it encodes.</summary>
public sealed class TextingRuleSettings
{
    public TimeSpan AllowedFrom { get; set; } = new(8, 0, 0);
    public TimeSpan AllowedUntil { get; set; } = new(21, 0, 0);
    public int? MaxPer24Hours { get; set; }
    public string Citation { get; set; } = "";

    public TextingRule ToRule(string state) => new(state.ToUpperInvariant(), TimeOnly.FromTimeSpan(AllowedFrom), TimeOnly.FromTimeSpan(AllowedUntil),
        MaxPer24Hours, string.IsNullOrWhiteSpace(Citation) ? $"{state.ToUpperInvariant()} rule configured by the facility" : Citation);
}

public sealed class NurtureOptions
{
    public static readonly IReadOnlyList<NotAdmittedReason> DefaultEligibleReasons =
        [NotAdmittedReason.ChoseAnotherProvider, NotAdmittedReason.Unreachable, NotAdmittedReason.Declined, NotAdmittedReason.NoInsurance];

    public static readonly IReadOnlyList<TimeSpan> DefaultDelays = [TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(30)];

    public bool Enabled { get; set; } = true;

    /// <summary>Not-admitted reasons after which the person hears from us again (never Duplicate, Invalid or NotClinicallyAppropriate).</summary>
    public List<NotAdmittedReason> EligibleReasons { get; set; } = [];

    /// <summary>Delays after the not-admitted decision of the first, second and third touch.</summary>
    public List<TimeSpan> Delays { get; set; } = [];

    public IReadOnlyList<NotAdmittedReason> EffectiveEligibleReasons => EligibleReasons.Count > 0 ? EligibleReasons : DefaultEligibleReasons;

    public IReadOnlyList<TimeSpan> EffectiveDelays => Delays.Count > 0 ? Delays : DefaultDelays;

    /// <summary>The template of the touch at <paramref name="index"/>: 1 day, 7 days, then 30 days wording for the rest.</summary>
    public static string TemplateFor(int index) => index switch
    {
        0 => MessageTemplates.Nurture1Day,
        1 => MessageTemplates.Nurture7Days,
        _ => MessageTemplates.Nurture30Days,
    };
}

public sealed class DigestOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Cron expression in facility time of the daily manager digest.</summary>
    public string Cron { get; set; } = "0 7 * * *";
}
