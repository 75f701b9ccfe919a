using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Privacy;

namespace Dagsorden.Core.Search;

/// <summary>
/// The searchable text of one item and the facts search filters on, kept in step with the item by
/// the importer. Closed items are indexed too, flagged, so that their forum's members find them;
/// every search filters on <see cref="IsClosed"/> by access before anything is counted.
/// </summary>
public sealed class SearchDocument
{
    /// <summary>Text beyond this is not indexed: PostgreSQL's tsvector has a size limit, and nobody reads that far.</summary>
    public const int MaxBodyLength = 300_000;

    private SearchDocument()
    {
        Title = "";
        Body = "";
    }

    public SearchDocument(int itemId, int meetingId, int forumId, DateOnly date, int number, string title, string body, bool isClosed, string? kleSubject, DecisionOutcome? outcome)
    {
        ItemId = itemId;
        MeetingId = meetingId;
        ForumId = forumId;
        Date = date;
        Year = date.Year;
        Number = number;
        Title = title;
        Body = body.Length > MaxBodyLength ? body[..MaxBodyLength] : body;
        IsClosed = isClosed;
        KleSubject = kleSubject;
        Outcome = outcome;
    }

    public int ItemId { get; private set; }

    public int MeetingId { get; private set; }

    public int ForumId { get; private set; }

    public DateOnly Date { get; private set; }

    public int Year { get; private set; }

    public int Number { get; private set; }

    public string Title { get; private set; }

    /// <summary>Sections, recommendation, decision and the public attachments' titles and text, as plain text.</summary>
    public string Body { get; private set; }

    public bool IsClosed { get; private set; }

    /// <summary>The KLE subject of the item's case number, e.g. "83.02.00".</summary>
    public string? KleSubject { get; private set; }

    public DecisionOutcome? Outcome { get; private set; }

    /// <summary>
    /// The document of a stored item. A closed item's attachments are indexed (they are gated with the
    /// item); an open item's non-public attachments are not, because the public may search the item.
    /// </summary>
    public static SearchDocument From(Meeting meeting, AgendaItem item)
    {
        var parts = new List<string>();
        foreach (var section in item.Sections)
        {
            if (section.Heading.Length > 0 && section.Kind == SectionKind.Text)
                parts.Add(section.Heading);
            if (!section.Body.IsEmpty)
                parts.Add(section.Body.ToPlainText());
        }

        if (item.Recommendation is { } recommendation)
            parts.Add(recommendation.ToBody().ToPlainText());
        if (item.DecisionText is { } decision)
            parts.Add(decision.ToPlainText());
        foreach (var attachment in item.Attachments.Where(a => a.IsPublic || item.IsClosed))
        {
            parts.Add(attachment.Title);
            if (!string.IsNullOrWhiteSpace(attachment.ExtractedText))
                parts.Add(attachment.ExtractedText);
        }

        var title = item.TocTitle is { Length: > 0 } toc && toc != item.Title ? item.Title + "\n" + toc : item.Title;

        // An open item's row answers the public's searches, so it holds the public text; a closed
        // item's row answers only its forum's members, who read the item whole.
        var redactions = item.IsClosed ? Redactions.None : Redactions.Of(item.PublicRedactions);
        return new SearchDocument(
            item.Id,
            meeting.Id,
            meeting.ForumId,
            meeting.Date,
            item.Number,
            redactions.Apply(title),
            redactions.Apply(string.Join("\n", parts.Where(p => p.Length > 0))),
            item.IsClosed,
            item.CaseNumber?.KleSubject,
            item.DecisionText is null ? null : item.DecisionOutcome ?? DecisionOutcome.Other);
    }
}
