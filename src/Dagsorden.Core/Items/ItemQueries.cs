using Dagsorden.Core.CaseNumbers;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Core.Items;

/// <summary>An item's place in a case's history: where else its case number or KLE subject was treated.</summary>
/// <param name="PublicRedactions">What the public version leaves out of the title; readers who are not the forum's members get it redacted.</param>
public sealed record TimelineEntry(MeetingKey Meeting, int Number, string FullTitle, bool IsClosed, string? CaseNumber, DecisionOutcome? Outcome, bool SameCase, IReadOnlyList<string>? PublicRedactions = null);

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
            .Join(db.Meetings.Where(m => m.Status != MeetingStatus.Planned), i => i.MeetingId, m => m.Id, (i, m) => new { Item = i, m.Date, m.Forum.Code })
            .OrderBy(r => r.Date).ThenBy(r => r.Item.Number)
            .Take(200)
            .ToListAsync(cancellationToken);

        // A workflow meeting shows its latest published version: an item added or retitled since is not told.
        var versions = await db.LatestVersionsAsync(rows.Select(r => r.Item.MeetingId).ToList(), cancellationToken);
        var entries = new List<TimelineEntry>();
        foreach (var row in rows)
        {
            var item = row.Item.Content;
            var number = row.Item.Number;
            var redactions = row.Item.PublicRedactions;
            if (versions.TryGetValue(row.Item.MeetingId, out var version))
            {
                if (version.Snapshot.Items.FirstOrDefault(i => i.ItemId == row.Item.Id) is not { } published)
                    continue;
                (item, number, redactions) = (published.Content, published.Number, published.PublicRedactions ?? []);
            }

            entries.Add(new TimelineEntry(
                new MeetingKey(row.Code, row.Date),
                number,
                item.Title.Length == 0 ? "" : ItemTitle.Compose(item.ForumPrefix, item.Title),
                item.IsClosed,
                item.CaseNumber?.Value,
                item.Decision?.Outcome,
                item.CaseNumber == caseNumber,
                redactions));
        }

        return entries.OrderBy(e => e.Meeting.Date).ThenBy(e => e.Number).ToList();
    }
}
