using System.Text.RegularExpressions;

namespace Admissions.Domain.Messaging;

/// <summary>
/// The words of one kind of message. Placeholders in braces: {Name} (the person's first name),
/// {Sender} (the coordinator's first name), {Team} (the neutral sender name, e.g. "Cedar Ridge"),
/// {Phone} (our callback number), {When} (a local date or time), and for staff {Date} and counts.
/// </summary>
public sealed record MessageTemplate(string Key, MessageAudience Audience, string Subject, string EmailBody, string SmsBody);

public sealed record RenderedMessage(string Subject, string Body);

/// <summary>
/// Every message the system sends. Prospect wording is reviewed for 42 CFR Part 2: an email or a
/// text can be read by someone else (a shared phone, a lock screen), so it names the admissions
/// team and never treatment, substances or conditions.
/// </summary>
public static partial class MessageTemplates
{
    public const string CallbackReminder = "callback-reminder";
    public const string MissedCall = "missed-call";
    public const string Nurture1Day = "nurture-1d";
    public const string Nurture7Days = "nurture-7d";
    public const string Nurture30Days = "nurture-30d";
    public const string AdmissionReminder = "admission-reminder";
    public const string ManagerDigest = "manager-digest";
    public const string ConsentSigning = "consent-signing";
    public const string SafetyEscalation = "safety-escalation";

    public const string StaffInvitation = "staff-invitation";
    public const string PasswordReset = "password-reset";

    /// <summary>Staff emails that carry a single-use link to set a password: the link is a credential.</summary>
    public static readonly IReadOnlyList<string> AccountLinkTemplates = [StaffInvitation, PasswordReset];

    private const string StopLine = "Reply STOP to opt out.";
    // Nobody reads replies to these emails, so the way to stop them is a call, which a coordinator records as an opt-out.
    private const string EmailClose = "\n\nIf you would rather not hear from us, call us at {Phone} and we will stop.\n\n{Team} Admissions";

    public static readonly IReadOnlyList<MessageTemplate> All =
    [
        new(CallbackReminder, MessageAudience.Prospect,
            "We'll call you back {When}",
            "Hi {Name},\n\nThis is {Sender} from Admissions at {Team}. As promised, we'll call you back {When}. If another time suits you better, call us at {Phone}." + EmailClose,
            "Hi {Name}, this is {Sender} from Admissions at {Team}. We'll call you back {When}. Another time better? Call {Phone}. " + StopLine),
        new(MissedCall, MessageAudience.Prospect,
            "Returning your call",
            "Hi {Name},\n\nThis is {Sender} from Admissions at {Team} returning your call. We're sorry we missed you. You can reach us any time at {Phone}." + EmailClose,
            "Hi {Name}, this is {Sender} from Admissions at {Team} returning your call. Reach us any time at {Phone}. " + StopLine),
        new(Nurture1Day, MessageAudience.Prospect,
            "Thank you for reaching out",
            "Hi {Name},\n\nThank you for talking with us. If anything changes or you have more questions, the Admissions team at {Team} is here for you at {Phone}." + EmailClose,
            "Hi {Name}, thank you for talking with the Admissions team at {Team}. Questions any time: {Phone}. " + StopLine),
        new(Nurture7Days, MessageAudience.Prospect,
            "Checking in",
            "Hi {Name},\n\nWe wanted to check in. If you'd like to talk, the Admissions team at {Team} is a call away at {Phone}." + EmailClose,
            "Hi {Name}, the Admissions team at {Team} checking in. Want to talk? Call {Phone}. " + StopLine),
        new(Nurture30Days, MessageAudience.Prospect,
            "We're here when you're ready",
            "Hi {Name},\n\nOur door is open whenever you want to talk. Call the Admissions team at {Team} at {Phone}." + EmailClose,
            "Hi {Name}, the Admissions team at {Team} is here whenever you want to talk: {Phone}. " + StopLine),
        new(AdmissionReminder, MessageAudience.Prospect,
            "Your appointment on {When}",
            "Hi {Name},\n\nThis is Admissions at {Team} confirming your appointment on {When}. If you have questions or need to change it, call us at {Phone}." + EmailClose,
            "Hi {Name}, Admissions at {Team} confirming your appointment on {When}. Questions? Call {Phone}. " + StopLine),
        // The link is the only thing that identifies the form; the page behind it asks the patient to confirm who they are.
        new(ConsentSigning, MessageAudience.Requested,
            "Your form to review and sign",
            "Hi {Name},\n\nAs discussed with Admissions at {Team}, here is the form to review and sign:\n\n{Link}\n\nThe link works once and expires {When}. Questions? Call us at {Phone}." + EmailClose,
            "Hi {Name}, Admissions at {Team}: your form to review and sign: {Link} (works once, expires {When}). Questions? {Phone}. " + StopLine),
        new(ManagerDigest, MessageAudience.Staff,
            "Admissions daily summary for {Date}",
            "Admissions summary for {Date} (facility time)\n\n" +
            "New inquiries: {Inquiries}\nAdmissions: {Admits}\n\n" +
            "Needs attention now:\n" +
            "Open safety alerts: {SafetyAlerts}  {SafetyLink}\n" +
            "VOBs awaiting approval: {ApprovalVobs}  {ApprovalLink}\n" +
            "Admissions expected today: {ExpectedToday}  {ExpectedLink}\n" +
            "Reviews due: {ReviewsDue}  {ReviewsLink}\n" +
            "Overdue tasks: {OverdueTasks}  {TasksLink}\n{OverdueByPerson}\n\n" +
            "Your home page shows the same: {HomeLink}\nThis summary carries counts and staff names only; sign in to see patients.",
            ""),
        new(SafetyEscalation, MessageAudience.Staff,
            "SAFETY: {Number} has no disposition after {Minutes} min",
            "A safety alert on inquiry {Number} has had no safety disposition for {Minutes} minutes.\n\n" +
            "Call now and record the disposition: {Link}\nThis message carries no patient details; sign in to see them.",
            "SAFETY: inquiry {Number} has no disposition after {Minutes} min. Call now and record it: {Link}"),
        new(StaffInvitation, MessageAudience.Staff,
            "Your Admissions account",
            "Hello {Name},\n\n{InvitedBy} has made you an account in Admissions ({AppUrl}) as {Roles}. Your sign-in is this email address.\n\n" +
            "Choose your password here (the link works once and expires {Expires}):\n{Link}\n\n" +
            "If you were not expecting this, ignore this email and tell your administrator.",
            ""),
        new(PasswordReset, MessageAudience.Staff,
            "Reset your Admissions password",
            "Hello {Name},\n\nSomeone (you, or your administrator) asked to reset the password of your Admissions account.\n\n" +
            "Choose a new password here (the link works once and expires {Expires}):\n{Link}\n\n" +
            "If you did not ask for this, ignore this email: your password stays as it is.",
            ""),
    ];

    /// <summary>Words that would tell a reader of a prospect's message what the call was about.</summary>
    public static readonly IReadOnlyList<string> BannedProspectWords =
    [
        "treatment", "treat", "rehab", "rehabilitation", "detox", "detoxification", "addiction", "addicted", "addict",
        "substance", "alcohol", "alcoholism", "drug", "drugs", "opioid", "opioids", "heroin", "fentanyl", "methadone",
        "suboxone", "recovery", "sober", "sobriety", "withdrawal", "relapse", "overdose", "mental health", "psychiatric",
        "therapy", "therapist", "counseling", "behavioral", "diagnosis", "disorder", "clinic", "clinical", "patient",
        "residential", "inpatient", "outpatient", "SUD", "AA", "NA",
    ];

    public static MessageTemplate Get(string key) =>
        All.FirstOrDefault(t => t.Key == key) ?? throw new ArgumentOutOfRangeException(nameof(key), key, "No such message template.");

    /// <summary>The banned words (whole words, any case) that <paramref name="text"/> contains.</summary>
    public static IReadOnlyList<string> BannedWordsIn(string text) =>
        BannedProspectWords.Where(word => Regex.IsMatch(text, $@"\b{Regex.Escape(word)}\b",
            word.Length <= 3 ? RegexOptions.None : RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1))).ToList();

    /// <summary>
    /// Fills in a template for a channel. A prospect message that would contain a banned word
    /// (from a value such as a sender name) is refused rather than sent.
    /// </summary>
    public static RenderedMessage Render(string key, MessageChannel channel, IReadOnlyDictionary<string, string> values)
    {
        var template = Get(key);
        var body = Fill(channel == MessageChannel.Sms ? template.SmsBody : template.EmailBody, values);
        var subject = channel == MessageChannel.Sms ? "" : Fill(template.Subject, values);
        if (template.Audience != MessageAudience.Staff && BannedWordsIn($"{subject}\n{body}") is { Count: > 0 } banned)
        {
            throw new InvalidOperationException(
                $"The '{key}' message would mention {string.Join(", ", banned)}; prospect messages must stay neutral (42 CFR Part 2).");
        }

        return new RenderedMessage(subject, body);
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    [GeneratedRegex(@"\{(\w+)\}", RegexOptions.None, 100)]
    private static partial Regex Placeholder();
}
