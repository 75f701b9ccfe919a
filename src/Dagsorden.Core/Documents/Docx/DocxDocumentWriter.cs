using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using Dagsorden.Core.Documents.Html;
using Dagsorden.Core.Items;
using Dagsorden.Core.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Inline = Dagsorden.Core.Text.Inline;
using ListItem = Dagsorden.Core.Text.ListItem;
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using RichParagraph = Dagsorden.Core.Text.Paragraph;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Dagsorden.Core.Documents.Docx;

/// <summary>
/// The document as Word, for secretaries who edit in Word: real heading styles (so Word's
/// navigation and TOC work), real numbered and bulleted lists, a TOC field that Word fills in with
/// page numbers when the document opens, and "Side X af Y" in the footer.
/// </summary>
public static class DocxDocumentWriter
{
    public static byte[] Write(MeetingDocument document)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddNewPart<MainDocumentPart>("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "rIdMain");
            main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = DocxStyles.Create();
            var numbering = new DocxNumbering(main.AddNewPart<NumberingDefinitionsPart>("rIdNumbering"));
            main.AddNewPart<DocumentSettingsPart>("rIdSettings").Settings = new Settings(new UpdateFieldsOnOpen { Val = true });

            var body = new Body();
            body.Append(Styled(DocxStyles.Title, Runs(document.Heading)));
            body.Append(Styled(null, Runs("Mødedato " + document.LongDateAndTime)));
            if (document.Place is not null)
                body.Append(Styled(null, Runs("Mødested " + document.Place)));
            foreach (var note in document.HeaderNotes)
                body.Append(Styled(null, Runs(note)));

            body.Append(Styled(DocxStyles.TocHeading, Runs("Indholdsfortegnelse")));
            AppendTableOfContents(body, document);

            foreach (var item in document.Items)
            {
                var heading = Styled(DocxStyles.Heading1, Runs($"Punkt {item.Number.ToString(CultureInfo.InvariantCulture)}: {item.Title}"));
                heading.ParagraphProperties!.Append(new PageBreakBefore());
                body.Append(heading);
                if (item.CaseNumber is not null)
                    body.Append(Styled(DocxStyles.CaseNumber, Runs(item.CaseNumber)));
                if (item.ShowsToFollowNotice)
                    body.Append(Styled(null, Runs(Import.MinutesTextParser.ToFollowNotice)));
                foreach (var section in item.Sections)
                {
                    if (section.Heading.Length > 0)
                        body.Append(Styled(section.Kind == SectionKind.RepeatedTitle ? DocxStyles.RepeatedTitle : DocxStyles.Heading2, Runs(section.Heading)));
                    AppendRichText(body, section.Body, numbering);
                }
            }

            body.Append(PageSetup(main, document));
            main.Document = new Document(body);
            WriteProperties(package.AddNewPart<CoreFilePropertiesPart>("rIdCore"), MeetingHtml.Title(document));
        }

        return Timeless(stream);
    }

    // Written as a part of our own: the packaging library's properties part has a random name.
    private static void WriteProperties(CoreFilePropertiesPart part, string title)
    {
        XNamespace properties = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        var xml = new XDocument(new XElement(
            properties + "coreProperties",
            new XAttribute(XNamespace.Xmlns + "cp", properties),
            new XAttribute(XNamespace.Xmlns + "dc", dc),
            new XElement(dc + "title", title),
            new XElement(dc + "language", "da-DK")));
        using var stream = part.GetStream(FileMode.Create);
        xml.Save(stream);
    }

    // A published version must render again byte for byte: the parts above carry fixed relationship
    // ids instead of random ones, and the zip entries a fixed time instead of the moment of writing.
    private static byte[] Timeless(MemoryStream package)
    {
        using (var zip = new ZipArchive(package, ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var entry in zip.Entries)
                entry.LastWriteTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
        }

        return package.ToArray();
    }

    /// <summary>A TOC field over the item headings, pre-filled with the items so it reads well before Word updates it.</summary>
    private static void AppendTableOfContents(Body body, MeetingDocument document)
    {
        var first = true;
        foreach (var item in document.Items)
        {
            var paragraph = Styled(DocxStyles.Toc1, []);
            if (first)
            {
                paragraph.Append(
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                    new Run(new FieldCode(" TOC \\o \"1-1\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }));
                first = false;
            }

            paragraph.Append(Runs($"Punkt {item.Number.ToString(CultureInfo.InvariantCulture)}: {item.TocTitle.Replace('\n', ' ')}"));
            body.Append(paragraph);
        }

        var end = Styled(DocxStyles.Toc1, []);
        end.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
        body.Append(end);
    }

    private static void AppendRichText(Body body, RichText text, DocxNumbering numbering)
    {
        foreach (var block in text.Blocks)
        {
            switch (block)
            {
                case RichParagraph paragraph:
                    body.Append(Styled(null, Runs(paragraph.Inlines)));
                    break;
                case ListBlock list:
                    AppendList(body, list, 0, numbering);
                    break;
            }
        }
    }

    private static void AppendList(Body body, ListBlock list, int level, DocxNumbering numbering)
    {
        var numberingId = numbering.NewList(list);
        foreach (var item in list.Items)
        {
            var paragraph = Styled(DocxStyles.ListParagraph, Runs(item.Inlines));
            paragraph.ParagraphProperties!.Append(new NumberingProperties(
                new NumberingLevelReference { Val = Math.Min(level, DocxNumbering.Levels - 1) },
                new NumberingId { Val = numberingId }));
            body.Append(paragraph);
            foreach (var child in item.Children)
                AppendList(body, child, level + 1, numbering);
        }
    }

    private static SectionProperties PageSetup(MainDocumentPart main, MeetingDocument document)
    {
        var header = main.AddNewPart<HeaderPart>("rIdHeader");
        header.Header = new Header(Styled(DocxStyles.Running, Runs($"{document.ForumName} · {(document.Kind == Meetings.DocumentKind.Minutes ? "Referat" : "Dagsorden")} {DanishDates.ShortDate(document.Date)}")));
        var footer = main.AddNewPart<FooterPart>("rIdFooter");
        var pageNumbers = Styled(DocxStyles.Running, Runs("Side "));
        pageNumbers.ParagraphProperties!.Append(new Justification { Val = JustificationValues.Right });
        pageNumbers.Append(Field("PAGE"));
        pageNumbers.Append(Runs(" af "));
        pageNumbers.Append(Field("NUMPAGES"));
        footer.Footer = new Footer(pageNumbers);

        // A4 with the same margins as the PDF, in twentieths of a point.
        return new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1361, Bottom = 1247, Left = 1247U, Right = 1134U, Header = 567U, Footer = 567U });
    }

    private static IEnumerable<OpenXmlElement> Field(string code) =>
    [
        new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new Run(new FieldCode($" {code} ") { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
        new Run(new WordText("1")),
        new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
    ];

    private static Paragraph Styled(string? style, IEnumerable<OpenXmlElement> runs)
    {
        var properties = new ParagraphProperties();
        if (style is not null)
            properties.Append(new ParagraphStyleId { Val = style });
        var paragraph = new Paragraph(properties);
        paragraph.Append(runs);
        return paragraph;
    }

    private static IEnumerable<OpenXmlElement> Runs(string text) => Runs([new Inline(text)]);

    private static IEnumerable<OpenXmlElement> Runs(IEnumerable<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            var properties = new RunProperties();
            if (inline.Bold)
                properties.Append(new Bold());
            if (inline.Italic)
                properties.Append(new Italic());
            var lines = inline.Text.Split('\n');
            var run = new Run(properties);
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                    run.Append(new Break());
                run.Append(new WordText(XmlSafe(lines[i])) { Space = SpaceProcessingModeValues.Preserve });
            }

            yield return run;
        }
    }

    // XML 1.0 cannot carry most control characters; they never belong in a document's text.
    private static string XmlSafe(string text) =>
        text.Any(c => c < 0x20 && c != '\t') ? new string(text.Where(c => c >= 0x20 || c == '\t').ToArray()) : text;
}
