using System.Globalization;
using System.Text;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Notifications;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dagsorden.Core.FollowUps;

/// <summary>
/// E-mails the people responsible for open follow-ups: once when the due date comes within
/// <see cref="ReminderSettings.RemindDaysBefore"/> days, and once per
/// <see cref="ReminderSettings.OverdueIntervalDays"/> after it has passed. The reminder's row is
/// written before the mail is sent and marked after, so a failing mail server loses nothing: the
/// unsent row is tried again on the next run, until its interval is over and a newer one replaces it.
/// </summary>
public sealed class Reminders(DagsordenDbContext db, Mailer mailer, ReminderSettings settings, MailLinks links, ILogger<Reminders> log)
{
    /// <summary>One pass: writes the reminders owed at <paramref name="now"/> (UTC) and sends every unsent one still owed.</summary>
    public async Task<MailRun> RunOnceAsync(DateTime now, CancellationToken cancellationToken = default)
    {
        if (!mailer.IsConfigured)
        {
            log.LogDebug("No follow-up reminders: SMTP is not configured");
            return MailRun.NotConfigured;
        }

        now = DateTime.SpecifyKind(now, DateTimeKind.Utc);
        var today = DanishDay.Of(now);
        db.ChangeTracker.Clear();
        var open = await db.FollowUps.AsNoTracking()
            .Where(f => f.Status == FollowUpStatus.Open && f.ResponsibleEmail != null && f.DueDate != null)
            .ToListAsync(cancellationToken);
        var owed = open
            .Select(f => (FollowUp: f, Owed: Owed(f.DueDate!.Value, today)))
            .Where(x => x.Owed is not null)
            .ToDictionary(x => x.FollowUp.Id, x => (x.FollowUp, Owed: x.Owed!.Value));
        if (owed.Count == 0)
            return MailRun.Nothing;

        var rows = await WriteOwedRowsAsync(owed.ToDictionary(x => x.Key, x => x.Value.Owed), cancellationToken);

        // Only the reminder owed now is sent: one left unsent from an earlier interval has been
        // replaced by this one, and one for a follow-up closed since is no longer wanted.
        var due = rows
            .Where(r => r.Sent is null && owed.TryGetValue(r.FollowUpId, out var o) && o.Owed == (r.Kind, r.Period))
            .ToList();
        var claimed = new List<FollowUpReminder>();
        foreach (var row in due)
        {
            if (await OwedMail.ClaimAsync(db.FollowUpReminders, row, now, cancellationToken))
                claimed.Add(row);
        }

        if (claimed.Count == 0)
            return MailRun.Nothing;

        var origins = await OriginsAsync(claimed.Select(r => owed[r.FollowUpId].FollowUp).ToList(), cancellationToken);
        var mails = claimed.Select(r => Compose(owed[r.FollowUpId].FollowUp, r, today, origins[r.FollowUpId])).ToList();
        var failures = await OwedMail.SendAsync(
            mailer, claimed.Select((r, i) => ((OwedMail)r, mails[i], $"follow-up {r.FollowUpId}")).ToList(), now, log, cancellationToken);

        // A crash between sending and this save sends those reminders once more: better twice than never.
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        var sent = claimed.Count - failures.Count;
        if (sent > 0)
            log.LogInformation("Sent {Sent} follow-up reminders", sent);
        return new MailRun(true, sent, failures);
    }

    /// <summary>
    /// The reminder a follow-up due on <paramref name="due"/> is owed on <paramref name="today"/>: "due
    /// soon" (its period the due date, so a new date earns a new reminder) or "overdue" in the interval
    /// that began on the given day; null when none is.
    /// </summary>
    public (ReminderKind Kind, DateOnly Period)? Owed(DateOnly due, DateOnly today)
    {
        if (today > due)
        {
            var firstOverdue = due.AddDays(1);
            var intervals = (today.DayNumber - firstOverdue.DayNumber) / settings.OverdueIntervalDays;
            return (ReminderKind.Overdue, firstOverdue.AddDays(intervals * settings.OverdueIntervalDays));
        }

        return today >= due.AddDays(-settings.RemindDaysBefore) ? (ReminderKind.DueSoon, due) : null;
    }

    private async Task<List<FollowUpReminder>> WriteOwedRowsAsync(Dictionary<int, (ReminderKind Kind, DateOnly Period)> owed, CancellationToken cancellationToken)
    {
        var ids = owed.Keys.ToList();
        var rows = await db.FollowUpReminders.Where(r => ids.Contains(r.FollowUpId)).ToListAsync(cancellationToken);
        var missing = owed
            .Where(o => !rows.Any(r => r.FollowUpId == o.Key && r.Kind == o.Value.Kind && r.Period == o.Value.Period))
            .Select(o => new FollowUpReminder(o.Key, o.Value.Kind, o.Value.Period))
            .ToList();
        if (missing.Count == 0)
            return rows;

        db.FollowUpReminders.AddRange(missing);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return [.. rows, .. missing];
        }
        catch (DbUpdateException e)
        {
            // Another pass (a second web server, or cron running the CLI) wrote them first: the
            // unique index refused ours, and theirs are the ones to send.
            log.LogInformation(e, "Reminder rows were written by another run at the same time; using theirs");
            db.ChangeTracker.Clear();
            return await db.FollowUpReminders.Where(r => ids.Contains(r.FollowUpId)).ToListAsync(cancellationToken);
        }
    }

    /// <summary>Where each follow-up came from, as far as a mail may say: a closed item is named only by its case number.</summary>
    private async Task<Dictionary<int, Origin>> OriginsAsync(IReadOnlyList<FollowUp> followUps, CancellationToken cancellationToken)
    {
        var forumIds = followUps.Select(f => f.ForumId).Distinct().ToList();
        var forums = await db.Forums.AsNoTracking().Where(f => forumIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        var itemIds = followUps.Where(f => f.OriginItemId is not null).Select(f => f.OriginItemId!.Value).Distinct().ToList();
        var items = await (from item in db.Items.AsNoTracking()
                           join meeting in db.Meetings.AsNoTracking() on item.MeetingId equals meeting.Id
                           where itemIds.Contains(item.Id)
                           select new { item.Id, item.IsClosed, item.CaseNumber, item.Number, meeting.ForumId, meeting.Date, meeting.Status })
            .ToListAsync(cancellationToken);
        var result = new Dictionary<int, Origin>();
        foreach (var followUp in followUps)
        {
            var forum = forums[followUp.ForumId];
            var item = items.FirstOrDefault(i => i.Id == followUp.OriginItemId);
            var itemPage = item is not null && item.Status != MeetingStatus.Planned && forums.TryGetValue(item.ForumId, out var itemForum)
                ? links.ItemPage(new MeetingKey(itemForum.Code, item.Date), item.Number)
                : null;
            result[followUp.Id] = new Origin(forum.Code, forum.Name, item?.IsClosed == true, item?.CaseNumber?.Value, itemPage);
        }

        return result;
    }

    private OutgoingMail Compose(FollowUp followUp, FollowUpReminder reminder, DateOnly today, Origin origin)
    {
        var due = followUp.DueDate!.Value;
        var dueText = DanishDates.LongDate(due).ToLowerInvariant();
        var days = due.DayNumber - today.DayNumber;
        var subject = reminder.Kind == ReminderKind.Overdue
            ? $"Fristen er overskredet: opfølgning fra {origin.ForumName}"
            : $"Påmindelse: opfølgning fra {origin.ForumName} har frist {DanishDates.ShortDate(due)}";

        var text = new StringBuilder();
        text.Append("Kære ").Append(followUp.Responsible).Append("\n\n");
        text.Append("Du står som ansvarlig for en opfølgning fra ").Append(origin.ForumName).Append(".\n\n");
        if (origin.IsClosed)
        {
            // The commitment comes from a closed item: mail leaves our system, so it says no more than the public sees.
            text.Append("Opfølgningen hører til et lukket punkt")
                .Append(origin.CaseNumber is { } caseNumber ? " med sagsnummer " + caseNumber : "")
                .Append(". Log ind for at læse den.\n\n");
        }
        else
        {
            text.Append("Hvad: ").Append(followUp.Text).Append('\n');
            text.Append("Oprindelse: ").Append(followUp.Origin).Append('\n');
        }

        text.Append("Frist: ").Append(dueText);
        text.Append(reminder.Kind == ReminderKind.Overdue
            ? $" – fristen er overskredet med {Days(-days)}.\n\n"
            : days == 0 ? " – det er i dag.\n\n" : $" – om {Days(days)}.\n\n");
        text.Append("Se opfølgningen her:\n").Append(links.FollowUpPage(origin.ForumCode, followUp.Id)).Append('\n');
        if (origin.ItemPage is { } itemPage)
            text.Append("\nPunktet, beslutningen blev truffet under:\n").Append(itemPage).Append('\n');
        text.Append("\nEr opfølgningen klaret, så bed forummets sekretær om at markere den som udført; så stopper påmindelserne.\n\n");
        text.Append("Med venlig hilsen\n").Append(origin.ForumName).Append('\n');
        return new OutgoingMail(followUp.Responsible, followUp.ResponsibleEmail!, subject, text.ToString());
    }

    private static string Days(int days) => days == 1 ? "1 dag" : days.ToString(CultureInfo.InvariantCulture) + " dage";

    private sealed record Origin(string ForumCode, string ForumName, bool IsClosed, string? CaseNumber, string? ItemPage);
}
