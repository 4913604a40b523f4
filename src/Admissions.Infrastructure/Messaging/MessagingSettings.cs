using MailKit.Security;

namespace Admissions.Infrastructure.Messaging;

public enum EmailMode
{
    /// <summary>Each email is written as an .eml file under the data folder; nothing leaves the machine.</summary>
    Outbox,
    Smtp,
}

public enum SmsMode
{
    /// <summary>Each text is written as a .json file under the data folder; nothing leaves the machine.</summary>
    Outbox,
    Twilio,
}

/// <summary><c>Messaging:Email</c>. Credentials come from the environment or user secrets, never the repository.</summary>
public sealed class EmailSettings
{
    public const string Section = "Messaging:Email";

    public EmailMode Mode { get; set; } = EmailMode.Outbox;
    public string FromAddress { get; set; } = "admissions@example.org";
    public string FromName { get; set; } = "Admissions";
    public SmtpSettings Smtp { get; set; } = new();
}

public sealed class SmtpSettings
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;

    /// <summary>Auto, None, SslOnConnect, StartTls or StartTlsWhenAvailable (MailKit's SecureSocketOptions).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary><c>Messaging:Sms</c>.</summary>
public sealed class SmsSettings
{
    public const string Section = "Messaging:Sms";

    public SmsMode Mode { get; set; } = SmsMode.Outbox;

    /// <summary>Our number in E.164 (+15550100100); Twilio needs it or a messaging service.</summary>
    public string? FromNumber { get; set; }

    /// <summary>The secret the inbound webhook URL must carry (?secret=…); without it the webhook answers 404.</summary>
    public string? InboundSecret { get; set; }
    public TwilioSettings Twilio { get; set; } = new();
}

public sealed class TwilioSettings
{
    public string BaseUrl { get; set; } = "https://api.twilio.com";
    public string? AccountSid { get; set; }
    public string? AuthToken { get; set; }

    /// <summary>Send through a messaging service (MG…) instead of <see cref="SmsSettings.FromNumber"/>.</summary>
    public string? MessagingServiceSid { get; set; }
}

/// <summary>Where the file outbox writes: <c>{data folder}/outbox/email</c> and <c>…/sms</c>.</summary>
public sealed record FileOutboxFolders(string Email, string Sms)
{
    public static FileOutboxFolders Under(string dataFolder) =>
        new(Path.Combine(dataFolder, "outbox", "email"), Path.Combine(dataFolder, "outbox", "sms"));
}
