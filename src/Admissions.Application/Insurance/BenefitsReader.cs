using Admissions.Domain.Care;
using Admissions.Domain.Insurance;
using Admissions.Edi;

namespace Admissions.Application.Insurance;

public enum VerificationOutcomeKind
{
    Verified,
    PhoneVerificationNeeded,
    RetryLater,
    CorrectData,
    ConfigurationProblem,
}

public sealed record VerificationOutcome(VerificationOutcomeKind Kind, VerificationResult? Result, string? Code, string Message);

/// <summary>
/// Reads a 271 the way a coordinator would: is the patient covered, by which plan, and what do
/// the benefits for each level of care asked look like. AAA rejects decide what happens next.
/// </summary>
public static class BenefitsReader
{
    private static readonly HashSet<string> ActiveCodes = ["1", "2", "3", "4", "5"];
    private static readonly HashSet<string> InactiveCodes = ["6", "7", "8"];
    private static readonly HashSet<string> RetryCodes = ["42", "80"];
    private static readonly HashSet<string> ConfigurationCodes = ["41", "43", "51"];
    private static readonly HashSet<string> PeriodTotals = ["21", "22", "23", "25"];

    public static VerificationOutcome Read(
        X12Document document, string traceNumber, Payer payer, IReadOnlyList<LevelOfCare> levels, CareTrack track = CareTrack.SubstanceUse)
    {
        var responses = document.Transactions.OfType<EligibilityResponse>().ToList();
        if (responses.Count == 0)
        {
            return new(VerificationOutcomeKind.ConfigurationProblem, null, null, "The clearinghouse did not answer with an eligibility response (271).");
        }

        var (response, subscriber, member) = FindMember(responses, traceNumber);
        var errors = response.Payer.Errors
            .Concat(response.Receiver.Errors)
            .Concat(subscriber?.Errors ?? [])
            .Concat(member is not null && member != subscriber ? member.Errors : []);
        if (errors.FirstOrDefault(e => e.Code is not null) is { } error)
        {
            return Rejected(error);
        }

        if (member is null)
        {
            return new(VerificationOutcomeKind.PhoneVerificationNeeded, null, null, "The payer's response named no subscriber. Call the payer to verify.");
        }

        var result = Summarize(member, payer, levels, track);
        if (result.CarveOutName is not null && result.Levels.All(l => l.Deductible is null && l.Coinsurance is null && l.Copay is null))
        {
            return new(VerificationOutcomeKind.PhoneVerificationNeeded, result, null,
                $"Behavioural benefits are carved out to {result.CarveOutName}{(result.CarveOutPhone is null ? "" : $" at {PhoneText(result.CarveOutPhone)}")}. Call them to verify.");
        }

        if (result.CoverageActive && result.Levels.Any(l => l.Covered is null))
        {
            var missing = string.Join(", ", result.Levels.Where(l => l.Covered is null).Select(l => LevelsOfCare.Describe(l.Level)));
            return new(VerificationOutcomeKind.PhoneVerificationNeeded, result, null, $"The payer sent no behavioural benefit detail for {missing}. Call the payer to verify.");
        }

        return new(VerificationOutcomeKind.Verified, result, null, result.CoverageActive ? "Coverage is active." : "Coverage is not active.");
    }

    public static string Describe(string? rejectReason) => rejectReason switch
    {
        "15" => "Required information is missing.",
        "41" => "The payer refused the request (authorization or access restrictions).",
        "42" => "The payer cannot respond right now.",
        "43" => "The payer does not recognise our provider identification.",
        "51" => "Our provider is not on file with the payer.",
        "57" => "The date of service is invalid or missing.",
        "58" => "The date of birth is invalid or missing.",
        "62" => "The date of service is outside the payer's inquiry period.",
        "63" => "The date of service is in the future.",
        "67" => "The payer could not find the patient.",
        "71" => "The date of birth does not match the payer's records.",
        "72" => "The member ID is invalid or missing.",
        "73" => "The subscriber's name is invalid or missing.",
        "75" => "The payer could not find the subscriber.",
        "76" => "The member ID is duplicated at the payer.",
        "77" => "The subscriber was found but the patient was not.",
        "80" => "No response was received from the payer.",
        null => "The payer rejected the request.",
        _ => $"The payer rejected the request (reason {rejectReason}).",
    };

    private static VerificationOutcome Rejected(RequestError error)
    {
        var message = Describe(error.Code);
        if (RetryCodes.Contains(error.Code!))
        {
            return new(VerificationOutcomeKind.RetryLater, null, error.Code, message);
        }

        return ConfigurationCodes.Contains(error.Code!)
            ? new(VerificationOutcomeKind.ConfigurationProblem, null, error.Code, message + " An administrator must check the clearinghouse set-up.")
            : new(VerificationOutcomeKind.CorrectData, null, error.Code, message + " Correct the policy or patient details and verify again.");
    }

    private static (EligibilityResponse Response, SubscriberResult? Subscriber, MemberResult? Member) FindMember(
        List<EligibilityResponse> responses, string traceNumber)
    {
        foreach (var response in responses)
        {
            foreach (var subscriber in response.Subscribers)
            {
                if (subscriber.Dependents.FirstOrDefault(d => d.TraceNumbers.Contains(traceNumber)) is { } dependent)
                {
                    return (response, subscriber, dependent);
                }

                if (subscriber.TraceNumbers.Contains(traceNumber))
                {
                    // The trace sits on the subscriber, but benefits may still be reported for a single dependent.
                    var member = subscriber.Benefits.Count == 0 && subscriber.Dependents.Count == 1 ? subscriber.Dependents[0] : subscriber;
                    return (response, subscriber, member);
                }
            }
        }

        var first = responses[0];
        var firstSubscriber = first.Subscribers is [var only, ..] ? only : null;
        return (first, firstSubscriber, firstSubscriber?.Dependents is [var firstDependent, ..] ? firstDependent : firstSubscriber);
    }

    private static VerificationResult Summarize(MemberResult member, Payer payer, IReadOnlyList<LevelOfCare> levels, CareTrack track)
    {
        var benefits = member.Benefits;
        var active = benefits.Any(b => ActiveCodes.Contains(b.Code));
        var plan = benefits.FirstOrDefault(b => ActiveCodes.Contains(b.Code) && b.PlanDescription is not null)
            ?? benefits.FirstOrDefault(b => ActiveCodes.Contains(b.Code));
        var carveOut = benefits.FirstOrDefault(b => b.Code == "U");
        var carveOutEntity = carveOut?.Entities is [var entity, ..] ? entity : null;
        var carveOutName = carveOut is null ? null : carveOutEntity?.Name ?? payer.BehavioralCarveOut ?? "another organisation";
        var carveOutPhone = carveOut is null ? null : carveOutEntity?.Phone ?? payer.BehavioralCarveOutPhone;

        return new VerificationResult
        {
            CoverageActive = active,
            PlanName = plan?.PlanDescription,
            InsuranceType = plan?.InsuranceType,
            PlanBegin = member.PlanBegin ?? member.EligibilityBegin,
            PlanEnd = member.PlanEnd ?? member.EligibilityEnd,
            CarveOutName = carveOutName,
            CarveOutPhone = carveOutPhone,
            Levels = levels.Select(level => ForLevel(level, payer.ServiceTypeFor(level, track), payer.InNetwork, benefits, active, carveOut, carveOutName, carveOutPhone)).ToList(),
        };
    }

    private static LevelBenefits ForLevel(
        LevelOfCare level, string serviceType, bool contracted, IReadOnlyList<Benefit> all, bool active, Benefit? carveOut, string? carveOutName, string? carveOutPhone)
    {
        var relevant = all.Where(b => b.ServiceTypes.Contains(serviceType)).ToList();
        // A contracted facility's patient pays the in-network amounts, anyone else's the out-of-network ones; fall back to whatever was sent.
        var otherNetwork = contracted ? "N" : "Y";
        var amounts = relevant.Where(b => b.InNetwork != otherNetwork).ToList() is { Count: > 0 } network ? network : relevant;
        var carvedOut = carveOut is not null && (carveOut.ServiceTypes.Count == 0 || carveOut.ServiceTypes.Contains(serviceType)
            || carveOut.ServiceTypes.Any(s => s is "MH" or "AI" or "A4"));
        // EB*B: the copay with its EB06 period (X12 615: 7 day, 27 visit, 36 admission…); a per-period copay is preferred to one without a period.
        var copay = amounts.Where(b => b.Code == "B" && b.Amount is not null).OrderBy(b => b.TimePeriod is null ? 1 : 0).FirstOrDefault();
        bool? covered = !active ? false
            : relevant.Any(b => b.Code == "I") ? false
            : relevant.Count > 0 ? true
            : null;

        return new LevelBenefits
        {
            Level = level,
            ServiceType = serviceType,
            Covered = covered,
            InNetwork = amounts.FirstOrDefault(b => b.InNetwork is "Y" or "N")?.InNetwork switch { "Y" => true, "N" => false, _ => null },
            AuthorizationRequired = relevant.Any(b => b.AuthorizationRequired == "Y") ? true
                : relevant.Any(b => b.AuthorizationRequired == "N") ? false
                : null,
            Deductible = Amount(amounts, "C", PeriodTotals.Contains),
            DeductibleRemaining = Amount(amounts, "C", p => p == "29"),
            OutOfPocketMax = Amount(amounts, "G", PeriodTotals.Contains),
            OutOfPocketRemaining = Amount(amounts, "G", p => p == "29"),
            Coinsurance = amounts.FirstOrDefault(b => b.Code == "A" && b.Percent is not null)?.Percent,
            Copay = copay?.Amount,
            CopayPeriod = copay?.TimePeriod,
            DayLimit = Limit(amounts, "DY"),
            VisitLimit = Limit(amounts, "VS"),
            CarveOutName = carvedOut ? carveOutName : null,
            CarveOutPhone = carvedOut ? carveOutPhone : null,
            Notes = relevant.SelectMany(b => b.Messages).Distinct().ToList() is { Count: > 0 } messages ? string.Join(" ", messages) : null,
        };
    }

    /// <summary>
    /// A day or visit limit is an EB01 F (limitations) with EB09 DY or VS and EB10 the quantity (005010X279A1, 2110C EB09/EB10).
    /// A "remaining" quantity (EB06 29) is preferred: it is what is left of the limit this year.
    /// </summary>
    private static decimal? Limit(List<Benefit> benefits, string qualifier) =>
        benefits.Where(b => b.Code == "F" && b.QuantityQualifier == qualifier && b.Quantity is not null)
            .OrderBy(b => b.TimePeriod == "29" ? 0 : 1)
            .FirstOrDefault()?.Quantity;

    private static decimal? Amount(List<Benefit> benefits, string code, Func<string, bool> period) =>
        benefits.FirstOrDefault(b => b.Code == code && b.Amount is not null && b.TimePeriod is { } p && period(p))?.Amount;

    public static string PhoneText(string digits) =>
        digits.Length == 10 && digits.All(char.IsAsciiDigit) ? $"({digits[..3]}) {digits[3..6]}-{digits[6..]}" : digits;
}
