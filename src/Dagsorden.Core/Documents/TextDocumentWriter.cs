using Dagsorden.Core.Import;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Text;

namespace Dagsorden.Core.Documents;

/// <summary>Which version of a document: complete for the forum's members, or public.</summary>
public enum DocumentAudience
{
    Internal,

    /// <summary>Closed items show only "Punkt N: Lukket" and the case number; non-public attachments are left out.</summary>
    Public,
}

/// <summary>
/// Writes a meeting as the plain-text agenda or minutes document, in the layout of the template the
/// meeting was written in: header, table of contents, then each item with its sections in order.
/// </summary>
public static class TextDocumentWriter
{
    public const string ClosedTitle = "Lukket";
    private const string TocLeader = ".....";

    public static string Write(Meeting meeting, DocumentAudience audience)
    {
        var lines = new List<string>();
        var kindWord = meeting.Kind == DocumentKind.Minutes ? "REFERAT" : "DAGSORDEN";
        Paragraph(lines, $"{kindWord} {meeting.Forum.Name} d. {DanishDates.ShortDate(meeting.Date)}");
        var time = meeting.StartTime is { } start ? " kl. " + DanishDates.Time(start) : "";
        Paragraph(lines, $"Mødedato {DanishDates.LongDate(meeting.Date)}{time}");
        if (meeting.Place is not null)
            Paragraph(lines, $"Mødested {meeting.Place}");
        foreach (var note in meeting.HeaderNotes?.Split('\n') ?? [])
            Paragraph(lines, note);

        var items = meeting.Items;
        Paragraph(lines, "Indholdsfortegnelse");
        foreach (var item in items)
            lines.Add(TocTitle(item, audience).TrimEnd('.') + TocLeader);
        lines.Add("");

        foreach (var item in items)
            WriteItem(lines, item, audience);

        return string.Join('\n', lines).TrimEnd('\n') + "\n";
    }

    private static string TocTitle(AgendaItem item, DocumentAudience audience) =>
        IsHidden(item, audience) || item.Title.Length == 0 ? ClosedTitle : item.TocTitle ?? item.FullTitle;

    private static bool IsHidden(AgendaItem item, DocumentAudience audience) => item.IsClosed && audience == DocumentAudience.Public;

    private static void WriteItem(List<string> lines, AgendaItem item, DocumentAudience audience)
    {
        var title = item.Title.Length == 0 || IsHidden(item, audience) ? ClosedTitle : item.FullTitle;
        Paragraph(lines, $"Punkt {item.Number}: {title}");
        if (item.CaseNumber is not null)
            Paragraph(lines, item.CaseNumber.Value);
        if (IsHidden(item, audience))
            return;

        var sections = item.Sections;
        if (item.IsToFollow && !sections.Any(s => MinutesTextParser.HasToFollowNotice(s.Body)) && !(item.DecisionText is { } d && MinutesTextParser.HasToFollowNotice(d)))
            Paragraph(lines, MinutesTextParser.ToFollowNotice);

        foreach (var section in sections)
        {
            switch (section.Kind)
            {
                case SectionKind.Recommendation:
                    Section(lines, section.Heading, item.Recommendation?.ToBody());
                    break;
                case SectionKind.Decision:
                    Section(lines, section.Heading, item.DecisionText);
                    break;
                case SectionKind.Attachments:
                    var shown = item.Attachments.Where(a => a.IsPublic || audience == DocumentAudience.Internal).ToList();
                    if (shown.Count > 0 || audience == DocumentAudience.Internal)
                        Section(lines, section.Heading, RichText.FromParagraphs(shown.Select(a => a.Title).ToArray()));
                    break;
                default:
                    Section(lines, section.Heading, section.Body);
                    break;
            }
        }
    }

    private static void Section(List<string> lines, string heading, RichText? body)
    {
        if (heading.Length > 0)
            Paragraph(lines, heading);
        if (body is null || body.IsEmpty)
            return;
        lines.AddRange(RichTextFormat.Render(body));
        lines.Add("");
    }

    private static void Paragraph(List<string> lines, string text)
    {
        lines.Add(text);
        lines.Add("");
    }
}
