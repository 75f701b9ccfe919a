namespace Dagsorden.Core.Notifications;

/// <summary>What one pass of owed mail (reminders or digests) did, for the log and the CLI.</summary>
public sealed record MailRun(bool IsConfigured, int Sent, IReadOnlyList<MailFailure> Failed)
{
    public static MailRun NotConfigured { get; } = new(false, 0, []);

    public static MailRun Nothing { get; } = new(true, 0, []);
}

/// <summary>A mail that could not be sent this time; <see cref="What"/> names what it was for ("follow-up 12").</summary>
public sealed record MailFailure(string What, string Address, string Error);

/// <summary>The day it is in Denmark, which decides what is due: a reminder run at 00:30 belongs to that day, not the UTC one.</summary>
public static class DanishDay
{
    private static readonly TimeZoneInfo Copenhagen = Find();

    public static DateOnly Of(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Copenhagen));

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // A server without the time zone database: UTC is at most two hours off.
            return TimeZoneInfo.Utc;
        }
    }
}
