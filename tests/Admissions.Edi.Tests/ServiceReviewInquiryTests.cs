namespace Admissions.Edi.Tests;

/// <summary>The 278 inquiry (005010X215): the status of a review already asked, in the request's loops under the X215 version.</summary>
public class ServiceReviewInquiryTests
{
    private static readonly X12Envelope Envelope =
        new("SUBMITTERID", "CLEARINGHSE", 105, new DateTimeOffset(2026, 1, 16, 9, 0, 0, TimeSpan.Zero), Production: false);

    private static readonly ServiceReviewRequest Inquiry = new(
        ControlNumber: "0001",
        Reference: "UM2601160900",
        ReviewOrganization: new Party("AETNA", "60054"),
        Requester: new Party("RIVERBEND RECOVERY", "1234567893"),
        Subscriber: new RequestedMember("W123456789", "LOPEZ", "ALEX", new DateOnly(1988, 4, 2), "M"),
        Dependent: null,
        TraceNumber: "UM2601160900",
        TraceOriginator: "9123456789",
        RequestCategory: "AR",
        CertificationType: "I",
        ServiceType: "RT",
        FacilityCode: "55",
        AdmissionDate: new DateOnly(2026, 1, 18),
        Diagnoses: ["F1120"],
        QuantityQualifier: "DY",
        Quantity: 14m)
    {
        Inquiry = true,
        ReviewReference = "REF-7788",
    };

    [Fact]
    public void An_inquiry_is_written_under_the_x215_guide_with_the_payers_reference()
    {
        var written = X12.Write(Inquiry, Envelope);

        Assert.Contains("GS*HI*SUBMITTERID*CLEARINGHSE*20260116*0900*105*X*005010X215~", written, StringComparison.Ordinal);
        Assert.Contains("ST*278*0001*005010X215~", written, StringComparison.Ordinal);
        Assert.Contains("UM*AR*I*RT*55:B~REF*BB*REF-7788~DTP*435*D8*20260118~", written, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inquiry_reads_back_as_an_inquiry_with_its_reference()
    {
        var read = Assert.IsType<ServiceReviewRequest>(Assert.Single(X12.Read(X12.Write(Inquiry, Envelope)).Transactions));

        Assert.True(read.Inquiry);
        Assert.Equal("REF-7788", read.ReviewReference);
        Json.AssertSame(Inquiry, read);
    }

    [Fact]
    public void A_request_for_review_stays_x217_and_carries_no_reference()
    {
        var request = Inquiry with { Inquiry = false, ReviewReference = null };

        var written = X12.Write(request, Envelope);
        var read = Assert.IsType<ServiceReviewRequest>(Assert.Single(X12.Read(written).Transactions));

        Assert.Contains("*005010X217~", written, StringComparison.Ordinal);
        Assert.DoesNotContain("REF*BB", written, StringComparison.Ordinal);
        Assert.False(read.Inquiry);
        Assert.Null(read.ReviewReference);
    }
}
