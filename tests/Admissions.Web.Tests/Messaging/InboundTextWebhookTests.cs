using System.Net;
using Admissions.Domain.Messaging;
using Admissions.Infrastructure.Persistence;
using Admissions.Web.Api;
using Admissions.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admissions.Web.Tests.Messaging;

/// <summary>The app with an inbound-text secret configured, as a Twilio deployment has.</summary>
public sealed class InboundTextWebFactory : AdmissionsWebFactory
{
    public const string Secret = "webhook-secret-0123456789";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Messaging:Sms:InboundSecret", Secret);
    }
}

public sealed class InboundTextWebhookTests(InboundTextWebFactory factory) : IClassFixture<InboundTextWebFactory>
{
    private static FormUrlEncodedContent Text(string from, string body) => new(new Dictionary<string, string>
    {
        ["MessageSid"] = "SM00000000000000000000000000000001",
        ["From"] = from,
        ["To"] = "+15550100100",
        ["Body"] = body,
    });

    [Fact]
    public async Task A_STOP_from_Twilio_with_the_secret_opts_the_number_out_and_answers_empty_TwiML()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.PostAsync($"{MessagingWebhooks.InboundPath}?secret={InboundTextWebFactory.Secret}", Text("+15552014499", "STOP"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<Response></Response>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AdmissionsDbContext>>().CreateDbContextAsync();
        var optOut = await db.MessagingOptOuts.SingleAsync(o => o.Address == "+15552014499");
        Assert.Equal((MessageChannel.Sms, OptOutSource.InboundStop), (optOut.Channel, optOut.Source));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?secret=wrong")]
    public async Task Without_the_right_secret_nothing_is_recorded(string query)
    {
        using var client = factory.CreateBrowser();

        using var response = await client.PostAsync(MessagingWebhooks.InboundPath + query, Text("+15552014488", "STOP"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AdmissionsDbContext>>().CreateDbContextAsync();
        Assert.False(await db.MessagingOptOuts.AnyAsync(o => o.Address == "+15552014488"));
    }
}

public sealed class InboundTextWebhookDisabledTests(AdmissionsWebFactory factory) : IClassFixture<AdmissionsWebFactory>
{
    [Fact]
    public async Task With_no_secret_configured_the_webhook_does_not_exist()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.PostAsync($"{MessagingWebhooks.InboundPath}?secret=", new FormUrlEncodedContent(new Dictionary<string, string> { ["From"] = "+15552014477", ["Body"] = "STOP" }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
