using System.Text.Json;
using Admissions.Application.Messaging;
using Admissions.Domain.Messaging;
using MimeKit;

namespace Admissions.Infrastructure.Messaging;

/// <summary>The embedded email provider: each message becomes an .eml file any mail program opens.</summary>
public sealed class FileEmailSender(FileOutboxFolders folders, EmailSettings settings, TimeProvider clock) : IEmailSender
{
    public async Task<SendReceipt> SendAsync(EmailToSend email, CancellationToken cancellationToken)
    {
        var mime = MimeMessages.Build(email, settings, clock.GetUtcNow());
        var name = $"{email.MessageId:N}.eml";
        Directory.CreateDirectory(folders.Email);
        await FileOutboxWriter.WriteAtomicallyAsync(Path.Combine(folders.Email, name), stream => mime.WriteToAsync(stream, cancellationToken), cancellationToken);
        return new SendReceipt(name);
    }
}

/// <summary>The embedded SMS provider: each text becomes a small .json file.</summary>
public sealed class FileSmsSender(FileOutboxFolders folders, SmsSettings settings, TimeProvider clock) : ISmsSender
{
    public async Task<SendReceipt> SendAsync(SmsToSend sms, CancellationToken cancellationToken)
    {
        var name = $"{sms.MessageId:N}.json";
        Directory.CreateDirectory(folders.Sms);
        var record = new FileSms(sms.MessageId, settings.FromNumber, sms.To, sms.Body, clock.GetUtcNow());
        await FileOutboxWriter.WriteAtomicallyAsync(Path.Combine(folders.Sms, name),
            stream => JsonSerializer.SerializeAsync(stream, record, FileSms.Json, cancellationToken), cancellationToken);
        return new SendReceipt(name);
    }
}

public sealed record FileSms(Guid MessageId, string? From, string To, string Body, DateTimeOffset WrittenAt)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}

/// <summary>Reads back what the file outbox wrote, for the Outbox page.</summary>
public sealed class FileOutboxReader(FileOutboxFolders folders) : IOutboxFileReader
{
    public async Task<string?> ReadAsync(MessageChannel channel, string providerMessageId, CancellationToken cancellationToken)
    {
        // Only a bare file name we wrote ourselves: nothing outside the outbox folder can be read this way.
        if (providerMessageId != Path.GetFileName(providerMessageId) || !(providerMessageId.EndsWith(".eml", StringComparison.Ordinal)
            || providerMessageId.EndsWith(".json", StringComparison.Ordinal)))
        {
            return null;
        }

        var path = Path.Combine(channel == MessageChannel.Email ? folders.Email : folders.Sms, providerMessageId);
        return File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : null;
    }
}

internal static class FileOutboxWriter
{
    /// <summary>Writes to a temporary name and renames, so a reader never sees half a message.</summary>
    public static async Task WriteAtomicallyAsync(string path, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await write(stream);
            await stream.FlushAsync(cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
    }
}

/// <summary>The MIME form of an outbound email, shared by the file outbox and SMTP.</summary>
public static class MimeMessages
{
    public static MimeMessage Build(EmailToSend email, EmailSettings settings, DateTimeOffset now)
    {
        var message = new MimeMessage
        {
            Subject = email.Subject,
            Date = now,
            MessageId = $"{email.MessageId:N}@admissions.local",
            Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = email.Body },
        };
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(new MailboxAddress(email.ToName ?? "", email.To));
        return message;
    }
}
