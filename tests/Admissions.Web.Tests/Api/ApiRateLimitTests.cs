using System.Net;
using Admissions.Application.ApiKeys;
using Admissions.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Admissions.Web.Tests.Api;

/// <summary>Made-up keys from one address run out of that address's budget before any key is looked up.</summary>
public sealed class ApiRateLimitTests(ApiRateLimitTests.SmallAddressBudget factory) : IClassFixture<ApiRateLimitTests.SmallAddressBudget>
{
    public sealed class SmallAddressBudget : AdmissionsWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Api:PermitsPerMinutePerAddress", "10");
        }
    }

    [Fact]
    public async Task Random_keys_from_one_address_get_429_once_the_address_budget_is_spent_and_no_key_is_looked_up_after()
    {
        var (realKeyId, realKey) = await factory.CreateApiKeyAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 15; i++)
        {
            using var response = await GetStatusAsync(ApiKeySecret.Generate());
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        // A real key from the same address is turned away too, before it is looked up: a lookup stamps its last use.
        using var real = await GetStatusAsync(realKey);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 10), statuses.Take(10));
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 5), statuses.Skip(10));
        Assert.Equal(HttpStatusCode.TooManyRequests, real.StatusCode);
        Assert.Null(await factory.QueryAsync(db => db.ApiKeys.Where(k => k.Id == realKeyId).Select(k => k.LastUsedAt).SingleAsync()));
    }

    private async Task<HttpResponseMessage> GetStatusAsync(string key)
    {
        using var client = factory.CreateBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/inquiries/INQ-2026-000001");
        request.Headers.Add(ApiKeySecret.HeaderName, key);
        return await client.SendAsync(request);
    }
}
