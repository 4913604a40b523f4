using System.Text.Json.Nodes;

namespace Admissions.Cli.Tests;

public class X12ParseCommandTests
{
    [Fact]
    public async Task A_271_prints_payer_subscriber_and_benefits_as_sent()
    {
        var transaction = await ParseOneAsync("271-cigna-active-carveout.x12");

        Assert.Equal("271", Text(transaction["type"]));
        Assert.Equal("0001", Text(transaction["controlNumber"]));
        Assert.Equal("VOB-8812", Text(transaction["reference"]));
        Assert.Equal("CIGNA", Text(transaction["payer"]!["name"]));
        Assert.Equal("62308", Text(transaction["payer"]!["id"]));
        Assert.Equal("RIVERBEND RECOVERY", Text(transaction["receiver"]!["name"]));
        var subscriber = transaction["subscribers"]![0]!;
        Assert.Equal(["VOB-8812-1"], Texts(subscriber["traceNumbers"]));
        Assert.Equal("U1234567801", Text(subscriber["memberId"]));
        Assert.Equal("1988-04-12", Text(subscriber["birthDate"]));
        Assert.Equal("F", Text(subscriber["gender"]));
        Assert.Equal("2026-01-01", Text(subscriber["planBegin"]));
        Assert.Null(subscriber["planEnd"]);
        Assert.Empty(subscriber["dependents"]!.AsArray());
    }

    [Fact]
    public async Task Amounts_and_percents_are_json_numbers_as_sent()
    {
        var benefits = (await ParseOneAsync("271-cigna-active-carveout.x12"))["subscribers"]![0]!["benefits"]!.AsArray();

        var remainingDeductible = benefits.Single(b => Text(b!["code"]) == "C" && Text(b!["timePeriod"]) == "29")!;
        Assert.Equal("1850", remainingDeductible["amount"]!.ToJsonString());
        Assert.Equal("Y", Text(remainingDeductible["inNetwork"]));
        var coinsurance = benefits.Single(b => Text(b!["code"]) == "A")!;
        Assert.Equal("0.2", coinsurance["percent"]!.ToJsonString());
        Assert.Null(coinsurance["amount"]);
        Assert.Equal(["PRIOR AUTHORIZATION REQUIRED FOR RESIDENTIAL"], Texts(coinsurance["messages"]));
    }

    [Fact]
    public async Task A_carve_out_names_the_entity_to_contact()
    {
        var benefits = (await ParseOneAsync("271-cigna-active-carveout.x12"))["subscribers"]![0]!["benefits"]!.AsArray();

        var carveOut = benefits.Single(b => Text(b!["code"]) == "U")!;
        Assert.Equal(["MH", "AI"], Texts(carveOut["serviceTypes"]));
        var entity = carveOut["entities"]![0]!;
        Assert.Equal("PR", Text(entity["entityCode"]));
        Assert.Equal("EVERNORTH BEHAVIORAL HEALTH", Text(entity["name"]));
        Assert.Null(entity["id"]);
        Assert.Equal("8005550100", Text(entity["phone"]));
    }

    [Fact]
    public async Task Properties_come_in_the_documented_order()
    {
        var transaction = await ParseOneAsync("271-cigna-active-carveout.x12");
        var subscriber = transaction["subscribers"]![0]!;
        var benefit = subscriber["benefits"]![0]!;

        Assert.Equal(["type", "controlNumber", "reference", "payer", "receiver", "subscribers"], Names(transaction));
        Assert.Equal(["name", "id", "errors"], Names(transaction["payer"]!));
        Assert.Equal(
            ["traceNumbers", "memberId", "lastName", "firstName", "birthDate", "gender", "planBegin", "planEnd",
             "eligibilityBegin", "eligibilityEnd", "errors", "benefits", "dependents"],
            Names(subscriber));
        Assert.Equal(
            ["code", "coverageLevel", "serviceTypes", "insuranceType", "planDescription", "timePeriod", "amount", "percent",
             "quantityQualifier", "quantity", "authorizationRequired", "inNetwork", "messages", "entities"],
            Names(benefit));
    }

    [Fact]
    public async Task A_rejected_member_shows_the_AAA_error()
    {
        var subscriber = (await ParseOneAsync("271-reject-invalid-member.x12"))["subscribers"]![0]!;

        var error = Assert.IsType<JsonObject>(Assert.Single(subscriber["errors"]!.AsArray()));
        Assert.Equal(["valid", "code", "followUp"], Names(error));
        Assert.False(error["valid"]!.GetValue<bool>());
        Assert.Equal("72", Text(error["code"]));
        Assert.Equal("C", Text(error["followUp"]));
        Assert.Empty(subscriber["benefits"]!.AsArray());
    }

    [Fact]
    public async Task An_unavailable_payer_reports_at_the_payer_with_no_subscribers()
    {
        var transaction = await ParseOneAsync("271-payer-unavailable.x12");

        var error = Assert.Single(transaction["payer"]!["errors"]!.AsArray())!;
        Assert.True(error["valid"]!.GetValue<bool>());
        Assert.Equal("42", Text(error["code"]));
        Assert.Equal("R", Text(error["followUp"]));
        Assert.Empty(transaction["subscribers"]!.AsArray());
    }

    [Fact]
    public async Task A_270_prints_the_request()
    {
        var transaction = await ParseOneAsync("270-cigna-residential.x12");

        Assert.Equal("270", Text(transaction["type"]));
        Assert.Equal("VOB-8812", Text(transaction["reference"]));
        Assert.Equal("62308", Text(transaction["payer"]!["id"]));
        Assert.Equal("1234567893", Text(transaction["provider"]!["id"]));
        Assert.Equal("DOE", Text(transaction["subscriber"]!["lastName"]));
        Assert.Null(transaction["dependent"]);
        Assert.Equal("VOB-8812-1", Text(transaction["traceNumber"]));
        Assert.Equal("9123456789", Text(transaction["traceOriginator"]));
        Assert.Equal("2026-01-15", Text(transaction["serviceDate"]));
        Assert.Equal(["AI", "A7", "RT"], Texts(transaction["serviceTypes"]));
    }

    [Fact]
    public async Task A_278_request_prints_the_admission_review()
    {
        var transaction = await ParseOneAsync("278-request-residential.x12");

        Assert.Equal("278", Text(transaction["type"]));
        Assert.Equal("TRICARE EAST", Text(transaction["reviewOrganization"]!["name"]));
        Assert.Equal("AR", Text(transaction["requestCategory"]));
        Assert.Equal("2026-01-18", Text(transaction["admissionDate"]));
        Assert.Equal(["F1120", "F332"], Texts(transaction["diagnoses"]));
        Assert.Equal("30", transaction["quantity"]!.ToJsonString());
    }

    [Fact]
    public async Task A_278_response_prints_the_decision()
    {
        var transaction = await ParseOneAsync("278-response-certified.x12");

        Assert.Equal("TR99887766", Text(transaction["subscriber"]!["memberId"]));
        var decision = Assert.Single(transaction["decisions"]!.AsArray())!;
        Assert.Equal("A1", Text(decision["actionCode"]));
        Assert.Equal("TE20260116001", Text(decision["certificationNumber"]));
        Assert.Equal("14", decision["quantity"]!.ToJsonString());
    }

    [Fact]
    public async Task Every_transaction_of_a_file_is_printed_in_order()
    {
        var text = string.Concat(
            File.ReadAllText(CliRun.Fixture("271-reject-invalid-member.x12")),
            File.ReadAllText(CliRun.Fixture("278-response-certified.x12")));
        using var file = TempFile.WithText(text, ".x12");

        var run = await CliRun.RunAsync("x12", "parse", file.Path);

        Assert.Equal(0, run.ExitCode);
        var transactions = JsonNode.Parse(run.Output)!["transactions"]!.AsArray();
        Assert.Equal(["VOB-9001", "AUTH-5501"], transactions.Select(t => Text(t!["reference"])));
    }

    [Fact]
    public async Task A_missing_file_is_bad_input()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-file.x12");

        var run = await CliRun.RunAsync("x12", "parse", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"error: file not found: {path}"], run.ErrorLines);
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData("this is not X12")]
    [InlineData("ISA*00*          *00*          *ZZ*CLEARINGHSE    *ZZ*SUBMITTERID    *260115*0930*^*00501*000000102*0*T*:~GS*HB*CLEARINGHSE~ST*271*0001*005010X279A1~")]
    public async Task Malformed_X12_is_one_error_line_and_no_output(string text)
    {
        using var file = TempFile.WithText(text, ".x12");

        var run = await CliRun.RunAsync("x12", "parse", file.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"^error: \S.* \(segment \d+, offset \d+\)$", Assert.Single(run.ErrorLines));
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData]
    [InlineData("parse")]
    [InlineData("tokenize", "file.x12")]
    public async Task An_incomplete_x12_command_is_a_usage_error(params string[] rest)
    {
        var run = await CliRun.RunAsync(["x12", .. rest]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: use 'x12 parse FILE'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_usage_lists_the_x12_commands()
    {
        var run = await CliRun.RunAsync("help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("x12 parse FILE", run.Output, StringComparison.Ordinal);
        Assert.Contains("x12 build-270 --json REQUEST.json", run.Output, StringComparison.Ordinal);
    }

    private static async Task<JsonNode> ParseOneAsync(string fixture)
    {
        var run = await CliRun.RunAsync("x12", "parse", CliRun.Fixture(fixture));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Empty(run.Error);
        return Assert.Single(JsonNode.Parse(run.Output)!["transactions"]!.AsArray())!;
    }

    private static string? Text(JsonNode? node) => node?.GetValue<string>();

    private static IEnumerable<string?> Texts(JsonNode? node) => node!.AsArray().Select(Text);

    private static IEnumerable<string> Names(JsonNode node) => node.AsObject().Select(p => p.Key);
}
