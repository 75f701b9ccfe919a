using System.Linq.Expressions;
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

    public static Task<IReadOnlyList<MeetingSummary>> ListAsync(this DagsordenDbContext db, CancellationToken cancellationToken = default) =>
        db.ListAsync(_ => true, cancellationToken);

    /// <summary>Summaries of the meetings that match, by forum code and date.</summary>
    public static async Task<IReadOnlyList<MeetingSummary>> ListAsync(this DagsordenDbContext db, Expression<Func<Meeting, bool>> filter, CancellationToken cancellationToken = default)
    {
        var rows = await db.Meetings
            .AsNoTracking()
            .Where(filter)
            .OrderBy(m => m.Forum.Code).ThenBy(m => m.Date)
            .Select(m => new { m.Forum.Code, ForumName = m.Forum.Name, m.Date, m.StartTime, m.Place, m.Kind, m.Status, ItemCount = m.Items.Count() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new MeetingSummary(new MeetingKey(r.Code, r.Date), r.ForumName, r.StartTime, r.Place, r.Kind, r.Status, r.ItemCount)).ToList();
    }
}

public sealed record ForumYear(int Year, int MeetingCount);

public static class ForumQueries
{
    /// <summary>The years a forum has meetings in, newest first.</summary>
    public static async Task<IReadOnlyList<ForumYear>> YearsAsync(this DagsordenDbContext db, int forumId, CancellationToken cancellationToken = default)
    {
        var dates = await db.Meetings.AsNoTracking().Where(m => m.ForumId == forumId).Select(m => m.Date).ToListAsync(cancellationToken);
        return dates.GroupBy(d => d.Year).OrderByDescending(g => g.Key).Select(g => new ForumYear(g.Key, g.Count())).ToList();
    }

    /// <summary>A forum's meetings in one year, in date order: the year's plan.</summary>
    public static async Task<IReadOnlyList<MeetingSummary>> MeetingsInYearAsync(this DagsordenDbContext db, int forumId, int year, CancellationToken cancellationToken = default)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        return await db.ListAsync(m => m.ForumId == forumId && m.Date >= from && m.Date <= to, cancellationToken);
    }
}

public sealed record MeetingSummary(MeetingKey Key, string ForumName, TimeOnly? StartTime, string? Place, DocumentKind Kind, MeetingStatus Status, int ItemCount);
