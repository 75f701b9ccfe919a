using Dagsorden.Core.Forums;
using Dagsorden.Core.Import;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Privacy;
using Dagsorden.Core.Text;

namespace Dagsorden.Core.Documents;

/// <summary>
/// What a meeting's agenda or minutes document shows to one audience, in print order. Every
/// rendering (text, web page, and later PDF and DOCX) starts from this, so the rule that a closed
/// item shows only "Lukket" and its case number is applied in exactly one place.
/// </summary>
public sealed record MeetingDocument(
    MeetingKey Key,
    string ForumName,
    DocumentKind Kind,
    DateOnly Date,
    TimeOnly? StartTime,
    string? Place,
    IReadOnlyList<string> HeaderNotes,
    IReadOnlyList<DocumentItem> Items,
    DocumentAudience Audience,
    DocumentTemplate Template)
{
    public const string ClosedTitle = "Lukket";

    public static MeetingDocument From(Meeting meeting, DocumentAudience audience) => new(
        meeting.Key,
        meeting.Forum.Name,
        meeting.Kind,
        meeting.Date,
        meeting.StartTime,
        meeting.Place,
        meeting.HeaderNotes?.Split('\n') ?? [],
        meeting.Items.Select(i => DocumentItem.From(i, audience)).ToList(),
        audience,
        meeting.Template);

    /// <summary>"REFERAT Chefforum d. 18-08-2016".</summary>
    public string Heading => $"{(Kind == DocumentKind.Minutes ? "REFERAT" : "DAGSORDEN")} {ForumName} d. {DanishDates.ShortDate(Date)}";

    /// <summary>"Torsdag d. 18. august 2016 kl. 09:00".</summary>
    public string LongDateAndTime => DanishDates.LongDate(Date) + (StartTime is { } start ? " kl. " + DanishDates.Time(start) : "");
}

/// <summary>An item as printed. A hidden item has the title "Lukket", its case number and nothing else.</summary>
public sealed record DocumentItem(
    int Number,
    string Title,
    string TocTitle,
    string? CaseNumber,
    bool IsClosed,
    bool ShowsToFollowNotice,
    IReadOnlyList<DocumentSection> Sections)
{
    public static DocumentItem From(AgendaItem item, DocumentAudience audience)
    {
        var hidden = item.IsClosed && audience == DocumentAudience.Public;
        if (hidden || item.Title.Length == 0)
            return new(item.Number, MeetingDocument.ClosedTitle, MeetingDocument.ClosedTitle, item.CaseNumber?.Value, item.IsClosed, false, hidden ? [] : VisibleSections(item, audience));

        // The public reads the item without the personal data the secretary listed; members read it whole.
        var redactions = audience == DocumentAudience.Public ? Redactions.Of(item.PublicRedactions) : Redactions.None;
        return new(
            item.Number,
            redactions.Apply(item.FullTitle),
            redactions.Apply(item.TocTitle ?? item.FullTitle),
            item.CaseNumber?.Value,
            item.IsClosed,
            NeedsToFollowNotice(item),
            VisibleSections(item, audience).Select(s => redactions.IsEmpty ? s : s with { Heading = redactions.Apply(s.Heading), Body = redactions.Apply(s.Body) }).ToList());
    }

    private static List<DocumentSection> VisibleSections(AgendaItem item, DocumentAudience audience)
    {
        var sections = new List<DocumentSection>();
        foreach (var section in item.Sections)
        {
            var body = section.Kind switch
            {
                SectionKind.Recommendation => item.Recommendation?.ToBody() ?? RichText.Empty,
                SectionKind.Decision => DecisionBody(item),
                SectionKind.Attachments => RichText.FromParagraphs(item.Attachments
                    .Where(a => a.IsPublic || audience == DocumentAudience.Internal)
                    .Select(a => a.Title)
                    .ToArray()),
                _ => section.Body,
            };

            // A public Bilag section whose attachments are all internal is left out altogether.
            if (section.Kind == SectionKind.Attachments && body.IsEmpty && audience == DocumentAudience.Public)
                continue;
            sections.Add(new DocumentSection(section.Kind, section.Heading, body));
        }

        return sections;
    }

    // A decision recorded with an outcome and no words prints the outcome ("Taget til efterretning."),
    // never an empty heading. Imported decisions always carry their words.
    private static RichText DecisionBody(AgendaItem item) => item.DecisionText switch
    {
        { IsEmpty: false } text => text,
        not null when item.DecisionOutcome is { } outcome && outcome != DecisionOutcome.Other => RichText.FromParagraphs(outcome.Danish() + "."),
        _ => RichText.Empty,
    };

    // Imported text usually carries the notice itself; print it only where it would otherwise be missing.
    private static bool NeedsToFollowNotice(AgendaItem item) =>
        item.IsToFollow
        && !item.Sections.Any(s => MinutesTextParser.HasToFollowNotice(s.Body))
        && !(item.DecisionText is { } decision && MinutesTextParser.HasToFollowNotice(decision));
}

/// <summary>A section as printed: its heading as written (empty for untitled text) and its body.</summary>
public sealed record DocumentSection(SectionKind Kind, string Heading, RichText Body);
