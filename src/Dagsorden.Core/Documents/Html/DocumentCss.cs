namespace Dagsorden.Core.Documents.Html;

/// <summary>The document's look: a clean sans-serif, A4 pages, each item on a new page.</summary>
public static class DocumentCss
{
    /// <summary>Page set-up for print; the margins leave room for the running header and footer.</summary>
    public const string Print = """
        @page { size: A4; margin: 24mm 20mm 22mm 22mm; }
        /* The printable area as columns: the PDF writer lays the document out this way to learn each item's page before printing. */
        .paginate .doc { column-width: 168mm; column-gap: 0; column-fill: auto; width: 168mm; height: 251mm; }
        .paginate .doc .item { break-before: column; }
        html { font-family: "Liberation Sans", Arial, "DejaVu Sans", Helvetica, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #1a1a1a; }
        body { margin: 0; }
        .doc .item { break-before: page; }
        /* A paragraph stays on one page where it fits, and a heading stays with what follows it. */
        .doc p, .doc li { break-inside: avoid; }
        .doc h1, .doc h2, .doc h3, .doc h4, .doc .repeated-title { break-after: avoid; }

        """;

    /// <summary>Forum and date at the top of every page, "Side X af Y" at the bottom right, in CSS page-margin boxes.</summary>
    public static string RunningHeaderAndFooter(string left, string right) =>
        $$"""
        @page {
          @top-left { content: {{CssString(left)}}; {{RunningStyle}} }
          @top-right { content: {{CssString(right)}}; {{RunningStyle}} }
          @bottom-right { content: "Side " counter(page) " af " counter(pages); {{RunningStyle}} }
        }

        """;

    private const string RunningStyle = "font-family: \"Liberation Sans\", Arial, sans-serif; font-size: 8pt; color: #555;";

    // A CSS string literal: quotes and backslashes escaped, line breaks and other controls as hex escapes.
    private static string CssString(string text) =>
        "\"" + string.Concat(text.Select(c => c switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            < ' ' => "\\" + ((int)c).ToString("x", System.Globalization.CultureInfo.InvariantCulture) + " ",
            _ => c.ToString(),
        })) + "\"";

    /// <summary>Shared by the web page and the print; scoped to .doc so it never styles the site around it.</summary>
    public const string Document = """
        .doc h1, .doc h2, .doc h3, .doc h4 { font-weight: bold; line-height: 1.25; margin: 0; }
        .doc p { margin: 0 0 6pt; }
        .doc .doc-header { margin-bottom: 14pt; }
        .doc .doc-title { font-size: 1.7em; margin-bottom: 12pt; }
        .doc .meta .label { display: inline-block; min-width: 22mm; color: #4a4a4a; }
        .doc .toc-title { font-size: 1.25em; margin: 18pt 0 10pt; }
        .doc .toc ol { list-style: none; margin: 0; padding: 0; }
        .doc .toc li { margin: 0 0 5pt; }
        .doc .toc a { display: flex; align-items: flex-end; color: inherit; text-decoration: none; }
        .doc .toc-text { flex: 1 1 auto; }
        .doc .toc-page { flex: 0 0 12mm; text-align: right; }
        /* The page number stands on the entry's last line, as in the published documents. */
        .doc .item-title { font-size: 1.25em; margin: 0 0 8pt; }
        .doc .case-number { color: #4a4a4a; margin-bottom: 12pt; }
        .doc .section-title, .doc .repeated-title { font-size: 1.1em; font-weight: bold; margin: 12pt 0 5pt; }
        .doc .list { list-style: none; margin: 0 0 6pt; padding: 0; }
        .doc .list li { padding-left: 6mm; text-indent: -6mm; margin: 0 0 4pt; }
        .doc .list li > .list { text-indent: 0; margin: 4pt 0 0; }
        .doc .marker { display: inline-block; width: 6mm; text-indent: 0; }
        .doc .marker.tight { display: inline; width: auto; }
        .doc .nobreak { white-space: nowrap; }
        .doc .closed .item-title { color: #5a4500; }

        """;
}
