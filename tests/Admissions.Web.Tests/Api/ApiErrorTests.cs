using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Admissions.Application.ApiKeys;
using Admissions.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Admissions.Web.Tests.Api;

/// <summary>
/// Every API error is a problem (JSON), never a redirect to the sign-in page; client mistakes are logged as what they are,
/// without stack traces; answers are never cached; bodies over 64 KB are refused before they are read.
/// </summary>
public sealed class ApiErrorTests(ApiErrorTests.LoggingFactory factory) : IClassFixture<ApiErrorTests.LoggingFactory>
{
    public sealed class LoggingFactory : AdmissionsWebFactory
    {
        public CapturedLogs Logs { get; } = new();

        protected override int PermitsPerMinute => 10;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
            builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(Logs));
        }
    }

    private const string Inquiries = "/api/v1/inquiries";

    private static readonly object ValidForm = new { callerName = "Dana Smith", callerPhone = "(555) 201-4477", patientFirstName = "Alex" };

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? apiKey, HttpContent? content = null)
    {
        using var client = factory.CreateBrowser();
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (apiKey is not null)
        {
            request.Headers.Add(ApiKeySecret.HeaderName, apiKey);
        }

        return await client.SendAsync(request);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode} {response.Headers.Location}: {body}");
        Assert.Null(response.Headers.Location);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task A_text_plain_post_with_a_key_is_415_problem()
    {
        var (id, key) = await factory.CreateApiKeyAsync();

        using var response = await SendAsync(HttpMethod.Post, Inquiries, key, new StringContent("Dana Smith (555) 201-4477", Encoding.UTF8, "text/plain"));

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(0, await factory.QueryAsync(db => db.Inquiries.CountAsync(i => i.CreatedById == $"apikey:{id}")));
    }

    [Fact]
    public async Task A_text_plain_post_without_a_key_is_401_problem_not_a_redirect_to_sign_in()
    {
        using var response = await SendAsync(HttpMethod.Post, Inquiries, null, new StringContent("Dana Smith (555) 201-4477", Encoding.UTF8, "text/plain"));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("PUT", "/api/v1/inquiries")]
    [InlineData("DELETE", "/api/v1/inquiries/INQ-2026-000001")]
    [InlineData("GET", "/api/v1/nothing-here")]
    public async Task A_method_or_path_the_api_does_not_have_is_a_problem_not_a_redirect(string method, string path)
    {
        var (_, key) = await factory.CreateApiKeyAsync();

        using var anonymous = await SendAsync(new HttpMethod(method), path, null);
        using var withKey = await SendAsync(new HttpMethod(method), path, key);

        foreach (var response in new[] { anonymous, withKey })
        {
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{method} {path} answered {(int)response.StatusCode} {response.Headers.Location}");
            await AssertProblemAsync(response, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_declared_body_over_64_KB_is_413_before_it_is_read_even_when_it_is_not_json()
    {
        var (id, key) = await factory.CreateApiKeyAsync();
        var body = new ByteArrayContent(new byte[10 * 1024 * 1024]);
        body.Headers.ContentType = new("application/json");

        using var response = await SendAsync(HttpMethod.Post, Inquiries, key, body);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, await factory.QueryAsync(db => db.Inquiries.CountAsync(i => i.CreatedById == $"apikey:{id}")));
    }

    [Fact]
    public async Task A_body_just_under_the_limit_is_read()
    {
        var (_, key) = await factory.CreateApiKeyAsync();
        // Whitespace between JSON tokens is valid: a body of 60 KB that is still a small inquiry.
        var json = "{" + new string(' ', 60_000) + JsonSerializer.Serialize(new { callerName = "Dana Smith", callerPhone = "(555) 201-4477", patientFirstName = "Alex" })[1..];

        using var response = await SendAsync(HttpMethod.Post, Inquiries, key, new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Every_api_answer_says_no_store()
    {
        var (_, key) = await factory.CreateApiKeyAsync();

        using var created = await SendAsync(HttpMethod.Post, Inquiries, key, JsonContent.Create(ValidForm));
        var number = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("number").GetString();
        using var status = await SendAsync(HttpMethod.Get, $"{Inquiries}/{number}", key);
        using var notFound = await SendAsync(HttpMethod.Get, $"{Inquiries}/INQ-1999-999999", key);
        using var unauthorized = await SendAsync(HttpMethod.Get, $"{Inquiries}/{number}", null);
        using var invalid = await SendAsync(HttpMethod.Post, Inquiries, key, JsonContent.Create(new { callerName = "" }));

        foreach (var response in new[] { created, status, notFound, unauthorized, invalid })
        {
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{(int)response.StatusCode} has Cache-Control '{response.Headers.CacheControl}'");
        }

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
    }

    [Fact]
    public async Task Client_errors_are_logged_below_error_without_stack_traces()
    {
        var (_, key) = await factory.CreateApiKeyAsync();
        var (_, busyKey) = await factory.CreateApiKeyAsync("Busy form");
        var idempotency = Guid.NewGuid().ToString();
        var before = factory.Logs.Events.Count;

        async Task SendWithIdempotencyAsync(object form)
        {
            using var client = factory.CreateBrowser();
            using var request = new HttpRequestMessage(HttpMethod.Post, Inquiries) { Content = JsonContent.Create(form) };
            request.Headers.Add(ApiKeySecret.HeaderName, key);
            request.Headers.Add("Idempotency-Key", idempotency);
            using var response = await client.SendAsync(request);
        }

        (await SendAsync(HttpMethod.Post, Inquiries, key, JsonContent.Create(new { callerName = "Dana Smith", patientFirstName = "Alex" }))).Dispose(); // 400
        (await SendAsync(HttpMethod.Post, Inquiries, key, new StringContent("{ not json", Encoding.UTF8, "application/json"))).Dispose(); // 400
        (await SendAsync(HttpMethod.Get, $"{Inquiries}/INQ-1999-999999", null)).Dispose(); // 401
        (await SendAsync(HttpMethod.Get, $"{Inquiries}/INQ-1999-999999", key)).Dispose(); // 404
        var big = new ByteArrayContent(new byte[100 * 1024]);
        big.Headers.ContentType = new("application/json");
        (await SendAsync(HttpMethod.Post, Inquiries, key, big)).Dispose(); // 413
        (await SendAsync(HttpMethod.Post, Inquiries, key, new StringContent("x", Encoding.UTF8, "text/plain"))).Dispose(); // 415
        await SendWithIdempotencyAsync(ValidForm);
        await SendWithIdempotencyAsync(new { callerName = "Someone Else", callerPhone = "(555) 201-4477", patientFirstName = "Alex" }); // 422
        for (var i = 0; i <= 10; i++)
        {
            (await SendAsync(HttpMethod.Get, $"{Inquiries}/INQ-1999-999999", busyKey)).Dispose(); // 404 ten times, then 429
        }

        int[] clientErrors = [400, 401, 404, 413, 415, 422, 429];
        await factory.Logs.WaitForResponsesAsync(clientErrors);
        var events = factory.Logs.Events.Skip(before).ToList();
        foreach (var status in clientErrors)
        {
            var responses = factory.Logs.Responses(status);
            Assert.True(responses.Count > 0, $"No request was logged as {status}");
            Assert.All(responses, e => Assert.True(e.Level is LogEventLevel.Information or LogEventLevel.Warning, $"{status} logged at {e.Level}"));
        }

        Assert.Empty(factory.Logs.Responses(500));
        Assert.DoesNotContain(events, e => e.Level >= LogEventLevel.Error);
        Assert.DoesNotContain(events, e => e.Exception is not null);
    }
}
