namespace Dagsorden.Core.Documents.Pdf;

/// <summary>Prints an HTML page to PDF. Chromium is the engine today (see docs/decisions/0003).</summary>
public interface IPdfEngine : IAsyncDisposable
{
    Task<byte[]> PrintAsync(string html, PdfPageSetup setup, CancellationToken cancellationToken = default);
}

/// <summary>Running header and footer (HTML templates with Chromium's pageNumber/totalPages classes) and PDF options.</summary>
public sealed record PdfPageSetup(string HeaderHtml, string FooterHtml, bool Tagged = true, bool Outline = true);
