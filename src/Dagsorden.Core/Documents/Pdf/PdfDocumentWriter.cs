using System.Net;
using Dagsorden.Core.Documents.Html;

namespace Dagsorden.Core.Documents.Pdf;

/// <summary>
/// Prints an agenda or minutes document. The table of contents names the page where each item's
/// heading really stands: the document is printed, the headings are found in the PDF, and it is
/// printed again with those numbers until they no longer change.
/// </summary>
public sealed class PdfDocumentWriter(IPdfEngine engine)
{
    private const int MaxPasses = 4;

    public async Task<byte[]> WriteAsync(MeetingDocument document, CancellationToken cancellationToken = default)
    {
        var setup = PageSetup(document);
        IReadOnlyDictionary<int, int>? pages = null;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var pdf = await engine.PrintAsync(MeetingHtml.RenderPage(document, pages), setup, cancellationToken);
            var found = PdfMinutesText.ItemPages(pdf);
            if (pages is not null && SamePages(pages, found))
                return pdf;
            pages = found;
        }

        throw new InvalidOperationException($"The table of contents of {document.Key} did not settle after {MaxPasses} passes.");
    }

    private static bool SamePages(IReadOnlyDictionary<int, int> a, IReadOnlyDictionary<int, int> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var page) && page == pair.Value);

    /// <summary>Forum and date at the top of each page, "Side X af Y" at the bottom.</summary>
    private static PdfPageSetup PageSetup(MeetingDocument document)
    {
        const string style = "font-family: 'Liberation Sans', Arial, sans-serif; font-size: 8pt; color: #555; width: 100%; margin: 0 20mm 0 22mm;";
        var left = WebUtility.HtmlEncode(document.ForumName);
        var right = WebUtility.HtmlEncode($"{(document.Kind == Meetings.DocumentKind.Minutes ? "Referat" : "Dagsorden")} {Text.DanishDates.ShortDate(document.Date)}");
        return new PdfPageSetup(
            $"<div style=\"{style} display: flex; justify-content: space-between;\"><span>{left}</span><span>{right}</span></div>",
            $"<div style=\"{style} text-align: right;\">Side <span class=\"pageNumber\"></span> af <span class=\"totalPages\"></span></div>");
    }
}
