using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Web.Attachments;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Web.OParl;

/// <summary>A published meeting as OParl shows it, with the change stamps of what the public saw.</summary>
public sealed record ArchiveMeeting(PublishedMeeting Published, Forum Forum, DateTime Created, DateTime Modified)
{
    public int Id => Published.Id;

    public Meeting Shown => Published.Meeting;

    public IReadOnlyList<ArchiveItem> Items { get; init; } = [];
}

/// <summary>A published item under its stored id; <see cref="Files"/> are the attachments the public may download.</summary>
public sealed record ArchiveItem(int Id, AgendaItem Shown, ArchiveMeeting Meeting, DateTime Created, DateTime Modified)
{
    public IReadOnlyList<ArchiveFile> Files { get; init; } = [];
}

public sealed record ArchiveFile(int Id, Attachment Shown, AttachmentFile File, ArchiveItem Item, DateTime Created, DateTime Modified);

/// <summary>
/// Everything OParl publishes, read as the public sees it: the newest published version of each
/// meeting (<see cref="PublishedMeetings"/>), never the live rows a secretary is still editing; an
/// imported meeting, which has no versions, is its rows. Loaded whole, because a version's items
/// live in its JSON snapshot, which the database cannot filter or page.
/// </summary>
public sealed class PublishedArchive
{
    private PublishedArchive(IReadOnlyList<ArchiveMeeting> meetings)
    {
        Meetings = meetings;
        Items = meetings.SelectMany(m => m.Items).OrderBy(i => i.Id).ToList();
        Files = Items.SelectMany(i => i.Files).OrderBy(f => f.Id).ToList();
    }

    /// <summary>By id.</summary>
    public IReadOnlyList<ArchiveMeeting> Meetings { get; }

    /// <summary>By id.</summary>
    public IReadOnlyList<ArchiveItem> Items { get; }

    /// <summary>By id.</summary>
    public IReadOnlyList<ArchiveFile> Files { get; }

    public static async Task<PublishedArchive> LoadAsync(DagsordenDbContext db, CancellationToken cancellationToken)
    {
        // Tracked, because the created/modified stamps are shadow properties.
        var stored = await db.Meetings.Where(m => m.Status != MeetingStatus.Planned)
            .Include(m => m.Forum).Include(m => m.Items).ThenInclude(i => i.Attachments)
            .AsSplitQuery().OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var latest = await db.LatestVersionsAsync(stored.Select(m => m.Id).ToList(), cancellationToken);
        return new PublishedArchive(stored.Select(m => Of(db, m, latest.GetValueOrDefault(m.Id))).ToList());
    }

    /// <summary>
    /// A versioned meeting's items and files are stamped as modified when its newest version was
    /// published: that is when the public could first see their current content, so a client
    /// polling with modified_since never misses a change made earlier but published later.
    /// </summary>
    private static ArchiveMeeting Of(DagsordenDbContext db, Meeting stored, MeetingVersion? latest)
    {
        var published = PublishedMeetings.Of(stored, latest)!;
        var (created, modified) = Stamps(db, stored);
        var shownAt = latest is null ? (DateTime?)null : Utc(latest.Published);
        var meeting = new ArchiveMeeting(published, stored.Forum, created, Later(modified, shownAt));
        var rows = stored.Items.ToDictionary(i => i.Id);
        var items = new List<ArchiveItem>();
        foreach (var shown in published.Meeting.Items)
        {
            var id = published.ItemIds[shown.Number];
            var row = rows.GetValueOrDefault(id);
            var (itemCreated, itemModified) = row is null ? (created, modified) : Stamps(db, row);
            var item = new ArchiveItem(id, shown, meeting, itemCreated, shownAt ?? itemModified);
            items.Add(item with { Files = PublicFiles(db, item, row, shownAt) });
        }

        return meeting with { Items = items };
    }

    /// <summary>
    /// The public attachments with a file of an open item, under their stored ids; an attachment whose
    /// row is gone (removed since, not yet published) has no address to download it from, so it is left out.
    /// </summary>
    private static List<ArchiveFile> PublicFiles(DagsordenDbContext db, ArchiveItem item, AgendaItem? row, DateTime? shownAt)
    {
        var files = new List<ArchiveFile>();
        if (item.Shown.IsClosed || row is null)
            return files;
        foreach (var shown in item.Shown.Attachments)
        {
            if (!shown.IsPublic || shown.File is not { } file)
                continue;
            var stored = row.Attachments.FirstOrDefault(a => a.Position == shown.Position && a.Title == shown.Title);
            if (stored is null)
                continue;
            var (created, modified) = Stamps(db, stored);
            files.Add(new ArchiveFile(stored.Id, shown, file, item, created, shownAt ?? modified));
        }

        return files;
    }

    public ArchiveMeeting? Meeting(int id) => Meetings.FirstOrDefault(m => m.Id == id);

    public ArchiveItem? Item(int id) => Items.FirstOrDefault(i => i.Id == id);

    public ArchiveFile? File(int id) => Files.FirstOrDefault(f => f.Id == id);

    private static (DateTime Created, DateTime Modified) Stamps(DagsordenDbContext db, object entity)
    {
        var entry = db.Entry(entity);
        return (Utc((DateTime)entry.Property(ChangeTracking.Created).CurrentValue!), Utc((DateTime)entry.Property(ChangeTracking.Modified).CurrentValue!));
    }

    private static DateTime Later(DateTime value, DateTime? other) => other is { } o && o > value ? o : value;

    internal static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
