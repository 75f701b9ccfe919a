using Dagsorden.Core.Accounts;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Web.Attachments;

/// <summary>An attachment's file as one reader may have it; <see cref="IsPublic"/> says whether anyone may.</summary>
public sealed record ReadableAttachment(int Id, AttachmentFile File, bool IsPublic);

/// <summary>
/// Who may read which attachment file. The public reads a public attachment of an open item as the
/// meeting's newest published version has it; the forum's members read every attachment of that
/// version; the forum's secretaries also read planned meetings and edits not yet published.
/// </summary>
public static class AttachmentAccess
{
    /// <summary>The file the reader may download, or null: unknown, not readable and without a file are alike.</summary>
    public static async Task<ReadableAttachment?> FindReadableAsync(this DagsordenDbContext db, int attachmentId, UserAccess access, CancellationToken cancellationToken)
    {
        var row = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId, cancellationToken);
        if (row is null)
            return null;
        var owner = await (from item in db.Items
                           join meeting in db.Meetings on item.MeetingId equals meeting.Id
                           where item.Id == row.ItemId
                           select new { item.IsClosed, meeting.Id, meeting.ForumId, meeting.Status })
            .AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (owner is null)
            return null;

        if (access.IsSecretaryOf(owner.ForumId))
            return row.File is { } draft ? new ReadableAttachment(row.Id, draft, false) : null;
        if (owner.Status == MeetingStatus.Planned)
            return null;

        var published = await PublishedAsync(db, row, owner.Id, owner.IsClosed, cancellationToken);
        if (published is null || !MayRead(published.File, published.IsPublic, published.ItemIsClosed, access.IsMemberOf(owner.ForumId)))
            return null;
        return new ReadableAttachment(row.Id, published.File!, published.IsPublic && !published.ItemIsClosed);
    }

    /// <summary>
    /// The rule for an attachment as published: it must have a file; the forum's members read it,
    /// everyone else only a public attachment of an open item.
    /// </summary>
    public static bool MayRead(AttachmentFile? file, bool isPublic, bool itemIsClosed, bool isMember) =>
        file is not null && (isMember || (isPublic && !itemIsClosed));

    private sealed record PublishedAttachment(AttachmentFile? File, bool IsPublic, bool ItemIsClosed);

    /// <summary>
    /// The attachment as the newest published version has it. A row keeps its id while its item keeps
    /// an attachment with the same title at the same position (see <see cref="AgendaItem.ReplaceContent"/>),
    /// so that pair finds it in the snapshot; the file is the published one even if a newer one was uploaded since.
    /// </summary>
    private static async Task<PublishedAttachment?> PublishedAsync(DagsordenDbContext db, Attachment row, int meetingId, bool itemIsClosed, CancellationToken cancellationToken)
    {
        var latest = (await db.LatestVersionsAsync([meetingId], cancellationToken)).GetValueOrDefault(meetingId);
        if (latest is null)
            return new PublishedAttachment(row.File, row.IsPublic, itemIsClosed);
        return Find(latest.Snapshot, row.ItemId, row.Position, row.Title) is { } found
            ? new PublishedAttachment(found.Attachment.File, found.Attachment.IsPublic, found.Item.Content.IsClosed)
            : null;
    }

    /// <summary>The snapshot's attachment that stored row (item, position, title) stands for, with its item.</summary>
    public static (SnapshotItem Item, AttachmentContent Attachment)? Find(MeetingSnapshot snapshot, int itemId, int position, string title)
    {
        var item = snapshot.Items.FirstOrDefault(i => i.ItemId == itemId);
        if (item is null || position < 0 || position >= item.Content.Attachments.Count)
            return null;
        var attachment = item.Content.Attachments[position];
        return attachment.Title.Trim() == title ? (item, attachment) : null;
    }
}
