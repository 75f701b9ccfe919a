using Dagsorden.Core.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dagsorden.Web.Meetings;

/// <summary>The front page: every forum's published meetings, newest first.</summary>
public sealed class IndexModel(DagsordenDbContext db) : PageModel
{
    public IReadOnlyList<ForumMeetings> Forums { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var meetings = await ListedMeetings.ListAsync(db, _ => true, includePlanned: false, cancellationToken);
        Forums = meetings
            .GroupBy(m => m.Key.ForumCode)
            .Select(forum => new ForumMeetings(forum.Key, forum.First().ForumName, forum.OrderByDescending(m => m.Key.Date).ToList()))
            .ToList();
    }
}

/// <summary>One forum's meetings, newest first.</summary>
public sealed record ForumMeetings(string Code, string Name, IReadOnlyList<ListedMeeting> Meetings);
