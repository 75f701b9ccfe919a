using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dagsorden.Tests.Support;

/// <summary>
/// A real SMTP server on 127.0.0.1 and a free port, speaking just enough of RFC 5321 (EHLO/HELO,
/// MAIL FROM, RCPT TO, DATA, RSET, NOOP, QUIT) to capture what the app sends. Recipients can be
/// refused to test partial failures.
/// </summary>
public sealed class SmtpListener : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<CapturedMail> _messages = new();
    private readonly Task _accepting;

    public SmtpListener(params string[] refusedRecipients)
    {
        RefusedRecipients = refusedRecipients;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public IReadOnlyList<string> RefusedRecipients { get; }

    public IReadOnlyList<CapturedMail> Messages => _messages.ToArray();

    /// <summary>Waits until <paramref name="count"/> messages have arrived; the app sends before it answers, so this rarely waits.</summary>
    public async Task<IReadOnlyList<CapturedMail>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (_messages.Count < count && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        return Messages;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var sessions = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                sessions.Add(ServeAsync(client));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }

        await Task.WhenAll(sessions);
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.Latin1);
            await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost test SMTP");

            string? from = null;
            var recipients = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (command)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-localhost");
                        await writer.WriteLineAsync("250-8BITMIME");
                        await writer.WriteLineAsync("250 SMTPUTF8");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "MAIL":
                        from = Address(line);
                        recipients.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        var recipient = Address(line);
                        if (RefusedRecipients.Contains(recipient, StringComparer.OrdinalIgnoreCase))
                        {
                            await writer.WriteLineAsync("550 No such user here");
                        }
                        else
                        {
                            recipients.Add(recipient);
                            await writer.WriteLineAsync("250 OK");
                        }

                        break;
                    case "DATA":
                        if (from is null || recipients.Count == 0)
                        {
                            await writer.WriteLineAsync("503 Need MAIL and RCPT first");
                            break;
                        }

                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        _messages.Enqueue(new CapturedMail(from, recipients.ToList(), data.ToString()));
                        from = null;
                        recipients.Clear();
                        await writer.WriteLineAsync("250 OK: queued");
                        break;
                    case "RSET":
                        from = null;
                        recipients.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the test ended.
        }
    }

    // "MAIL FROM:<a@b> SIZE=123" → "a@b"
    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}

/// <summary>One message as the server received it: the envelope and the raw DATA.</summary>
public sealed record CapturedMail(string From, IReadOnlyList<string> Recipients, string Data)
{
    /// <summary>The message parsed with MimeKit, to read its decoded subject and text.</summary>
    public MimeKit.MimeMessage Parse() => MimeKit.MimeMessage.Load(new MemoryStream(Encoding.Latin1.GetBytes(Data)));
}
