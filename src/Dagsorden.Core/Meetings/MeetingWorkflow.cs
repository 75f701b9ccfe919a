using Dagsorden.Core.FollowUps;
using Dagsorden.Core.Items;
using Dagsorden.Core.Privacy;
using Dagsorden.Core.Search;
using Dagsorden.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Core.Meetings;

/// <summary>
/// The secretary's work on a meeting, each step one transaction: the meeting entity guards the
/// rules, this class loads and saves, keeps the search index in step, freezes published versions,
/// and carries approvals across meetings. A save made on an older revision fails with
/// <see cref="EditConflictException"/>, never overwriting someone else's change.
/// </summary>
public sealed class MeetingWorkflow(DagsordenDbContext db)
{
    /// <summary>The publisher recorded for the version that freezes an imported meeting.</summary>
    public const string ImportedBy = "Import";

    public async Task<Meeting> LoadAsync(int meetingId, CancellationToken cancellationToken = default) =>
        await db.Meetings
            .Include(m => m.Forum)
            .Include(m => m.Items).ThenInclude(i => i.Attachments)
            .AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken)
        ?? throw new DomainException($"There is no meeting with id {meetingId}.", "Mødet findes ikke.");

    /// <summary>The earlier meetings of the forum whose minutes are published and still await approval.</summary>
    public async Task<IReadOnlyList<DateOnly>> UnapprovedMinutesAsync(int forumId, DateOnly before, CancellationToken cancellationToken = default) =>
        await db.Meetings.AsNoTracking()
            .Where(m => m.ForumId == forumId && m.Date < before && m.Status == MeetingStatus.MinutesPublished)
            .OrderBy(m => m.Date)
            .Select(m => m.Date)
            .ToListAsync(cancellationToken);

    public async Task<Meeting> PlanAsync(int forumId, DateOnly date, TimeOnly? startTime, string? place, CancellationToken cancellationToken = default)
    {
        var planned = await PlanSeriesAsync(forumId, [date], startTime, place, cancellationToken);
        return planned.Count == 1
            ? planned[0]
            : throw new DomainException($"The forum already has a meeting on {date:yyyy-MM-dd}.", $"Forummet har allerede et møde {Text.DanishDates.LongDate(date).ToLowerInvariant()}.");
    }

    /// <summary>Plans a meeting on each date that has none yet (the yearly plan); returns the new meetings.</summary>
    public async Task<IReadOnlyList<Meeting>> PlanSeriesAsync(int forumId, IReadOnlyList<DateOnly> dates, TimeOnly? startTime, string? place, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var forum = await db.Forums.FirstOrDefaultAsync(f => f.Id == forumId, cancellationToken)
                ?? throw new DomainException($"There is no forum with id {forumId}.", "Forummet findes ikke.");
            var taken = await db.Meetings.Where(m => m.ForumId == forumId).Select(m => m.Date).ToListAsync(cancellationToken);
            var unapproved = await UnapprovedMinutesAsync(forumId, DateOnly.MaxValue, cancellationToken);
            var created = new List<Meeting>();
            foreach (var date in dates.Distinct().Order().Where(d => !taken.Contains(d)))
            {
                var meeting = Meeting.Plan(forum, date, startTime, place, unapproved.Where(d => d < date).ToList());
                db.Meetings.Add(meeting);
                created.Add(meeting);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return created;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Puts a submitted draft on the agenda, before "Evt.".</summary>
    public Task PlaceDraftAsync(int meetingId, int draftId, int expectedRevision, CancellationToken cancellationToken = default) =>
        ChangeAsync(meetingId, expectedRevision, async meeting =>
        {
            var draft = await db.ItemDrafts.FirstOrDefaultAsync(d => d.Id == draftId, cancellationToken)
                ?? throw new DomainException($"There is no draft with id {draftId}.", "Punktet findes ikke i køen.");
            if (draft.ForumId != meeting.ForumId)
                throw new DomainException($"Draft {draftId} was submitted to another forum.", "Punktet er indsendt til et andet forum.");
            var item = meeting.AddItem(draft.Content with { ForumPrefix = draft.Content.ForumPrefix ?? meeting.Forum.Code });
            await db.SaveChangesAsync(cancellationToken);
            draft.MarkPlaced(item.Id);
        }, cancellationToken);

    public Task MoveItemAsync(int meetingId, int number, int newNumber, int expectedRevision, CancellationToken cancellationToken = default) =>
        ChangeAsync(meetingId, expectedRevision, meeting =>
        {
            meeting.MoveItem(number, newNumber);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Takes an item off the agenda; an item placed from the queue goes back to the queue.</summary>
    public Task RemoveItemAsync(int meetingId, int number, int expectedRevision, CancellationToken cancellationToken = default) =>
        ChangeAsync(meetingId, expectedRevision, async meeting =>
        {
            var item = meeting.RemoveItem(number);
            var draft = await db.ItemDrafts.FirstOrDefaultAsync(d => d.PlacedItemId == item.Id, cancellationToken);
            draft?.ReturnToQueue();
        }, cancellationToken);

    public Task MarkToFollowAsync(int meetingId, int number, bool toFollow, int expectedRevision, CancellationToken cancellationToken = default) =>
        ChangeAsync(meetingId, expectedRevision, meeting =>
        {
            meeting.MarkToFollow(number, toFollow);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task EditItemAsync(int meetingId, int number, ItemContent content, int expectedItemRevision, CancellationToken cancellationToken = default) =>
        ChangeAsync(meetingId, null, meeting =>
        {
            meeting.EditItem(number, content, expectedItemRevision);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task RecordAttendanceAsync(int meetingId, IReadOnlyList<Participant> participants, int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(meetingId, expectedRevision, meeting =>
        {
            meeting.RecordAttendance(participants);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>
    /// Records a decision, refreshes the follow-ups it suggests, and closes the follow-up an item was
    /// made from. Item 1's approval of the minutes approves every earlier meeting of the forum whose
    /// minutes awaited approval; a postponement leaves them waiting.
    /// </summary>
    public Task RecordDecisionAsync(int meetingId, int number, Decision? decision, int expectedItemRevision, CancellationToken cancellationToken = default) =>
        ChangeAsync(meetingId, null, async meeting =>
        {
            meeting.RecordDecision(number, decision, expectedItemRevision);
            await new FollowUpSuggestions(db).RefreshAsync(meeting, [number], cancellationToken);
            await FollowUpService.CloseByDecisionAsync(db, meeting.Item(number).Id, decision, cancellationToken);
            if (number == 1 && meeting.Item(1).MinutesApproval?.Outcome == MinutesApprovalOutcome.Approved)
            {
                var waiting = await db.Meetings.Include(m => m.Forum)
                    .Where(m => m.ForumId == meeting.ForumId && m.Date < meeting.Date && m.Status == MeetingStatus.MinutesPublished)
                    .ToListAsync(cancellationToken);
                foreach (var earlier in waiting)
                    earlier.ApproveMinutes(meeting.Date);
            }
        }, cancellationToken);

    /// <param name="expectedRevision">The revision the secretary saw: only what they saw is published.</param>
    public Task<MeetingVersion> PublishAgendaAsync(int meetingId, string publisher, int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        PublishAsync(meetingId, publisher, null, expectedRevision, async meeting =>
        {
            meeting.RefreshApprovalItem(await UnapprovedMinutesAsync(meeting.ForumId, meeting.Date, cancellationToken));
            meeting.PublishAgenda();
        }, cancellationToken);

    public Task<MeetingVersion> PublishMinutesAsync(int meetingId, string publisher, int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        PublishAsync(meetingId, publisher, null, expectedRevision, async meeting =>
        {
            meeting.PublishMinutes();
            // Owed in the publication's transaction, so no digest is lost to a crash in between.
            await Communication.Digests.OweAsync(db, meeting, cancellationToken);
        }, cancellationToken);

    /// <summary>Corrects approved minutes; the correction is published at once as a new version carrying the reason.</summary>
    public Task<MeetingVersion> CorrectItemAsync(int meetingId, int number, ItemContent content, string reason, int expectedItemRevision, string publisher, CancellationToken cancellationToken = default) =>
        PublishAsync(meetingId, publisher, reason, null, meeting =>
        {
            meeting.CorrectItem(number, content, reason, expectedItemRevision);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>
    /// Sets the names left out of an item's public version. The public reads them redacted from the next
    /// published version on; approved minutes are published no more, so for them that version is made at once.
    /// </summary>
    public async Task SetPublicRedactionsAsync(int meetingId, int number, IReadOnlyList<string> redactions, int expectedItemRevision, string publisher, CancellationToken cancellationToken = default)
    {
        var approved = await db.Meetings.AsNoTracking().AnyAsync(m => m.Id == meetingId && m.Status == MeetingStatus.MinutesApproved, cancellationToken);
        Task Change(Meeting meeting)
        {
            if (approved != (meeting.Status == MeetingStatus.MinutesApproved))
                throw new EditConflictException($"Meeting {meetingId} changed status while its redactions were saved.", "Mødets status er ændret i mellemtiden. Gentag ændringen.");
            meeting.SetPublicRedactions(number, redactions, expectedItemRevision);
            return Task.CompletedTask;
        }

        if (approved)
            await PublishAsync(meetingId, publisher, $"Personoplysninger er udeladt af den offentlige udgave af punkt {number}.", null, Change, cancellationToken);
        else
            await ChangeAsync(meetingId, null, Change, cancellationToken);
    }

    public async Task<IReadOnlyList<MeetingVersion>> VersionsAsync(int meetingId, CancellationToken cancellationToken = default) =>
        await db.MeetingVersions.AsNoTracking().Where(v => v.MeetingId == meetingId).OrderBy(v => v.Number).ToListAsync(cancellationToken);

    private async Task<MeetingVersion> PublishAsync(int meetingId, string publisher, string? reason, int? expectedRevision, Func<Meeting, Task> change, CancellationToken cancellationToken)
    {
        MeetingVersion? version = null;
        await ChangeAsync(meetingId, expectedRevision, async meeting =>
        {
            await change(meeting);

            // Checked last, on what would be published; a refusal rolls the whole change back.
            PublicTextCheck.EnsureNoCprNumbers(meeting, reason);
            await db.SaveChangesAsync(cancellationToken);
            var number = await db.MeetingVersions.Where(v => v.MeetingId == meetingId).Select(v => (int?)v.Number).MaxAsync(cancellationToken) ?? 0;
            version = new MeetingVersion(meetingId, number + 1, db.Clock.GetUtcNow().UtcDateTime, publisher, MeetingSnapshot.Of(meeting), reason);
            db.MeetingVersions.Add(version);

            // Search finds what is published, so the index changes only here: a planned meeting and the
            // edits made between two versions are found by nobody.
            await SearchIndexes.For(db).IndexMeetingAsync(meeting, cancellationToken);
        }, cancellationToken);
        return version!;
    }

    /// <summary>
    /// An imported meeting is public without a version. Before the workflow first changes it, its
    /// imported state becomes version 1, so the public keeps seeing that until the next publication.
    /// </summary>
    private async Task FreezeImportedAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        if (!meeting.IsPublished || await db.MeetingVersions.AnyAsync(v => v.MeetingId == meeting.Id, cancellationToken))
            return;
        db.MeetingVersions.Add(new MeetingVersion(meeting.Id, 1, db.Clock.GetUtcNow().UtcDateTime, ImportedBy, MeetingSnapshot.Of(meeting)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ChangeAsync(int meetingId, int? expectedRevision, Func<Meeting, Task> change, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var meeting = await LoadAsync(meetingId, cancellationToken);
            if (expectedRevision is { } revision)
                meeting.EnsureRevision(revision);
            await FreezeImportedAsync(meeting, cancellationToken);
            await change(meeting);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new EditConflictException(
                $"Meeting {meetingId} was saved by someone else at the same time: {e.Message}",
                "En anden gemte det samme på samme tid. Siden viser nu den gemte udgave; din tekst er bevaret nedenfor.");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
