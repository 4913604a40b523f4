using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Admissions.Domain.Common;

namespace Admissions.Domain.Insurance;

[Flags]
public enum DisclosurePurpose
{
    None = 0,
    Payment = 1,
    Treatment = 2,
    HealthCareOperations = 4,

    /// <summary>"At the request of the patient" (42 CFR 2.31(a)(5)(i)): e.g. keeping a named family member informed.</summary>
    PatientRequest = 8,
}

public enum ConsentKind
{
    /// <summary>Today's consent: the recipients named one by one (payers, partners, people), for the purposes chosen.</summary>
    NamedRecipients,

    /// <summary>
    /// The single consent for all future uses and disclosures for treatment, payment and health care operations that the 2024
    /// rule allows (42 CFR 2.31(a)(4)(i), (a)(5)(ii), (a)(7)); recipients may be named by class.
    /// </summary>
    SingleTpo,
}

/// <summary>
/// Classes of recipients a single TPO consent may name instead of each recipient: the rule's own example is
/// "my treating providers, health plans, third-party payers, and people helping to operate this program" (42 CFR 2.31(a)(4)(i)).
/// </summary>
[Flags]
public enum RecipientClass
{
    None = 0,

    /// <summary>My treating providers: covers a partner provider the patient is referred to for treatment.</summary>
    TreatingProviders = 1,

    /// <summary>Health plans and third-party payers: covers every payer (270, 278, phone VOB).</summary>
    HealthPlansAndPayers = 2,

    /// <summary>People helping to operate this program (its business associates and qualified service organizations).</summary>
    ProgramOperations = 4,
}

public enum SignatureMethod
{
    /// <summary>The patient signed electronically, by typing their name and confirming on the signing page (42 CFR 2.31(a)(8)).</summary>
    Electronic,

    /// <summary>
    /// Verbal consent taken by a staff member. Only where the rule allows it: records not covered by Part 2 (a mental-health-only
    /// inquiry), where HIPAA lets a provider disclose to people involved in care on the patient's verbal agreement (45 CFR 164.510(b)).
    /// </summary>
    Verbal,
}

/// <summary>A person the patient names as a recipient, e.g. a parent who calls for updates.</summary>
public sealed record NamedPerson(string Name, string? Relationship, string? Phone)
{
    public string Describe() => Relationship is null ? Name : $"{Name} ({Relationship})";

    /// <summary>Whether <paramref name="name"/> is this person, ignoring case, spacing and punctuation.</summary>
    public bool Is(string? name) => PersonNames.Same(Name, name);
}

/// <summary>Who a disclosure goes to, so each path asks the same question of the patient's consents.</summary>
public sealed record DisclosureRecipient(DisclosureRecipient.Kinds Kind, Guid? Id, string Name)
{
    public enum Kinds
    {
        Payer,
        Partner,
        Person,
    }

    public static DisclosureRecipient Payer(Guid payerId, string name = "") => new(Kinds.Payer, payerId, name);

    public static DisclosureRecipient Partner(Guid partnerId, string name) => new(Kinds.Partner, partnerId, name);

    public static DisclosureRecipient Person(string name) => new(Kinds.Person, null, name);

    /// <summary>The class a single TPO consent would name this recipient by; people are never covered by a class.</summary>
    public RecipientClass Class => Kind switch
    {
        Kinds.Payer => RecipientClass.HealthPlansAndPayers,
        Kinds.Partner => RecipientClass.TreatingProviders,
        _ => RecipientClass.None,
    };
}

/// <summary>
/// A 42 CFR Part 2 written consent to disclose the patient's records: what, to whom, why, until when, signed by the patient,
/// revocable at any time. It is prepared by staff and becomes active only once the patient signs it (or, where the rule allows,
/// gives verbal consent).
/// </summary>
public sealed class Part2Consent : AggregateRoot, IInquiryRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid InquiryId { get; init; }
    public ConsentKind Kind { get; init; }
    public string PatientName { get; init; } = "";
    public string DisclosingProgram { get; init; } = "";

    /// <summary>Payers the patient named as recipients.</summary>
    public List<Guid> RecipientPayerIds { get; init; } = [];

    /// <summary>Partner providers (referrals out) the patient named.</summary>
    public List<Guid> RecipientPartnerIds { get; init; } = [];

    /// <summary>People the patient named, e.g. a family member who may be given updates.</summary>
    public List<NamedPerson> RecipientPeople { get; init; } = [];

    /// <summary>Single TPO consents only: recipients named by class.</summary>
    public RecipientClass RecipientClasses { get; init; }

    /// <summary>The recipients as printed on the consent.</summary>
    public string RecipientNames { get; init; } = "";
    public DisclosurePurpose Purposes { get; init; }
    public string Information { get; init; } = "";
    public DateOnly? ExpiresOn { get; init; }
    public string? ExpiryEvent { get; init; }
    public string CapturedById { get; init; } = "";
    public string CapturedByName { get; init; } = "";
    public DateTimeOffset PreparedAt { get; init; }

    public SignatureMethod? SignatureMethod { get; private set; }
    public string? SignedName { get; private set; }
    public DateTimeOffset? SignedAt { get; private set; }

    /// <summary>Electronic signatures: where the patient signed from.</summary>
    public string? SignedFromIp { get; private set; }
    public string? SignedUserAgent { get; private set; }

    /// <summary>Verbal consent: the staff member who took it.</summary>
    public string? VerbalTakenByName { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedByName { get; private set; }
    public string? RevocationNote { get; private set; }

    public bool IsSigned => SignedAt is not null;

    public bool IsAwaitingSignature => !IsSigned && RevokedAt is null;

    public bool IsActive(DateOnly today) =>
        IsSigned && RevokedAt is null && (ExpiresOn is null || ExpiresOn.Value >= today);

    /// <summary>The signature as people read it: "signed “Alex Lopez” electronically" or "verbal consent taken by Sam Reed".</summary>
    public string SignatureDescription => SignatureMethod switch
    {
        Insurance.SignatureMethod.Electronic => $"signed “{SignedName}” electronically",
        Insurance.SignatureMethod.Verbal => $"verbal consent taken by {VerbalTakenByName}",
        _ when IsSigned => $"signed “{SignedName}” (typed in by {CapturedByName}, before signing links)",
        _ => "awaiting the patient's signature",
    };

    /// <summary>Whether this consent lets us disclose to <paramref name="recipient"/> for <paramref name="purpose"/> today.</summary>
    public bool Covers(DisclosureRecipient recipient, DisclosurePurpose purpose, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        if (!IsActive(today) || !Purposes.HasFlag(purpose))
        {
            return false;
        }

        var named = recipient.Kind switch
        {
            DisclosureRecipient.Kinds.Payer => RecipientPayerIds.Contains(recipient.Id!.Value),
            DisclosureRecipient.Kinds.Partner => RecipientPartnerIds.Contains(recipient.Id!.Value),
            _ => RecipientPeople.Any(p => p.Is(recipient.Name)),
        };
        return named || (Kind == ConsentKind.SingleTpo && recipient.Class != RecipientClass.None && RecipientClasses.HasFlag(recipient.Class));
    }

    /// <summary>Still good today, and not tomorrow: the last day disclosures may be made under it.</summary>
    public bool ExpiresToday(DateOnly today) => IsActive(today) && ExpiresOn == today;

    public bool Covers(Guid payerId, DisclosurePurpose purpose, DateOnly today) =>
        Covers(DisclosureRecipient.Payer(payerId), purpose, today);

    /// <summary>The patient signed on the signing page: their typed name, when, and from where.</summary>
    public void SignElectronically(string typedName, string? ipAddress, string? userAgent, DateTimeOffset at)
    {
        RequireAwaitingSignature();
        SignatureMethod = Insurance.SignatureMethod.Electronic;
        SignedName = typedName.Trim();
        SignedAt = at;
        SignedFromIp = ipAddress;
        SignedUserAgent = userAgent is { Length: > 300 } ua ? ua[..300] : userAgent;
    }

    /// <summary>Verbal consent taken by staff, recorded as such. The caller checks that the rule allows it for these records.</summary>
    public void TakeVerbally(string patientName, Actor takenBy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(takenBy);
        RequireAwaitingSignature();
        SignatureMethod = Insurance.SignatureMethod.Verbal;
        SignedName = patientName.Trim();
        SignedAt = at;
        VerbalTakenByName = takenBy.Name;
    }

    /// <summary>Revokes a signed consent, or withdraws one still awaiting its signature (its signing links stop working).</summary>
    public void Revoke(string? note, Actor by, DateTimeOffset at)
    {
        if (RevokedAt is not null)
        {
            throw new DomainRuleException(IsSigned ? "This consent was already revoked." : "This consent request was already withdrawn.");
        }

        RevokedAt = at;
        RevokedByName = by.Name;
        RevocationNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    private void RequireAwaitingSignature()
    {
        if (IsSigned)
        {
            throw new DomainRuleException("This consent is already signed.");
        }

        if (RevokedAt is not null)
        {
            throw new DomainRuleException("This consent request was withdrawn; prepare a new one.");
        }
    }
}

/// <summary>
/// A link sent to the patient (text or email, through the outbox) to sign one consent: single use, expiring, and
/// identified by a random token of which only the hash is kept.
/// </summary>
public sealed class ConsentSigningRequest : IInquiryRecord
{
    /// <summary>Wrong names or dates of birth the page accepts before the link stops working.</summary>
    public const int MaxFailedAttempts = 5;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ConsentId { get; init; }
    public Guid InquiryId { get; init; }

    /// <summary>"Sms" or "Email".</summary>
    public string Channel { get; init; } = "";

    /// <summary>The address the link went to, normalised (E.164 or lower-case email).</summary>
    public string SentTo { get; init; } = "";
    public string TokenHash { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public string CreatedByName { get; init; } = "";
    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>Set when a newer link replaces this one or the consent is withdrawn.</summary>
    public DateTimeOffset? CancelledAt { get; private set; }
    public int FailedAttempts { get; private set; }

    public static (ConsentSigningRequest Request, string Token) Create(
        Part2Consent consent, string channel, string sentTo, TimeSpan lifetime, string createdByName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(consent);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new ConsentSigningRequest
        {
            ConsentId = consent.Id,
            InquiryId = consent.InquiryId,
            Channel = channel,
            SentTo = sentTo,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
            CreatedByName = createdByName,
        }, token);
    }

    public static string Hash(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? "")));

    public bool IsUsable(DateTimeOffset now) =>
        UsedAt is null && CancelledAt is null && now < ExpiresAt && FailedAttempts < MaxFailedAttempts;

    public void MarkUsed(DateTimeOffset at) => UsedAt = at;

    public void Cancel(DateTimeOffset at) => CancelledAt ??= at;

    public void RecordFailedAttempt() => FailedAttempts++;
}

/// <summary>Names compared the way a person would: case, accents, spacing and punctuation ignored.</summary>
public static class PersonNames
{
    public static bool Same(string? a, string? b) =>
        Normalize(a) is { Length: > 0 } left && left == Normalize(b);

    public static string Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var decomposed = name.Normalize(NormalizationForm.FormD);
        var letters = decomposed
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            .Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        return string.Join(' ', new string([.. letters]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}

/// <summary>
/// One disclosure of Part 2 records, kept so the patient can be given an accounting of
/// disclosures: who disclosed what to whom, when, why, and under which consent. Never changed.
/// </summary>
public sealed class Disclosure : IInquiryRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid InquiryId { get; init; }
    public Guid ConsentId { get; init; }
    public DateTimeOffset DisclosedAt { get; init; }
    public string DisclosedById { get; init; } = "";
    public string DisclosedByName { get; init; } = "";
    public string Recipient { get; init; } = "";
    public DisclosurePurpose Purpose { get; init; }
    public string Information { get; init; } = "";
    public string Channel { get; init; } = "";

    /// <summary>The trace number sent with the disclosure, to match it with the payer's records.</summary>
    public string? Reference { get; init; }

    /// <summary>
    /// The first disclosure of the same request (same recipient and trace number) when this one sent it again: a retry
    /// after the payer could not answer, or after the app stopped while waiting. The ledger shows it as a re-send of that one.
    /// </summary>
    public Guid? ResendOfId { get; init; }
}
