using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Admissions.Edi;

namespace Admissions.Infrastructure.Clearinghouse;

/// <summary>The simulator's 278 answers, by the last two characters of the subscriber's member id.</summary>
internal static class SimulatedReview
{
    public static ServiceReviewResponse Answer(ServiceReviewRequest request, string controlNumber, bool pended)
    {
        var suffix = ClearinghouseSimulator.MemberSuffix(request.Subscriber.MemberId);
        RequestError[] organizationErrors = suffix == "42" ? [new RequestError(false, "42", "R")] : [];
        RequestError[] memberErrors = ClearinghouseSimulator.IsMemberError(suffix) ? [new RequestError(false, suffix, "C")] : [];
        var decision = organizationErrors.Length + memberErrors.Length > 0
            ? Event(request, actionCode: null)
            : Decide(request, suffix, pended);

        return new ServiceReviewResponse(controlNumber, request.Reference,
            new ResponseParty(request.ReviewOrganization.Name, request.ReviewOrganization.Id, organizationErrors),
            new ResponseParty(request.Requester.Name, request.Requester.Id, []),
            Reviewed(request.Subscriber, memberErrors),
            request.Dependent is { } dependent ? Reviewed(dependent, []) : null,
            [decision]);
    }

    private static ServiceReviewDecision Decide(ServiceReviewRequest request, string suffix, bool pended)
    {
        if (pended)
        {
            // 0U: additional patient information required.
            return Event(request, "A4") with { ReasonCode = "0U" };
        }

        if (suffix == "06")
        {
            // 0F: not medically necessary.
            return Event(request, "A3") with { ReasonCode = "0F" };
        }

        var quantity = suffix == "07" ? Math.Ceiling(request.Quantity / 2) : request.Quantity;
        // Days run from admission; other units (visits) get a 30-day window to use them in.
        var days = request.QuantityQualifier == "DY" ? (int)Math.Ceiling(quantity) : 30;
        return Event(request, suffix == "07" ? "A2" : "A1") with
        {
            CertificationNumber = CertificationNumber(request),
            CertifiedBegin = request.AdmissionDate,
            CertifiedEnd = request.AdmissionDate.AddDays(Math.Max(days, 1) - 1),
            QuantityQualifier = request.QuantityQualifier,
            Quantity = quantity,
        };
    }

    private static ServiceReviewDecision Event(ServiceReviewRequest request, string? actionCode) =>
        new("EV", [request.TraceNumber], actionCode, null, null, null, null, null, null, request.ServiceType, [])
        {
            RequestCategory = request.RequestCategory,
            CertificationType = request.CertificationType,
        };

    private static ReviewedMember Reviewed(RequestedMember member, IReadOnlyList<RequestError> errors) =>
        new(member.MemberId, member.LastName, member.FirstName, member.BirthDate, errors);

    /// <summary>The same request always gets the same number: "AUTH" and eight digits from the member and the trace.</summary>
    private static string CertificationNumber(ServiceReviewRequest request)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{request.Subscriber.MemberId}|{request.TraceNumber}"));
        var digits = BinaryPrimitives.ReadUInt32BigEndian(hash) % 100_000_000;
        return "AUTH" + digits.ToString("D8", CultureInfo.InvariantCulture);
    }
}
