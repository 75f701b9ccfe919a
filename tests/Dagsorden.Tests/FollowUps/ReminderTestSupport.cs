using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Dagsorden.Core.Communication;
using Dagsorden.Core.FollowUps;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Notifications;
using Dagsorden.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Dagsorden.Tests.FollowUps;

/// <summary>The reminder and digest passes wired as the app wires them, over a real SMTP port, with their log kept.</summary>
internal static class ReminderTestSupport
{
    public const string Site = "https://dagsorden.kommune.example";
    public const string Sender = "dagsorden@kommune.example";

    public static SmtpSettings Smtp(int port) => new("127.0.0.1", port, Sender, null, null, false, null);

    public static Reminders Reminders(DagsordenDbContext db, int port, LogBook log, ReminderSettings? settings = null) =>
        new(db, new Mailer(Smtp(port), log.For<Mailer>()), settings ?? ReminderSettings.Default, new MailLinks(Site), log.For<Reminders>());

    public static Digests Digests(DagsordenDbContext db, int port, LogBook log) =>
        new(db, new Mailer(Smtp(port), log.For<Mailer>()), new MailLinks(Site), log.For<Digests>());

    /// <summary>Chefforum (CF), with its id.</summary>
    public static async Task<int> ForumAsync(DagsordenDbContext db)
    {
        var forum = new Forum("CF", "Chefforum");
        db.Forums.Add(forum);
        await db.SaveChangesAsync();
        return forum.Id;
    }

    public static async Task<FollowUp> FollowUpAsync(DagsordenDbContext db, int forumId, DateOnly due, string? email = "mette@example.test", int? originItemId = null, string text = "Modellen fremlægges for chefforum igen")
    {
        var followUp = new FollowUp(forumId, originItemId, "CF 18-11-2026, punkt 4: Ny budgetmodel", new FollowUpTerms(text, "Mette Hansen", email, due, null, null), new DateTime(2026, 11, 18, 12, 0, 0, DateTimeKind.Utc));
        db.FollowUps.Add(followUp);
        await db.SaveChangesAsync();
        return followUp;
    }

    /// <summary>Noon in Denmark on the given day, as UTC.</summary>
    public static DateTime Noon(int year, int month, int day) => new(year, month, day, 11, 0, 0, DateTimeKind.Utc);

    /// <summary>A port that was free a moment ago: connecting to it is refused at once.</summary>
    public static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>Keeps what the passes log, to assert that a failure is logged with what it was for.</summary>
internal sealed class LogBook
{
    private readonly ConcurrentQueue<(LogLevel Level, string Text)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Text)> Entries => _entries.ToArray();

    public ILogger<T> For<T>() => new Logger<T>(this);

    private sealed class Logger<T>(LogBook book) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            book._entries.Enqueue((logLevel, formatter(state, exception)));
    }
}
