using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Notifications;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Core.FollowUps;

/// <summary>A follow-up as lists show it, with the names its ids stand for.</summary>
public sealed record FollowUpRow(
    int Id,
    int ForumId,
    string ForumCode,
    string Origin,
    int? OriginItemId,
    string Text,
    string Responsible,
    string? ResponsibleEmail,
    DateOnly? DueDate,
    int? TargetForumId,
    string? TargetForumCode,
    int? TargetMeetingId,
    DateOnly? TargetMeetingDate,
    FollowUpStatus Status,
    bool IsOverdue,
    int? AgendaDraftId,
    int Revision)
{
    /// <summary>"senest 12-03-2026", "CF", "CF 12-03-2026": when or where it must come back.</summary>
    public string Due
    {
        get
        {
            var parts = new List<string>();
            if (DueDate is { } due)
                parts.Add("senest " + DanishDates.ShortDate(due));
            if (TargetForumCode is { } forum)
                parts.Add(TargetMeetingDate is { } date ? $"på mødet i {forum} {DanishDates.ShortDate(date)}" : $"i {forum}");
            return string.Join(", ", parts);
        }
    }
}

/// <summary>A saved follow-up and, when its due date already lies in the past, the Danish warning to show.</summary>
public sealed record FollowUpSaved(int Id, string? Warning);

/// <summary>
/// The secretaries' work on follow-ups, each step one transaction. The entity guards its own rules
/// (text, responsible, a due date or a target); this class checks what needs the database: the
/// origin item was decided, the target meeting belongs to the target forum, the revision is current.
/// </summary>
public sealed class FollowUpService(DagsordenDbContext db)
{
    /// <summary>Today in Denmark by the database's clock, so tests can fix the date "overdue" is measured against.</summary>
    public static DateOnly Today(DagsordenDbContext db) => DanishDay.Of(db.Clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// A follow-up of a decision: <paramref name="itemId"/> must be an item with a recorded decision.
    /// The follow-up belongs to the item's forum.
    /// </summary>
    public async Task<FollowUpSaved> CreateFromItemAsync(int itemId, FollowUpTerms terms, CancellationToken cancellationToken = default)
    {
        var origin = await db.Items.AsNoTracking()
            .Where(i => i.Id == itemId)
            .Join(db.Meetings, i => i.MeetingId, m => m.Id, (i, m) => new { Item = i, m.ForumId, m.Date, m.Forum.Code })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainException($"There is no item with id {itemId}.", "Punktet, opfølgningen skulle udspringe af, findes ikke.");
        if (origin.Item.DecisionText is null)
            throw new DomainException(
                $"Item {itemId} has no recorded decision.",
                $"Punkt {origin.Item.Number} har endnu ingen beslutning; en opfølgning oprettes fra en truffet beslutning.");
        return await CreateAsync(origin.ForumId, itemId, OriginText(origin.Code, origin.Date, origin.Item.Number, origin.Item), terms, cancellationToken);
    }

    /// <summary>A follow-up of the forum that no recorded decision holds, e.g. one said at the meeting.</summary>
    public async Task<FollowUpSaved> CreateStandaloneAsync(int forumId, FollowUpTerms terms, CancellationToken cancellationToken = default)
    {
        if (!await db.Forums.AnyAsync(f => f.Id == forumId, cancellationToken))
            throw new DomainException($"There is no forum with id {forumId}.", "Forummet findes ikke.");
        return await CreateAsync(forumId, null, "Oprettet uden for et punkt", terms, cancellationToken);
    }

    public Task<FollowUpSaved> EditAsync(int id, FollowUpTerms terms, int expectedRevision, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expectedRevision, async followUp =>
        {
            await CheckTargetAsync(terms, cancellationToken);
            var dueBefore = followUp.DueDate;
            followUp.Edit(terms, expectedRevision);
            return terms.DueDate != dueBefore ? PastDueWarning(terms.DueDate) : null;
        }, cancellationToken);

    public Task<FollowUpSaved> MarkDoneAsync(int id, int expectedRevision, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expectedRevision, followUp =>
        {
            followUp.MarkDone(db.Clock.GetUtcNow().UtcDateTime);
            return Task.FromResult<string?>(null);
        }, cancellationToken);

    public Task<FollowUpSaved> CancelAsync(int id, int expectedRevision, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expectedRevision, followUp =>
        {
            followUp.Cancel(db.Clock.GetUtcNow().UtcDateTime);
            return Task.FromResult<string?>(null);
        }, cancellationToken);

    public Task<FollowUpSaved> ReopenAsync(int id, int expectedRevision, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expectedRevision, followUp =>
        {
            if (followUp.Status == FollowUpStatus.Open)
                throw new DomainException($"Follow-up {id} is already open.", "Opfølgningen er allerede åben.");
            followUp.Reopen();
            return Task.FromResult<string?>(null);
        }, cancellationToken);

    /// <summary>
    /// Puts the follow-up in <paramref name="forumId"/>'s queue as a submitted draft item, written by
    /// the secretary, linked to the follow-up: placing it and deciding it then closes the follow-up.
    /// The draft takes the origin item's case number (so the case's timeline links the two) and its
    /// closedness (a follow-up of a closed item must not come back as an open one).
    /// </summary>
    public async Task<int> QueueAsDraftAsync(int id, int forumId, string authorId, string authorName, int expectedRevision, CancellationToken cancellationToken = default)
    {
        var draftId = 0;
        await ChangeAsync(id, expectedRevision, async followUp =>
        {
            if (followUp.AgendaDraftId is not null)
                throw new DomainException($"Follow-up {id} already has a draft item.", "Opfølgningen er allerede sat i køen som et punkt.");
            var forum = await db.Forums.FirstOrDefaultAsync(f => f.Id == forumId, cancellationToken)
                ?? throw new DomainException($"There is no forum with id {forumId}.", "Forummet findes ikke.");
            var origin = followUp.OriginItemId is { } itemId
                ? await db.Items.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken)
                : null;
            var content = DraftContent(followUp, forum.Code, origin);
            var draft = new ItemDraft(forum, authorId, authorName, content);
            draft.Submit(db.Clock.GetUtcNow().UtcDateTime);
            db.ItemDrafts.Add(draft);
            await db.SaveChangesAsync(cancellationToken);
            followUp.LinkDraft(draft.Id);
            draftId = draft.Id;
            return null;
        }, cancellationToken);
        return draftId;
    }

    public async Task<FollowUpRow?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        (await RowsAsync(db.FollowUps.Where(f => f.Id == id), cancellationToken)).FirstOrDefault();

    /// <summary>The forum's follow-ups, open ones first by due date, then the closed ones, newest first.</summary>
    public async Task<IReadOnlyList<FollowUpRow>> ForForumAsync(int forumId, bool includeClosed, CancellationToken cancellationToken = default)
    {
        var query = db.FollowUps.Where(f => f.ForumId == forumId);
        if (!includeClosed)
            query = query.Where(f => f.Status == FollowUpStatus.Open);
        var rows = await RowsAsync(query, cancellationToken);
        return rows
            .OrderBy(r => r.Status == FollowUpStatus.Open ? 0 : 1)
            .ThenBy(r => r.Status == FollowUpStatus.Open ? r.DueDate ?? r.TargetMeetingDate ?? DateOnly.MaxValue : DateOnly.MaxValue)
            .ThenByDescending(r => r.Id)
            .ToList();
    }

    /// <summary>
    /// The open follow-ups a meeting should take up: those for this meeting, for an earlier meeting of
    /// its forum (missed), due at or before its date and bound for its forum, and those bound for its
    /// forum with neither a date nor a meeting (they come up until someone acts on them).
    /// </summary>
    public async Task<IReadOnlyList<FollowUpRow>> DueAtMeetingAsync(int meetingId, CancellationToken cancellationToken = default)
    {
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => new { m.Id, m.ForumId, m.Date }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainException($"There is no meeting with id {meetingId}.", "Mødet findes ikke.");
        var query = db.FollowUps.Where(f => f.Status == FollowUpStatus.Open && (
            f.TargetMeetingId == meeting.Id
            || (f.TargetMeetingId != null && db.Meetings.Any(m => m.Id == f.TargetMeetingId && m.ForumId == meeting.ForumId && m.Date <= meeting.Date))
            || (f.TargetMeetingId == null && (f.TargetForumId ?? f.ForumId) == meeting.ForumId && (f.DueDate == null || f.DueDate <= meeting.Date))));
        var rows = await RowsAsync(query, cancellationToken);
        return rows.OrderBy(r => r.DueDate ?? r.TargetMeetingDate ?? DateOnly.MaxValue).ThenBy(r => r.Id).ToList();
    }

    /// <summary>
    /// Called when an item's decision is recorded: the open follow-ups whose draft became this item are
    /// done, unless the decision postponed the matter. Runs inside the workflow's transaction.
    /// </summary>
    internal static async Task CloseByDecisionAsync(DagsordenDbContext db, int itemId, Decision? decision, CancellationToken cancellationToken)
    {
        if (decision is null || decision.Outcome == DecisionOutcome.Postponed)
            return;
        var followUps = await db.FollowUps
            .Where(f => f.Status == FollowUpStatus.Open && f.AgendaDraftId != null
                && db.ItemDrafts.Any(d => d.Id == f.AgendaDraftId && d.PlacedItemId == itemId))
            .ToListAsync(cancellationToken);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        foreach (var followUp in followUps)
            followUp.MarkDone(now);
    }

    /// <summary>"CF 18-08-2016, punkt 5: Title"; a closed item is named by number only, as the public sees it.</summary>
    public static string OriginText(string forumCode, DateOnly date, int number, AgendaItem item)
    {
        var text = $"{forumCode} {DanishDates.ShortDate(date)}, punkt {number.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        text += item.IsClosed || item.Title.Length == 0 ? " (lukket punkt)" : ": " + item.FullTitle;
        return text.Length <= Limits.Title ? text : text[..(Limits.Title - 1)] + "…";
    }

    private async Task<FollowUpSaved> CreateAsync(int forumId, int? itemId, string origin, FollowUpTerms terms, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await CheckTargetAsync(terms, cancellationToken);
            var followUp = new FollowUp(forumId, itemId, origin, terms, db.Clock.GetUtcNow().UtcDateTime);
            db.FollowUps.Add(followUp);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new FollowUpSaved(followUp.Id, PastDueWarning(terms.DueDate));
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<FollowUpSaved> ChangeAsync(int id, int expectedRevision, Func<FollowUp, Task<string?>> change, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var followUp = await db.FollowUps.FirstOrDefaultAsync(f => f.Id == id, cancellationToken)
                ?? throw new DomainException($"There is no follow-up with id {id}.", "Opfølgningen findes ikke.");
            followUp.EnsureRevision(expectedRevision);
            var warning = await change(followUp);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new FollowUpSaved(id, warning);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new EditConflictException(
                $"Follow-up {id} was saved by someone else at the same time: {e.Message}",
                "En anden gemte opfølgningen på samme tid. Se den gemte udgave og ret igen.");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task CheckTargetAsync(FollowUpTerms terms, CancellationToken cancellationToken)
    {
        if (terms.TargetForumId is { } forumId && !await db.Forums.AnyAsync(f => f.Id == forumId, cancellationToken))
            throw new DomainException($"There is no forum with id {forumId}.", "Det forum, sagen skal tilbage til, findes ikke.");
        if (terms.TargetMeetingId is { } meetingId)
        {
            var meetingForum = await db.Meetings.Where(m => m.Id == meetingId).Select(m => (int?)m.ForumId).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainException($"There is no meeting with id {meetingId}.", "Det møde, sagen skal tilbage til, findes ikke.");
            if (meetingForum != terms.TargetForumId)
                throw new DomainException($"Meeting {meetingId} is not a meeting of forum {terms.TargetForumId}.", "Det valgte møde hører ikke til det valgte forum.");
        }
    }

    private string? PastDueWarning(DateOnly? due) =>
        due is { } date && date < Today(db)
            ? $"Fristen ligger før i dag ({DanishDates.ShortDate(date)}), så opfølgningen står allerede som overskredet. Ret fristen, hvis det ikke var meningen."
            : null;

    private static ItemContent DraftContent(FollowUp followUp, string forumCode, AgendaItem? origin)
    {
        var firstLine = followUp.Text.Split('\n', 2)[0].Trim();
        var title = "Opfølgning: " + (firstLine.Length <= 200 ? firstLine : firstLine[..199] + "…");
        var background = new List<Block> { Paragraph("Opfølgning på " + followUp.Origin + ".") };
        if (origin?.Decision is { } decision && !origin.IsClosed)
        {
            background.Add(Paragraph("Beslutningen dengang:"));
            background.AddRange(decision.Text.Blocks);
        }

        background.Add(Paragraph("Det skulle følges op: " + followUp.Text));
        background.Add(Paragraph("Ansvarlig: " + followUp.Responsible + "."));
        return new ItemContent(
            title,
            forumCode,
            null,
            origin?.CaseNumber,
            origin?.IsClosed ?? false,
            IsToFollow: false,
            [
                new SectionContent(SectionKind.Text, "Anledning", new RichText(background)),
                new SectionContent(SectionKind.Text, "Sagsfremstilling", RichText.Empty),
            ],
            null,
            null,
            [],
            null);
    }

    private static Paragraph Paragraph(string text) => new([new Inline(text)]);

    private async Task<IReadOnlyList<FollowUpRow>> RowsAsync(IQueryable<FollowUp> query, CancellationToken cancellationToken)
    {
        var followUps = await query.AsNoTracking().ToListAsync(cancellationToken);
        if (followUps.Count == 0)
            return [];
        var forumIds = followUps.Select(f => f.ForumId).Concat(followUps.Where(f => f.TargetForumId != null).Select(f => f.TargetForumId!.Value)).Distinct().ToList();
        var codes = await db.Forums.AsNoTracking().Where(f => forumIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Code, cancellationToken);
        var meetingIds = followUps.Where(f => f.TargetMeetingId != null).Select(f => f.TargetMeetingId!.Value).Distinct().ToList();
        var dates = await db.Meetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Date, cancellationToken);
        var today = Today(db);
        return followUps.Select(f => new FollowUpRow(
            f.Id,
            f.ForumId,
            codes[f.ForumId],
            f.Origin,
            f.OriginItemId,
            f.Text,
            f.Responsible,
            f.ResponsibleEmail,
            f.DueDate,
            f.TargetForumId,
            f.TargetForumId is { } target ? codes[target] : null,
            f.TargetMeetingId,
            f.TargetMeetingId is { } meeting && dates.TryGetValue(meeting, out var date) ? date : null,
            f.Status,
            f.IsOverdue(today),
            f.AgendaDraftId,
            f.Revision)).ToList();
    }
}

public static class FollowUpStatuses
{
    public static string Danish(this FollowUpStatus status) => status switch
    {
        FollowUpStatus.Open => "Åben",
        FollowUpStatus.Done => "Udført",
        FollowUpStatus.Cancelled => "Annulleret",
        _ => status.ToString(),
    };
}
