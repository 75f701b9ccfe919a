using Dagsorden.Core.Import;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Dagsorden.Core.Documents.Pdf;

/// <summary>
/// Recovers minutes text from a PDF, so that a published PDF can be imported with the same parser
/// as the text files.
/// </summary>
public static class PdfMinutesText
{
    public static bool IsPdf(ReadOnlySpan<byte> bytes) => bytes.StartsWith("%PDF-"u8);

    /// <summary>The document's text, one paragraph per line; throws <see cref="ImportException"/> for a PDF that cannot be read.</summary>
    public static string Extract(byte[] pdf, string file)
    {
        try
        {
            using var document = PdfDocument.Open(pdf);
            return string.Join("\n\n", document.GetPages().Select(PageText));
        }
        catch (Exception e) when (e is not ImportException)
        {
            throw new ImportException(file, null, $"the PDF cannot be read: {e.Message}");
        }
    }

    private static string PageText(Page page) => string.Join('\n', page.GetWords().Select(w => w.Text));
}
