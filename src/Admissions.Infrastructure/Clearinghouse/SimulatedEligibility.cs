using Admissions.Edi;

namespace Admissions.Infrastructure.Clearinghouse;

/// <summary>The simulator's 271 answers, by the last two characters of the subscriber's member id.</summary>
internal static class SimulatedEligibility
{
    /// <summary>Facility levels of care (detox, residential, inpatient, partial hospitalization): no copay; TRICARE authorizes them first.</summary>
    private static readonly HashSet<string> FacilityTypes = ["AI", "RT", "A7", "48", "BB"];

    /// <summary>Overnight stays, limited to a number of days a year.</summary>
    private static readonly HashSet<string> StayTypes = ["AI", "RT", "A7", "48"];

    public static EligibilityResponse Answer(EligibilityRequest request, string controlNumber)
    {
        var suffix = ClearinghouseSimulator.MemberSuffix(request.Subscriber.MemberId);
        RequestError[] payerErrors = suffix == "42" ? [new RequestError(false, "42", "R")] : [];
        RequestError[] memberErrors = ClearinghouseSimulator.IsMemberError(suffix) ? [new RequestError(false, suffix, "C")] : [];
        var benefits = payerErrors.Length + memberErrors.Length > 0 ? [] : Benefits(request, suffix);
        DateOnly? planBegin = benefits.Any(b => b.Code == "1") ? new DateOnly(request.ServiceDate.Year, 1, 1) : null;

        // The trace, the benefits and the plan date belong to the patient's loop: the dependent's when there is one.
        var dependent = request.Dependent is { } d
            ? new MemberResult([request.TraceNumber], d.MemberId, d.LastName, d.FirstName, d.BirthDate, d.Gender,
                planBegin, null, null, null, [], benefits)
            : null;
        var s = request.Subscriber;
        var subscriber = new SubscriberResult(dependent is null ? [request.TraceNumber] : [], s.MemberId, s.LastName, s.FirstName,
            s.BirthDate, s.Gender, dependent is null ? planBegin : null, null, null, null, memberErrors,
            dependent is null ? benefits : [], dependent is null ? [] : [dependent]);

        return new EligibilityResponse(controlNumber, request.Reference,
            new ResponseParty(request.Payer.Name, request.Payer.Id, payerErrors),
            new ResponseParty(request.Provider.Name, request.Provider.Id, []),
            [subscriber]);
    }

    private static List<Benefit> Benefits(EligibilityRequest request, string suffix)
    {
        var payer = request.Payer.Name;
        var asked = request.ServiceTypes.Distinct().ToList();
        return suffix switch
        {
            "04" => [Line("6", "30")],
            "03" =>
            [
                Line("1", "30") with { InsuranceType = "HM", PlanDescription = "HMO PLAN" },
                .. asked.Select(type => Line("I", type) with
                {
                    InsuranceType = "HM",
                    InNetwork = "N",
                    Messages = ["OUT-OF-NETWORK BENEFITS NOT AVAILABLE"],
                }),
            ],
            "02" =>
            [
                Line("1", "30") with { InsuranceType = "PR", PlanDescription = PlanName(payer) },
                CarveOut(payer, asked),
            ],
            _ =>
            [
                Line("1", "30") with { InsuranceType = "PR", PlanDescription = PlanName(payer) },
                .. asked.SelectMany(type => CostShares(type, Contains(payer, "TRICARE"))),
            ],
        };
    }

    /// <summary>Behavioural health handled by another organisation: whom to call, and no amounts.</summary>
    private static Benefit CarveOut(string payer, List<string> asked)
    {
        var behavioural = asked.Where(type => type != "30").ToList();
        return Line("U", behavioural.Count > 0 ? behavioural : ["MH", "AI"]) with
        {
            CoverageLevel = null,
            Messages = ["BEHAVIORAL HEALTH BENEFITS ARE ADMINISTERED BY ANOTHER ORGANIZATION"],
            Entities = [new BenefitEntity("PR", CarveOutPartner(payer), null, "8005550147")],
        };
    }

    private static IEnumerable<Benefit> CostShares(string type, bool tricare)
    {
        var facility = FacilityTypes.Contains(type);
        var authorization = type == "RT" || (tricare && facility) ? "Y" : "N";
        Benefit Share(string code) => Line(code, type) with { AuthorizationRequired = authorization, InNetwork = "Y" };

        yield return Share("C") with { TimePeriod = "23", Amount = 3000m };
        yield return Share("C") with { TimePeriod = "29", Amount = 1850m };
        yield return Share("G") with { TimePeriod = "23", Amount = 6000m };
        yield return Share("G") with { TimePeriod = "29", Amount = 4200m };
        yield return Share("A") with
        {
            Percent = 0.2m,
            Messages = authorization == "Y" ? ["PRIOR AUTHORIZATION REQUIRED BEFORE ADMISSION"] : [],
        };
        yield return facility
            ? Share("B") with { TimePeriod = "36", Amount = 0m, Messages = ["NO COPAY PER ADMISSION"] }
            : Share("B") with { TimePeriod = "27", Amount = 40m, Messages = ["COPAY PER VISIT"] };
        if (StayTypes.Contains(type))
        {
            yield return Share("F") with { TimePeriod = "23", QuantityQualifier = "DY", Quantity = 30m, Messages = ["30 DAYS PER CALENDAR YEAR"] };
        }
    }

    private static Benefit Line(string code, params IReadOnlyList<string> serviceTypes) =>
        new(code, "IND", serviceTypes, null, null, null, null, null, null, null, null, null, [], []);

    private static string PlanName(string payer) =>
        Contains(payer, "CIGNA") ? "OPEN ACCESS PLUS"
        : Contains(payer, "TRICARE") ? "TRICARE PRIME"
        : "PPO PLAN";

    private static string CarveOutPartner(string payer) =>
        Contains(payer, "CIGNA") ? "EVERNORTH BEHAVIORAL HEALTH"
        : Contains(payer, "UNITED") ? "OPTUM BEHAVIORAL HEALTH"
        : "CARELON BEHAVIORAL HEALTH";

    private static bool Contains(string payer, string name) => payer.Contains(name, StringComparison.OrdinalIgnoreCase);
}
