using Dagsorden.Core.CaseNumbers;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Core.Items;

/// <summary>An item's place in a case's history: where else its case number or KLE subject was treated.</summary>
public sealed record TimelineEntry(MeetingKey Meeting, int Number, string FullTitle, bool IsClosed, string? CaseNumber, DecisionOutcome? Outcome, bool SameCase);

public static class ItemQueries
{
    /// <summary>
    /// Items, across all forums and years, with the same case number or the same KLE subject as
    /// <paramref name="caseNumber"/>, oldest first. Closed items come back flagged; callers decide what to show.
    /// </summary>
    public static async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(this DagsordenDbContext db, CaseNumber caseNumber, CancellationToken cancellationToken = default)
    {
        // The case number is stored as its text; a KLE subject is the text's first eight characters.
        var pattern = caseNumber.KleSubject is { } subject ? subject + "-%" : null;
        var items = pattern is null
            ? db.Items.Where(i => i.CaseNumber == caseNumber)
            : db.Items.FromSqlInterpolated($"SELECT * FROM \"Items\" WHERE \"CaseNumber\" LIKE {pattern}");
        var rows = await items
            .AsNoTracking()
            .Join(db.Meetings, i => i.MeetingId, m => m.Id, (i, m) => new { Item = i, m.Date, m.Forum.Code })
            .OrderBy(r => r.Date).ThenBy(r => r.Item.Number)
            .Take(200)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new TimelineEntry(
            new MeetingKey(r.Code, r.Date),
            r.Item.Number,
            r.Item.FullTitle,
            r.Item.IsClosed,
            r.Item.CaseNumber?.Value,
            r.Item.DecisionOutcome,
            r.Item.CaseNumber == caseNumber)).ToList();
    }
}
