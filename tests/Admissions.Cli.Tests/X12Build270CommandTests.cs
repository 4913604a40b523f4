using Admissions.Edi;

namespace Admissions.Cli.Tests;

public class X12Build270CommandTests
{
    private const string FullRequest = """
        {
          "payer": { "name": "CIGNA", "id": "62308" },
          "provider": { "name": "HILLSIDE HOUSE", "id": "1999999984" },
          "subscriber": { "memberId": "U1234567801", "lastName": "DOE", "firstName": "JANE", "birthDate": "1988-04-12", "gender": "F" },
          "dependent": { "lastName": "DOE", "firstName": "SAM", "birthDate": "2010-05-01", "gender": "M" },
          "serviceTypes": ["AI", "RT"],
          "serviceDate": "2026-01-15",
          "traceNumber": "VOB-8812-1",
          "reference": "VOB-8812",
          "controlNumber": "0042",
          "interchangeControlNumber": 101
        }
        """;

    [Fact]
    public async Task The_printed_270_reads_back_as_the_request()
    {
        var request = await BuildAsync(FullRequest);

        Assert.Equal("0042", request.ControlNumber);
        Assert.Equal("VOB-8812", request.Reference);
        Assert.Equal(new Party("CIGNA", "62308"), request.Payer);
        Assert.Equal(new Party("HILLSIDE HOUSE", "1999999984"), request.Provider);
        Assert.Equal(new RequestedMember("U1234567801", "DOE", "JANE", new DateOnly(1988, 4, 12), "F"), request.Subscriber);
        Assert.Equal("SAM", request.Dependent?.FirstName);
        Assert.Equal(new DateOnly(2010, 5, 1), request.Dependent?.BirthDate);
        Assert.Equal("VOB-8812-1", request.TraceNumber);
        Assert.Equal(new DateOnly(2026, 1, 15), request.ServiceDate);
        Assert.Equal(["AI", "RT"], request.ServiceTypes);
    }

    [Fact]
    public async Task Left_out_fields_take_the_defaults()
    {
        var request = await BuildAsync("""
            {
              "payer": { "name": "AETNA", "id": "60054" },
              "subscriber": { "memberId": "W000000000", "lastName": "SMITH" },
              "serviceTypes": ["30"]
            }
            """);

        Assert.Equal(new Party("RIVERBEND RECOVERY", "1234567893"), request.Provider);
        Assert.Equal("0001", request.ControlNumber);
        Assert.Matches("^[0-9A-F]{32}$", request.TraceNumber);
        Assert.Equal(request.TraceNumber, request.Reference);
        Assert.InRange(request.ServiceDate, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1));
        Assert.Null(request.Dependent);
        Assert.Null(request.Subscriber.BirthDate);
    }

    [Fact]
    public async Task The_envelope_is_the_apps_own_a_test_interchange_from_the_apps_submitter_id()
    {
        using var file = TempFile.WithText("""
            { "payer": { "name": "AETNA", "id": "60054" }, "subscriber": { "memberId": "W000000000", "lastName": "SMITH" }, "serviceTypes": ["30"] }
            """, ".json");

        var run = await CliRun.RunAsync("x12", "build-270", "--json", file.Path);

        // ISA06 sender and ISA08 receiver (padded to 15), ISA15 usage indicator: the web app's Clearinghouse defaults.
        var isa = run.Output.Split('~')[0].Split('*');
        Assert.Equal(("ADMISSIONS", "CLEARINGHSE", "T"), (isa[6].Trim(), isa[8].Trim(), isa[15]));
    }

    [Fact]
    public async Task The_default_service_date_is_today_where_the_facility_is()
    {
        // 05:00 UTC on 1 March is still 28 February in the facility's time zone (America/Los_Angeles).
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 5, 0, 0, TimeSpan.Zero));
        using var file = TempFile.WithText("""
            { "payer": { "name": "AETNA", "id": "60054" }, "subscriber": { "memberId": "W000000000", "lastName": "SMITH" }, "serviceTypes": ["30"] }
            """, ".json");

        var run = await CliRun.RunAtAsync(clock, "x12", "build-270", "--json", file.Path);

        Assert.Equal(0, run.ExitCode);
        var request = Assert.IsType<EligibilityRequest>(Assert.Single(X12.Read(run.Output).Transactions));
        Assert.Equal(new DateOnly(2026, 2, 28), request.ServiceDate);
    }

    [Fact]
    public async Task Each_missing_field_is_named()
    {
        using var file = TempFile.WithText("""{ "subscriber": { "firstName": "JANE", "gender": "X" }, "serviceTypes": [] }""", ".json");

        var run = await CliRun.RunAsync("x12", "build-270", "--json", file.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Equal(
            [
                "payer.name is required",
                "payer.id is required",
                "subscriber.memberId is required",
                "subscriber.lastName is required",
                "subscriber.gender must be F, M or U",
                "serviceTypes is required: at least one service type code, e.g. [\"AI\"]",
            ],
            run.ErrorLines.Select(line => line.Replace($"error: {file.Path}: ", "", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("""{ "payer": """, "LineNumber")]
    [InlineData("""{ "subscriber": { "birthDate": "12/04/1988" } }""", "$.subscriber.birthDate")]
    [InlineData("""{ "dependant": { "lastName": "DOE" } }""", "dependant")]
    [InlineData("null", "the request must be a JSON object")]
    public async Task A_request_that_is_not_the_documented_JSON_is_bad_input(string json, string named)
    {
        using var file = TempFile.WithText(json, ".json");

        var run = await CliRun.RunAsync("x12", "build-270", "--json", file.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"error: {file.Path}: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CIGNA*EAST", "0001", "Cannot write NM103 'CIGNA*EAST': it contains the element separator '*'")]
    [InlineData("CIGNA", "12", "The transaction set control number (ST02) must be 4 to 9 characters")]
    public async Task A_value_the_270_cannot_carry_is_bad_input(string payerName, string controlNumber, string reason)
    {
        using var file = TempFile.WithText($$"""
            {
              "payer": { "name": "{{payerName}}", "id": "62308" },
              "subscriber": { "memberId": "U1234567801", "lastName": "DOE" },
              "serviceTypes": ["AI"],
              "controlNumber": "{{controlNumber}}"
            }
            """, ".json");

        var run = await CliRun.RunAsync("x12", "build-270", "--json", file.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"error: {file.Path}: {reason}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_request_file_is_bad_input()
    {
        var run = await CliRun.RunAsync("x12", "build-270", "--json", "no-such-request.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["error: file not found: no-such-request.json"], run.ErrorLines);
    }

    private static async Task<EligibilityRequest> BuildAsync(string json)
    {
        using var file = TempFile.WithText(json, ".json");

        var run = await CliRun.RunAsync("x12", "build-270", "--json", file.Path);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Empty(run.Error);
        Assert.EndsWith(Environment.NewLine, run.Output, StringComparison.Ordinal);
        return Assert.IsType<EligibilityRequest>(Assert.Single(X12.Read(run.Output).Transactions));
    }
}
