namespace Dagsorden.Core.Documents.Pdf;

/// <summary>Prints an HTML page to PDF. Chromium is the engine today (see docs/decisions/0003).</summary>
public interface IPdfEngine : IAsyncDisposable
{
    /// <summary>
    /// Loads the page, runs <see cref="PdfPrintOptions.PrepareScript"/> in it if given (its result is
    /// returned), and prints. The page's own CSS sets paper size, margins and running headers.
    /// </summary>
    Task<PdfPrint> PrintAsync(string html, PdfPrintOptions options, CancellationToken cancellationToken = default);
}

/// <param name="PrepareScript">A JavaScript function run on the loaded page before printing; it may change the page and return a string.</param>
public sealed record PdfPrintOptions(bool Tagged = true, bool Outline = true, string? PrepareScript = null);

public sealed record PdfPrint(byte[] Pdf, string? PrepareResult);
