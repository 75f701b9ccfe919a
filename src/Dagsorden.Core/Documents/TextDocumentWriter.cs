using Dagsorden.Core.Import;
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
    private const string TocLeader = ".....";

    public static string Write(Meeting meeting, DocumentAudience audience) => Write(MeetingDocument.From(meeting, audience));

    public static string Write(MeetingDocument document)
    {
        var lines = new List<string>();
        Paragraph(lines, document.Heading);
        Paragraph(lines, $"Mødedato {document.LongDateAndTime}");
        if (document.Place is not null)
            Paragraph(lines, $"Mødested {document.Place}");
        foreach (var note in document.HeaderNotes)
            Paragraph(lines, note);

        Paragraph(lines, "Indholdsfortegnelse");
        foreach (var item in document.Items)
            lines.Add(item.TocTitle.TrimEnd('.') + TocLeader);
        lines.Add("");

        foreach (var item in document.Items)
        {
            Paragraph(lines, $"Punkt {item.Number}: {item.Title}");
            if (item.CaseNumber is not null)
                Paragraph(lines, item.CaseNumber);
            if (item.ShowsToFollowNotice)
                Paragraph(lines, MinutesTextParser.ToFollowNotice);
            foreach (var section in item.Sections)
            {
                if (section.Heading.Length > 0)
                    Paragraph(lines, section.Heading);
                if (section.Body.IsEmpty)
                    continue;
                lines.AddRange(RichTextFormat.Render(section.Body));
                lines.Add("");
            }
        }

        return string.Join('\n', lines).TrimEnd('\n') + "\n";
    }

    private static void Paragraph(List<string> lines, string text)
    {
        lines.Add(text);
        lines.Add("");
    }
}
