using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Dagsorden.Core.Documents.Pdf;

/// <summary>One line of text on a PDF page, with the geometry needed to rebuild paragraphs.</summary>
public sealed record PdfTextLine(
    int Page,
    string Text,
    double Left,
    double Right,
    double Baseline,
    double FontSize,
    double FirstWordWidth,
    IReadOnlyList<StyledRun> Runs);

/// <summary>A piece of a line: its text and whether it is set in bold or italic.</summary>
public sealed record StyledRun(string Text, bool Bold, bool Italic, bool IsSeparator);

/// <summary>
/// Reads a PDF into lines of text in reading order, without the running header and footer. Words
/// farther apart than a few spaces (a tab stop, a list marker's box, a TOC page number) are joined
/// with a tab, the way the published minutes' text has them.
/// </summary>
public sealed class PdfTextLayout
{
    private const double SameBaseline = 1.5;
    private const double MarginBand = 0.11;
    private const double RunningTextMaxSize = 9.0;

    private PdfTextLayout(IReadOnlyList<PdfTextLine> lines, double bodyFontSize, double contentLeft, double contentRight, double lowestBaseline)
    {
        Lines = lines;
        BodyFontSize = bodyFontSize;
        ContentLeft = contentLeft;
        ContentRight = contentRight;
        LowestBaseline = lowestBaseline;
    }

    public IReadOnlyList<PdfTextLine> Lines { get; }

    /// <summary>The most used font size: the size of body text.</summary>
    public double BodyFontSize { get; }

    public double ContentLeft { get; }

    public double ContentRight { get; }

    /// <summary>The lowest baseline of body text on any page: where a full page ends.</summary>
    public double LowestBaseline { get; }

    public static PdfTextLayout Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        var letters = pages.SelectMany(p => p.Letters).Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        var bodySize = letters.Count == 0
            ? 10
            : letters.GroupBy(l => Math.Round(l.PointSize, 1)).OrderByDescending(g => g.Count()).First().Key;

        var lines = new List<PdfTextLine>();
        foreach (var page in pages)
            lines.AddRange(PageLines(page, bodySize));

        var body = lines.Where(l => Math.Abs(l.FontSize - bodySize) < 0.6).ToList();
        return new PdfTextLayout(
            lines,
            bodySize,
            body.Count == 0 ? 0 : body.Min(l => l.Left),
            lines.Count == 0 ? 0 : lines.Max(l => l.Right),
            lines.Count == 0 ? 0 : lines.Min(l => l.Baseline));
    }

    private static IEnumerable<PdfTextLine> PageLines(Page page, double bodySize)
    {
        var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
        var rows = new List<List<Word>>();
        foreach (var word in words.OrderByDescending(Baseline).ThenBy(w => w.BoundingBox.Left))
        {
            var row = rows.FirstOrDefault(r => Math.Abs(Baseline(r[0]) - Baseline(word)) < SameBaseline);
            if (row is null)
                rows.Add([word]);
            else
                row.Add(word);
        }

        foreach (var row in rows.OrderByDescending(r => Baseline(r[0])))
        {
            var ordered = row.OrderBy(w => w.BoundingBox.Left).ToList();
            var size = ordered.SelectMany(w => w.Letters).Max(l => l.PointSize);
            var baseline = Baseline(ordered[0]);
            var text = string.Join(' ', ordered.Select(w => w.Text));
            if (IsRunningHeaderOrFooter(page, baseline, size, text))
                continue;

            var runs = Runs(ordered, size, bodySize);
            yield return new PdfTextLine(
                page.Number,
                string.Concat(runs.Select(r => r.Text)),
                ordered[0].BoundingBox.Left,
                ordered[^1].BoundingBox.Right,
                baseline,
                Math.Round(size, 1),
                ordered[0].BoundingBox.Width,
                runs);
        }
    }

    private static double Baseline(Word word) => word.Letters[0].StartBaseLine.Y;

    // Running headers and footers sit in the page's top or bottom band in small type.
    private static bool IsRunningHeaderOrFooter(Page page, double baseline, double size, string text)
    {
        var inBand = baseline > page.Height * (1 - MarginBand) || baseline < page.Height * MarginBand;
        return inBand && (size < RunningTextMaxSize || text.StartsWith("Side ", StringComparison.Ordinal));
    }

    private static List<StyledRun> Runs(List<Word> words, double lineSize, double bodySize)
    {
        var runs = new List<StyledRun>();
        var spaceWidth = lineSize * 0.28;
        for (var i = 0; i < words.Count; i++)
        {
            if (i > 0)
            {
                var gap = words[i].BoundingBox.Left - words[i - 1].BoundingBox.Right;
                runs.Add(new StyledRun(gap > 3 * spaceWidth ? "\t" : " ", false, false, IsSeparator: true));
            }

            foreach (var letter in words[i].Letters)
            {
                // Emphasis is read only in body-size text; headings are bold by design, not by mark-up.
                var styled = Math.Abs(letter.PointSize - bodySize) < 0.6;
                var font = letter.FontName ?? "";
                var bold = styled && font.Contains("Bold", StringComparison.OrdinalIgnoreCase);
                var italic = styled && (font.Contains("Italic", StringComparison.OrdinalIgnoreCase) || font.Contains("Oblique", StringComparison.OrdinalIgnoreCase));
                if (runs.Count > 0 && !runs[^1].IsSeparator && runs[^1].Bold == bold && runs[^1].Italic == italic)
                    runs[^1] = runs[^1] with { Text = runs[^1].Text + letter.Value };
                else
                    runs.Add(new StyledRun(letter.Value, bold, italic, IsSeparator: false));
            }
        }

        return runs;
    }

    /// <summary>Writes runs with **bold** and *italic* marks; a mark spans the space between two words in the same style.</summary>
    public static string Markup(IReadOnlyList<StyledRun> runs)
    {
        var text = new StringBuilder();
        (bool Bold, bool Italic) open = (false, false);
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            if (run.IsSeparator)
            {
                var next = runs.Skip(i + 1).FirstOrDefault(r => !r.IsSeparator);
                if (next is null || (next.Bold, next.Italic) != open)
                {
                    text.Append(Close(open));
                    open = (false, false);
                }

                text.Append(run.Text);
                continue;
            }

            if ((run.Bold, run.Italic) != open)
            {
                text.Append(Close(open));
                open = (run.Bold, run.Italic);
                text.Append(Open(open));
            }

            text.Append(run.Text);
        }

        return text.Append(Close(open)).ToString();
    }

    private static string Open((bool Bold, bool Italic) style) => (style.Bold ? "**" : "") + (style.Italic ? "*" : "");

    private static string Close((bool Bold, bool Italic) style) => (style.Italic ? "*" : "") + (style.Bold ? "**" : "");
}
