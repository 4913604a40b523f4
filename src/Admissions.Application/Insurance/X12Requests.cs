using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Admissions.Domain.Inquiries;
using Admissions.Domain.Insurance;
using Admissions.Edi;

namespace Admissions.Application.Insurance;

/// <summary>Turns a policy and its inquiry into the X12 the payer expects.</summary>
internal static class X12Requests
{
    /// <summary>Unique, short and free of X12 delimiters: the correlation key echoed back in TRN*2.</summary>
    public static string NewTraceNumber(string prefix, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{at:yyMMddHHmm}{RandomNumberGenerator.GetInt32(100_000, 1_000_000)}");

    public static X12Envelope Envelope(ClearinghouseIdentity identity, DateTimeOffset at) =>
        new(identity.SubmitterId, identity.ReceiverId, RandomNumberGenerator.GetInt32(1, 1_000_000_000), at, identity.Production);

    public static (RequestedMember Subscriber, RequestedMember? Dependent) Members(InsurancePolicy policy, InquiryDetails patient)
    {
        var patientMember = new RequestedMember(
            policy.PatientIsSubscriber ? policy.MemberId : null,
            Upper(patient.PatientLastName),
            Upper(patient.PatientFirstName),
            patient.PatientDateOfBirth,
            Gender(patient.PatientSex));
        if (policy.PatientIsSubscriber)
        {
            return (patientMember, null);
        }

        var subscriber = new RequestedMember(
            policy.MemberId,
            Upper(policy.SubscriberLastName),
            Upper(policy.SubscriberFirstName),
            policy.SubscriberDateOfBirth,
            policy.SubscriberSex is { } sex ? Gender(sex) : null);
        return (subscriber, patientMember);
    }

    public static EligibilityRequest Eligibility(
        EligibilityCheck check, InsurancePolicy policy, Payer payer, InquiryDetails patient, ClearinghouseIdentity identity, DateOnly serviceDate)
    {
        var (subscriber, dependent) = Members(policy, patient);
        var track = Track(patient);
        var serviceTypes = check.Levels.Select(level => payer.ServiceTypeFor(level, track)).Distinct().ToList();
        return new EligibilityRequest(
            "0001",
            check.TraceNumber,
            new Party(Upper(payer.Name), payer.ClearinghousePayerId!),
            new Party(identity.ProviderName, identity.ProviderNpi),
            subscriber,
            dependent,
            check.TraceNumber,
            identity.TraceOriginator,
            serviceDate,
            serviceTypes);
    }

    /// <summary>The track an inquiry's eligibility check asks codes for: substance use unless the caller named mental-health concerns only.</summary>
    public static CareTrack Track(InquiryDetails patient) =>
        CareTracks.ForConcerns(patient.Substances != SubstanceConcerns.None, patient.MentalHealthConcerns != MentalHealthConcerns.None);

    /// <summary>
    /// The 278 for an authorization: a request for review (X217), or with <paramref name="inquiry"/> a status inquiry
    /// (X215) that carries the payer's reference when it gave one. The place of service follows the principal diagnosis's track.
    /// </summary>
    public static ServiceReviewRequest Review(
        PriorAuthorization authorization, InsurancePolicy policy, Payer payer, InquiryDetails patient, ClearinghouseIdentity identity, bool inquiry = false)
    {
        var diagnoses = Diagnoses(authorization.Diagnoses);
        var (subscriber, dependent) = Members(policy, patient);
        return new ServiceReviewRequest(
            "0001",
            authorization.TraceNumber,
            new Party(Upper(payer.Name), payer.ClearinghousePayerId!),
            new Party(identity.ProviderName, identity.ProviderNpi),
            subscriber,
            dependent,
            authorization.TraceNumber,
            identity.TraceOriginator,
            "AR",
            "I",
            authorization.ServiceType,
            payer.PlaceOfServiceFor(authorization.Level, CareTracks.ForDiagnoses(diagnoses)),
            authorization.AdmissionDate,
            diagnoses,
            "DY",
            authorization.RequestedDays)
        {
            Inquiry = inquiry,
            ReviewReference = inquiry ? authorization.CertificationNumber : null,
        };
    }

    /// <summary>ICD-10-CM codes as people read them: upper case, with their dots, comma separated.</summary>
    public static string DisplayDiagnoses(string codes) =>
        string.Join(", ", codes.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries).Select(c => c.ToUpperInvariant()));

    /// <summary>ICD-10-CM codes as X12 carries them: upper case, no dot.</summary>
    public static IReadOnlyList<string> Diagnoses(string codes) =>
        codes.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries)
            .Select(c => c.Replace(".", "", StringComparison.Ordinal).ToUpperInvariant())
            .ToList();

    /// <summary>Upper case without accents (MARÍA is sent as MARIA), and only characters that can never collide with an X12 delimiter.</summary>
    private static string Upper(string? value) =>
        new string((value ?? "").Trim().Normalize(NormalizationForm.FormD).ToUpperInvariant()
            .Where(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '\'' or '.').ToArray());

    private static string? Gender(Sex sex) => sex switch
    {
        Sex.Female => "F",
        Sex.Male => "M",
        _ => null,
    };
}
