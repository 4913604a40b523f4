using System.Net;
using System.Text.Json;
using Admissions.Web.Tests.Support;

namespace Admissions.Web.Tests.Api;

public sealed class HealthTests(AdmissionsWebFactory factory) : IClassFixture<AdmissionsWebFactory>
{
    [Fact]
    public async Task Health_is_public_and_reports_the_database_and_job_storage()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetString());
        Assert.Equal("Healthy", checks.GetProperty("jobs").GetString());
        Assert.Equal(["database", "jobs"], checks.EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Live_answers_for_the_process_alone_and_ready_for_what_serving_needs()
    {
        using var client = factory.CreateBrowser();

        using var live = await client.GetAsync("/health/live");
        using var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var liveBody = JsonDocument.Parse(await live.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", liveBody.GetProperty("status").GetString());
        Assert.Empty(liveBody.GetProperty("checks").EnumerateObject());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var readyChecks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        // No Redis is configured here, so there is no Redis to wait for.
        Assert.Equal(["database", "jobs"], readyChecks.EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
    }
}
