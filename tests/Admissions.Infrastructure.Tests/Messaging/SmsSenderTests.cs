using System.Net;
using System.Text;
using System.Text.Json;
using Admissions.Application.Messaging;
using Admissions.Infrastructure.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Admissions.Infrastructure.Tests.Messaging;

public sealed class SmsSenderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "admissions-outbox-tests", Guid.NewGuid().ToString("N"));
    private static readonly SmsToSend Text = new(Guid.CreateVersion7(), "+15552014477", "Hi Maria, this is Jordan from Admissions at Cedar Ridge. Reply STOP to opt out.");

    private static SmsSettings Twilio() => new()
    {
        Mode = SmsMode.Twilio,
        FromNumber = "+15550100100",
        Twilio = new TwilioSettings { BaseUrl = "https://twilio.test", AccountSid = "AC123", AuthToken = "token-xyz" },
    };

    [Fact]
    public async Task The_file_outbox_writes_each_text_as_json()
    {
        var sender = new FileSmsSender(FileOutboxFolders.Under(_folder), new SmsSettings { FromNumber = "+15550100100" },
            new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 14, 0, 0, TimeSpan.Zero)));

        var receipt = await sender.SendAsync(Text, CancellationToken.None);

        var json = await File.ReadAllTextAsync(Path.Combine(_folder, "outbox", "sms", receipt.ProviderMessageId!));
        var written = JsonSerializer.Deserialize<FileSms>(json, FileSms.Json)!;
        Assert.Equal((Text.MessageId, "+15550100100", "+15552014477", Text.Body), (written.MessageId, written.From, written.To, written.Body));
    }

    [Fact]
    public async Task Twilio_gets_a_form_post_with_basic_auth_and_its_sid_is_kept()
    {
        var twilio = new FakeTwilio(HttpStatusCode.Created, """{"sid":"SM0123456789","status":"queued"}""");
        var sender = new TwilioSmsSender(new HttpClient(twilio), Twilio());

        var receipt = await sender.SendAsync(Text, CancellationToken.None);

        Assert.Equal("SM0123456789", receipt.ProviderMessageId);
        Assert.Equal("https://twilio.test/2010-04-01/Accounts/AC123/Messages.json", twilio.Uri!.ToString());
        Assert.Equal($"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes("AC123:token-xyz"))}", twilio.Authorization);
        Assert.Equal("+15552014477", twilio.Form["To"]);
        Assert.Equal("+15550100100", twilio.Form["From"]);
        Assert.Equal(Text.Body, twilio.Form["Body"]);
    }

    [Fact]
    public async Task A_messaging_service_is_used_instead_of_the_number_when_configured()
    {
        var twilio = new FakeTwilio(HttpStatusCode.Created, """{"sid":"SM1"}""");
        var settings = Twilio();
        settings.Twilio.MessagingServiceSid = "MG42";

        await new TwilioSmsSender(new HttpClient(twilio), settings).SendAsync(Text, CancellationToken.None);

        Assert.Equal("MG42", twilio.Form["MessagingServiceSid"]);
        Assert.False(twilio.Form.ContainsKey("From"));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, """{"code":21211,"message":"The 'To' number is not a valid phone number."}""", true, "Twilio answered 400 (error 21211): The 'To' number is not a valid phone number.")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "Service Unavailable", false, "Twilio answered 503")]
    [InlineData(HttpStatusCode.TooManyRequests, """{"code":20429,"message":"Too Many Requests"}""", false, "Twilio answered 429 (error 20429): Too Many Requests")]
    public async Task Twilio_refusals_say_whether_retrying_can_help(HttpStatusCode status, string body, bool permanent, string message)
    {
        var sender = new TwilioSmsSender(new HttpClient(new FakeTwilio(status, body)), Twilio());

        var failure = await Assert.ThrowsAsync<MessageSendException>(() => sender.SendAsync(Text, CancellationToken.None));

        Assert.Equal((permanent, message), (failure.Permanent, failure.Message));
    }

    [Fact]
    public void The_providers_are_chosen_by_configuration()
    {
        IServiceProvider Build(Dictionary<string, string?> values) => new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddMessaging(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), _folder)
            .BuildServiceProvider();

        var defaults = Build([]);
        Assert.IsType<FileEmailSender>(defaults.GetRequiredService<IEmailSender>());
        Assert.IsType<FileSmsSender>(defaults.GetRequiredService<ISmsSender>());

        var real = Build(new()
        {
            ["Messaging:Email:Mode"] = "Smtp",
            ["Messaging:Email:Smtp:Host"] = "smtp.example.org",
            ["Messaging:Sms:Mode"] = "Twilio",
            ["Messaging:Sms:FromNumber"] = "+15550100100",
            ["Messaging:Sms:Twilio:AccountSid"] = "AC1",
            ["Messaging:Sms:Twilio:AuthToken"] = "secret",
        });
        Assert.IsType<SmtpEmailSender>(real.GetRequiredService<IEmailSender>());
        Assert.IsType<TwilioSmsSender>(real.GetRequiredService<ISmsSender>());

        var missing = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Messaging:Sms:Mode"] = "Twilio" }));
        Assert.Contains("Messaging:Sms:Twilio:AccountSid", missing.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private sealed class FakeTwilio(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public Uri? Uri { get; private set; }
        public string? Authorization { get; private set; }
        public Dictionary<string, string> Form { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Uri = request.RequestUri;
            Authorization = request.Headers.Authorization?.ToString();
            foreach (var pair in (await request.Content!.ReadAsStringAsync(cancellationToken)).Split('&'))
            {
                var parts = pair.Split('=', 2);
                Form[Uri.UnescapeDataString(parts[0])] = Uri.UnescapeDataString(parts[1].Replace('+', ' '));
            }

            return new HttpResponseMessage(status) { Content = new StringContent(body) };
        }
    }
}
