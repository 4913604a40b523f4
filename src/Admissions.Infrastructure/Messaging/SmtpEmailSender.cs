using Admissions.Application.Messaging;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Admissions.Infrastructure.Messaging;

/// <summary>Sends through an SMTP server (MailKit). Authentication is used when a user name is configured.</summary>
public sealed class SmtpEmailSender(EmailSettings settings, TimeProvider clock) : IEmailSender
{
    public async Task<SendReceipt> SendAsync(EmailToSend email, CancellationToken cancellationToken)
    {
        var smtp = settings.Smtp;
        var message = MimeMessages.Build(email, settings, clock.GetUtcNow());
        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(smtp.TimeoutSeconds).TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }

            var response = await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return new SendReceipt(string.IsNullOrWhiteSpace(response) ? message.MessageId : Truncate(response));
        }
        catch (SmtpCommandException ex) when (ex.StatusCode is SmtpStatusCode.MailboxUnavailable or SmtpStatusCode.MailboxNameNotAllowed
            or SmtpStatusCode.UserNotLocalTryAlternatePath)
        {
            throw new MessageSendException($"The mail server refused the recipient ({(int)ex.StatusCode}): {ex.Message}", permanent: true, ex);
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or AuthenticationException
            or IOException or System.Net.Sockets.SocketException)
        {
            throw new MessageSendException($"The mail server could not take the message: {ex.Message}", permanent: false, ex);
        }
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200];
}
