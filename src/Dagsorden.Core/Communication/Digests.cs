using System.Text;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Notifications;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dagsorden.Core.Communication;

/// <summary>
/// After a meeting's minutes are published, each department marked on one of its decisions gets one
/// e-mail listing those decisions. The deliveries are owed in the publication's own transaction and
/// marked sent after the mail went, so a failing mail server delays a digest but never loses it.
/// The mail leaves our system: a closed item appears only as "Lukket punkt", its case number and its link.
/// </summary>
public sealed class Digests(DagsordenDbContext db, Mailer mailer, MailLinks links, ILogger<Digests> log)
{
    /// <summary>
    /// Adds the deliveries a publication of <paramref name="meeting"/>'s minutes owes, to be saved with
    /// it: one per department marked on a decided item that has none yet. A department marked only
    /// after an earlier publication gets its digest with the next one.
    /// </summary>
    public static async Task OweAsync(DagsordenDbContext db, Meeting meeting, CancellationToken cancellationToken = default)
    {
        var decided = meeting.Items.Where(i => i.Decision is not null).Select(i => i.Id).ToList();
        var marked = await db.ItemAudiences.Where(a => decided.Contains(a.ItemId)).Select(a => a.DepartmentId).Distinct().ToListAsync(cancellationToken);
        var owed = await db.DigestDeliveries.Where(d => d.MeetingId == meeting.Id).Select(d => d.DepartmentId).ToListAsync(cancellationToken);
        foreach (var departmentId in marked.Except(owed).Order())
            db.DigestDeliveries.Add(new DigestDelivery(meeting.Id, departmentId));
    }

    /// <summary>Sends every digest not yet sent (only <paramref name="meetingId"/>'s when given) at <paramref name="now"/> (UTC).</summary>
    public async Task<MailRun> SendPendingAsync(DateTime now, int? meetingId = null, CancellationToken cancellationToken = default)
    {
        if (!mailer.IsConfigured)
        {
            log.LogDebug("No digests: SMTP is not configured");
            return MailRun.NotConfigured;
        }

        now = DateTime.SpecifyKind(now, DateTimeKind.Utc);
        db.ChangeTracker.Clear();
        var pending = await db.DigestDeliveries
            .Where(d => d.Sent == null && (meetingId == null || d.MeetingId == meetingId))
            .OrderBy(d => d.MeetingId).ThenBy(d => d.DepartmentId)
            .ToListAsync(cancellationToken);
        var claimed = new List<DigestDelivery>();
        foreach (var delivery in pending)
        {
            if (await OwedMail.ClaimAsync(db.DigestDeliveries, delivery, now, cancellationToken))
                claimed.Add(delivery);
        }

        if (claimed.Count == 0)
            return MailRun.Nothing;

        var departmentIds = claimed.Select(d => d.DepartmentId).Distinct().ToList();
        var departments = await db.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var toSend = new List<(DigestDelivery Delivery, OutgoingMail Mail)>();
        foreach (var meetingDeliveries in claimed.GroupBy(d => d.MeetingId))
        {
            var meeting = await MinutesAsync(meetingDeliveries.Key, cancellationToken);
            foreach (var delivery in meetingDeliveries)
            {
                var department = departments[delivery.DepartmentId];
                var decisions = meeting?.Decisions.Where(d => d.Departments.Contains(department.Id)).ToList() ?? [];
                if (meeting is null || decisions.Count == 0)
                {
                    // Unmarked (or unpublished) since the digest was owed: there is nothing left to tell.
                    log.LogInformation("The digest of meeting {MeetingId} for department {Department} has no decisions left; none is sent", delivery.MeetingId, department.Name);
                    delivery.MarkSent(now);
                    continue;
                }

                toSend.Add((delivery, Compose(department, meeting, decisions)));
            }
        }

        var failures = await OwedMail.SendAsync(
            mailer, toSend.Select(s => ((OwedMail)s.Delivery, s.Mail, $"digest of meeting {s.Delivery.MeetingId} for {s.Mail.ToName}")).ToList(), now, log, cancellationToken);

        // A crash between sending and this save sends those digests once more: better twice than never.
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        var sent = toSend.Count - failures.Count;
        if (sent > 0)
            log.LogInformation("Sent {Sent} decision digests", sent);
        return new MailRun(true, sent, failures);
    }

    /// <summary>The meeting's published minutes and their decided items with the departments marked on each; null when no minutes are published.</summary>
    private async Task<PublishedMinutes?> MinutesAsync(int meetingId, CancellationToken cancellationToken)
    {
        var stored = await db.Meetings.AsNoTracking().Include(m => m.Forum).FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (stored is null || stored.Status is MeetingStatus.Planned or MeetingStatus.AgendaPublished)
            return null;
        var published = await db.FindPublishedAsync(stored.Key, cancellationToken);
        if (published is null || published.Meeting.Kind != DocumentKind.Minutes)
            return null;

        var itemIds = published.ItemIds.Values.ToList();
        var audiences = await db.ItemAudiences.AsNoTracking().Where(a => itemIds.Contains(a.ItemId)).ToListAsync(cancellationToken);
        var decisions = published.Meeting.Items
            .Where(i => i.Decision is not null)
            .Select(i => new MarkedDecision(i, audiences.Where(a => a.ItemId == published.ItemIds[i.Number]).Select(a => a.DepartmentId).ToHashSet()))
            .Where(d => d.Departments.Count > 0)
            .ToList();
        return new PublishedMinutes(published.Meeting, decisions);
    }

    private OutgoingMail Compose(Department department, PublishedMinutes minutes, IReadOnlyList<MarkedDecision> decisions)
    {
        var meeting = minutes.Meeting;
        var text = new StringBuilder();
        text.Append("Til ").Append(department.Name).Append("\n\n");
        text.Append("Referatet af mødet i ").Append(meeting.Forum.Name).Append(' ').Append(DanishDates.LongDate(meeting.Date).ToLowerInvariant())
            .Append(" er offentliggjort. ")
            .Append(decisions.Count == 1 ? "Denne beslutning er markeret til jer" : $"Disse {decisions.Count} beslutninger er markeret til jer")
            .Append(":\n");
        foreach (var decision in decisions)
        {
            var item = decision.Item;
            var url = links.ItemPage(meeting.Key, item.Number);
            text.Append("\n----------------------------------------\n");
            if (item.IsClosed || item.Title.Length == 0)
            {
                text.Append("Punkt ").Append(item.Number).Append(": ").Append("Lukket punkt").Append('\n');
                if (item.CaseNumber is { } caseNumber)
                    text.Append("Sagsnummer: ").Append(caseNumber.Value).Append('\n');
                text.Append("Punktet er lukket. Forummets medlemmer kan læse det, når de er logget ind:\n").Append(url).Append('\n');
                continue;
            }

            text.Append("Punkt ").Append(item.Number).Append(": ").Append(item.FullTitle).Append('\n');
            if (item.CaseNumber is { } number)
                text.Append("Sagsnummer: ").Append(number.Value).Append('\n');
            text.Append("Udfald: ").Append(item.Decision!.Outcome.Danish()).Append('\n');
            text.Append("Beslutning:\n");
            foreach (var line in RichTextFormat.Render(item.Decision.Text))
                text.Append(line).Append('\n');
            text.Append("Læs punktet: ").Append(url).Append('\n');
        }

        text.Append("\n----------------------------------------\n\n");
        text.Append("I får denne e-mail, fordi forummets sekretær har markeret, at I skal have besked om beslutningerne.\n\n");
        text.Append("Med venlig hilsen\n").Append(meeting.Forum.Name).Append('\n');
        var subject = $"Beslutninger til {department.Name}: {meeting.Forum.Name} {DanishDates.ShortDate(meeting.Date)}";
        return new OutgoingMail(department.Name, department.Email, subject, text.ToString());
    }

    private sealed record PublishedMinutes(Meeting Meeting, IReadOnlyList<MarkedDecision> Decisions);

    private sealed record MarkedDecision(AgendaItem Item, IReadOnlySet<int> Departments);
}
