using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Admissions.Application.Messaging;

namespace Admissions.Infrastructure.Messaging;

/// <summary>Sends a text through Twilio's REST API (Messages resource) with a plain HttpClient.</summary>
public sealed class TwilioSmsSender(HttpClient http, SmsSettings settings) : ISmsSender
{
    public async Task<SendReceipt> SendAsync(SmsToSend sms, CancellationToken cancellationToken)
    {
        var twilio = settings.Twilio;
        var form = new List<KeyValuePair<string, string>> { new("To", sms.To), new("Body", sms.Body) };
        form.Add(string.IsNullOrWhiteSpace(twilio.MessagingServiceSid)
            ? new("From", settings.FromNumber ?? "")
            : new("MessagingServiceSid", twilio.MessagingServiceSid));

        using var request = new HttpRequestMessage(HttpMethod.Post,
            new Uri(new Uri(twilio.BaseUrl.TrimEnd('/') + "/"), $"2010-04-01/Accounts/{Uri.EscapeDataString(twilio.AccountSid ?? "")}/Messages.json"))
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{twilio.AccountSid}:{twilio.AuthToken}")));

        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return new SendReceipt(Read(body, "sid"));
        }

        // 400 is a message Twilio will never take (bad number, unsubscribed recipient: error 21610); 401/403, 429 and 5xx may pass later.
        var detail = $"Twilio answered {(int)response.StatusCode}" + (Read(body, "code") is { } code ? $" (error {code}): {Read(body, "message")}" : "");
        throw new MessageSendException(detail, permanent: response.StatusCode == HttpStatusCode.BadRequest);
    }

    private static string? Read(string json, string property)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty(property, out var value) ? value.ToString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
