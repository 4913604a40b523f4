namespace Admissions.Edi.Tests;

public class EnvelopeTests
{
    private static readonly string Reject = Fixtures.Text("271-reject-invalid-member.x12");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \r\n\t ")]
    [InlineData("\uFEFF")]
    public void Nothing_to_read_is_a_parse_error(string? text)
    {
        var exception = Assert.Throws<X12ParseException>(() => X12.Read(text!));

        Assert.Contains("expected an interchange starting with ISA", exception.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hello world", "Expected ISA")]
    [InlineData("ISA*00*    ", "The ISA is cut short: it is 106 characters long, but only 11 remain")]
    [InlineData("ISA*00*          *00*          *ZZ*SHORT*ZZ*CLEARINGHSE    *260115*0930*^*00501*000000102*0*T*:~GS*HB*A*B~", "not the fixed 106-character form")]
    [InlineData("ISA*00*          *00*          *ZZ*CLEARINGHSE    *ZZ*SUBMITTERID    *260115*0930*^*00501*000000102*0*T***", "unusable delimiters")]
    [InlineData("ISA*00*          *00*          *ZZ*CLEARINGHSE    *ZZ*SUBMITTERID    *260115*0930*:*00501*000000102*0*T*:~", "repetition separator ':'")]
    public void A_missing_or_malformed_isa_is_a_parse_error(string text, string reason)
    {
        var exception = Assert.Throws<X12ParseException>(() => X12.Read(text));

        Assert.Contains(reason, exception.Reason, StringComparison.Ordinal);
        Assert.Equal(0, exception.SegmentIndex);
    }

    [Theory]
    [InlineData("SE*11*0001~", "SE*12*0001~", "SE01 declares 12 segments, but transaction set 271 0001 has 11")]
    [InlineData("SE*11*0001~", "SE*11*0002~", "SE02 '0002' does not match ST02 '0001'")]
    [InlineData("SE*11*0001~", "SE*ELEVEN*0001~", "SE01 'ELEVEN' is not a whole number")]
    [InlineData("GE*1*102~", "GE*2*102~", "GE01 declares 2 transaction sets, but there are 1")]
    [InlineData("GE*1*102~", "GE*1*103~", "GE02 '103' does not match GS06 '102'")]
    [InlineData("IEA*1*000000102~", "IEA*2*000000102~", "IEA01 declares 2 functional groups, but there are 1")]
    [InlineData("IEA*1*000000102~", "IEA*1*000000103~", "IEA02 '000000103' does not match ISA13 '000000102'")]
    [InlineData("ST*271*0001*005010X279A1~", "ST*837*0001*005010X222A1~", "Transaction set '837' is not supported")]
    [InlineData("BHT*0022*11*VOB-9001*20260115*1015~", "REF*EJ*1~", "Expected BHT after ST, found REF")]
    [InlineData("SE*11*0001~\nGE", "GE", "Expected SE to close the transaction set before GE")]
    [InlineData("GE*1*102~\nIEA", "IEA", "Expected ST or GE in the functional group, found IEA")]
    [InlineData("IEA*1*000000102~\n", "", "The text ends before the IEA that closes interchange 000000102")]
    [InlineData("IEA*1*000000102~", "IEA*1*000000102", "no segment terminator '~' follows")]
    [InlineData("HL*3*2*22*0~", "hl*3*2*22*0~", "'hl' is not a segment identifier")]
    [InlineData("NM1*1P*2*", "X~NM1*1P*2*", "'X' is not a segment identifier")]
    public void Broken_control_structures_are_parse_errors(string original, string replacement, string reason)
    {
        Assert.Contains(original, Reject, StringComparison.Ordinal);

        var exception = Assert.Throws<X12ParseException>(() => X12.Read(Reject.Replace(original, replacement, StringComparison.Ordinal)));

        Assert.Contains(reason, exception.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HL*2*1*21*1~", "HL*2*9*21*1~", "HL02 9 is not an enclosing HL of HL 2")]
    [InlineData("HL*2*1*21*1~", "HL*2**21*1~", "HL 2 of level 21 needs a parent")]
    [InlineData("HL*3*2*22*0~", "HL*3*1*22*0~", "HL 3 of level 22 cannot sit under level 20")]
    [InlineData("HL*3*2*22*0~", "HL*2*2*22*0~", "HL01 2 does not follow HL01 2")]
    [InlineData("HL*3*2*22*0~", "HL*3*2*EV*0~", "HL 3 of level EV cannot sit under level 21")]
    [InlineData("HL*3*2*22*0~", "HL*3*2*99*0~", "HL03 '99' is not a supported level")]
    [InlineData("HL*3*2*22*0~", "HL*3*X*22*0~", "HL02 'X' is not a whole number")]
    [InlineData("HL*1**20*1~", "HL*A**20*1~", "HL01 'A' is not a whole number")]
    [InlineData("HL*3*2*22*0~", "HL*3**20*0~", "more than one information source")]
    public void A_broken_hierarchy_is_a_parse_error(string original, string replacement, string reason)
    {
        Assert.Contains(original, Reject, StringComparison.Ordinal);

        var exception = Assert.Throws<X12ParseException>(() => X12.Read(Reject.Replace(original, replacement, StringComparison.Ordinal)));

        Assert.Contains(reason, exception.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_error_locates_the_segment_and_offset_across_the_whole_file()
    {
        var payerUnavailable = Fixtures.Text("271-payer-unavailable.x12");
        var text = payerUnavailable + Reject.Replace("AAA*N**72*C~", "AAA*N**72*C~DMG*D8*20261301~", StringComparison.Ordinal);

        var exception = Assert.Throws<X12ParseException>(() => X12.Read(text));

        Assert.Equal(10 + 12, exception.SegmentIndex);
        Assert.Equal("20261301~", text[exception.Offset..(exception.Offset + 9)]);
        Assert.Equal($"DMG02 '20261301' is not a CCYYMMDD date (segment 22, offset {exception.Offset})", exception.Message);
    }

    [Fact]
    public void Concatenated_interchanges_with_different_delimiters_read_in_order()
    {
        var text = Fixtures.Text("270-cigna-residential.x12")
            + Fixtures.Text("peer/Kartik-Hirijaganer_X12-Parser-Encoder__270_custom_delimiters.x12")
            + "\r\n"
            + Fixtures.Text("peer/Inteligenz_X12Parser__From_georgiosd.txt")
            + Fixtures.Text("peer/jdavisp3_TigerShark__271-example-3.txt")
            + Fixtures.Text("peer/kputnam_stupidedi__referral-response-to-request-for-review.edi");

        var transactions = X12.Read(text).Transactions;

        Assert.Equal(["VOB-8812", "10001236", "6A9402DB-1857-43D3-8396-1DF01A7E3440", "94309", "A12345"], transactions.Select(t => t.Reference));
        Assert.Equal(["270", "270", "271", "271", "278"], transactions.Select(t => t.Type));
    }

    [Fact]
    public void An_interchange_may_hold_several_groups_and_no_transactions()
    {
        var body = Reject[Reject.IndexOf("GS*", StringComparison.Ordinal)..Reject.IndexOf("IEA", StringComparison.Ordinal)];
        var twoGroups = Reject.Replace(body, body + body.Replace("*102", "*103", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("IEA*1*", "IEA*2*", StringComparison.Ordinal);
        var empty = Interchange.Isa + "IEA*0*000000001~";

        Assert.Equal(2, X12.Read(twoGroups).Transactions.Count);
        Assert.Empty(X12.Read(empty).Transactions);
    }

    [Fact]
    public void An_isa11_that_is_not_a_separator_turns_repetition_off()
    {
        var text = Reject.Replace("*^*00501*", "*U*00501*", StringComparison.Ordinal)
            .Replace("AAA*N**72*C~", "EB*1**UC^30~", StringComparison.Ordinal);

        var response = Assert.IsType<EligibilityResponse>(Assert.Single(X12.Read(text).Transactions));

        Assert.Equal(["UC^30"], response.Subscribers[0].Benefits[0].ServiceTypes);
    }
}
