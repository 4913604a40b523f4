using Admissions.Edi.Reading;

namespace Admissions.Edi;

/// <summary>The library's entry points: one reader for every supported transaction, one writer each.</summary>
public static class X12
{
    /// <summary>
    /// Reads every interchange, group and transaction in <paramref name="text"/>, routing on ST01
    /// (and BHT02 for 278). Throws only <see cref="X12ParseException"/>.
    /// </summary>
    public static X12Document Read(string text) => X12Reader.Read(text);

    public static string Write(EligibilityRequest request, X12Envelope envelope) => throw new NotImplementedException();

    public static string Write(EligibilityResponse response, X12Envelope envelope) => throw new NotImplementedException();

    public static string Write(ServiceReviewRequest request, X12Envelope envelope) => throw new NotImplementedException();

    public static string Write(ServiceReviewResponse response, X12Envelope envelope) => throw new NotImplementedException();
}
