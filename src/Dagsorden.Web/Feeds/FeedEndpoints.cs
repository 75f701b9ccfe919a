using Dagsorden.Core.Forums;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Web.Feeds;

/// <summary>Each forum's meeting calendar (/cf/moeder.ics) and its feed of published documents (/cf/dokumenter.atom).</summary>
public static class FeedEndpoints
{
    public const string CalendarContentType = "text/calendar; charset=utf-8";
    public const string AtomContentType = "application/atom+xml; charset=utf-8";

    // The feed shows the newest documents; older ones are in the archive pages.
    private const int AtomEntries = 50;

    public static WebApplication MapFeeds(this WebApplication app)
    {
        app.MapGet("/{code}/moeder.ics", async (string code, HttpRequest request, DagsordenDbContext db, CancellationToken cancellationToken) =>
        {
            if (await FindForumAsync(db, code, cancellationToken) is not { } forum)
                return Results.NotFound();
            var meetings = await db.Meetings.AsNoTracking()
                .Where(m => m.ForumId == forum.Id)
                .OrderBy(m => m.Date)
                .Select(m => new MeetingCalendar.Entry(m.Date, m.StartTime, m.Place, m.Kind, m.Status, EF.Property<DateTime>(m, ChangeTracking.Modified)))
                .ToListAsync(cancellationToken);
            return Results.Text(MeetingCalendar.Write(forum, meetings, PublicUrls.For(request)), CalendarContentType);
        }).ExcludeFromDescription();

        app.MapGet("/{code}/dokumenter.atom", async (string code, HttpRequest request, DagsordenDbContext db, CancellationToken cancellationToken) =>
        {
            if (await FindForumAsync(db, code, cancellationToken) is not { } forum)
                return Results.NotFound();
            var meetings = await db.Meetings
                .Include(m => m.Forum)
                .Include(m => m.Items).ThenInclude(i => i.Attachments)
                .Where(m => m.ForumId == forum.Id && m.Status != MeetingStatus.Planned)
                .OrderByDescending(m => m.Date)
                .Take(AtomEntries)
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            var versions = await db.LatestVersionsAsync(meetings.Select(m => m.Id).ToList(), cancellationToken);
            var entries = meetings
                .Select(m => (Stored: m, Published: PublishedMeetings.Of(m, versions.GetValueOrDefault(m.Id))))
                .Where(m => m.Published is not null)
                .Select(m => new DocumentFeed.Entry(m.Published!.Meeting, LastChange(db, m.Stored, m.Published.Latest)))
                .ToList();
            var forumModified = db.Entry(forum).Property<DateTime>(ChangeTracking.Modified).CurrentValue;
            return Results.Text(DocumentFeed.Write(forum, entries, forumModified, PublicUrls.For(request)), AtomContentType);
        }).ExcludeFromDescription();

        return app;
    }

    private static Task<Forum?> FindForumAsync(DagsordenDbContext db, string code, CancellationToken cancellationToken)
    {
        var forumCode = code.ToUpperInvariant();
        return db.Forums.FirstOrDefaultAsync(f => f.Code == forumCode, cancellationToken);
    }

    // A workflow meeting's document changes when a version is published; an imported one's when its
    // meeting or any of its items does.
    private static DateTime LastChange(DagsordenDbContext db, Meeting meeting, MeetingVersion? latest) =>
        latest?.Published ?? meeting.Items
            .Select(i => db.Entry(i).Property<DateTime>(ChangeTracking.Modified).CurrentValue)
            .Append(db.Entry(meeting).Property<DateTime>(ChangeTracking.Modified).CurrentValue)
            .Max();
}
