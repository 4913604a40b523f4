using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Admissions.Infrastructure.Tests.Messaging;

/// <summary>
/// Just enough of an SMTP server on the loopback interface to take one message per connection
/// (EHLO, MAIL, RCPT, DATA, QUIT): it keeps the DATA it received and can refuse a recipient.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<string> _messages = [];

    public FakeSmtpServer(string? refuseRecipient = null)
    {
        RefuseRecipient = refuseRecipient;
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string? RefuseRecipient { get; }

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            using (client)
            {
                await ServeAsync(client.GetStream());
            }
        }
    }

    private async Task ServeAsync(NetworkStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
        await using var writer = new StreamWriter(stream, Encoding.ASCII, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 fake.smtp.test ESMTP");
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (command)
            {
                case "EHLO" or "HELO":
                    await writer.WriteLineAsync("250 fake.smtp.test");
                    break;
                case "MAIL":
                    await writer.WriteLineAsync("250 2.1.0 Ok");
                    break;
                case "RCPT" when RefuseRecipient is not null && line.Contains(RefuseRecipient, StringComparison.OrdinalIgnoreCase):
                    await writer.WriteLineAsync("550 5.1.1 No such user");
                    break;
                case "RCPT":
                    await writer.WriteLineAsync("250 2.1.5 Ok");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                    {
                        data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                    }

                    lock (_messages)
                    {
                        _messages.Add(data.ToString());
                    }

                    await writer.WriteLineAsync("250 2.0.0 Ok: queued as FAKE123");
                    break;
                case "RSET" or "NOOP":
                    await writer.WriteLineAsync("250 2.0.0 Ok");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 2.0.0 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 5.5.2 Command not recognized");
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException)
        {
        }

        _stop.Dispose();
    }
}
