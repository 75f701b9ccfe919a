using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Import;
using Dagsorden.Core.Items;
using Dagsorden.Core.Text;

namespace Dagsorden.Core.Documents.Html;

/// <summary>
/// The one HTML rendering of an agenda or minutes document: the web page shows its body, and the PDF
/// is printed from the whole page. List markers are real text (as in the municipality's documents),
/// so what a reader copies out of the PDF is the document's own text.
/// </summary>
public static partial class MeetingHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>A standalone page for printing; <paramref name="pages"/> maps item numbers to the page of their heading.</summary>
    public static string RenderPage(MeetingDocument document, IReadOnlyDictionary<int, int>? pages = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(Encode(Title(document)))
            .Append("</title>\n<style>\n")
            .Append(DocumentCss.Print)
            .Append(DocumentCss.RunningHeaderAndFooter(document.ForumName, RunningTitle(document)))
            .Append(DocumentCss.Document)
            .Append("</style>\n</head>\n<body>\n");
        AppendBody(html, document, pages, headingLevel: 1);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The document's content for embedding in a web page; its title is the page's h1.</summary>
    public static string RenderFragment(MeetingDocument document)
    {
        var html = new StringBuilder();
        AppendBody(html, document, pages: null, headingLevel: 1);
        return html.ToString();
    }

    /// <summary>"Referat – Chefforum 18-08-2016": the PDF's title and the page title.</summary>
    public static string Title(MeetingDocument document) =>
        $"{(document.Kind == Meetings.DocumentKind.Minutes ? "Referat" : "Dagsorden")} – {document.ForumName} {DanishDates.ShortDate(document.Date)}";

    /// <summary>"Referat 18-08-2016", at the top right of every printed page.</summary>
    public static string RunningTitle(MeetingDocument document) =>
        $"{(document.Kind == Meetings.DocumentKind.Minutes ? "Referat" : "Dagsorden")} {DanishDates.ShortDate(document.Date)}";

    /// <summary>The id of an item's heading, the target of its TOC link and PDF bookmark.</summary>
    public static string ItemAnchor(int number) => "punkt-" + number.ToString(CultureInfo.InvariantCulture);

    private static void AppendBody(StringBuilder html, MeetingDocument document, IReadOnlyDictionary<int, int>? pages, int headingLevel)
    {
        var h = headingLevel;
        var template = document.Template == DocumentTemplate.Classic2014 ? "classic" : "standard";
        html.Append("<div class=\"doc ").Append(template).Append("\">\n");
        html.Append("<header class=\"doc-header\">\n<h").Append(h).Append(" class=\"doc-title\">").Append(Encode(document.Heading)).Append("</h").Append(h).Append(">\n");
        html.Append("<p class=\"meta\"><span class=\"label\">Mødedato</span> ").Append(Encode(document.LongDateAndTime)).Append("</p>\n");
        if (document.Place is not null)
            html.Append("<p class=\"meta\"><span class=\"label\">Mødested</span> ").Append(Encode(document.Place)).Append("</p>\n");
        foreach (var note in document.HeaderNotes)
            html.Append("<p class=\"meta\">").Append(Encode(note)).Append("</p>\n");
        html.Append("</header>\n");

        html.Append("<nav class=\"toc\" aria-labelledby=\"toc-title\">\n<h").Append(h + 1).Append(" id=\"toc-title\" class=\"toc-title\">Indholdsfortegnelse</h").Append(h + 1).Append(">\n<ol>\n");
        foreach (var item in document.Items)
        {
            var page = pages is not null && pages.TryGetValue(item.Number, out var p) ? p.ToString(CultureInfo.InvariantCulture) : "";
            html.Append("<li><a href=\"#").Append(ItemAnchor(item.Number)).Append("\"><span class=\"toc-text\">")
                .Append(string.Join("<br>", item.TocTitle.TrimEnd('.').Split('\n').Select(Text))).Append(".....</span><span class=\"toc-page\">")
                .Append(page).Append("</span></a></li>\n");
        }

        html.Append("</ol>\n</nav>\n");

        foreach (var item in document.Items)
            AppendItem(html, item, h + 1);

        html.Append("</div>\n");
    }

    /// <summary>One item on a page of its own (the item permalink), its title at the given heading level.</summary>
    public static string RenderItem(DocumentItem item, int headingLevel)
    {
        var html = new StringBuilder("<div class=\"doc\">\n");
        AppendItem(html, item, headingLevel);
        return html.Append("</div>\n").ToString();
    }

    private static void AppendItem(StringBuilder html, DocumentItem item, int level)
    {
        html.Append("<section class=\"item").Append(item.IsClosed ? " closed" : "").Append("\" aria-labelledby=\"").Append(ItemAnchor(item.Number)).Append("\">\n");
        html.Append("<h").Append(level).Append(" class=\"item-title\" id=\"").Append(ItemAnchor(item.Number)).Append("\">Punkt ")
            .Append(item.Number.ToString(CultureInfo.InvariantCulture)).Append(": ").Append(Text(item.Title)).Append("</h").Append(level).Append(">\n");
        if (item.CaseNumber is not null)
            html.Append("<p class=\"case-number\">").Append(Encode(item.CaseNumber)).Append("</p>\n");
        if (item.ShowsToFollowNotice)
            html.Append("<p>").Append(Encode(MinutesTextParser.ToFollowNotice)).Append("</p>\n");
        foreach (var section in item.Sections)
            AppendSection(html, section, level + 1);
        html.Append("</section>\n");
    }

    private static void AppendSection(StringBuilder html, DocumentSection section, int level)
    {
        if (section.Kind == SectionKind.RepeatedTitle)
        {
            html.Append("<p class=\"repeated-title\">").Append(Text(section.Heading)).Append("</p>\n");
            return;
        }

        html.Append("<div class=\"doc-section ").Append(section.Kind.ToString().ToLowerInvariant()).Append("\">\n");
        if (section.Heading.Length > 0)
            html.Append("<h").Append(level).Append(" class=\"section-title\">").Append(Text(section.Heading)).Append("</h").Append(level).Append(">\n");
        AppendRichText(html, section.Body);
        html.Append("</div>\n");
    }

    public static void AppendRichText(StringBuilder html, RichText text)
    {
        foreach (var block in text.Blocks)
        {
            switch (block)
            {
                case Paragraph paragraph:
                    html.Append("<p>");
                    AppendInlines(html, paragraph.Inlines);
                    html.Append("</p>\n");
                    break;
                case ListBlock list:
                    AppendList(html, list);
                    break;
            }
        }
    }

    private static void AppendList(StringBuilder html, ListBlock list)
    {
        var tag = list.Kind == ListKind.Numbered ? "ol" : "ul";
        html.Append('<').Append(tag).Append(" class=\"list\"");
        if (list.Kind == ListKind.Numbered && list.Start != 1)
            html.Append(" start=\"").Append(list.Start.ToString(CultureInfo.InvariantCulture)).Append('"');
        html.Append(">\n");
        for (var i = 0; i < list.Items.Count; i++)
        {
            var item = list.Items[i];
            var marker = list.Kind == ListKind.Numbered
                ? (list.Start + i).ToString(CultureInfo.InvariantCulture) + list.Marker.TrimEnd()
                : list.Marker.TrimEnd();

            // A marker written without a space ("-MED-udvalget") stays attached to its text.
            var spaced = list.Marker.EndsWith(' ');
            html.Append("<li><span class=\"marker").Append(spaced ? "" : " tight").Append("\" aria-hidden=\"true\">")
                .Append(Encode(marker)).Append("</span>");
            AppendInlines(html, item.Inlines);
            foreach (var child in item.Children)
            {
                html.Append('\n');
                AppendList(html, child);
            }

            html.Append("</li>\n");
        }

        html.Append("</").Append(tag).Append(">\n");
    }

    private static void AppendInlines(StringBuilder html, IEnumerable<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            if (inline.Bold)
                html.Append("<strong>");
            if (inline.Italic)
                html.Append("<em>");
            html.Append(Text(inline.Text));
            if (inline.Italic)
                html.Append("</em>");
            if (inline.Bold)
                html.Append("</strong>");
        }
    }

    /// <summary>
    /// Encoded text in which words joined by a hyphen or slash ("MED-systemet", "2016/2017") never
    /// break at the line end: a reader of the PDF's text then always finds them whole.
    /// </summary>
    private static string Text(string text)
    {
        var html = new StringBuilder();
        var position = 0;
        foreach (Match match in JoinedWord().Matches(text))
        {
            html.Append(Encode(text[position..match.Index]));
            html.Append("<span class=\"nobreak\">").Append(Encode(match.Value)).Append("</span>");
            position = match.Index + match.Length;
        }

        html.Append(Encode(text[position..]));
        return html.ToString();
    }

    private static string Encode(string text) => Encoder.Encode(text);

    [GeneratedRegex(@"\S+[-/–]\S+")]
    private static partial Regex JoinedWord();
}
