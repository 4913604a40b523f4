using System.Net;
using System.Net.Sockets;
using Admissions.Application.Messaging;
using Admissions.Infrastructure.Messaging;
using MailKit.Security;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Admissions.Infrastructure.Tests.Messaging;

public sealed class EmailSenderTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 14, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "admissions-outbox-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(Now);

    private static readonly EmailToSend Email = new(Guid.CreateVersion7(), "maria@example.org", "Maria Lopez", "Returning your call",
        "Hi Maria,\n\nThis is Jordan from Admissions at Cedar Ridge returning your call.\n.\nA line with a lone dot, kept.");

    private static EmailSettings Settings(int port = 25) => new()
    {
        FromAddress = "admissions@cedarridge.example",
        FromName = "Cedar Ridge Admissions",
        Smtp = new SmtpSettings { Host = "127.0.0.1", Port = port, Security = SecureSocketOptions.None, TimeoutSeconds = 10 },
    };

    [Fact]
    public async Task The_file_outbox_writes_an_eml_file_any_mail_program_can_read()
    {
        var folders = FileOutboxFolders.Under(_folder);
        var sender = new FileEmailSender(folders, Settings(), _clock);

        var receipt = await sender.SendAsync(Email, CancellationToken.None);

        Assert.Equal($"{Email.MessageId:N}.eml", receipt.ProviderMessageId);
        var path = Path.Combine(_folder, "outbox", "email", receipt.ProviderMessageId!);
        using var parsed = await MimeMessage.LoadAsync(path);
        Assert.Equal("Returning your call", parsed.Subject);
        Assert.Equal("maria@example.org", parsed.To.Mailboxes.Single().Address);
        Assert.Equal("Maria Lopez", parsed.To.Mailboxes.Single().Name);
        Assert.Equal("admissions@cedarridge.example", parsed.From.Mailboxes.Single().Address);
        Assert.Equal(Now, parsed.Date);
        Assert.Equal(Email.Body.Replace("\n", Environment.NewLine, StringComparison.Ordinal), (parsed.TextBody ?? "").TrimEnd('\r', '\n'));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));

        var copy = await new FileOutboxReader(folders).ReadAsync(Domain.Messaging.MessageChannel.Email, receipt.ProviderMessageId!, CancellationToken.None);
        Assert.Contains("Subject: Returning your call", copy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_outbox_reader_reads_nothing_outside_its_folder()
    {
        var reader = new FileOutboxReader(FileOutboxFolders.Under(_folder));

        Assert.Null(await reader.ReadAsync(Domain.Messaging.MessageChannel.Email, "../../admissions.db", CancellationToken.None));
        Assert.Null(await reader.ReadAsync(Domain.Messaging.MessageChannel.Email, "SM123", CancellationToken.None));
        Assert.Null(await reader.ReadAsync(Domain.Messaging.MessageChannel.Sms, "missing.json", CancellationToken.None));
    }

    [Fact]
    public async Task SMTP_delivers_the_same_message_to_the_server_and_returns_its_queue_id()
    {
        await using var server = new FakeSmtpServer();
        var sender = new SmtpEmailSender(Settings(server.Port), _clock);

        var receipt = await sender.SendAsync(Email, CancellationToken.None);

        Assert.Contains("FAKE123", receipt.ProviderMessageId, StringComparison.Ordinal);
        var received = Assert.Single(server.Messages);
        using var parsed = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(received)));
        Assert.Equal("Returning your call", parsed.Subject);
        Assert.Equal("maria@example.org", parsed.To.Mailboxes.Single().Address);
        Assert.Contains("\n.\n", (parsed.TextBody ?? "").ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_recipient_is_a_permanent_failure()
    {
        await using var server = new FakeSmtpServer(refuseRecipient: "maria@example.org");
        var sender = new SmtpEmailSender(Settings(server.Port), _clock);

        var failure = await Assert.ThrowsAsync<MessageSendException>(() => sender.SendAsync(Email, CancellationToken.None));

        Assert.True(failure.Permanent);
        Assert.Contains("refused the recipient", failure.Message, StringComparison.Ordinal);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task A_server_that_is_not_there_is_a_failure_worth_retrying()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var sender = new SmtpEmailSender(Settings(port), _clock);

        var failure = await Assert.ThrowsAsync<MessageSendException>(() => sender.SendAsync(Email, CancellationToken.None));

        Assert.False(failure.Permanent);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
