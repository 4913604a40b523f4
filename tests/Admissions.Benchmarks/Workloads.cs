using System.Globalization;
using System.Text;
using Admissions.Edi;

namespace Admissions.Benchmarks;

/// <summary>
/// The X12 the benchmarks read and write. Built by the library's writer, the same way in every
/// benchmark process and in the runner that reports throughput.
/// </summary>
public static class Workloads
{
    /// <summary>The batch file is at least this many bytes (5 MB).</summary>
    public const int BatchBytes = 5_000_000;

    private static readonly Lazy<string> TypicalText = new(() => Write271(Subscriber(1), "0001"));
    private static readonly Lazy<string> BatchText = new(BuildBatch);

    public static X12Envelope Envelope { get; } =
        new("SUBMITTERID", "CLEARINGHSE", 101, new DateTimeOffset(2026, 1, 15, 9, 30, 0, TimeSpan.FromHours(-8)), Production: false);

    /// <summary>One 271 as a payer answers a behavioural-health inquiry: about 60 segments.</summary>
    public static string Typical271 => TypicalText.Value;

    /// <summary>One interchange of 271 transactions, one per subscriber, of at least <see cref="BatchBytes"/>.</summary>
    public static string Batch271 => BatchText.Value;

    public static EligibilityRequest Request270 { get; } = new(
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

    public static int Segments(string x12) => x12.Count(c => c == Envelope.Delimiters.Segment);

    private static string Write271(SubscriberResult subscriber, string controlNumber) =>
        X12.Write(
            new EligibilityResponse(
                controlNumber,
                "VOB-" + subscriber.MemberId,
                new ResponseParty("CIGNA", "62308", []),
                new ResponseParty("RIVERBEND RECOVERY", "1234567893", []),
                [subscriber]),
            Envelope);

    private static SubscriberResult Subscriber(int number)
    {
        var memberId = "U" + number.ToString("D10", CultureInfo.InvariantCulture);
        return new SubscriberResult(
            TraceNumbers: ["VOB-" + memberId + "-1"],
            MemberId: memberId,
            LastName: "DOE",
            FirstName: "JANE",
            BirthDate: new DateOnly(1988, 4, 12),
            Gender: "F",
            PlanBegin: new DateOnly(2026, 1, 1),
            PlanEnd: new DateOnly(2026, 12, 31),
            EligibilityBegin: null,
            EligibilityEnd: null,
            Errors: [],
            Benefits: Benefits,
            Dependents: []);
    }

    private static readonly Benefit[] Benefits =
    [
        Eb("1", "30", planDescription: "OPEN ACCESS PLUS"),
        Eb("1", "MH"),
        Eb("1", "AI"),
        Eb("C", "AI", timePeriod: "23", amount: 3000m, inNetwork: "Y"),
        Eb("C", "AI", timePeriod: "29", amount: 1850m, inNetwork: "Y"),
        Eb("C", "AI", timePeriod: "23", amount: 6000m, inNetwork: "N"),
        Eb("G", "AI", timePeriod: "23", amount: 6000m, inNetwork: "Y"),
        Eb("G", "AI", timePeriod: "29", amount: 4150.5m, inNetwork: "Y"),
        Eb("G", "AI", timePeriod: "23", amount: 12000m, inNetwork: "N"),
        Eb("A", "A7", percent: .2m, authorizationRequired: "Y", inNetwork: "Y", messages: ["PRIOR AUTHORIZATION REQUIRED FOR RESIDENTIAL"]),
        Eb("A", "A7", percent: .4m, authorizationRequired: "Y", inNetwork: "N", messages: ["OUT OF NETWORK BENEFITS APPLY AFTER DEDUCTIBLE"]),
        Eb("A", "RT", percent: .2m, authorizationRequired: "Y", inNetwork: "Y", messages: ["PRIOR AUTHORIZATION REQUIRED", "CONCURRENT REVIEW EVERY 7 DAYS"]),
        Eb("B", "98", timePeriod: "27", amount: 30m, inNetwork: "Y", messages: ["COPAY APPLIES PER VISIT"]),
        Eb("B", "A8", timePeriod: "27", amount: 25m, inNetwork: "Y"),
        Eb("F", "A7", quantityQualifier: "DY", quantity: 30m, messages: ["30 DAYS PER CALENDAR YEAR", "COMBINED WITH MENTAL HEALTH INPATIENT"]),
        Eb("F", "BB", quantityQualifier: "VS", quantity: 20m, messages: ["PARTIAL HOSPITALIZATION"]),
        Eb("U", "MH", entities: [new BenefitEntity("PR", "EVERNORTH BEHAVIORAL HEALTH", null, "8005550100")]),
        Eb("U", "AI", entities: [new BenefitEntity("PR", "EVERNORTH BEHAVIORAL HEALTH", null, "8005550100")], messages: ["CALL FOR SUBSTANCE USE BENEFITS"]),
        Eb("MC", "30", entities: [new BenefitEntity("P3", "CARE COORDINATION TEAM", "1999999984", "8005550199")]),
    ];

    private static Benefit Eb(
        string code,
        string serviceType,
        string? planDescription = null,
        string? timePeriod = null,
        decimal? amount = null,
        decimal? percent = null,
        string? quantityQualifier = null,
        decimal? quantity = null,
        string? authorizationRequired = null,
        string? inNetwork = null,
        string[]? messages = null,
        BenefitEntity[]? entities = null) =>
        new(code, "IND", [serviceType], "PR", planDescription, timePeriod, amount, percent, quantityQualifier, quantity,
            authorizationRequired, inNetwork, messages ?? [], entities ?? []);

    /// <summary>The ST–SE of one written 271 per subscriber inside the first one's ISA/GS and IEA, with GE01 counting them.</summary>
    private static string BuildBatch()
    {
        var terminator = Envelope.Delimiters.Segment;
        var element = Envelope.Delimiters.Element;
        var first = SegmentsOf(Write271(Subscriber(1), "0001"), terminator);
        var batch = new StringBuilder(BatchBytes + 8192);
        foreach (var segment in first.TakeWhile(s => !s.StartsWith("ST" + element, StringComparison.Ordinal)))
        {
            batch.Append(segment).Append(terminator).Append('\n');
        }

        var transactions = 0;
        while (batch.Length < BatchBytes)
        {
            transactions++;
            var written = Write271(Subscriber(transactions), transactions.ToString("D4", CultureInfo.InvariantCulture));
            foreach (var segment in Transaction(SegmentsOf(written, terminator), element))
            {
                batch.Append(segment).Append(terminator).Append('\n');
            }
        }

        var groupEnd = first.Single(s => s.StartsWith("GE" + element, StringComparison.Ordinal)).Split(element);
        groupEnd[1] = transactions.ToString(CultureInfo.InvariantCulture);
        batch.Append(string.Join(element, groupEnd)).Append(terminator).Append('\n');
        batch.Append(first.Single(s => s.StartsWith("IEA" + element, StringComparison.Ordinal))).Append(terminator).Append('\n');
        return batch.ToString();
    }

    private static IEnumerable<string> Transaction(IEnumerable<string> segments, char element) =>
        segments
            .SkipWhile(s => !s.StartsWith("ST" + element, StringComparison.Ordinal))
            .TakeWhile(s => !s.StartsWith("GE" + element, StringComparison.Ordinal));

    private static List<string> SegmentsOf(string x12, char terminator) =>
        [.. x12.Split(terminator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
