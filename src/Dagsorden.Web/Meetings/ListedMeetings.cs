using System.Linq.Expressions;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Web.Meetings;

/// <summary>A meeting as the portal's lists show it: for a workflow meeting, its document and item count as last published.</summary>
public sealed record ListedMeeting(int Id, MeetingKey Key, string ForumName, TimeOnly? StartTime, string? Place, DocumentKind Kind, MeetingStatus Status, int ItemCount)
{
    public bool IsPlanned => Status == MeetingStatus.Planned;
}

public static class ListedMeetings
{
    /// <summary>
    /// The meetings that match, by forum code and date. Planned meetings only when
    /// <paramref name="includePlanned"/> (for the forum's own members); they are nowhere public.
    /// </summary>
    public static async Task<IReadOnlyList<ListedMeeting>> ListAsync(DagsordenDbContext db, Expression<Func<Meeting, bool>> filter, bool includePlanned, CancellationToken cancellationToken)
    {
        var meetings = db.Meetings.AsNoTracking().Where(filter);
        if (!includePlanned)
            meetings = meetings.Where(m => m.Status != MeetingStatus.Planned);
        var rows = await meetings
            .OrderBy(m => m.Forum.Code).ThenBy(m => m.Date)
            .Select(m => new { m.Id, m.Forum.Code, ForumName = m.Forum.Name, m.Date, m.StartTime, m.Place, m.Kind, m.Status, ItemCount = m.Items.Count() })
            .ToListAsync(cancellationToken);

        // Items added or removed since the last published version are not told.
        var versions = await db.LatestVersionsAsync(rows.Where(r => r.Status != MeetingStatus.Planned).Select(r => r.Id).ToList(), cancellationToken);
        return rows.Select(r => versions.TryGetValue(r.Id, out var version)
                ? new ListedMeeting(r.Id, new MeetingKey(r.Code, r.Date), r.ForumName, r.StartTime, r.Place, version.Kind, r.Status, version.Snapshot.Items.Count)
                : new ListedMeeting(r.Id, new MeetingKey(r.Code, r.Date), r.ForumName, r.StartTime, r.Place, r.Kind, r.Status, r.ItemCount))
            .ToList();
    }
}
