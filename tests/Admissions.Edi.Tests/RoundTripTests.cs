namespace Admissions.Edi.Tests;

/// <summary>
/// Property tests: random transactions, written with random delimiters and read back, come back
/// equal, inside a well-formed envelope. Seeds are fixed so that a failure names its case.
/// </summary>
public class RoundTripTests
{
    private const int Cases = 300;

    [Fact]
    public void Eligibility_requests_survive_writing_and_reading() =>
        CheckRoundTrips(1_000, generator => generator.EligibilityRequest(), (request, envelope) => X12.Write(request, envelope));

    [Fact]
    public void Eligibility_responses_survive_writing_and_reading() =>
        CheckRoundTrips(2_000, generator => generator.EligibilityResponse(), (response, envelope) => X12.Write(response, envelope));

    [Fact]
    public void Service_review_requests_survive_writing_and_reading() =>
        CheckRoundTrips(3_000, generator => generator.ServiceReviewRequest(), (request, envelope) => X12.Write(request, envelope));

    [Fact]
    public void Service_review_responses_survive_writing_and_reading() =>
        CheckRoundTrips(4_000, generator => generator.ServiceReviewResponse(), (response, envelope) => X12.Write(response, envelope));

    private static void CheckRoundTrips<T>(int firstSeed, Func<TransactionGenerator, T> generate, Func<T, X12Envelope, string> write)
        where T : X12Transaction
    {
        for (var seed = firstSeed; seed < firstSeed + Cases; seed++)
        {
            var generator = new TransactionGenerator(seed);
            var envelope = generator.Envelope();
            var transaction = generate(generator);
            var written = write(transaction, envelope);
            try
            {
                AssertWellFormed(written, envelope, transaction.ControlNumber);
                Json.AssertSame(transaction, Assert.Single(X12.Read(written).Transactions));
            }
            catch (Exception exception) when (exception is Xunit.Sdk.XunitException or X12ParseException)
            {
                throw new Xunit.Sdk.XunitException($"Seed {seed} failed: {exception.Message}\nWritten:\n{written}");
            }
        }
    }

    /// <summary>ISA fixed width, SE01 counts ST to SE, and every trailer echoes its header's control number.</summary>
    private static void AssertWellFormed(string written, X12Envelope envelope, string controlNumber)
    {
        var delimiters = envelope.Delimiters;
        Assert.Equal(delimiters.Segment, written[105]);
        var segments = written.TrimEnd(delimiters.Segment).Split(delimiters.Segment)
            .Select(segment => segment.Split(delimiters.Element)).ToList();
        var isa = segments[0];
        Assert.Equal(17, isa.Length);
        Assert.Equal([$"{delimiters.Repetition}", "00501", $"{envelope.ControlNumber:D9}", "0", envelope.Production ? "P" : "T", $"{delimiters.Component}"], isa[11..]);
        var (gs, st, se, ge, iea) = (segments[1], segments[2], segments[^3], segments[^2], segments[^1]);
        Assert.Equal(("GS", "ST", "SE", "GE", "IEA"), (gs[0], st[0], se[0], ge[0], iea[0]));
        Assert.Equal(segments.Count - 4, int.Parse(se[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((controlNumber, controlNumber), (st[2], se[2]));
        Assert.Equal(($"{envelope.ControlNumber}", "1", $"{envelope.ControlNumber}"), (gs[6], ge[1], ge[2]));
        Assert.Equal(("1", isa[13]), (iea[1], iea[2]));
    }
}
