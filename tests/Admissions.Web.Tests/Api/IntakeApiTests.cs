using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Admissions.Application.ApiKeys;
using Admissions.Application.Inquiries;
using Admissions.Domain.Inquiries;
using Admissions.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Web.Tests.Api;

/// <summary>The public intake API: API-key authentication, validation, idempotency, rate limits and the status lookup.</summary>
public sealed class IntakeApiTests(AdmissionsWebFactory factory) : IClassFixture<AdmissionsWebFactory>
{
    private const string Inquiries = "/api/v1/inquiries";
    private const string ProblemJson = "application/problem+json";

    private static object ValidForm(string phone = "(555) 201-4477", string callerName = "Dana Smith") => new
    {
        callerName,
        callerPhone = phone,
        callerRelationship = "Parent",
        patientFirstName = "Alex",
        patientLastName = "Smith",
        source = "WebForm",
        substances = new[] { "Alcohol", "Fentanyl" },
        urgency = "Urgent",
    };

    private static HttpRequestMessage Post(string? apiKey, HttpContent content, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Inquiries) { Content = content };
        if (apiKey is not null)
        {
            request.Headers.Add(ApiKeySecret.HeaderName, apiKey);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        using var client = factory.CreateBrowser();
        return await client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> GetStatusAsync(string? apiKey, string number)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Inquiries}/{number}");
        if (apiKey is not null)
        {
            request.Headers.Add(ApiKeySecret.HeaderName, apiKey);
        }

        return await SendAsync(request);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Post_without_an_api_key_is_401_problem()
    {
        using var response = await SendAsync(Post(null, JsonContent.Create(ValidForm())));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Post_with_an_unknown_api_key_is_401_problem()
    {
        using var response = await SendAsync(Post(ApiKeySecret.Generate(), JsonContent.Create(ValidForm())));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_with_a_revoked_api_key_is_401_and_creates_nothing()
    {
        var (id, key) = await factory.CreateApiKeyAsync("Old website form");
        await factory.RevokeApiKeyAsync(id);

        using var response = await SendAsync(Post(key, JsonContent.Create(ValidForm())));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(0, await factory.QueryAsync(db => db.Inquiries.CountAsync(i => i.CreatedById == $"apikey:{id}")));
    }

    [Fact]
    public async Task Valid_post_is_201_with_location_and_the_new_inquiry_number()
    {
        var (id, key) = await factory.CreateApiKeyAsync();

        using var response = await SendAsync(Post(key, JsonContent.Create(ValidForm())));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await JsonAsync(response);
        var number = body.GetProperty("number").GetString()!;
        Assert.StartsWith("INQ-", number, StringComparison.Ordinal);
        Assert.NotEqual(Guid.Empty, body.GetProperty("id").GetGuid());
        Assert.True(body.GetProperty("createdAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal($"{Inquiries}/{number}", body.GetProperty("statusUrl").GetString());
        Assert.Equal($"{Inquiries}/{number}", response.Headers.Location?.OriginalString);

        var stored = await factory.QueryAsync(db => db.Inquiries.AsNoTracking().SingleAsync(i => i.Number == number));
        Assert.Equal($"apikey:{id}", stored.CreatedById);
        Assert.Equal("Dana Smith", stored.Details.CallerName);
        Assert.Equal("(555) 201-4477", stored.Details.CallerPhone);
    }

    [Fact]
    public async Task Invalid_phone_is_400_validation_problem_with_camel_case_field_names()
    {
        var (_, key) = await factory.CreateApiKeyAsync();

        using var response = await SendAsync(Post(key, JsonContent.Create(ValidForm(phone: "12345"))));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var problem = await JsonAsync(response);
        Assert.Equal(Inquiries, problem.GetProperty("instance").GetString());
        var errors = problem.GetProperty("errors");
        var phone = errors.GetProperty("callerPhone");
        Assert.Contains(phone.EnumerateArray(), m => m.GetString()!.Contains("10-digit", StringComparison.Ordinal));
        Assert.DoesNotContain(errors.EnumerateObject(), p => p.Name.StartsWith("Form.", StringComparison.Ordinal) || char.IsUpper(p.Name[0]));
    }

    [Fact]
    public async Task No_way_to_reach_anyone_is_400_and_nothing_is_created()
    {
        var (id, key) = await factory.CreateApiKeyAsync();
        var form = new { callerName = "Dana Smith", patientFirstName = "Alex", source = "WebForm" };

        using var response = await SendAsync(Post(key, JsonContent.Create(form)));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var messages = (await JsonAsync(response)).GetProperty("errors").GetProperty("callerPhone").EnumerateArray().Select(m => m.GetString());
        Assert.Contains(messages, m => m!.Contains("at least one way to reach", StringComparison.Ordinal));
        Assert.Equal(0, await factory.QueryAsync(db => db.Inquiries.CountAsync(i => i.CreatedById == $"apikey:{id}")));
    }

    [Theory]
    [InlineData("{\"callerName\": \"Dana\", ")]
    [InlineData("not json at all")]
    [InlineData("{\"callerName\":\"Dana Smith\",\"callerPhone\":\"(555) 201-4477\",\"patientFirstName\":\"Alex\",\"urgency\":\"Extreme\"}")]
    [InlineData("{\"callerName\":\"Dana Smith\",\"callerPhone\":\"(555) 201-4477\",\"patientFirstName\":\"Alex\",\"patientDateOfBirth\":\"31/12/1990\"}")]
    [InlineData("{\"callerName\":\"Dana Smith\",\"callerPhone\":\"(555) 201-4477\",\"patientFirstName\":\"Alex\",\"substances\":-1}")]
    [InlineData("{\"callerName\":\"Dana Smith\",\"callerPhone\":\"(555) 201-4477\",\"patientFirstName\":\"Alex\",\"substances\":[-1]}")]
    [InlineData("{\"callerName\":\"Dana Smith\",\"callerPhone\":\"(555) 201-4477\",\"patientFirstName\":\"Alex\",\"substances\":[2147483647]}")]
    [InlineData("{\"callerName\":\"Dana Smith\",\"callerPhone\":\"(555) 201-4477\",\"patientFirstName\":\"Alex\",\"substances\":[\"2147483647\"]}")]
    [InlineData("{\"callerName\":\"Dana Smith\",\"callerPhone\":\"(555) 201-4477\",\"patientFirstName\":\"Alex\",\"substances\":[\"Alcohol\",\"Glue\"]}")]
    [InlineData("{\"callerName\":\"Dana Smith\",\"callerPhone\":\"(555) 201-4477\",\"patientFirstName\":\"Alex\",\"urgency\":2147483647}")]
    [InlineData("{\"callerName\":\"Dana Smith\",\"callerPhone\":\"(555) 201-4477\",\"patientFirstName\":\"Alex\",\"mentalHealthConcerns\":[-1]}")]
    [InlineData("{\"callerName\":\"Dana Smith\",\"callerPhone\":\"(555) 201-4477\",\"patientFirstName\":\"Alex\",\"referralOrganisationId\":\"6f1c1d3e-0000-0000-0000-000000000001\"}")]
    public async Task Malformed_json_an_undefined_enum_value_or_an_unknown_field_is_400_problem_and_stores_nothing(string json)
    {
        var (id, key) = await factory.CreateApiKeyAsync();

        using var response = await SendAsync(Post(key, new StringContent(json, Encoding.UTF8, "application/json")));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(0, await factory.QueryAsync(db => db.Inquiries.CountAsync(i => i.CreatedById == $"apikey:{id}")));
    }

    [Theory]
    [InlineData("callerName", "Dana \\u202Ehtims")]
    [InlineData("patientFirstName", "Al\\u202Eex")]
    [InlineData("patientLastName", "Smith\\u2066")]
    [InlineData("callerName", "Dana\\u0000Smith")]
    [InlineData("patientFirstName", "Alex\\nSmith")]
    [InlineData("patientLastName", "Sm\\u200Bith")]
    public async Task A_name_with_control_or_text_direction_characters_is_400_at_that_field(string field, string jsonValue)
    {
        var (id, key) = await factory.CreateApiKeyAsync();
        var fields = new Dictionary<string, string>
        {
            ["callerName"] = "Dana Smith",
            ["callerPhone"] = "(555) 201-4477",
            ["patientFirstName"] = "Alex",
            ["patientLastName"] = "Smith",
        };
        fields[field] = jsonValue;
        var json = "{" + string.Join(",", fields.Select(f => $"\"{f.Key}\":\"{f.Value}\"")) + "}";

        using var response = await SendAsync(Post(key, new StringContent(json, Encoding.UTF8, "application/json")));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var messages = (await JsonAsync(response)).GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString());
        Assert.Contains(messages, m => m!.Contains("text-direction", StringComparison.Ordinal));
        Assert.Equal(0, await factory.QueryAsync(db => db.Inquiries.CountAsync(i => i.CreatedById == $"apikey:{id}")));
    }

    [Fact]
    public async Task Substances_arrive_as_an_array_of_names_and_are_stored_as_the_set_named()
    {
        var (_, key) = await factory.CreateApiKeyAsync();

        using var response = await SendAsync(Post(key, JsonContent.Create(ValidForm())));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var number = (await JsonAsync(response)).GetProperty("number").GetString()!;
        var stored = await factory.QueryAsync(db => db.Inquiries.AsNoTracking().SingleAsync(i => i.Number == number));
        Assert.Equal(SubstanceConcerns.Alcohol | SubstanceConcerns.Fentanyl, stored.Details.Substances);
    }

    [Fact]
    public async Task Same_idempotency_key_and_body_replays_the_first_answer_and_creates_one_inquiry()
    {
        var (id, key) = await factory.CreateApiKeyAsync();
        var idempotencyKey = Guid.NewGuid().ToString();

        using var first = await SendAsync(Post(key, JsonContent.Create(ValidForm()), idempotencyKey));
        using var second = await SendAsync(Post(key, JsonContent.Create(ValidForm()), idempotencyKey));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var firstBody = await JsonAsync(first);
        var secondBody = await JsonAsync(second);
        Assert.Equal(firstBody.GetProperty("number").GetString(), secondBody.GetProperty("number").GetString());
        Assert.Equal(firstBody.GetProperty("id").GetGuid(), secondBody.GetProperty("id").GetGuid());
        Assert.Equal(1, await factory.QueryAsync(db => db.Inquiries.CountAsync(i => i.CreatedById == $"apikey:{id}")));
    }

    [Fact]
    public async Task Same_idempotency_key_with_a_different_body_is_422()
    {
        var (id, key) = await factory.CreateApiKeyAsync();
        var idempotencyKey = Guid.NewGuid().ToString();

        using var first = await SendAsync(Post(key, JsonContent.Create(ValidForm()), idempotencyKey));
        using var second = await SendAsync(Post(key, JsonContent.Create(ValidForm(callerName: "Someone Else")), idempotencyKey));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await AssertProblemAsync(second, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(1, await factory.QueryAsync(db => db.Inquiries.CountAsync(i => i.CreatedById == $"apikey:{id}")));
    }

    [Fact]
    public async Task Sixth_request_in_a_minute_is_429_with_retry_after()
    {
        // The fixture allows 5 requests a minute per key.
        var (_, key) = await factory.CreateApiKeyAsync();
        for (var i = 0; i < 5; i++)
        {
            using var allowed = await GetStatusAsync(key, "INQ-1999-000001");
            Assert.Equal(HttpStatusCode.NotFound, allowed.StatusCode);
        }

        using var response = await GetStatusAsync(key, "INQ-1999-000001");

        await AssertProblemAsync(response, HttpStatusCode.TooManyRequests);
        Assert.True(response.Headers.RetryAfter is not null, "Retry-After header is missing");

        // Another key has its own budget.
        var (_, other) = await factory.CreateApiKeyAsync("Call tracking");
        using var otherResponse = await GetStatusAsync(other, "INQ-1999-000001");
        Assert.Equal(HttpStatusCode.NotFound, otherResponse.StatusCode);
    }

    [Fact]
    public async Task Status_lookup_says_received_in_progress_or_closed_with_timestamps_and_never_the_stage_or_outcome()
    {
        var (_, key) = await factory.CreateApiKeyAsync();
        var form = new
        {
            callerName = "Dana Smith",
            callerPhone = "(555) 201-4477",
            callerEmail = "dana.smith@example.com",
            patientFirstName = "Alexandria",
            patientLastName = "Quillfeather",
            patientPhone = "(555) 309-8812",
            source = "WebForm",
            notes = "Daily fentanyl use",
        };
        using var created = await SendAsync(Post(key, JsonContent.Create(form)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var createdBody = await JsonAsync(created);
        var number = createdBody.GetProperty("number").GetString()!;
        var id = createdBody.GetProperty("id").GetGuid();

        var received = await StatusTextAsync(key, number);
        await factory.SendAsAdminAsync(new MoveInquiryStage(id, InquiryStage.Contacted));
        var inProgress = await StatusTextAsync(key, number);
        await factory.SendAsAdminAsync(new MoveInquiryStage(id, InquiryStage.NotAdmitted, NotAdmittedReason.Declined, "Chose to wait"));
        var closed = await StatusTextAsync(key, number);

        var body = JsonDocument.Parse(received).RootElement;
        Assert.Equal(["number", "status", "receivedAt", "closedAt"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(number, body.GetProperty("number").GetString());
        Assert.Equal("Received", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("receivedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("closedAt").ValueKind);
        Assert.Equal("InProgress", JsonDocument.Parse(inProgress).RootElement.GetProperty("status").GetString());
        var closedBody = JsonDocument.Parse(closed).RootElement;
        Assert.Equal("Closed", closedBody.GetProperty("status").GetString());
        Assert.True(closedBody.GetProperty("closedAt").GetDateTimeOffset() >= body.GetProperty("receivedAt").GetDateTimeOffset());
        foreach (var text in new[] { received, inProgress, closed })
        {
            foreach (var secret in new[] { "Alexandria", "Quillfeather", "Dana", "Smith", "201-4477", "2014477", "309-8812", "3098812", "example.com", "fentanyl",
                "stage", "Contacted", "NotAdmitted", "Declined", "Admitted", "ReferredOut" })
            {
                Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    private async Task<string> StatusTextAsync(string key, string number)
    {
        using var response = await GetStatusAsync(key, number);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Status_lookup_of_an_unknown_number_is_404_problem()
    {
        var (_, key) = await factory.CreateApiKeyAsync();

        using var response = await GetStatusAsync(key, "INQ-1999-999999");

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Status_lookup_of_an_inquiry_sent_by_another_key_is_404()
    {
        var (_, website) = await factory.CreateApiKeyAsync("Website form");
        var (_, callTracking) = await factory.CreateApiKeyAsync("Call tracking");
        using var created = await SendAsync(Post(website, JsonContent.Create(ValidForm())));
        var number = (await JsonAsync(created)).GetProperty("number").GetString()!;

        using var own = await GetStatusAsync(website, number);
        using var other = await GetStatusAsync(callTracking, number);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await AssertProblemAsync(other, HttpStatusCode.NotFound);
    }
}
