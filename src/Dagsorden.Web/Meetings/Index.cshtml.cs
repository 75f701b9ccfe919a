using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dagsorden.Web.Meetings;

public sealed class IndexModel(DagsordenDbContext db) : PageModel
{
    public IReadOnlyList<ForumMeetings> Forums { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var meetings = await db.ListAsync(cancellationToken);
        Forums = meetings
            .GroupBy(m => m.Key.ForumCode)
            .Select(forum => new ForumMeetings(forum.Key, forum.First().ForumName, forum.OrderByDescending(m => m.Key.Date).ToList()))
            .ToList();
    }
}

/// <summary>One forum's meetings, newest first.</summary>
public sealed record ForumMeetings(string Code, string Name, IReadOnlyList<MeetingSummary> Meetings);
