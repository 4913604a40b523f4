using Admissions.Domain.Common;

namespace Admissions.Domain.Messaging;

/// <summary>
/// When and how often prospects may be texted in one place: the hours allowed on the recipient's clock and, where a state
/// caps it, the texts a number may get in any 24 hours. Each rule carries the law it encodes.
/// </summary>
public sealed record TextingRule(string Jurisdiction, TimeOnly AllowedFrom, TimeOnly AllowedUntil, int? MaxPer24Hours, string Citation)
{
    /// <summary>The hours outside the allowed window, as quiet hours.</summary>
    public QuietHours QuietHours => new(AllowedUntil, AllowedFrom);
}

/// <summary>The rules table: a federal default and the states that are stricter.</summary>
public sealed class TextingRules
{
    /// <summary>
    /// Federal: no telephone solicitation before 8 a.m. or after 9 p.m. at the called party's location
    /// (47 CFR 64.1200(c)(1), TCPA; the FTC's Telemarketing Sales Rule, 16 CFR 310.4(c), says the same).
    /// </summary>
    public static readonly TextingRule Federal = new("US", new TimeOnly(8, 0), new TimeOnly(21, 0), null,
        "47 CFR 64.1200(c)(1): not before 8 a.m. or after 9 p.m. local time at the called party's location");

    /// <summary>
    /// Florida: commercial telephone solicitation (calls and texts) only from 8 a.m. to 8 p.m. at the called person's location,
    /// and no more than three from any number to a person in 24 hours on the same subject (Fla. Stat. § 501.616(6)(a)–(b),
    /// as amended by CS/SB 1120, 2021).
    /// </summary>
    public static readonly TextingRule Florida = new("FL", new TimeOnly(8, 0), new TimeOnly(20, 0), 3,
        "Fla. Stat. § 501.616(6)(a)-(b): 8 a.m. to 8 p.m. at the called person's location; at most 3 per 24 hours on the same subject");

    public static readonly TextingRules Default = new([Florida]);

    private readonly Dictionary<string, TextingRule> _states;

    public TextingRules(IEnumerable<TextingRule> states, TextingRule? national = null)
    {
        ArgumentNullException.ThrowIfNull(states);
        National = national ?? Federal;
        _states = states.ToDictionary(r => r.Jurisdiction.ToUpperInvariant(), StringComparer.OrdinalIgnoreCase);
    }

    public TextingRule National { get; }

    public IReadOnlyCollection<TextingRule> States => _states.Values;

    /// <summary>
    /// The rule for a recipient in <paramref name="state"/>: the state's own (never laxer than the national one), the national
    /// one for a state without its own, and — when the state is unknown — the strictest of all, since the law that applies
    /// is the recipient's.
    /// </summary>
    public TextingRule For(string? state)
    {
        if (string.IsNullOrWhiteSpace(state))
        {
            return _states.Values.Aggregate(National, Stricter);
        }

        return _states.TryGetValue(state.Trim(), out var rule) ? Stricter(National, rule) with { Citation = rule.Citation } : National;
    }

    private static TextingRule Stricter(TextingRule a, TextingRule b) => new(
        $"{a.Jurisdiction}+{b.Jurisdiction}",
        a.AllowedFrom > b.AllowedFrom ? a.AllowedFrom : b.AllowedFrom,
        a.AllowedUntil < b.AllowedUntil ? a.AllowedUntil : b.AllowedUntil,
        (a.MaxPer24Hours, b.MaxPer24Hours) switch
        {
            (null, var only) => only,
            (var only, null) => only,
            var (x, y) => Math.Min(x!.Value, y!.Value),
        },
        $"{a.Citation}; {b.Citation}");

    /// <summary>
    /// When a text to this recipient may go: <paramref name="now"/>, or the end of the recipient's quiet hours, or — when the
    /// recipient already had the most texts a day allows — 24 hours after the oldest of them.
    /// </summary>
    public static DateTimeOffset NextAllowed(TextingRule rule, DateTimeOffset now, TimeZoneInfo zone, IReadOnlyCollection<DateTimeOffset> sentInLast24Hours)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(sentInLast24Hours);
        var at = now;
        if (rule.MaxPer24Hours is { } max && sentInLast24Hours.Count(s => s > now - TimeSpan.FromDays(1)) >= max)
        {
            var recent = sentInLast24Hours.Where(s => s > now - TimeSpan.FromDays(1)).Order().ToList();
            at = recent[recent.Count - max] + TimeSpan.FromDays(1);
        }

        return rule.QuietHours.NextAllowed(at, zone);
    }
}

public enum TextingConsentMethod
{
    /// <summary>Asked and agreed on the phone; the coordinator read the wording.</summary>
    VerbalOnCall,

    /// <summary>Ticked on a web form that showed the wording.</summary>
    WebForm,

    /// <summary>Replied YES to a text that carried the wording.</summary>
    TextReply,

    /// <summary>Signed a paper or electronic form.</summary>
    Written,
}

/// <summary>
/// Prior express consent to be texted at one number: when, how, and the wording the person saw or heard (TCPA,
/// 47 U.S.C. 227(b)(1)(A); 47 CFR 64.1200(a)). Revoked by STOP (or any reasonable means), which the opt-out list records.
/// </summary>
public sealed class TextingConsent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>E.164.</summary>
    public string Phone { get; init; } = "";
    public Guid? InquiryId { get; init; }
    public DateTimeOffset ConsentedAt { get; init; }
    public TextingConsentMethod Method { get; init; }
    public string Wording { get; init; } = "";
    public string RecordedById { get; init; } = "";
    public string RecordedByName { get; init; } = "";

    public static TextingConsent Record(string phone, Guid? inquiryId, TextingConsentMethod method, string wording, Actor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(by);
        var normalized = MessagingAddress.Normalize(MessageChannel.Sms, phone)
            ?? throw new DomainRuleException("Enter a 10-digit US mobile number to record consent to text.");
        if (string.IsNullOrWhiteSpace(wording))
        {
            throw new DomainRuleException("Record the wording the person agreed to.");
        }

        return new TextingConsent
        {
            Phone = normalized,
            InquiryId = inquiryId,
            ConsentedAt = at,
            Method = method,
            Wording = wording.Trim(),
            RecordedById = by.Id,
            RecordedByName = by.Name,
        };
    }
}
