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
}
