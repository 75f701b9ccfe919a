using System.Globalization;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Meetings;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Dagsorden.Web.Feeds;

/// <summary>A forum's meetings as an iCalendar file that calendar clients can subscribe to.</summary>
public static class MeetingCalendar
{
    public const string TimeZone = "Europe/Copenhagen";

    /// <summary>The documents do not say when a meeting ends; two hours is what a forum meeting usually takes.</summary>
    public static readonly TimeSpan AssumedLength = TimeSpan.FromHours(2);

    public sealed record Entry(DateOnly Date, TimeOnly? StartTime, string? Place, DocumentKind Kind, MeetingStatus Status, DateTime Modified);

    public static string Write(Forum forum, IEnumerable<Entry> meetings, PublicUrls urls)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Dagsorden//Moedekalender//DA", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", $"{forum.Name} – møder");
        calendar.AddProperty("X-WR-TIMEZONE", TimeZone);
        calendar.AddTimeZone(TimeZone);

        foreach (var meeting in meetings)
        {
            var key = new MeetingKey(forum.Code, meeting.Date);

            // A planned meeting's date, time and place are useful in a calendar; its agenda is not public
            // yet, so its event links nowhere.
            var page = meeting.Status == MeetingStatus.Planned ? null : urls.MeetingPage(key);
            var calendarEvent = new CalendarEvent
            {
                // The meeting key never changes, so a re-imported meeting updates the event instead of adding one.
                Uid = $"{forum.Code.ToLowerInvariant()}-{meeting.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}@dagsorden",
                Summary = $"{forum.Name} – møde",
                Location = meeting.Place,
                Url = page is null ? null : new Uri(page),
                Description = page is null ? Describe(meeting.Status) : $"{Describe(meeting.Status)}: {page}",
                DtStamp = new CalDateTime(DateTime.SpecifyKind(meeting.Modified, DateTimeKind.Utc), "UTC", hasTime: true),
                LastModified = new CalDateTime(DateTime.SpecifyKind(meeting.Modified, DateTimeKind.Utc), "UTC", hasTime: true),
                Status = "CONFIRMED",
            };
            if (meeting.StartTime is { } start)
            {
                calendarEvent.DtStart = new CalDateTime(meeting.Date, start, TimeZone);
                calendarEvent.DtEnd = calendarEvent.DtStart.Add(Ical.Net.DataTypes.Duration.FromTimeSpanExact(AssumedLength));
            }
            else
            {
                // Without a time the meeting is a whole-day event, as calendar clients show such entries.
                calendarEvent.DtStart = new CalDateTime(meeting.Date);
                calendarEvent.DtEnd = new CalDateTime(meeting.Date.AddDays(1));
            }

            calendar.Events.Add(calendarEvent);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static string Describe(MeetingStatus status) => status switch
    {
        MeetingStatus.AgendaPublished => "Dagsordenen er offentliggjort",
        MeetingStatus.MinutesPublished => "Referatet er offentliggjort",
        MeetingStatus.MinutesApproved => "Referatet er godkendt",
        _ => "Mødet er planlagt. Dagsordenen er ikke offentliggjort endnu.",
    };
}
