using System.Globalization;
using Dagsorden.Core.Audit;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Web.Accounts;
using Dagsorden.Web.Secretariat;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Web.Audit;

/// <summary>
/// The audit trail of one meeting or one of its items: for administrators and the forum's
/// secretaries. Members, authors and employees are refused; the log names people and shows the
/// text of closed items.
/// </summary>
public abstract class LogPageModel(CurrentUser currentUser, DagsordenDbContext db) : WorkPageModel(currentUser)
{
    protected DagsordenDbContext Db => db;

    public Meeting Meeting { get; private set; } = null!;

    /// <summary>The page of the log shown.</summary>
    public AuditPage Log { get; protected set; } = new([], null);

    /// <summary>Whether the page shows older entries (the address names an entry to continue after).</summary>
    public bool IsOlderPage { get; protected set; }

    /// <summary>
    /// The table of the shown page of the log at <paramref name="path"/>, captioned for the newest or
    /// the older entries, with the links to the next older page and back to the newest.
    /// </summary>
    public AuditTable Table(string path, string caption, string empty, string olderCaption, string olderEmpty) => new(
        IsOlderPage ? olderCaption : caption,
        Log.Entries,
        IsOlderPage ? olderEmpty : empty,
        OlderHref: Log.OlderFrom is { } older ? AuditPaging.Href(path, older) : null,
        NewestHref: IsOlderPage ? path : null);

    /// <summary>Shows <paramref name="page"/>, or 404 when the entry to continue after is not in this log.</summary>
    protected IActionResult Show(AuditPage? page, long? entryId)
    {
        if (page is null)
            return NotFound();
        Log = page;
        IsOlderPage = entryId is not null;
        return Page();
    }

    public static string MeetingPath(int meetingId) => BuilderModel.PathOf(meetingId) + "/log";

    public static string ItemPath(int meetingId, int number) =>
        BuilderModel.PathOf(meetingId) + "/punkt/" + number.ToString(CultureInfo.InvariantCulture) + "/log";

    /// <summary>Null when the user may read the meeting's log; else a sign-in redirect, 404 or 403.</summary>
    protected async Task<IActionResult?> AuthorizeAsync(int meetingId, CancellationToken cancellationToken)
    {
        var access = await AccessAsync(cancellationToken);
        if (!access.IsSignedIn)
            return Challenge();
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Forum).FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
            return NotFound();
        Meeting = meeting;
        return Require(access, access.IsAdministrator || access.IsSecretaryOf(meeting.ForumId));
    }
}
