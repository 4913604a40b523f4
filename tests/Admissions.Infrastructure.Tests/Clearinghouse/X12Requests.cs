using Admissions.Edi;

namespace Admissions.Infrastructure.Tests.Clearinghouse;

/// <summary>270 and 278 requests as the VOB workflow would send them, written by the real X12 writers.</summary>
public static class X12Requests
{
    public static readonly DateOnly ServiceDate = new(2026, 3, 10);
    public static readonly DateOnly AdmissionDate = new(2026, 3, 12);

    private static readonly X12Envelope Envelope = new("ADMISSIONS", "CLEARINGHSE", 101, new DateTimeOffset(2026, 3, 10, 14, 0, 0, TimeSpan.Zero), Production: false);

    public static RequestedMember Member(string memberId) => new(memberId, "DOE", "JANE", new DateOnly(1990, 5, 17), "F");

    public static EligibilityRequest Eligibility(string memberId, string payer = "AETNA", params string[] serviceTypes) => new(
        "0001", "VOB1", new Party(payer, "60054"), new Party("RIVERBEND RECOVERY", "1234567893"),
        Member(memberId), null, "TRACE1", "9123456789", ServiceDate, serviceTypes.Length > 0 ? serviceTypes : ["30", "AI", "MH"]);

    public static ServiceReviewRequest Review(string memberId, decimal days = 14, string trace = "UMTRACE1", DateOnly? admission = null) => new(
        "0001", "UM1", new Party("AETNA", "60054"), new Party("RIVERBEND RECOVERY", "1234567893"),
        Member(memberId), null, trace, "9123456789", "AR", "I", "AI", "55", admission ?? AdmissionDate, ["F1020", "F329"], "DY", days);

    public static string Write(EligibilityRequest request) => X12.Write(request, Envelope);

    public static string Write(ServiceReviewRequest request) => X12.Write(request, Envelope);

    public static EligibilityResponse Read271(string text) => X12.Read(text).Transactions.OfType<EligibilityResponse>().Single();

    public static ServiceReviewResponse Read278(string text) => X12.Read(text).Transactions.OfType<ServiceReviewResponse>().Single();
}
