namespace Admissions.Edi.Tests;

/// <summary>
/// Seeded random transactions for round-trip tests. Values come from alphabets that hold no
/// delimiter candidate; optional values are null or non-empty (an empty element reads as absent);
/// names are upper case, as the writers send them.
/// </summary>
internal sealed class TransactionGenerator(int seed)
{
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Alphanumerics = Letters + "0123456789";
    private const string DelimiterCandidates = "*|^~:!>}{#@$%&+?;=<[]\\`";

    private readonly Random _random = new(seed);

    public X12Envelope Envelope()
    {
        var picked = DelimiterCandidates.ToCharArray();
        _random.Shuffle(picked);
        return new X12Envelope(
            Text(Alphanumerics, 1, 15),
            Text(Alphanumerics, 1, 15),
            _random.Next(1, 1_000_000_000),
            new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(_random.Next(0, 5_000_000)),
            Production: Chance(0.5),
            SenderQualifier: Pick("ZZ", "30", "01"),
            ReceiverQualifier: Pick("ZZ", "30", "01"))
        {
            Delimiters = new X12Delimiters(picked[0], picked[1], picked[2], picked[3]),
        };
    }

    public EligibilityRequest EligibilityRequest()
    {
        var serviceTypes = List(1, 5, ServiceType);
        var hasTrace = Chance(0.8);
        return new EligibilityRequest(
            ControlNumber(),
            Id(),
            new Party(Name(), Id()),
            new Party(Name(), Id()),
            RequestedMember(),
            Chance(0.3) ? RequestedMember() : null,
            hasTrace ? Id() : "",
            hasTrace ? Id() : "",
            Chance(0.9) ? Date() : DateOnly.MinValue,
            serviceTypes,
            serviceTypes.Count > 1 && Chance(0.5));
    }

    public EligibilityResponse EligibilityResponse() =>
        new(
            ControlNumber(),
            Optional(Id),
            ResponseParty(),
            ResponseParty(),
            List(0, 3, () => new SubscriberResult(
                List(0, 2, Id), Optional(Id), Optional(Name), Optional(Name), OptionalDate(), Optional(Gender),
                OptionalDate(), OptionalDate(), OptionalDate(), OptionalDate(), Errors(), List(0, 4, Benefit),
                List(0, 2, Member))));

    public ServiceReviewRequest ServiceReviewRequest()
    {
        var hasTrace = Chance(0.8);
        var hasQuantity = Chance(0.8);
        return new ServiceReviewRequest(
            ControlNumber(),
            Id(),
            new Party(Name(), Id()),
            new Party(Name(), Id()),
            RequestedMember(),
            Chance(0.3) ? RequestedMember() : null,
            hasTrace ? Id() : "",
            hasTrace ? Id() : "",
            Pick("AR", "HS", "SC"),
            Pick("I", "R", "S", "3"),
            Chance(0.9) ? ServiceType() : "",
            Chance(0.9) ? Pick("55", "57", "52", "51") : "",
            Chance(0.9) ? Date() : DateOnly.MinValue,
            List(0, 14, () => Text(Alphanumerics, 3, 7)),
            hasQuantity ? Pick("DY", "VS", "HS") : "",
            hasQuantity ? Decimal() : 0m);
    }

    public ServiceReviewResponse ServiceReviewResponse()
    {
        var subscriber = Chance(0.9) ? ReviewedMember() : null;
        return new ServiceReviewResponse(
            ControlNumber(),
            Optional(Id),
            ResponseParty(),
            ResponseParty(),
            subscriber,
            subscriber is not null && Chance(0.3) ? ReviewedMember() : null,
            subscriber is null ? [] : List(0, 4, Decision).Select((d, i) => i == 0 ? d with { Level = "EV" } : d).ToList());
    }

    private RequestedMember RequestedMember() =>
        new(Optional(Id), Name(), Optional(Name), OptionalDate(), Optional(Gender));

    private ReviewedMember ReviewedMember() =>
        new(Optional(Id), Optional(Name), Optional(Name), OptionalDate(), Errors());

    private MemberResult Member() =>
        new(List(0, 2, Id), Optional(Id), Optional(Name), Optional(Name), OptionalDate(), Optional(Gender),
            OptionalDate(), OptionalDate(), OptionalDate(), OptionalDate(), Errors(), List(0, 4, Benefit));

    private ResponseParty ResponseParty() => new(Optional(Name), Optional(Id), Errors());

    private List<RequestError> Errors() =>
        List(0, 2, () => new RequestError(Chance(0.5), Optional(() => Pick("42", "72", "73", "75")), Optional(() => Pick("C", "N", "R"))));

    private Benefit Benefit() =>
        new(
            Pick("1", "6", "A", "B", "C", "G", "L", "U", "MC", "CB"),
            Optional(() => Pick("IND", "FAM", "EMP")),
            List(0, 3, ServiceType),
            Optional(() => Pick("PR", "HM", "C1", "MA")),
            Optional(() => Text(Letters + " 0123456789.,'/-", 1, 30)),
            Optional(() => Pick("23", "24", "27", "29")),
            OptionalDecimal(),
            OptionalDecimal(),
            Optional(() => Pick("DY", "VS")),
            OptionalDecimal(),
            Optional(() => Pick("Y", "N", "U")),
            Optional(() => Pick("Y", "N", "W")),
            List(0, 2, () => Text(Letters + " 0123456789.,'/-()", 1, 60)),
            List(0, 2, () => new BenefitEntity(Pick("PR", "P5", "1P", "X3", "VN"), Optional(Name), Optional(Id),
                Optional(() => Text("0123456789", 10, 10)))));

    private ServiceReviewDecision Decision()
    {
        var actionCode = Optional(() => Pick("A1", "A2", "A3", "A4", "A6", "CT"));
        var begin = OptionalDate();
        var hasQuantity = Chance(0.5);
        return new ServiceReviewDecision(
            Pick("EV", "SS"),
            List(0, 2, Id),
            actionCode,
            actionCode is null ? null : Optional(Id),
            actionCode is null ? null : Optional(() => Pick("0U", "CT", "33")),
            begin,
            begin is null ? null : OptionalDate(),
            hasQuantity ? Pick("DY", "VS") : null,
            hasQuantity ? Decimal() : null,
            Optional(ServiceType),
            Errors())
        {
            RequestCategory = Pick("AR", "HS"),
            CertificationType = Pick("I", "R"),
        };
    }

    private string ControlNumber() => Text("0123456789", 4, 9);

    private string Id() => Text(Alphanumerics + "-", 1, 15);

    private string Name() => Text(Letters, 1, 1) + Text(Letters + " '-", 0, 24);

    private string Gender() => Pick("M", "F", "U");

    private string ServiceType() => Pick("30", "AI", "A7", "MH", "RT", "BB", "48", "86");

    private DateOnly Date() => new DateOnly(1900, 1, 1).AddDays(_random.Next(0, 73_000));

    private DateOnly? OptionalDate() => Chance(0.7) ? Date() : null;

    /// <summary>A decimal with 0 to 4 decimal places, so that scale survives the round trip too.</summary>
    private decimal Decimal()
    {
        var units = _random.Next(0, 10_000_000);
        return new decimal(units, 0, 0, units != 0 && Chance(0.1), (byte)_random.Next(0, 5));
    }

    private decimal? OptionalDecimal() => Chance(0.5) ? Decimal() : null;

    private string? Optional(Func<string> value) => Chance(0.7) ? value() : null;

    private List<T> List<T>(int min, int max, Func<T> item) =>
        [.. Enumerable.Range(0, _random.Next(min, max + 1)).Select(_ => item())];

    private string Text(string alphabet, int minLength, int maxLength) =>
        new([.. Enumerable.Range(0, _random.Next(minLength, maxLength + 1)).Select(_ => alphabet[_random.Next(alphabet.Length)])]);

    private string Pick(params string[] values) => values[_random.Next(values.Length)];

    private bool Chance(double probability) => _random.NextDouble() < probability;
}
