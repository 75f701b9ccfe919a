using Dagsorden.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Core.Meetings;

public static class MeetingQueries
{
    /// <summary>A meeting with everything its documents show, or null.</summary>
    public static Task<Meeting?> FindAsync(this DagsordenDbContext db, MeetingKey key, CancellationToken cancellationToken = default) =>
        db.Meetings
            .AsNoTracking()
            .Include(m => m.Forum)
            .Include(m => m.Items).ThenInclude(i => i.Attachments)
            .AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Forum.Code == key.ForumCode && m.Date == key.Date, cancellationToken);

    public static async Task<IReadOnlyList<MeetingSummary>> ListAsync(this DagsordenDbContext db, CancellationToken cancellationToken = default)
    {
        var rows = await db.Meetings
            .AsNoTracking()
            .OrderBy(m => m.Forum.Code).ThenBy(m => m.Date)
            .Select(m => new { m.Forum.Code, ForumName = m.Forum.Name, m.Date, m.StartTime, m.Place, m.Kind, m.Status, ItemCount = m.Items.Count() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new MeetingSummary(new MeetingKey(r.Code, r.Date), r.ForumName, r.StartTime, r.Place, r.Kind, r.Status, r.ItemCount)).ToList();
    }
}

public sealed record MeetingSummary(MeetingKey Key, string ForumName, TimeOnly? StartTime, string? Place, DocumentKind Kind, MeetingStatus Status, int ItemCount);
