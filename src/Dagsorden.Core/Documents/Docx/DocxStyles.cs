using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Dagsorden.Core.Documents.Docx;

/// <summary>The Word styles of the document; headings carry outline levels so Word's TOC and navigation find them.</summary>
internal static class DocxStyles
{
    public const string Title = "Title";
    public const string Heading1 = "Heading1";
    public const string Heading2 = "Heading2";
    public const string RepeatedTitle = "RepeatedTitle";
    public const string TocHeading = "TOCHeading";
    public const string Toc1 = "TOC1";
    public const string CaseNumber = "CaseNumber";
    public const string ListParagraph = "ListParagraph";
    public const string Running = "Running";

    private const string Font = "Liberation Sans";

    public static Styles Create() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = "21" },
                new Languages { Val = "da-DK" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "120", Line = "288", LineRule = LineSpacingRuleValues.Auto }))),
        Paragraph("Normal", "Normal", null, isDefault: true),
        Paragraph(Title, "Title", 36, bold: true, after: 240),
        Paragraph(Heading1, "heading 1", 26, bold: true, outlineLevel: 0, before: 0, after: 160),
        Paragraph(Heading2, "heading 2", 23, bold: true, outlineLevel: 1, before: 240, after: 100),
        Paragraph(RepeatedTitle, "Gentaget titel", 23, bold: true, before: 240, after: 100),
        Paragraph(TocHeading, "TOC Heading", 26, bold: true, before: 360, after: 200),
        Paragraph(Toc1, "toc 1", null, after: 80),
        Paragraph(CaseNumber, "Sagsnummer", null, after: 240, color: "4A4A4A"),
        Paragraph(ListParagraph, "List Paragraph", null, after: 60),
        Paragraph(Running, "Sidehoved og -fod", 16, color: "555555"));

    private static Style Paragraph(
        string id, string name, int? halfPoints, bool bold = false, int? outlineLevel = null,
        int? before = null, int? after = null, string? color = null, bool isDefault = false)
    {
        var paragraph = new StyleParagraphProperties();
        if (before is not null || after is not null)
            paragraph.Append(new SpacingBetweenLines { Before = before?.ToString(System.Globalization.CultureInfo.InvariantCulture), After = after?.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (outlineLevel is not null)
        {
            paragraph.Append(new KeepNext());
            paragraph.Append(new OutlineLevel { Val = outlineLevel });
        }

        var run = new StyleRunProperties();
        if (bold)
            run.Append(new Bold());
        if (color is not null)
            run.Append(new Color { Val = color });
        if (halfPoints is not null)
            run.Append(new FontSize { Val = halfPoints.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        var style = new Style(new StyleName { Val = name }, paragraph, run) { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
            style.Default = OnOffValue.FromBoolean(true);
        else
            style.Append(new BasedOn { Val = "Normal" });
        return style;
    }
}
