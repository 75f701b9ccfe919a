using System.Globalization;
using Dagsorden.Core.Documents;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Dagsorden.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Web.Meetings;

/// <summary>The public agenda or minutes of one meeting, e.g. /cf/2016-08-18.</summary>
public sealed class MeetingModel(DagsordenDbContext db) : PortalPageModel
{
    public MeetingDocument? Meeting { get; private set; }


    public async Task<IActionResult> OnGetAsync(string code, string date, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(date, MeetingText.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return NotFoundPage($"»{date}« er ikke en dato. Skriv datoen som år-måned-dag, fx /cf/2016-08-18.");

        var forumCode = code.ToUpperInvariant();
        var meeting = await db.FindAsync(new MeetingKey(forumCode, day), cancellationToken);
        if (meeting is not null)
        {
            Meeting = MeetingDocument.From(meeting, DocumentAudience.Public);
            return Page();
        }

        return await db.Forums.AnyAsync(f => f.Code == forumCode, cancellationToken)
            ? NotFoundPage($"Der er intet møde i {forumCode} {DanishDates.LongDate(day).ToLowerInvariant()}.")
            : NotFoundPage($"Der findes intet forum med koden »{code}«.");
    }
}
