using Admissions.Application.Insurance;
using Admissions.Edi;

namespace Admissions.Cli;

/// <summary>
/// The request JSON that <c>x12 build-270</c> reads. Everything is nullable so that a missing field
/// is reported by name instead of failing deserialization.
/// </summary>
internal sealed record EligibilityInquiryInput(
    PartyInput? Payer,
    PartyInput? Provider,
    MemberInput? Subscriber,
    MemberInput? Dependent,
    IReadOnlyList<string>? ServiceTypes,
    DateOnly? ServiceDate,
    string? TraceNumber,
    string? Reference,
    string? ControlNumber,
    int? InterchangeControlNumber,
    bool CombineServiceTypes = false)
{
    private static readonly string[] Genders = ["F", "M", "U"];

    /// <summary>What is missing or wrong, one readable line each; empty when the request can be written.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        Require(Payer?.Name, "payer.name");
        Require(Payer?.Id, "payer.id");
        if (Provider is not null)
        {
            Require(Provider.Name, "provider.name");
            Require(Provider.Id, "provider.id");
        }

        if (Subscriber is null)
        {
            problems.Add("subscriber is required");
        }
        else
        {
            Require(Subscriber.MemberId, "subscriber.memberId");
            CheckMember(Subscriber, "subscriber");
        }

        if (Dependent is not null)
        {
            CheckMember(Dependent, "dependent");
        }

        if (ServiceTypes is null || ServiceTypes.Count == 0)
        {
            problems.Add("serviceTypes is required: at least one service type code, e.g. [\"AI\"]");
        }
        else if (ServiceTypes.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("serviceTypes has an empty code");
        }

        if (InterchangeControlNumber is < 1 or > 999_999_999)
        {
            problems.Add("interchangeControlNumber must be between 1 and 999999999");
        }

        return problems;

        void Require(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{field} is required");
            }
        }

        void CheckMember(MemberInput member, string field)
        {
            Require(member.LastName, field + ".lastName");
            if (member.Gender is not null && !Genders.Contains(member.Gender))
            {
                problems.Add($"{field}.gender must be F, M or U");
            }
        }
    }

    /// <summary>The 270 for a request without <see cref="Problems"/>; absent optional fields take the defaults given.</summary>
    public EligibilityRequest ToRequest(ClearinghouseIdentity identity, DateOnly today, string generatedTraceNumber)
    {
        var traceNumber = TraceNumber ?? generatedTraceNumber;
        return new EligibilityRequest(
            ControlNumber: ControlNumber ?? "0001",
            Reference: Reference ?? traceNumber,
            Payer: new Party(Payer!.Name!, Payer.Id!),
            Provider: Provider is null ? new Party(identity.ProviderName, identity.ProviderNpi) : new Party(Provider.Name!, Provider.Id!),
            Subscriber: Subscriber!.ToMember(),
            Dependent: Dependent?.ToMember(),
            TraceNumber: traceNumber,
            TraceOriginator: identity.TraceOriginator,
            ServiceDate: ServiceDate ?? today,
            ServiceTypes: ServiceTypes!,
            CombineServiceTypes: CombineServiceTypes);
    }
}

internal sealed record PartyInput(string? Name, string? Id);

internal sealed record MemberInput(string? MemberId, string? LastName, string? FirstName, DateOnly? BirthDate, string? Gender)
{
    public RequestedMember ToMember() => new(MemberId, LastName!, FirstName, BirthDate, Gender);
}
