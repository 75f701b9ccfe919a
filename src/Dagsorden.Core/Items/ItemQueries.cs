using Dagsorden.Core.CaseNumbers;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Core.Items;

/// <summary>
/// An item's place in a case's history: where else its case number or KLE subject was treated.
/// <paramref name="ConsultedIn"/> names the other forums a joint item ("CF/ØU - …") went to;
/// <paramref name="PublicRedactions"/> is what the public version leaves out of the title, so readers
/// who are not the forum's members get it redacted.
/// </summary>
public sealed record TimelineEntry(MeetingKey Meeting, int Number, string FullTitle, bool IsClosed, string? CaseNumber, DecisionOutcome? Outcome, bool SameCase, IReadOnlyList<string>? ConsultedIn = null, IReadOnlyList<string>? PublicRedactions = null)
{
    /// <summary>Found through a joint item's prefix and title, not through a case number.</summary>
    public bool ByConsultation { get; init; }
}

public static class ItemQueries
{
    private const int MaxEntries = 200;

    /// <summary>
    /// Items, across all forums and years, with the same case number or the same KLE subject as
    /// <paramref name="caseNumber"/>, oldest first. Closed items come back flagged; callers decide what to show.
    /// </summary>
    public static Task<IReadOnlyList<TimelineEntry>> TimelineAsync(this DagsordenDbContext db, CaseNumber caseNumber, CancellationToken cancellationToken = default) =>
        HistoryAsync(db, caseNumber, null, null, cancellationToken);

    /// <summary>
    /// The case history of a published item of forum <paramref name="forumCode"/>: the items sharing its
    /// case number; those sharing its KLE subject, whatever form their numbers have (so across the change
    /// of the case system's numbering); and its consultations, the same matter at another forum: an item
    /// titled "CF/ØU - X" and Økonomiudvalget's item "X" belong together even without case numbers.
    /// A closed item of a forum not in <paramref name="readsClosedOf"/> comes back without title and outcome.
    /// </summary>
    public static async Task<IReadOnlyList<TimelineEntry>> CaseHistoryAsync(this DagsordenDbContext db, string forumCode, ItemContent item, IReadOnlySet<string> readsClosedOf, CancellationToken cancellationToken = default)
    {
        var entries = await HistoryAsync(db, item.CaseNumber, forumCode, item, cancellationToken);
        return entries
            .Select(e => e.IsClosed && !readsClosedOf.Contains(e.Meeting.ForumCode) ? e with { FullTitle = "", Outcome = null } : e)
            .ToList();
    }

    /// <summary>The forum codes a joint item's prefix names: "CF/ØU" is CF and ØU.</summary>
    public static IReadOnlyList<string> PrefixForums(string? prefix) =>
        prefix is null ? [] : prefix.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static async Task<IReadOnlyList<TimelineEntry>> HistoryAsync(DagsordenDbContext db, CaseNumber? caseNumber, string? forumCode, ItemContent? item, CancellationToken cancellationToken)
    {
        var subject = CaseSubject.Of(caseNumber);
        var candidates = new List<Candidate>();
        if (caseNumber is not null)
        {
            // The case number is stored as its text. The KLE subject can stand anywhere in an older
            // number's text, so LIKE narrows the rows and CaseSubject.Of decides.
            var items = subject is null
                ? db.Items.Where(i => i.CaseNumber == caseNumber)
                : db.Items.FromSqlInterpolated($"SELECT * FROM \"Items\" WHERE \"CaseNumber\" LIKE {"%" + subject + "%"}");
            candidates.AddRange((await CandidatesAsync(db, items, cancellationToken))
                .Where(c => c.Item.CaseNumber == caseNumber || (subject is not null && CaseSubject.Of(c.Item.CaseNumber) == subject)));
        }

        if (item is not null && forumCode is not null && !item.IsClosed && item.Title.Length > 0)
            candidates.AddRange(await ConsultationsAsync(db, forumCode, item, cancellationToken));

        // A workflow meeting shows its latest published version: an item added or retitled since is not told.
        var rows = candidates.DistinctBy(c => c.Item.Id).ToList();
        var versions = await db.LatestVersionsAsync(rows.Select(r => r.Item.MeetingId).ToList(), cancellationToken);
        var entries = new List<TimelineEntry>();
        foreach (var row in rows)
        {
            var content = row.Item.Content;
            var number = row.Item.Number;
            var redactions = row.Item.PublicRedactions;
            if (versions.TryGetValue(row.Item.MeetingId, out var version))
            {
                if (version.Snapshot.Items.FirstOrDefault(i => i.ItemId == row.Item.Id) is not { } published)
                    continue;
                (content, number, redactions) = (published.Content, published.Number, published.PublicRedactions ?? []);
            }

            entries.Add(new TimelineEntry(
                new MeetingKey(row.Code, row.Date),
                number,
                content.Title.Length == 0 ? "" : ItemTitle.Compose(content.ForumPrefix, content.Title),
                content.IsClosed,
                content.CaseNumber?.Value,
                content.Decision?.Outcome,
                caseNumber is not null && content.CaseNumber == caseNumber,
                PrefixForums(content.ForumPrefix).Where(code => code != row.Code).ToList(),
                redactions)
            {
                ByConsultation = row.ByConsultation,
            });
        }

        return entries.OrderBy(e => e.Meeting.Date).ThenBy(e => e.Meeting.ForumCode, StringComparer.Ordinal).ThenBy(e => e.Number).ToList();
    }

    /// <summary>
    /// The same open matter at the other forums a joint item names, matched on the exact title: "CF/ØU - X"
    /// at CF finds ØU's "X" (with any prefix), and ØU's "X" finds CF's "CF/ØU - X". Closed items take no
    /// part: matching on a withheld title would tell what it is.
    /// </summary>
    private static async Task<IReadOnlyList<Candidate>> ConsultationsAsync(DagsordenDbContext db, string forumCode, ItemContent item, CancellationToken cancellationToken)
    {
        var title = item.Title.Trim();
        var sameTitle = db.Items.Where(i => i.Title == title && !i.IsClosed);
        var found = await CandidatesAsync(db, sameTitle, cancellationToken);
        var named = PrefixForums(item.ForumPrefix);
        return found
            .Where(c => c.Code != forumCode
                && (named.Contains(c.Code) || PrefixForums(c.Item.ForumPrefix).Contains(forumCode)))
            .Select(c => c with { ByConsultation = true })
            .ToList();
    }

    /// <summary>The newest items of published meetings among <paramref name="items"/>, with their meeting's date and forum.</summary>
    private static async Task<List<Candidate>> CandidatesAsync(DagsordenDbContext db, IQueryable<AgendaItem> items, CancellationToken cancellationToken)
    {
        var rows = await items
            .AsNoTracking()
            .Join(db.Meetings.Where(m => m.Status != MeetingStatus.Planned), i => i.MeetingId, m => m.Id, (i, m) => new { Item = i, m.Date, m.Forum.Code })
            .OrderByDescending(r => r.Date).ThenByDescending(r => r.Item.Number)
            .Take(MaxEntries)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new Candidate(r.Item, r.Date, r.Code, false)).ToList();
    }

    private sealed record Candidate(AgendaItem Item, DateOnly Date, string Code, bool ByConsultation);
}
