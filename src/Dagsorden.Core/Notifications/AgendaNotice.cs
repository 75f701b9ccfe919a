using System.Text;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Core.Notifications;

/// <summary>
/// Tells a forum's members and secretaries by e-mail that an agenda or a supplement to it was
/// published. Called after the publication is committed: whatever happens to the mail, the
/// publication stands.
/// </summary>
public sealed class AgendaNotice(DagsordenDbContext db, Mailer mailer)
{
    /// <param name="meetingUrl">The absolute address of the meeting's public page.</param>
    public async Task<MailReport> SendAsync(MeetingVersion published, string meetingUrl, CancellationToken cancellationToken = default)
    {
        if (!mailer.IsConfigured)
            return MailReport.NotConfigured;

        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Forum).FirstAsync(m => m.Id == published.MeetingId, cancellationToken);
        var versions = await db.MeetingVersions.AsNoTracking()
            .Where(v => v.MeetingId == published.MeetingId && v.Number <= published.Number)
            .OrderBy(v => v.Number)
            .ToListAsync(cancellationToken);
        var recipients = await RecipientsAsync(meeting.ForumId, cancellationToken);

        var description = MeetingVersion.Describe(versions, published);
        var previous = versions.LastOrDefault(v => v.Number < published.Number);
        // The mail leaves our system, so closed items are named only "Lukket", as the public sees them.
        var changes = previous is null ? [] : VersionChanges.Between(previous.Snapshot, published.Snapshot, showClosed: false);
        var subject = $"{description}: {meeting.Forum.Name} {DanishDates.LongDate(meeting.Date).ToLowerInvariant()}";
        var mails = recipients
            .Select(r => new OutgoingMail(r.Name, r.Email, subject, Body(r.Name, meeting, published, description, previous is not null, changes, meetingUrl)))
            .ToList();
        return await mailer.SendAsync(mails, cancellationToken);
    }

    /// <summary>Every member and secretary of the forum who has an e-mail address.</summary>
    public async Task<IReadOnlyList<Recipient>> RecipientsAsync(int forumId, CancellationToken cancellationToken = default)
    {
        var rows = await (from membership in db.ForumMemberships
                          join user in db.Users on membership.UserId equals user.Id
                          where membership.ForumId == forumId && user.Email != null && user.Email != ""
                          select new { user.DisplayName, user.Email })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new Recipient(string.IsNullOrWhiteSpace(r.DisplayName) ? r.Email! : r.DisplayName, r.Email!))
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static string Body(string name, Meeting meeting, MeetingVersion published, string description, bool isSupplement, IReadOnlyList<string> changes, string meetingUrl)
    {
        var when = DanishDates.LongDate(meeting.Date).ToLowerInvariant()
            + (meeting.StartTime is { } time ? " kl. " + DanishDates.Time(time) : "")
            + (meeting.Place is { } place ? ", " + place : "");
        var text = new StringBuilder();
        text.Append("Kære ").Append(name).Append("\n\n");
        if (isSupplement)
        {
            text.Append(description).Append(" til mødet i ").Append(meeting.Forum.Name).Append(' ').Append(when).Append(" er offentliggjort.\n\n");
            if (changes.Count > 0)
            {
                text.Append("Ændringer siden sidste udgave:\n");
                foreach (var change in changes)
                    text.Append("- ").Append(change).Append('\n');
                text.Append('\n');
            }
        }
        else
        {
            text.Append("Dagsordenen til mødet i ").Append(meeting.Forum.Name).Append(' ').Append(when).Append(" er offentliggjort.\n\n");
        }

        text.Append("Se dagsordenen her:\n").Append(meetingUrl).Append("\n\n");
        text.Append("Med venlig hilsen\n").Append(published.PublishedBy).Append('\n').Append(meeting.Forum.Name).Append('\n');
        return text.ToString();
    }
}

public sealed record Recipient(string Name, string Email);
