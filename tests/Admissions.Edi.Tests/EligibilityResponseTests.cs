using System.Globalization;

namespace Admissions.Edi.Tests;

public class EligibilityResponseTests
{
    [Fact]
    public void Active_coverage_with_a_behavioral_carve_out_reads_every_loop()
    {
        var response = Fixtures.Single<EligibilityResponse>("271-cigna-active-carveout.x12");

        Assert.Equal(("271", "0001", "VOB-8812"), (response.Type, response.ControlNumber, response.Reference));
        Assert.Equal(("CIGNA", "62308"), (response.Payer.Name, response.Payer.Id));
        Assert.Empty(response.Payer.Errors);
        Assert.Equal(("RIVERBEND RECOVERY", "1234567893"), (response.Receiver.Name, response.Receiver.Id));
        var subscriber = Assert.Single(response.Subscribers);
        Assert.Equal(["VOB-8812-1"], subscriber.TraceNumbers);
        Assert.Equal(("U1234567801", "DOE", "JANE"), (subscriber.MemberId, subscriber.LastName, subscriber.FirstName));
        Assert.Equal(new DateOnly(1988, 4, 12), subscriber.BirthDate);
        Assert.Equal("F", subscriber.Gender);
        Assert.Equal(new DateOnly(2026, 1, 1), subscriber.PlanBegin);
        Assert.Null(subscriber.PlanEnd);
        Assert.Empty(subscriber.Errors);
        Assert.Empty(subscriber.Dependents);
        Assert.Equal(6, subscriber.Benefits.Count);

        var active = subscriber.Benefits[0];
        Assert.Equal(("1", "IND", "PR", "OPEN ACCESS PLUS"), (active.Code, active.CoverageLevel, active.InsuranceType, active.PlanDescription));
        Assert.Equal(["30"], active.ServiceTypes);

        var deductible = subscriber.Benefits[1];
        Assert.Equal(("C", "23", 3000m, "Y"), (deductible.Code, deductible.TimePeriod, deductible.Amount, deductible.InNetwork));
        Assert.Equal(["AI"], deductible.ServiceTypes);
        var remaining = subscriber.Benefits[2];
        Assert.Equal(("C", "29", 1850m), (remaining.Code, remaining.TimePeriod, remaining.Amount));

        var coinsurance = subscriber.Benefits[4];
        Assert.Equal(("A", "A7", 0.2m, "Y", "Y"),
            (coinsurance.Code, coinsurance.ServiceTypes[0], coinsurance.Percent, coinsurance.AuthorizationRequired, coinsurance.InNetwork));
        Assert.Null(coinsurance.Amount);
        Assert.Equal(["PRIOR AUTHORIZATION REQUIRED FOR RESIDENTIAL"], coinsurance.Messages);

        var carveOut = subscriber.Benefits[5];
        Assert.Equal("U", carveOut.Code);
        Assert.Equal(["MH", "AI"], carveOut.ServiceTypes);
        Assert.Empty(carveOut.Messages);
        Assert.Equal(new BenefitEntity("PR", "EVERNORTH BEHAVIORAL HEALTH", null, "8005550100"), Assert.Single(carveOut.Entities));
    }

    [Fact]
    public void An_invalid_member_id_is_reported_on_the_subscriber()
    {
        var response = Fixtures.Single<EligibilityResponse>("271-reject-invalid-member.x12");

        Assert.Equal(("AETNA", "60054"), (response.Payer.Name, response.Payer.Id));
        Assert.Empty(response.Payer.Errors);
        Assert.Empty(response.Receiver.Errors);
        var subscriber = Assert.Single(response.Subscribers);
        Assert.Equal(["VOB-9001-1"], subscriber.TraceNumbers);
        Assert.Equal(("W000000000", "SMITH", "JOHN"), (subscriber.MemberId, subscriber.LastName, subscriber.FirstName));
        Assert.Equal(new RequestError(false, "72", "C"), Assert.Single(subscriber.Errors));
        Assert.Empty(subscriber.Benefits);
    }

    [Fact]
    public void A_payer_that_cannot_respond_reports_it_on_the_payer_without_a_receiver_loop()
    {
        var response = Fixtures.Single<EligibilityResponse>("271-payer-unavailable.x12");

        Assert.Equal(("HUMANA", "61101"), (response.Payer.Name, response.Payer.Id));
        Assert.Equal(new RequestError(true, "42", "R"), Assert.Single(response.Payer.Errors));
        Assert.Equal((null, null), (response.Receiver.Name, response.Receiver.Id));
        Assert.Empty(response.Receiver.Errors);
        Assert.Empty(response.Subscribers);
    }

    [Fact]
    public void Decimals_keep_the_value_and_scale_the_payer_sent()
    {
        var response = Read271("EB*A**30*****.2~EB*B**30****10.00~EB*C**30****-5~EB*F**30******DY*30.5~");

        var benefits = response.Subscribers[0].Benefits;
        Assert.Equal(0.2m, benefits[0].Percent);
        Assert.Equal("10.00", benefits[1].Amount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(-5m, benefits[2].Amount);
        Assert.Equal(("DY", 30.5m), (benefits[3].QuantityQualifier, benefits[3].Quantity));
    }

    [Fact]
    public void Ranges_fill_both_dates_and_single_dates_one()
    {
        var member = Read271("DTP*346*RD8*20260101-20261231~DTP*307*RD8*20260201-20260630~DTP*357*D8*20260731~").Subscribers[0];

        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), (member.PlanBegin, member.PlanEnd));
        Assert.Equal((new DateOnly(2026, 2, 1), new DateOnly(2026, 7, 31)), (member.EligibilityBegin, member.EligibilityEnd));
    }

    [Fact]
    public void Dates_after_the_first_benefit_belong_to_the_benefit_not_the_member()
    {
        var member = Read271("EB*1**30~DTP*346*D8*20260101~").Subscribers[0];

        Assert.Null(member.PlanBegin);
    }

    [Fact]
    public void Only_referenced_traces_are_the_inquirers_and_the_clearinghouse_trace_is_skipped()
    {
        var member = Read271("TRN*1*CH-TRACE*9CLEARING~TRN*2*OURS-1*9123456789~").Subscribers[0];

        Assert.Equal(["OURS-1"], member.TraceNumbers);
    }

    [Fact]
    public void Unknown_segments_are_skipped()
    {
        var member = Read271("REF*SY*123456789~N3*1 MAIN ST~N4*AUSTIN*TX*78701~INS*Y*18~PRV*PE*PXC*207Q00000X~EB*1**30~HSD*VS*30~III*ZZ*11~REF*6P*GROUP~").Subscribers[0];

        Assert.Equal("1", Assert.Single(member.Benefits).Code);
    }

    [Theory]
    [InlineData("EB*1**30~LS*2120~NM1*PR*2*X~EB*1~", "Expected LE")]
    [InlineData("LS*2120~NM1*PR*2*X~LE*2120~", "without an EB")]
    [InlineData("EB*1**30~LE*2120~", "LS did not open")]
    [InlineData("EB***30~", "EB01")]
    [InlineData("EB*A**30*****20%~", "EB08 '20%' is not a number")]
    [InlineData("DMG*D8*19880231*F~", "DMG02 '19880231' is not a CCYYMMDD date")]
    [InlineData("DTP*346*RD8*20260101~", "DTP03 '20260101' is not a CCYYMMDD-CCYYMMDD range")]
    [InlineData("DTP*346*DT*202601011200~", "DTP02 'DT' is not D8 or RD8")]
    public void Broken_loops_and_values_are_parse_errors(string segments, string reason)
    {
        var exception = Assert.Throws<X12ParseException>(() => Read271(segments));

        Assert.Contains(reason, exception.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dependent_loop_nests_under_its_subscriber()
    {
        var response = X12.Read(Interchange.Wrap("271", """
            BHT*0022*11*REF1*20260115*0930~
            HL*1**20*1~NM1*PR*2*PAYER*****PI*1~
            HL*2*1*21*1~NM1*1P*2*CLINIC*****XX*2~
            HL*3*2*22*1~NM1*IL*1*DOE*JOHN****MI*A1~
            HL*4*3*23*0~TRN*2*T-1*9123456789~NM1*03*1*DOE*JANE~DMG*D8*20100101*F~EB*1**30~
            HL*5*2*22*1~NM1*IL*1*ROE*RICH****MI*B2~
            HL*6*5*23*0~NM1*03*1*ROE*ROB~
            HL*7*5*23*0~NM1*03*1*ROE*RAE~
            """));

        var subscribers = Assert.IsType<EligibilityResponse>(Assert.Single(response.Transactions)).Subscribers;
        Assert.Equal(["DOE", "ROE"], subscribers.Select(s => s.LastName));
        var jane = Assert.Single(subscribers[0].Dependents);
        Assert.Equal(("JANE", "T-1", "1"), (jane.FirstName, jane.TraceNumbers[0], jane.Benefits[0].Code));
        Assert.Empty(subscribers[0].Benefits);
        Assert.Equal(["ROB", "RAE"], subscribers[1].Dependents.Select(d => d.FirstName));
    }

    [Theory]
    [InlineData("3000")]
    [InlineData("4150.50")]
    [InlineData(".2")]
    [InlineData("0.00")]
    [InlineData("000120")]
    [InlineData("-12.5")]
    [InlineData("+7")]
    [InlineData("-0")]
    [InlineData("5.")]
    [InlineData("123456789012345678")]
    [InlineData("1234567890.12345678")]
    [InlineData("12345678901234567890123456789.5")]
    [InlineData("1.2.3")]
    [InlineData(".")]
    [InlineData("1e5")]
    [InlineData("1,000")]
    [InlineData(" 1")]
    public void Amounts_read_as_invariant_decimals_with_their_scale(string amount)
    {
        var expected = decimal.TryParse(amount, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out var number) ? number : (decimal?)null;

        var read = () => Read271($"EB*C*IND*AI*PR**23*{amount}~");

        if (expected is null)
        {
            Assert.Throws<X12ParseException>(read);
            return;
        }

        var amountRead = Assert.Single(Assert.Single(read().Subscribers).Benefits).Amount;
        Assert.Equal(expected, amountRead);
        Assert.Equal(expected.Value.ToString(CultureInfo.InvariantCulture), amountRead!.Value.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Benefits_without_messages_or_entities_have_empty_lists_and_others_keep_theirs()
    {
        var response = Read271("""
            EB*1*IND*30~EB*A*IND*A7~MSG*FIRST~MSG*SECOND~EB*U**MH~LS*2120~NM1*PR*2*ONE~NM1*P3*2*TWO~PER*IC**TE*8005550100~LE*2120~
            EB*B*IND*98~LS*2120~NM1*PR*2*THREE~LE*2120~LS*2120~PER*IC**TE*8005550199~LE*2120~MSG*AFTER~
            """);

        var benefits = Assert.Single(response.Subscribers).Benefits;
        Assert.Equal(["1", "A", "U", "B"], benefits.Select(b => b.Code));
        Assert.Empty(benefits[0].Messages);
        Assert.Empty(benefits[0].Entities);
        Assert.Equal(["FIRST", "SECOND"], benefits[1].Messages);
        Assert.Equal(
            [new BenefitEntity("PR", "ONE", null, null), new BenefitEntity("P3", "TWO", null, "8005550100")],
            benefits[2].Entities);
        Assert.Equal(new BenefitEntity("PR", "THREE", null, "8005550199"), Assert.Single(benefits[3].Entities));
        Assert.Equal(["AFTER"], benefits[3].Messages);
    }

    /// <summary>A 271 whose only subscriber loop holds <paramref name="memberSegments"/>.</summary>
    private static EligibilityResponse Read271(string memberSegments) =>
        Assert.IsType<EligibilityResponse>(Assert.Single(X12.Read(Interchange.Wrap("271",
            "BHT*0022*11*REF1*20260115*0930~HL*1**20*1~NM1*PR*2*PAYER*****PI*1~HL*2*1*21*1~NM1*1P*2*CLINIC*****XX*2~"
            + "HL*3*2*22*0~NM1*IL*1*DOE*JANE****MI*A1~" + memberSegments)).Transactions));
}
