using System.Globalization;
using Dagsorden.Core.Documents;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Web.Site;
using Microsoft.AspNetCore.Mvc;

namespace Dagsorden.Web.Meetings;

/// <summary>One item's permalink, e.g. /cf/2016-08-18/punkt/5, with the case's history as a timeline.</summary>
public sealed class ItemModel(DagsordenDbContext db) : PortalPageModel
{
    public MeetingDocument? Meeting { get; private set; }

    public DocumentItem? Item { get; private set; }

    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];


    public async Task<IActionResult> OnGetAsync(string code, string date, int number, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(date, MeetingText.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return NotFoundPage($"»{date}« er ikke en dato. Skriv datoen som år-måned-dag, fx /cf/2016-08-18/punkt/1.");
        var meeting = await db.FindAsync(new MeetingKey(code.ToUpperInvariant(), day), cancellationToken);
        var item = meeting?.Items.FirstOrDefault(i => i.Number == number);
        if (meeting is null || item is null)
            return NotFoundPage($"Punkt {number.ToString(CultureInfo.InvariantCulture)} findes ikke på mødet.");

        Meeting = MeetingDocument.From(meeting, DocumentAudience.Public);
        Item = Meeting.Items.First(i => i.Number == number);
        if (item.CaseNumber is not null)
            Timeline = await db.TimelineAsync(item.CaseNumber, cancellationToken);
        return Page();
    }
}
