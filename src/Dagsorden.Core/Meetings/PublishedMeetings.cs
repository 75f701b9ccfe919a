using Dagsorden.Core.Search;
using Dagsorden.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Core.Meetings;

/// <summary>
/// A meeting as it was published: what the public and the members read. <see cref="Meeting"/> is a
/// detached copy of the latest published version (or the stored meeting itself for an imported
/// meeting, which has no versions; then <see cref="Latest"/> is null); it is never saved. <see cref="Status"/> and
/// <see cref="MinutesApprovedOn"/> come from the stored meeting, since approval happens at a later
/// meeting without a new version.
/// </summary>
public sealed record PublishedMeeting(
    int Id,
    int ForumId,
    MeetingStatus Status,
    DateOnly? MinutesApprovedOn,
    Meeting Meeting,
    MeetingVersion? Latest,
    IReadOnlyDictionary<int, int> ItemIds)
{
    public MeetingKey Key => Meeting.Key;

    /// <summary>The stored item behind published item <paramref name="number"/>, or null.</summary>
    public int? ItemId(int number) => ItemIds.TryGetValue(number, out var id) ? id : null;

    /// <summary>The search documents of the published items, under the stored items' ids.</summary>
    public IReadOnlyList<SearchDocument> SearchDocuments() =>
        Meeting.Items
            .Select(item => (Document: SearchDocument.From(Meeting, item), ItemId: ItemIds[item.Number]))
            .Select(x => new SearchDocument(x.ItemId, Id, ForumId, x.Document.Date, x.Document.Number, x.Document.Title, x.Document.Body, x.Document.IsClosed, x.Document.KleSubject, x.Document.Outcome))
            .ToList();
}

public static class PublishedMeetings
{
    /// <summary>
    /// The meeting as published, or null when there is no such meeting or it is still being planned:
    /// a planned meeting, and a secretary's edits made since the last published version, are shown to nobody.
    /// </summary>
    public static async Task<PublishedMeeting?> FindPublishedAsync(this DagsordenDbContext db, MeetingKey key, CancellationToken cancellationToken = default)
    {
        var meeting = await db.FindAsync(key, cancellationToken);
        if (meeting is null || !meeting.IsPublished)
            return null;
        var latest = (await db.LatestVersionsAsync([meeting.Id], cancellationToken)).GetValueOrDefault(meeting.Id);
        return Of(meeting, latest);
    }

    /// <summary>
    /// The same rule for a stored meeting already loaded (with forum, items and attachments) and its
    /// newest version (null when it has none).
    /// </summary>
    public static PublishedMeeting? Of(Meeting stored, MeetingVersion? latest)
    {
        if (!stored.IsPublished)
            return null;
        if (latest is null)
            return new PublishedMeeting(stored.Id, stored.ForumId, stored.Status, stored.MinutesApprovedOn, stored, null, stored.Items.ToDictionary(i => i.Number, i => i.Id));
        if (latest.MeetingId != stored.Id)
            throw new ArgumentException($"Version {latest.Id} belongs to meeting {latest.MeetingId}, not {stored.Id}.", nameof(latest));

        return new PublishedMeeting(
            stored.Id,
            stored.ForumId,
            stored.Status,
            stored.MinutesApprovedOn,
            latest.Snapshot.ToMeeting(stored.Forum, stored.Date),
            latest,
            latest.Snapshot.Items.ToDictionary(i => i.Number, i => i.ItemId));
    }

    /// <summary>The newest version of each of the given meetings that has one.</summary>
    public static async Task<Dictionary<int, MeetingVersion>> LatestVersionsAsync(this DagsordenDbContext db, IReadOnlyCollection<int> meetingIds, CancellationToken cancellationToken = default)
    {
        var ids = meetingIds.Distinct().ToList();
        var latest = await db.MeetingVersions.AsNoTracking()
            .Where(v => ids.Contains(v.MeetingId) && v.Number == db.MeetingVersions.Where(w => w.MeetingId == v.MeetingId).Max(w => w.Number))
            .ToListAsync(cancellationToken);
        return latest.ToDictionary(v => v.MeetingId);
    }
}
