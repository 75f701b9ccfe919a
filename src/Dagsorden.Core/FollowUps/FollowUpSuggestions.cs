using System.Globalization;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Core.FollowUps;

/// <summary>A pending suggestion as the secretary's page shows it.</summary>
public sealed record PendingSuggestion(
    int Id,
    int ItemNumber,
    string ItemTitle,
    string Sentence,
    DateOnly? DueDate,
    string? TimeExpression,
    int? TargetForumId,
    string? TargetForumName,
    bool NextMeeting);

/// <summary>
/// Keeps each decided item's suggestions in step with its decision and turns a suggestion into a
/// follow-up when a secretary accepts it. Suggesting runs inside the caller's transaction (recording a
/// decision, importing minutes), so a decision is never stored without its suggestions or the reverse.
/// </summary>
public sealed class FollowUpSuggestions(DagsordenDbContext db)
{
    /// <summary>
    /// Brings the suggestions of the meeting's items (all, or those numbered) up to date with their
    /// decisions: a pending suggestion the decision no longer gives goes; one it still gives stays as
    /// it is; a new one is added unless the same sentence was already accepted or dismissed. The items
    /// must be saved (have ids); the caller saves the changes.
    /// </summary>
    public async Task RefreshAsync(Meeting meeting, IReadOnlyCollection<int>? numbers = null, CancellationToken cancellationToken = default)
    {
        var items = meeting.Items.Where(i => numbers is null || numbers.Contains(i.Number)).ToList();
        if (items.Count == 0)
            return;
        var extractor = await FollowUpExtractor.LoadAsync(db, cancellationToken);
        var ownForum = extractor.Forum(meeting.Forum.Name) is { } own && own.Id == meeting.ForumId
            ? own
            : FollowUpExtractor.WithCommonNames(meeting.ForumId, meeting.Forum.Code, meeting.Forum.Name);
        var itemIds = items.Select(i => i.Id).ToList();
        var existing = await db.FollowUpSuggestions.Where(s => itemIds.Contains(s.ItemId)).ToListAsync(cancellationToken);
        var now = db.Clock.GetUtcNow().UtcDateTime;

        foreach (var item in items)
        {
            var candidates = item.Decision is { } decision
                ? extractor.Extract(decision.Text.ToPlainText(), meeting.Date, ownForum)
                : [];
            var stored = existing.Where(s => s.ItemId == item.Id).ToList();
            foreach (var pending in stored.Where(s => s.Status == SuggestionStatus.Pending))
            {
                if (!candidates.Any(c => Same(pending, c, extractor)))
                    db.FollowUpSuggestions.Remove(pending);
            }

            foreach (var candidate in candidates)
            {
                if (stored.Any(s => s.Sentence == candidate.Sentence && (s.Status != SuggestionStatus.Pending || Same(s, candidate, extractor))))
                    continue;
                var suggestion = new FollowUpSuggestion(item.Id, candidate, extractor.Forum(candidate.ForumName)?.Id, now);
                db.FollowUpSuggestions.Add(suggestion);
                stored.Add(suggestion);
            }
        }
    }

    public async Task<IReadOnlyList<PendingSuggestion>> PendingAsync(int meetingId, CancellationToken cancellationToken = default)
    {
        var rows = await (from suggestion in db.FollowUpSuggestions.AsNoTracking()
                          join item in db.Items.AsNoTracking() on suggestion.ItemId equals item.Id
                          where item.MeetingId == meetingId && suggestion.Status == SuggestionStatus.Pending
                          select new { suggestion, item.Number, item.Title, item.IsClosed })
            .ToListAsync(cancellationToken);
        var forums = await db.Forums.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken);
        return rows
            .OrderBy(r => r.Number).ThenBy(r => r.suggestion.Id)
            .Select(r => new PendingSuggestion(
                r.suggestion.Id,
                r.Number,
                r.IsClosed && r.Title.Length == 0 ? "Lukket punkt" : r.Title,
                r.suggestion.Sentence,
                r.suggestion.DueDate,
                r.suggestion.TimeExpression,
                r.suggestion.TargetForumId,
                r.suggestion.TargetForumId is { } id && forums.TryGetValue(id, out var name) ? name : null,
                r.suggestion.NextMeeting))
            .ToList();
    }

    /// <summary>
    /// Creates the follow-up a secretary filled in from a suggestion and marks the suggestion accepted,
    /// in one transaction. Two secretaries accepting the same suggestion at once get one follow-up:
    /// the second finds it handled.
    /// </summary>
    public async Task<FollowUp> AcceptAsync(int meetingId, int suggestionId, FollowUpTerms terms, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var (suggestion, meeting, item) = await FindAsync(meetingId, suggestionId, cancellationToken);
            // Said before any complaint about the form: a handled suggestion needs no corrected input.
            if (suggestion.Status != SuggestionStatus.Pending)
                throw new DomainException($"Suggestion {suggestionId} was already {suggestion.Status}.", "Forslaget er allerede behandlet.");
            if (terms.TargetForumId is { } forumId && !await db.Forums.AnyAsync(f => f.Id == forumId, cancellationToken))
                throw new DomainException($"There is no forum with id {forumId}.", "Vælg forummet, sagen skal tilbage til, på listen.");

            var origin = Origin(meeting, item.Number, item.Title);
            var followUp = new FollowUp(meeting.ForumId, item.Id, origin, terms, db.Clock.GetUtcNow().UtcDateTime);
            db.FollowUps.Add(followUp);
            await db.SaveChangesAsync(cancellationToken);
            suggestion.Accept(followUp.Id);
            await SaveAsync(suggestion, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return followUp;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public async Task DismissAsync(int meetingId, int suggestionId, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        try
        {
            var (suggestion, _, _) = await FindAsync(meetingId, suggestionId, cancellationToken);
            suggestion.Dismiss();
            await SaveAsync(suggestion, cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>A suggestion of one of the meeting's items, as the secretary's form names it.</summary>
    public async Task<PendingSuggestion> FindPendingAsync(int meetingId, int suggestionId, CancellationToken cancellationToken = default) =>
        (await PendingAsync(meetingId, cancellationToken)).FirstOrDefault(s => s.Id == suggestionId)
        ?? throw new DomainException(
            $"Suggestion {suggestionId} is not a pending suggestion of meeting {meetingId}.",
            "Forslaget findes ikke på dette møde eller er allerede behandlet.");

    /// <summary>"CF 18-08-2016, punkt 5: Telefoni"; kept on the follow-up should the item go.</summary>
    public static string Origin(Meeting meeting, int number, string title)
    {
        var origin = string.Create(CultureInfo.InvariantCulture, $"{meeting.Forum.Code} {DanishDates.ShortDate(meeting.Date)}, punkt {number}");
        if (title.Length > 0)
            origin += ": " + title;
        return origin.Length <= Limits.Title ? origin : origin[..(Limits.Title - 1)] + "…";
    }

    private static bool Same(FollowUpSuggestion stored, FollowUpCandidate candidate, FollowUpExtractor extractor) =>
        stored.Sentence == candidate.Sentence
        && stored.DueDate == candidate.DueDate
        && stored.TimeExpression == candidate.TimeExpression
        && stored.NextMeeting == candidate.NextMeeting
        && stored.TargetForumId == extractor.Forum(candidate.ForumName)?.Id;

    private async Task<(FollowUpSuggestion Suggestion, Meeting Meeting, AgendaItem Item)> FindAsync(int meetingId, int suggestionId, CancellationToken cancellationToken)
    {
        var found = await (from suggestion in db.FollowUpSuggestions.AsNoTracking()
                           join item in db.Items.AsNoTracking() on suggestion.ItemId equals item.Id
                           where suggestion.Id == suggestionId && item.MeetingId == meetingId
                           select new { suggestion, item })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainException(
                $"Suggestion {suggestionId} does not belong to meeting {meetingId}.",
                "Forslaget findes ikke på dette møde. Det kan være fjernet, fordi beslutningen er ændret.");
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Forum).FirstAsync(m => m.Id == meetingId, cancellationToken);
        return (found.suggestion, meeting, found.item);
    }

    /// <summary>
    /// Writes the entity's decided state only where the row is still pending: the status carries no
    /// concurrency token, and of two secretaries deciding at once only one may count.
    /// </summary>
    private async Task SaveAsync(FollowUpSuggestion decided, CancellationToken cancellationToken)
    {
        var changed = await db.FollowUpSuggestions
            .Where(s => s.Id == decided.Id && s.Status == SuggestionStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, decided.Status).SetProperty(x => x.FollowUpId, decided.FollowUpId), cancellationToken);
        if (changed != 1)
            throw new DomainException($"Suggestion {decided.Id} was handled by someone else meanwhile.", "Forslaget er allerede behandlet.");
    }
}
