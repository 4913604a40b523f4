namespace Admissions.Edi.Tests;

public class EligibilityRequestTests
{
    private static readonly X12Envelope FixtureEnvelope =
        new("SUBMITTERID", "CLEARINGHSE", 101, new DateTimeOffset(2026, 1, 15, 9, 30, 0, TimeSpan.FromHours(-5)), Production: false);

    private static readonly EligibilityRequest Residential = new(
        ControlNumber: "0001",
        Reference: "VOB-8812",
        Payer: new Party("CIGNA", "62308"),
        Provider: new Party("RIVERBEND RECOVERY", "1234567893"),
        Subscriber: new RequestedMember("U1234567801", "DOE", "JANE", new DateOnly(1988, 4, 12), "F"),
        Dependent: null,
        TraceNumber: "VOB-8812-1",
        TraceOriginator: "9123456789",
        ServiceDate: new DateOnly(2026, 1, 15),
        ServiceTypes: ["AI", "A7", "RT"]);

    [Fact]
    public void The_residential_inquiry_fixture_reads_into_the_request_model()
    {
        var request = Fixtures.Single<EligibilityRequest>("270-cigna-residential.x12");

        Json.AssertSame(Residential, request);
    }

    [Fact]
    public void Writing_the_request_reproduces_the_fixture_exactly()
    {
        var written = X12.Write(Residential, FixtureEnvelope);

        var fixture = Fixtures.Text("270-cigna-residential.x12").Replace("\n", "", StringComparison.Ordinal);
        Assert.Equal(fixture, written);
    }

    [Fact]
    public void The_isa_is_fixed_width_with_padded_ids_and_the_envelope_settings()
    {
        var written = X12.Write(Residential, FixtureEnvelope with { ControlNumber = 42, Production = true });

        var isa = written[..106];
        Assert.Equal("ISA*00*          *00*          *ZZ*SUBMITTERID    *ZZ*CLEARINGHSE    *260115*0930*^*00501*000000042*0*P*:~", isa);
        Assert.Contains("GS*HS*SUBMITTERID*CLEARINGHSE*20260115*0930*42*X*005010X279A1~", written, StringComparison.Ordinal);
        Assert.EndsWith("GE*1*42~IEA*1*000000042~", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Combined_service_types_share_one_eq_with_repeats()
    {
        var written = X12.Write(Residential with { CombineServiceTypes = true }, FixtureEnvelope);

        Assert.Contains("~EQ*AI^A7^RT~SE*13*0001~", written, StringComparison.Ordinal);
        var read = Assert.IsType<EligibilityRequest>(Assert.Single(X12.Read(written).Transactions));
        Assert.True(read.CombineServiceTypes);
        Assert.Equal(["AI", "A7", "RT"], read.ServiceTypes);
    }

    [Fact]
    public void A_dependent_carries_the_trace_date_and_service_types_in_its_own_loop()
    {
        var request = Residential with
        {
            Dependent = new RequestedMember(null, "Doe", "Junior", new DateOnly(2012, 6, 1), "M"),
        };

        var written = X12.Write(request, FixtureEnvelope);

        Assert.Contains(
            "HL*3*2*22*1~NM1*IL*1*DOE*JANE****MI*U1234567801~DMG*D8*19880412*F~"
            + "HL*4*3*23*0~TRN*1*VOB-8812-1*9123456789~NM1*03*1*DOE*JUNIOR~DMG*D8*20120601*M~DTP*291*D8*20260115~EQ*AI~",
            written, StringComparison.Ordinal);
        var read = Assert.IsType<EligibilityRequest>(Assert.Single(X12.Read(written).Transactions));
        Assert.Equal(("DOE", "JUNIOR"), (read.Dependent!.LastName, read.Dependent.FirstName));
        Assert.Equal("VOB-8812-1", read.TraceNumber);
    }

    [Fact]
    public void Names_are_written_in_upper_case()
    {
        var written = X12.Write(Residential with { Subscriber = Residential.Subscriber with { LastName = "de la Cruz", FirstName = "Ana" } }, FixtureEnvelope);

        Assert.Contains("NM1*IL*1*DE LA CRUZ*ANA****MI*U1234567801~", written, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("O*BRIEN", "NM103 'O*BRIEN'", "element separator")]
    [InlineData("SMITH~", "NM103 'SMITH~'", "segment terminator")]
    [InlineData("A:B", "NM103 'A:B'", "component separator")]
    [InlineData("A^B", "NM103 'A^B'", "repetition separator")]
    [InlineData("LINE\nBREAK", "NM103", "control character")]
    public void Values_containing_a_delimiter_are_refused(string lastName, string field, string problem)
    {
        var request = Residential with { Subscriber = Residential.Subscriber with { LastName = lastName } };

        var exception = Assert.Throws<ArgumentException>(() => X12.Write(request, FixtureEnvelope));

        Assert.Equal("request", exception.ParamName);
        Assert.Contains(field, exception.Message, StringComparison.Ordinal);
        Assert.Contains(problem, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_delimiter_is_refused_in_every_kind_of_value()
    {
        Assert.Throws<ArgumentException>(() => X12.Write(Residential with { TraceNumber = "T*1" }, FixtureEnvelope));
        Assert.Throws<ArgumentException>(() => X12.Write(Residential with { ServiceTypes = ["A^I"] }, FixtureEnvelope));
        Assert.Throws<ArgumentException>(() => X12.Write(Residential with { Reference = "R~1" }, FixtureEnvelope));
        Assert.Throws<ArgumentException>(() => X12.Write(Residential with { Payer = new Party("CIGNA", "623:08") }, FixtureEnvelope));
        Assert.Throws<ArgumentException>(() => X12.Write(Residential, FixtureEnvelope with { SenderId = "SUB*MITTER" }));
    }

    [Fact]
    public void Unwritable_envelopes_and_requests_are_refused()
    {
        Assert.Throws<ArgumentException>(() => X12.Write(Residential, FixtureEnvelope with { SenderId = "A-SENDER-ID-LONGER-THAN-15" }));
        Assert.Throws<ArgumentException>(() => X12.Write(Residential, FixtureEnvelope with { SenderQualifier = "Z" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => X12.Write(Residential, FixtureEnvelope with { ControlNumber = 0 }));
        Assert.Throws<ArgumentException>(() => X12.Write(Residential, FixtureEnvelope with { Delimiters = new X12Delimiters('*', '*', ':', '~') }));
        Assert.Throws<ArgumentException>(() => X12.Write(Residential, FixtureEnvelope with { Delimiters = new X12Delimiters('A', '^', ':', '~') }));
        Assert.Throws<ArgumentException>(() => X12.Write(Residential with { ControlNumber = "1" }, FixtureEnvelope));
        Assert.Throws<ArgumentException>(() => X12.Write(Residential with { ServiceTypes = [] }, FixtureEnvelope));
        Assert.Throws<ArgumentException>(() => X12.Write(Residential with { TraceOriginator = "" }, FixtureEnvelope));
        Assert.Throws<ArgumentNullException>(() => X12.Write((EligibilityRequest)null!, FixtureEnvelope));
        Assert.Throws<ArgumentNullException>(() => X12.Write(Residential, null!));
    }

    [Fact]
    public void Custom_delimiters_are_declared_in_the_isa_and_used_throughout()
    {
        var envelope = FixtureEnvelope with { Delimiters = new X12Delimiters('|', '~', '>', '!') };

        var written = X12.Write(Residential with { CombineServiceTypes = true }, envelope);

        Assert.Equal('|', written[3]);
        Assert.Equal("|~|00501|000000101|0|T|>!", written[81..106]);
        Assert.Contains("!EQ|AI~A7~RT!", written, StringComparison.Ordinal);
        Json.AssertSame(Residential with { CombineServiceTypes = true }, Assert.Single(X12.Read(written).Transactions));
    }

    [Fact]
    public void A_request_without_a_service_date_reads_as_min_value_and_writes_no_dtp()
    {
        var written = X12.Write(Residential with { ServiceDate = DateOnly.MinValue }, FixtureEnvelope);

        Assert.DoesNotContain("DTP*291", written, StringComparison.Ordinal);
        var read = Assert.IsType<EligibilityRequest>(Assert.Single(X12.Read(written).Transactions));
        Assert.Equal(DateOnly.MinValue, read.ServiceDate);
    }
}
