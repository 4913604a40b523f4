using Admissions.Edi.Reading;
using Admissions.Edi.Writing;

namespace Admissions.Edi;

/// <summary>The library's entry points: one reader for every supported transaction, one writer each.</summary>
public static class X12
{
    /// <summary>
    /// Reads every interchange, group and transaction in <paramref name="text"/>, routing on ST01
    /// (and BHT02 for 278). Throws only <see cref="X12ParseException"/>.
    /// </summary>
    /// <remarks>
    /// Layout is tolerated: a byte order mark, line breaks and indentation between segments, and
    /// any GS01 (payers send HS on 271s). Structure is not: every count and control number in
    /// ISA/IEA, GS/GE and ST/SE must match, since a wrong SE01 is how truncation shows.
    /// </remarks>
    public static X12Document Read(string text) => X12Reader.Read(text);

    /// <summary>
    /// Writes a 270 in its own interchange, without line breaks. Throws <see cref="ArgumentException"/>
    /// for values that cannot be written, such as one containing a delimiter; names go out in upper case.
    /// </summary>
    public static string Write(EligibilityRequest request, X12Envelope envelope) =>
        EligibilityRequestWriter.Write(request, envelope);

    /// <summary>Writes a 271 in its own interchange; see <see cref="Write(EligibilityRequest, X12Envelope)"/>.</summary>
    public static string Write(EligibilityResponse response, X12Envelope envelope) =>
        EligibilityResponseWriter.Write(response, envelope);

    /// <summary>Writes a 278 request in its own interchange; see <see cref="Write(EligibilityRequest, X12Envelope)"/>.</summary>
    public static string Write(ServiceReviewRequest request, X12Envelope envelope) =>
        ServiceReviewRequestWriter.Write(request, envelope);

    /// <summary>Writes a 278 response in its own interchange; see <see cref="Write(EligibilityRequest, X12Envelope)"/>.</summary>
    public static string Write(ServiceReviewResponse response, X12Envelope envelope) =>
        ServiceReviewResponseWriter.Write(response, envelope);
}
