using System.Globalization;
using Admissions.Domain.Care;
using Admissions.Domain.Common;

namespace Admissions.Domain.Insurance;

/// <summary>What a single case agreement's rate is paid for.</summary>
public enum AgreementRateBasis
{
    /// <summary>Each day of the stay between the first and last day (residential, detox, PHP).</summary>
    PerDay,

    /// <summary>Each unit or session used between the first and last day (IOP, outpatient sessions).</summary>
    PerUnit,
}

/// <summary>The terms an out-of-network payer agreed for one patient.</summary>
public sealed record AgreementTerms(
    decimal Rate,
    AgreementRateBasis Basis,
    int Units,
    DateOnly StartsOn,
    DateOnly EndsOn,
    string ReferenceNumber,
    string ContactName,
    string? ContactPhone,
    string? ContactEmail,
    string? Notes);

/// <summary>What an estimate needs of an agreement: the agreed rate for a number of days or sessions.</summary>
public sealed record AgreedRate(decimal Rate, AgreementRateBasis Basis, int Units, string ReferenceNumber)
{
    public string Describe() => SingleCaseAgreement.Describe(Rate, Basis, Units);
}

/// <summary>
/// A single case agreement: an out-of-network payer agrees to pay a negotiated rate for one patient's care at a level,
/// for a number of days or units between two dates, attached to the authorization for that care. At most one is active
/// per authorization; a changed one keeps who changed it, a withdrawn one stays on record with its reason.
/// </summary>
public sealed class SingleCaseAgreement : AggregateRoot, IInquiryRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid InquiryId { get; init; }
    public Guid AuthorizationId { get; init; }
    public Guid PolicyId { get; init; }
    public string PayerName { get; init; } = "";
    public LevelOfCare Level { get; init; }

    public decimal Rate { get; private set; }
    public AgreementRateBasis Basis { get; private set; }
    public int Units { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public string ReferenceNumber { get; private set; } = "";
    public string ContactName { get; private set; } = "";
    public string? ContactPhone { get; private set; }
    public string? ContactEmail { get; private set; }
    public string? Notes { get; private set; }

    public DateTimeOffset RecordedAt { get; init; }
    public string RecordedByName { get; init; } = "";
    public DateTimeOffset? ChangedAt { get; private set; }
    public string? ChangedByName { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public string? WithdrawnByName { get; private set; }
    public string? WithdrawnReason { get; private set; }

    public bool IsActive => WithdrawnAt is null;

    public AgreedRate Agreed => new(Rate, Basis, Units, ReferenceNumber);

    public static SingleCaseAgreement Record(PriorAuthorization authorization, AgreementTerms terms, Actor by, DateTimeOffset at)
    {
        if (authorization.Status == AuthorizationStatus.Cancelled)
        {
            throw new DomainRuleException("This authorization was cancelled: a single case agreement cannot be attached to it.");
        }

        var agreement = new SingleCaseAgreement
        {
            InquiryId = authorization.InquiryId,
            AuthorizationId = authorization.Id,
            PolicyId = authorization.PolicyId,
            PayerName = authorization.PayerName,
            Level = authorization.Level,
            RecordedAt = at,
            RecordedByName = by.Name,
        };
        agreement.Apply(terms);
        return agreement;
    }

    public void Change(AgreementTerms terms, Actor by, DateTimeOffset at)
    {
        EnsureActive();
        Apply(terms);
        ChangedAt = at;
        ChangedByName = by.Name;
    }

    public void Withdraw(string reason, Actor by, DateTimeOffset at)
    {
        EnsureActive();
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        WithdrawnAt = at;
        WithdrawnByName = by.Name;
        WithdrawnReason = reason.Trim();
    }

    /// <summary>Days from the first through the last day, both counted.</summary>
    public static int DaysBetween(DateOnly startsOn, DateOnly endsOn) => endsOn.DayNumber - startsOn.DayNumber + 1;

    /// <summary>
    /// Why the terms do not hold together, or null. A per-day agreement pays each day from the first to the last, so its
    /// days are the days between the dates; a per-unit agreement's sessions may be used at any time between them.
    /// </summary>
    public static string? Inconsistency(AgreementRateBasis basis, int units, DateOnly startsOn, DateOnly endsOn)
    {
        if (endsOn < startsOn)
        {
            return "The last day is before the first day.";
        }

        var days = DaysBetween(startsOn, endsOn);
        return basis == AgreementRateBasis.PerDay && units != days
            ? string.Create(CultureInfo.InvariantCulture,
                $"A per-day agreement pays each day from the first to the last: {Day(startsOn)} to {Day(endsOn)} is {Plural(days, "day")}, not {units}. Change the days or the last day.")
            : null;
    }

    /// <summary>"$1,150.00/day × 14 days", "$225.00/unit × 20 units".</summary>
    public static string Describe(decimal rate, AgreementRateBasis basis, int units) =>
        string.Create(CultureInfo.InvariantCulture, $"${rate:N2}/{(basis == AgreementRateBasis.PerDay ? "day" : "unit")} × {Plural(units, basis == AgreementRateBasis.PerDay ? "day" : "unit")}");

    /// <summary>The chip on the board: "SCA $1,150/day × 14".</summary>
    public static string Chip(decimal rate, AgreementRateBasis basis, int units) =>
        string.Create(CultureInfo.InvariantCulture, $"SCA ${rate:#,0.##}/{(basis == AgreementRateBasis.PerDay ? "day" : "unit")} × {units}");

    public string Summary() =>
        string.Create(CultureInfo.InvariantCulture, $"{Describe(Rate, Basis, Units)}, {Day(StartsOn)} to {Day(EndsOn)} (ref {ReferenceNumber})");

    private void Apply(AgreementTerms terms)
    {
        if (terms.Rate <= 0)
        {
            throw new DomainRuleException("The agreed rate must be more than zero.");
        }

        if (terms.Units < 1)
        {
            throw new DomainRuleException("The agreement must cover at least one day or unit.");
        }

        if (Inconsistency(terms.Basis, terms.Units, terms.StartsOn, terms.EndsOn) is { } problem)
        {
            throw new DomainRuleException(problem);
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(terms.ReferenceNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(terms.ContactName);
        Rate = terms.Rate;
        Basis = terms.Basis;
        Units = terms.Units;
        StartsOn = terms.StartsOn;
        EndsOn = terms.EndsOn;
        ReferenceNumber = terms.ReferenceNumber.Trim();
        ContactName = terms.ContactName.Trim();
        ContactPhone = Clean(terms.ContactPhone);
        ContactEmail = Clean(terms.ContactEmail);
        Notes = Clean(terms.Notes);
    }

    private void EnsureActive()
    {
        if (!IsActive)
        {
            throw new DomainRuleException("This single case agreement was withdrawn.");
        }
    }

    private static string Plural(int count, string unit) => count == 1 ? $"1 {unit}" : $"{count} {unit}s";

    private static string Day(DateOnly day) => day.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
