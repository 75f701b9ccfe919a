using System.Globalization;
using System.Text.RegularExpressions;
using Dagsorden.Core.Import;
using UglyToad.PdfPig;

namespace Dagsorden.Core.Documents.Pdf;

/// <summary>
/// Recovers minutes text from a PDF, so that a published PDF can be imported with the same parser
/// as the text files: one paragraph, list item or heading per line, lists indented by their depth.
/// </summary>
public static partial class PdfMinutesText
{
    // The width of one list level in the documents Dagsorden prints (6 mm).
    private const double ListIndent = 17.0;

    // Item headings are set at 1.25 em of 10.5 pt; section headings (1.1 em) stay below this.
    private const double HeadingMinSize = 12.5;

    // The TOC's page-number column (12 mm).
    private const double TocPageColumn = 34.0;

    public static bool IsPdf(ReadOnlySpan<byte> bytes) => bytes.StartsWith("%PDF-"u8);

    /// <summary>The document's text; throws <see cref="ImportException"/> for a PDF that cannot be read.</summary>
    public static string Extract(byte[] pdf, string file)
    {
        PdfTextLayout layout;
        try
        {
            layout = PdfTextLayout.Read(pdf);
        }
        catch (Exception e) when (e is not ImportException)
        {
            throw new ImportException(file, null, $"the PDF cannot be read: {e.Message}");
        }

        if (layout.Lines.Count == 0)
            throw new ImportException(file, null, "the PDF has no text layer (a scanned document?); it cannot be imported as minutes.");
        return string.Join("\n\n", Paragraphs(layout));
    }

    /// <summary>
    /// Item number → page of its "Punkt N:" heading, found among the letters set larger than body
    /// text. Reads letters only, not words, because the PDF writer calls this on every print.
    /// </summary>
    public static IReadOnlyDictionary<int, int> ItemPages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = new Dictionary<int, int>();
        foreach (var page in document.GetPages())
        {
            var headingText = string.Concat(page.Letters.Where(l => l.PointSize >= HeadingMinSize).Select(l => l.Value));
            foreach (Match match in ItemHeadingAnywhere().Matches(headingText))
                pages.TryAdd(int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture), page.Number);
        }

        return pages;
    }

    private static IEnumerable<string> Paragraphs(PdfTextLayout layout)
    {
        var lines = layout.Lines;
        var block = new List<PdfTextLine> { lines[0] };
        var inToc = false;
        for (var i = 1; i <= lines.Count; i++)
        {
            var line = i < lines.Count ? lines[i] : null;
            if (line is not null && Continues(layout, block, line, inToc))
            {
                block.Add(line);
                continue;
            }

            var text = Render(layout, block);
            if (text.Trim() == "Indholdsfortegnelse")
                inToc = true;
            else if (ItemHeading().IsMatch(text.Trim()))
                inToc = false;
            yield return text;
            if (line is not null)
                block = [line];
        }
    }

    /// <summary>
    /// Whether a line carries on the paragraph of the line before: same type size, close below it
    /// (or at the top of the next page after a full page), and the line before was full, i.e. its
    /// next word would not have fitted. In the table of contents an entry runs until its page number.
    /// </summary>
    /// <remarks>
    /// Dagsorden's own documents keep a paragraph on one page where it fits, so a paragraph goes on
    /// over a page break only when it already filled the page before.
    /// </remarks>
    private static bool Continues(PdfTextLayout layout, List<PdfTextLine> block, PdfTextLine line, bool inToc)
    {
        var previous = block[^1];
        if (Math.Abs(previous.FontSize - line.FontSize) > 0.5)
            return false;
        var lineHeight = line.FontSize * 1.4;
        var close = previous.Page == line.Page
            ? previous.Baseline - line.Baseline <= lineHeight * 1.15
            : line.Page == previous.Page + 1
                && previous.Baseline - layout.LowestBaseline <= lineHeight * 1.5
                && layout.Lines.First(l => l.Page == previous.Page) == block[0];
        if (!close)
            return false;

        // A TOC entry runs until its page number; a line that ends short of the title column was broken on purpose.
        var spaceWidth = line.FontSize * 0.28;
        var right = inToc ? layout.ContentRight - TocPageColumn : layout.ContentRight;
        if (inToc && TocEntryEnd().IsMatch(previous.Text))
            return false;
        return previous.Right + spaceWidth + line.FirstWordWidth > right - 1.5;
    }

    private static string Render(PdfTextLayout layout, List<PdfTextLine> block)
    {
        var runs = new List<StyledRun>();
        foreach (var line in block)
        {
            if (runs.Count > 0)
                runs.Add(new StyledRun(" ", false, false, IsSeparator: true));
            runs.AddRange(line.Runs);
        }

        var text = PdfTextLayout.Markup(runs);
        var depth = (int)Math.Round((block[0].Left - layout.ContentLeft) / ListIndent);
        return depth > 0 && ListMarker().IsMatch(text) ? new string(' ', 2 * depth) + text : text;
    }

    [GeneratedRegex(@"^Punkt\s+(?<number>\d{1,3})\s*:")]
    private static partial Regex ItemHeading();

    [GeneratedRegex(@"Punkt\s*(?<number>\d{1,3})\s*:")]
    private static partial Regex ItemHeadingAnywhere();

    [GeneratedRegex(@"\.{3,}\s*\d*\s*$")]
    private static partial Regex TocEntryEnd();

    [GeneratedRegex(@"^(?:[-–•]|\d{1,3}[.)]\s)")]
    private static partial Regex ListMarker();
}
