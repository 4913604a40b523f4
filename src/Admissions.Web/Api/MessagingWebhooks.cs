using System.Security.Cryptography;
using System.Text;
using Admissions.Application.Messaging;
using Admissions.Infrastructure.Messaging;
using Admissions.Infrastructure.Security;
using Mediator;

namespace Admissions.Web.Api;

/// <summary>
/// Texts people send to our number, forwarded by Twilio ("A message comes in" webhook, HTTP POST).
/// The URL carries a shared secret (<c>Messaging:Sms:InboundSecret</c>): configure it in Twilio as
/// <c>https://host/api/messaging/twilio/inbound?secret=…</c>. Without a configured secret the endpoint does not exist (404).
/// </summary>
public static class MessagingWebhooks
{
    public const string InboundPath = "/api/messaging/twilio/inbound";

    private const string EmptyTwiml = """<?xml version="1.0" encoding="UTF-8"?><Response></Response>""";

    public static void MapMessagingWebhooks(this WebApplication app) =>
        app.MapPost(InboundPath, ReceiveAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();

    private static async Task<IResult> ReceiveAsync(HttpContext context, SmsSettings settings, CurrentUser currentUser, ISender sender, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(settings.InboundSecret))
        {
            return Results.NotFound();
        }

        if (!SecretMatches(context.Request.Query["secret"].ToString(), settings.InboundSecret))
        {
            return Results.Unauthorized();
        }

        if (!context.Request.HasFormContentType)
        {
            return Results.BadRequest();
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        currentUser.SetSystem();
        await sender.Send(new ReceiveInboundText(form["From"].ToString(), form["Body"].ToString()), cancellationToken);

        // An empty TwiML answer: Twilio sends its own STOP/START confirmations, we reply nothing.
        return Results.Content(EmptyTwiml, "text/xml", Encoding.UTF8);
    }

    private static bool SecretMatches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
