namespace Admissions.Edi.Tests;

public class ServiceReviewTests
{
    private static readonly X12Envelope Envelope =
        new("SUBMITTERID", "CLEARINGHSE", 104, new DateTimeOffset(2026, 1, 16, 8, 0, 0, TimeSpan.Zero), Production: false);

    private static readonly ServiceReviewRequest Residential = new(
        ControlNumber: "0001",
        Reference: "AUTH-5501",
        ReviewOrganization: new Party("TRICARE EAST", "TREST"),
        Requester: new Party("RIVERBEND RECOVERY", "1234567893"),
        Subscriber: new RequestedMember("TR99887766", "RIVERA", "MARCO", new DateOnly(1979, 3, 2), "M"),
        Dependent: null,
        TraceNumber: "",
        TraceOriginator: "",
        RequestCategory: "AR",
        CertificationType: "I",
        ServiceType: "AI",
        FacilityCode: "55",
        AdmissionDate: new DateOnly(2026, 1, 18),
        Diagnoses: ["F1120", "F332"],
        QuantityQualifier: "DY",
        Quantity: 30m);

    [Fact]
    public void The_residential_request_fixture_reads_into_the_request_model()
    {
        Json.AssertSame(Residential, Fixtures.Single<ServiceReviewRequest>("278-request-residential.x12"));
    }

    [Fact]
    public void Writing_the_request_reproduces_the_fixture_body()
    {
        var written = X12.Write(Residential, Envelope);

        var fixture = Fixtures.Text("278-request-residential.x12").Replace("\n", "", StringComparison.Ordinal);
        Assert.Equal(Body(fixture), Body(written));
        Assert.Contains("GS*HI*SUBMITTERID*CLEARINGHSE*20260116*0800*104*X*005010X217~", written, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_with_a_trace_and_a_dependent_puts_the_event_under_the_dependent()
    {
        var request = Residential with
        {
            Dependent = new RequestedMember(null, "RIVERA", "LUCIA", new DateOnly(2010, 5, 5), "F"),
            TraceNumber = "AUTH-5501-1",
            TraceOriginator = "9123456789",
            Diagnoses = ["F1120", "F332", "F411"],
        };

        var written = X12.Write(request, Envelope);

        Assert.Contains(
            "HL*4*3*23*1~NM1*03*1*RIVERA*LUCIA~DMG*D8*20100505*F~HL*5*4*EV*0~TRN*1*AUTH-5501-1*9123456789~"
            + "UM*AR*I*AI*55:B~DTP*435*D8*20260118~HI*ABK:F1120*ABF:F332*ABF:F411~HSD*DY*30~",
            written, StringComparison.Ordinal);
        Json.AssertSame(request, Assert.Single(X12.Read(written).Transactions));
    }

    [Fact]
    public void More_than_twelve_diagnoses_continue_in_a_second_hi()
    {
        var diagnoses = Enumerable.Range(1, 14).Select(n => $"F{n:00}").ToArray();

        var written = X12.Write(Residential with { Diagnoses = diagnoses }, Envelope);

        Assert.Contains("*ABF:F12~HI*ABF:F13*ABF:F14~", written, StringComparison.Ordinal);
        Assert.Equal(diagnoses, Assert.IsType<ServiceReviewRequest>(Assert.Single(X12.Read(written).Transactions)).Diagnoses);
    }

    [Fact]
    public void The_certified_response_fixture_reads_the_decision()
    {
        var response = Fixtures.Single<ServiceReviewResponse>("278-response-certified.x12");

        Assert.Equal(("278", "0001", "AUTH-5501"), (response.Type, response.ControlNumber, response.Reference));
        Assert.Equal(("TRICARE EAST", "TREST"), (response.ReviewOrganization.Name, response.ReviewOrganization.Id));
        Assert.Equal(("RIVERBEND RECOVERY", "1234567893"), (response.Requester.Name, response.Requester.Id));
        Assert.Equal(("TR99887766", "RIVERA", "MARCO"), (response.Subscriber!.MemberId, response.Subscriber.LastName, response.Subscriber.FirstName));
        Assert.Null(response.Dependent);
        var decision = Assert.Single(response.Decisions);
        Assert.Equal(("EV", "A1", "TE20260116001", null), (decision.Level, decision.ActionCode, decision.CertificationNumber, decision.ReasonCode));
        Assert.Equal(("DY", 14m, "AI"), (decision.QuantityQualifier, decision.Quantity, decision.ServiceType));
        Assert.Equal(("AR", "I"), (decision.RequestCategory, decision.CertificationType));
        Assert.Null(decision.CertifiedBegin);
        Assert.Empty(decision.TraceNumbers);
        Assert.Empty(decision.Errors);
    }

    [Fact]
    public void A_response_with_events_services_ranges_and_errors_round_trips()
    {
        var response = new ServiceReviewResponse(
            "0002",
            "AUTH-5502",
            new ResponseParty("TRICARE EAST", "TREST", []),
            new ResponseParty("RIVERBEND RECOVERY", "1234567893", [new RequestError(true, "43", "C")]),
            new ReviewedMember("TR1", "RIVERA", "MARCO", new DateOnly(1979, 3, 2), []),
            new ReviewedMember(null, "RIVERA", "LUCIA", null, [new RequestError(false, "58", "C")]),
            [
                new ServiceReviewDecision("EV", ["AUTH-5502-1"], "A6", "CERT1", "0U", new DateOnly(2026, 1, 18),
                    new DateOnly(2026, 2, 1), "DY", 14m, "AI", []) { RequestCategory = "AR", CertificationType = "I" },
                new ServiceReviewDecision("SS", [], "A3", null, "CT", null, null, null, null, "MH",
                    [new RequestError(false, "33", "C")]) { RequestCategory = "HS", CertificationType = "I" },
                new ServiceReviewDecision("EV", [], "A4", null, null, new DateOnly(2026, 3, 1), null, null, null, null, [])
                    { RequestCategory = "AR", CertificationType = "R" },
            ]);

        var written = X12.Write(response, Envelope);

        Assert.Contains("BHT*0007*11*AUTH-5502*20260116*0800~", written, StringComparison.Ordinal);
        Assert.Contains(
            "HL*5*4*EV*1~TRN*2*AUTH-5502-1*CLEARINGHSE~UM*AR*I*AI~HCR*A6*CERT1*0U~DTP*AAH*RD8*20260118-20260201~HSD*DY*14~"
            + "HL*6*5*SS*0~AAA*N**33*C~UM*HS*I*MH~HCR*A3**CT~HL*7*4*EV*0~UM*AR*R~HCR*A4~DTP*AAH*D8*20260301~",
            written, StringComparison.Ordinal);
        Json.AssertSame(response, Assert.Single(X12.Read(written).Transactions));
    }

    [Fact]
    public void Without_a_request_category_the_response_states_an_initial_review()
    {
        var response = new ServiceReviewResponse("0002", null, new ResponseParty("UMO", "1", []), new ResponseParty("CLINIC", "2", []),
            new ReviewedMember("M1", "DOE", null, null, []), null,
            [
                new ServiceReviewDecision("EV", [], "A1", "C1", null, null, null, null, null, "AI", []),
                new ServiceReviewDecision("SS", [], "A1", "C1", null, null, null, null, null, null, []),
            ]);

        var written = X12.Write(response, Envelope);

        Assert.Contains("HL*4*3*EV*1~UM*AR*I*AI~HCR*A1*C1~HL*5*4*SS*0~UM*HS*I~HCR*A1*C1~", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Responses_that_cannot_be_written_are_refused()
    {
        var member = new ReviewedMember("M1", "DOE", null, null, []);
        ServiceReviewDecision Decision(string level) => new(level, [], "A1", null, null, null, null, null, null, null, []);
        ServiceReviewResponse Response(ReviewedMember? subscriber, params ServiceReviewDecision[] decisions) =>
            new("0002", null, new ResponseParty("UMO", "1", []), new ResponseParty("CLINIC", "2", []), subscriber, null, decisions);

        Assert.Throws<ArgumentException>(() => X12.Write(Response(null, Decision("EV")), Envelope));
        Assert.Throws<ArgumentException>(() => X12.Write(Response(member, Decision("SS")), Envelope));
        Assert.Throws<ArgumentException>(() => X12.Write(Response(member, Decision("XX")), Envelope));
        Assert.Throws<ArgumentException>(() => X12.Write(Response(member, Decision("EV") with { CertifiedEnd = new DateOnly(2026, 1, 1) }), Envelope));
        Assert.Throws<ArgumentException>(() => X12.Write(Response(member, Decision("EV") with { Quantity = 3 }), Envelope));
        Assert.Throws<ArgumentException>(() => X12.Write(Response(member, Decision("EV") with { ActionCode = null, CertificationNumber = "C" }), Envelope));
    }

    [Fact]
    public void A_278_is_routed_on_bht02()
    {
        var request = X12.Write(Residential, Envelope);

        var exception = Assert.Throws<X12ParseException>(() => X12.Read(request.Replace("BHT*0007*13", "BHT*0007*01", StringComparison.Ordinal)));

        Assert.Contains("278 BHT02 '01' is not supported", exception.Reason, StringComparison.Ordinal);
    }

    /// <summary>The transaction set from BHT on, without BHT's date and time, which the fixture sets apart from GS.</summary>
    private static string Body(string interchange)
    {
        var start = interchange.IndexOf("~BHT", StringComparison.Ordinal);
        var end = interchange.IndexOf("~GE", StringComparison.Ordinal);
        var segments = interchange[(start + 1)..end].Split('~');
        segments[0] = string.Join('*', segments[0].Split('*')[..4]);
        return string.Join('~', segments);
    }
}
