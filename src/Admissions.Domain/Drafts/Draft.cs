namespace Admissions.Domain.Drafts;

/// <summary>The forms whose unsaved input is kept as a draft.</summary>
public enum DraftKind
{
    /// <summary>The New inquiry form.</summary>
    Intake,

    /// <summary>A note (or a contact attempt's notes) on an inquiry.</summary>
    Note,

    /// <summary>A screening instrument's answers not yet saved.</summary>
    Screening,

    /// <summary>A phone VOB entry not yet saved for approval.</summary>
    PhoneVerification,
}

/// <summary>
/// What someone typed into a form and has not saved yet, kept on the server so an idle sign-out, a lost connection or
/// a failed node loses nothing. It belongs to one person, holds PHI (so it lives in the database and is audited, never
/// in the browser) and expires a day after it was last written.
/// </summary>
public sealed class Draft
{
    public const int MaxPayloadLength = 64_000;
    public const int MaxSummaryLength = 200;
    public const int MaxContextLength = 100;
    public const int MaxReturnUrlLength = 500;

    public Guid Id { get; init; }
    public string OwnerId { get; init; } = "";
    public DraftKind Kind { get; init; }

    /// <summary>The inquiry the form belongs to; none for a new inquiry's intake.</summary>
    public Guid? InquiryId { get; init; }

    /// <summary>Which form of that kind on the inquiry: the instrument, the verification, "note" or "contact".</summary>
    public string? Context { get; init; }

    /// <summary>What the prompt calls it: "the inquiry you were entering for Linda W.".</summary>
    public string Summary { get; private set; } = "";

    /// <summary>The page that reopens the form with the draft filled in.</summary>
    public string ReturnUrl { get; private set; } = "";

    /// <summary>The form's fields, as JSON.</summary>
    public string Payload { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }

    public static Draft Start(Guid id, string ownerId, DraftKind kind, Guid? inquiryId, string? context, DateTimeOffset now) =>
        new() { Id = id, OwnerId = ownerId, Kind = kind, InquiryId = inquiryId, Context = context, CreatedAt = now };

    public void Write(string summary, string returnUrl, string payload, DateTimeOffset now, TimeSpan lifetime)
    {
        Summary = summary;
        ReturnUrl = returnUrl;
        Payload = payload;
        UpdatedAt = now;
        ExpiresAt = now + lifetime;
    }

    public bool IsExpired(DateTimeOffset now) => ExpiresAt <= now;

    /// <summary>"Linda W.": a first name and the last name's initial, enough for the person who typed it to recognise.</summary>
    public static string ShortName(string? firstName, string? lastName)
    {
        var first = firstName?.Trim() ?? "";
        var last = lastName?.Trim() ?? "";
        return (first, last) switch
        {
            ({ Length: > 0 }, { Length: > 0 }) => $"{first} {char.ToUpperInvariant(last[0])}.",
            ({ Length: > 0 }, _) => first,
            (_, { Length: > 0 }) => $"{char.ToUpperInvariant(last[0])}.",
            _ => "",
        };
    }
}
