using System.Globalization;
using System.Text;
using System.Xml;
using Dagsorden.Core.Documents;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Text;

namespace Dagsorden.Web.Feeds;

/// <summary>A forum's published agendas and minutes as an Atom 1.0 feed (RFC 4287).</summary>
public static class DocumentFeed
{
    public const string AtomNamespace = "http://www.w3.org/2005/Atom";

    public sealed record Entry(Meeting Meeting, DateTime Updated);

    public static string Write(Forum forum, IReadOnlyList<Entry> entries, DateTime forumModified, PublicUrls urls)
    {
        var feedUrl = urls.Forum(forum.Code) + "/dokumenter.atom";
        var updated = entries.Select(e => e.Updated).Append(forumModified).Max();

        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteAttributeString("xml", "lang", null, "da");
            xml.WriteElementString("id", AtomNamespace, feedUrl);
            xml.WriteElementString("title", AtomNamespace, $"{forum.Name} – dagsordener og referater");
            xml.WriteElementString("updated", AtomNamespace, Timestamp(updated));
            WriteLink(xml, "self", "application/atom+xml", feedUrl);
            WriteLink(xml, "alternate", "text/html", urls.Forum(forum.Code));
            xml.WriteStartElement("author", AtomNamespace);
            xml.WriteElementString("name", AtomNamespace, forum.Name);
            xml.WriteEndElement();

            foreach (var entry in entries)
                WriteEntry(xml, MeetingDocument.From(entry.Meeting, DocumentAudience.Public), entry.Updated, urls);

            xml.WriteEndElement();
        }

        // StringBuilder output declares UTF-16; the response is UTF-8.
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    // Built from the public document only, so a closed item can show nothing but "Lukket" and its case number.
    private static void WriteEntry(XmlWriter xml, MeetingDocument document, DateTime updated, PublicUrls urls)
    {
        var kind = document.Kind == DocumentKind.Minutes ? "Referat" : "Dagsorden";
        var page = urls.MeetingPage(document.Key);
        xml.WriteStartElement("entry", AtomNamespace);
        xml.WriteElementString("id", AtomNamespace, page + "#" + kind.ToLowerInvariant());
        xml.WriteElementString("title", AtomNamespace, $"{kind} – {document.ForumName} {DanishDates.LongDate(document.Date).ToLowerInvariant()}");
        xml.WriteElementString("updated", AtomNamespace, Timestamp(updated));
        WriteLink(xml, "alternate", "text/html", page);
        WriteLink(xml, "enclosure", "application/pdf", urls.MeetingPdf(document.Key));
        xml.WriteStartElement("summary", AtomNamespace);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(Summary(document));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static string Summary(MeetingDocument document)
    {
        var lines = new List<string> { document.Heading, document.LongDateAndTime };
        if (document.Place is { } place)
            lines.Add("Mødested: " + place);
        foreach (var item in document.Items)
        {
            var number = item.Number.ToString(CultureInfo.InvariantCulture);
            lines.Add(item.CaseNumber is { } caseNumber && item.Title == MeetingDocument.ClosedTitle
                ? $"Punkt {number}: {item.Title} ({caseNumber})"
                : $"Punkt {number}: {item.Title}");
        }

        return string.Join('\n', lines);
    }

    private static void WriteLink(XmlWriter xml, string relation, string type, string href)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", relation);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Timestamp(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
