using System.Net;
using System.Text.Json;
using Admissions.Web.Tests.Support;

namespace Admissions.Web.Tests.Api;

/// <summary>The contract an integrator reads before they have a key: public, the API only, typed, with the key scheme.</summary>
public sealed class OpenApiDocumentTests(AdmissionsWebFactory factory) : IClassFixture<AdmissionsWebFactory>
{
    private async Task<JsonElement> DocumentAsync()
    {
        using var anonymous = factory.CreateBrowser();
        using var response = await anonymous.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static JsonElement Schema(JsonElement document, string name) =>
        document.GetProperty("components").GetProperty("schemas").GetProperty(name);

    private static string[] EnumNames(JsonElement schema) => [.. schema.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!)];

    [Fact]
    public async Task The_document_is_readable_without_signing_in_and_holds_only_the_public_api()
    {
        var document = await DocumentAsync();

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(["/api/v1/inquiries", "/api/v1/inquiries/{number}"], paths);
    }

    [Fact]
    public async Task The_document_declares_the_api_key_header_scheme_and_requires_it()
    {
        var document = await DocumentAsync();

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        var requirement = Assert.Single(document.GetProperty("security").EnumerateArray());
        Assert.True(requirement.TryGetProperty("ApiKey", out _));
    }

    [Fact]
    public async Task The_request_schema_is_typed_enums_by_name_substances_as_an_array_of_the_enum_with_an_example()
    {
        var document = await DocumentAsync();

        var body = document.GetProperty("paths").GetProperty("/api/v1/inquiries").GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Equal("#/components/schemas/IntakeRequest", body.GetProperty("$ref").GetString());
        var request = Schema(document, "IntakeRequest");
        var properties = request.GetProperty("properties");
        Assert.False(properties.TryGetProperty("referralOrganisationId", out _));
        Assert.False(request.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(["callerName", "patientFirstName"], request.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Order());

        var substances = properties.GetProperty("substances");
        Assert.Equal("array", substances.GetProperty("type").GetString());
        Assert.Equal("#/components/schemas/SubstanceConcerns", substances.GetProperty("items").GetProperty("$ref").GetString());
        Assert.Equal(["Alcohol", "OpioidsHeroin", "Fentanyl", "Benzodiazepines", "Cocaine", "MethamphetamineAmphetamines", "Sedatives", "Cannabis", "Other"],
            EnumNames(Schema(document, "SubstanceConcerns")));
        Assert.Contains("Anxiety", EnumNames(Schema(document, "MentalHealthConcerns")));
        Assert.Equal(["Routine", "Soon", "Urgent", "Crisis"], EnumNames(Schema(document, "Urgency")));
        Assert.Contains("WebForm", EnumNames(Schema(document, "InquirySource")));
        Assert.Equal("#/components/schemas/Urgency", properties.GetProperty("urgency").GetProperty("$ref").GetString());

        var example = Assert.Single(request.GetProperty("examples").EnumerateArray());
        Assert.Equal(["Alcohol", "Fentanyl"], example.GetProperty("substances").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task The_status_schema_is_the_coarse_status_and_timestamps_only()
    {
        var document = await DocumentAsync();

        var status = Schema(document, "InquiryStatus");
        Assert.Equal(["closedAt", "number", "receivedAt", "status"], status.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(["Received", "InProgress", "Closed"], EnumNames(Schema(document, "InquiryProgress")));
    }

    [Fact]
    public async Task Every_operation_documents_its_errors_as_problem_details()
    {
        var document = await DocumentAsync();

        var post = document.GetProperty("paths").GetProperty("/api/v1/inquiries").GetProperty("post").GetProperty("responses");
        foreach (var status in new[] { "400", "401", "413", "415", "422", "429" })
        {
            Assert.True(post.GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), status);
        }
    }
}
