using System.Globalization;
using System.Text.Json;
using Dagsorden.Core.Documents.Html;

namespace Dagsorden.Core.Documents.Pdf;

/// <summary>
/// Prints an agenda or minutes document whose table of contents names the page where each item's
/// heading really stands. Before printing, the page is laid out once more as page-sized columns in
/// the browser, which gives each item's page; the numbers are filled in and the page printed. The
/// PDF is then checked: should any heading stand elsewhere, it is printed again with the pages found.
/// </summary>
public sealed class PdfDocumentWriter(IPdfEngine engine)
{
    private const int MaxPasses = 4;

    // Lays .doc out in page-sized columns (DocumentCss.Print), reads the column of each item heading,
    // writes those page numbers into the TOC, and returns them as JSON: { "1": 2, "2": 3, ... }.
    private const string PaginateScript = """
        () => {
          const root = document.documentElement;
          root.classList.add('paginate');
          const doc = document.querySelector('.doc');
          const width = doc.getBoundingClientRect().width;
          const left = doc.getBoundingClientRect().left;
          const pages = {};
          for (const heading of document.querySelectorAll('.item-title')) {
            pages[heading.id.replace('punkt-', '')] = 1 + Math.round((heading.getBoundingClientRect().left - left) / width);
          }
          root.classList.remove('paginate');
          for (const link of document.querySelectorAll('.toc a')) {
            const page = pages[link.getAttribute('href').replace('#punkt-', '')];
            link.querySelector('.toc-page').textContent = page === undefined ? '' : String(page);
          }
          return JSON.stringify(pages);
        }
        """;

    public async Task<byte[]> WriteAsync(MeetingDocument document, CancellationToken cancellationToken = default)
    {
        var print = await engine.PrintAsync(MeetingHtml.RenderPage(document), new PdfPrintOptions(PrepareScript: PaginateScript), cancellationToken);
        IReadOnlyDictionary<int, int> expected = Pages(print.PrepareResult);
        for (var pass = 1; pass < MaxPasses; pass++)
        {
            var found = PdfMinutesText.ItemPages(print.Pdf);
            if (SamePages(expected, found))
                return PdfDates.StampWith(print.Pdf, document.Date);
            expected = found;
            print = await engine.PrintAsync(MeetingHtml.RenderPage(document, found), new PdfPrintOptions(), cancellationToken);
        }

        throw new InvalidOperationException($"The table of contents of {document.Key} did not settle after {MaxPasses} passes.");
    }

    private static Dictionary<int, int> Pages(string? json) =>
        json is null
            ? []
            : JsonSerializer.Deserialize<Dictionary<string, int>>(json)!.ToDictionary(p => int.Parse(p.Key, CultureInfo.InvariantCulture), p => p.Value);

    private static bool SamePages(IReadOnlyDictionary<int, int> a, IReadOnlyDictionary<int, int> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var page) && page == pair.Value);
}
