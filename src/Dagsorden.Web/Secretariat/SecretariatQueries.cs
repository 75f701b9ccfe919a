using System.Globalization;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Dagsorden.Web.Secretariat;

/// <summary>A submitted item waiting in a forum's queue.</summary>
public sealed record QueuedDraft(int Id, string Title, string AuthorName, DateTime? Submitted, bool IsClosed);

/// <summary>A published version and what changed since the one before it.</summary>
public sealed record VersionView(int Number, string Description, string Published, string PublishedBy, string? CorrectionReason, IReadOnlyList<string> Changes);

public static class SecretariatQueries
{
    private static readonly DateTimeZone Copenhagen = DateTimeZoneProviders.Tzdb["Europe/Copenhagen"];

    /// <summary>The forum's submitted items, oldest first: the order they came in.</summary>
    public static async Task<IReadOnlyList<QueuedDraft>> QueueAsync(DagsordenDbContext db, int forumId, CancellationToken cancellationToken)
    {
        var drafts = await db.ItemDrafts.AsNoTracking()
            .Where(d => d.ForumId == forumId && d.Status == DraftStatus.Submitted)
            .Include(d => d.Forum)
            .ToListAsync(cancellationToken);
        return drafts
            .OrderBy(d => d.Submitted).ThenBy(d => d.Id)
            .Select(d => new QueuedDraft(d.Id, ItemTitle.Compose(d.Content.ForumPrefix ?? d.Forum.Code, d.Content.Title), d.AuthorName, d.Submitted, d.Content.IsClosed))
            .ToList();
    }

    /// <summary>The meeting's published versions, each with the changes since the previous one (closed items named, for the secretary).</summary>
    public static async Task<IReadOnlyList<VersionView>> VersionsAsync(DagsordenDbContext db, int meetingId, CancellationToken cancellationToken)
    {
        var versions = await new MeetingWorkflow(db).VersionsAsync(meetingId, cancellationToken);
        return versions
            .Select((v, i) => new VersionView(
                v.Number,
                MeetingVersion.Describe(versions, v),
                LocalTime(v.Published),
                v.PublishedBy,
                v.CorrectionReason,
                i == 0 ? [] : VersionChanges.Between(versions[i - 1].Snapshot, v.Snapshot, showClosed: true)))
            .ToList();
    }

    /// <summary>What the meeting holds now that its newest published version does not; everything when nothing is published.</summary>
    public static async Task<IReadOnlyList<string>> UnpublishedChangesAsync(DagsordenDbContext db, Meeting meeting, CancellationToken cancellationToken)
    {
        var newest = await db.MeetingVersions.AsNoTracking()
            .Where(v => v.MeetingId == meeting.Id)
            .OrderByDescending(v => v.Number)
            .FirstOrDefaultAsync(cancellationToken);
        return newest is null ? [] : VersionChanges.Between(newest.Snapshot, MeetingSnapshot.Of(meeting), showClosed: true);
    }

    /// <summary>"12-03-2026 kl. 14:05", Danish local time.</summary>
    public static string LocalTime(DateTime utc)
    {
        var local = Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(Copenhagen).LocalDateTime;
        return DanishDates.ShortDate(DateOnly.FromDateTime(local.ToDateTimeUnspecified()))
            + " kl. " + local.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>Today in Denmark, by the database's clock.</summary>
    public static DateOnly Today(DagsordenDbContext db) =>
        DateOnly.FromDateTime(Instant.FromDateTimeOffset(db.Clock.GetUtcNow()).InZone(Copenhagen).LocalDateTime.ToDateTimeUnspecified());

    public static string DateOf(DateTime? utc) => utc is { } value ? LocalTime(value)[..10] : "";
}
