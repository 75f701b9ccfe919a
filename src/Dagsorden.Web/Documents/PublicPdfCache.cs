using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Dagsorden.Core.Documents;
using Dagsorden.Core.Documents.Html;
using Dagsorden.Core.Documents.Pdf;

namespace Dagsorden.Web.Documents;

/// <summary>
/// Renders PDFs with a bounded number of browser tabs, and keeps the public ones. A print costs a
/// browser tab and a few hundred milliseconds, and fifty at once starve the machine; a public PDF
/// changes only when what it shows changes, so it is kept under the hash of the public document's
/// full HTML rendering (the same document gives the same PDF). A member's PDF (closed items in
/// full) is never kept, so no other user can ever be handed it.
/// </summary>
public sealed class PublicPdfCache(PdfDocumentWriter writer)
{
    private const int Capacity = 64;

    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private readonly SemaphoreSlim _renders = new(Math.Max(1, Environment.ProcessorCount));

    public async Task<byte[]> GetAsync(MeetingDocument document, CancellationToken cancellationToken)
    {
        if (document.Audience != DocumentAudience.Public)
            return await RenderAsync(document, cancellationToken);

        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(MeetingHtml.RenderPage(document))));
        // One render per key however many ask at once; it is not tied to any one request, so a
        // client that gives up does not fail the others waiting for it.
        var entry = _entries.GetOrAdd(key, k =>
        {
            _order.Enqueue(k);
            return new Lazy<Task<byte[]>>(() => RenderAsync(document, CancellationToken.None));
        });
        while (_entries.Count > Capacity && _order.TryDequeue(out var oldest))
            _entries.TryRemove(oldest, out _);

        try
        {
            return await entry.Value.WaitAsync(cancellationToken);
        }
        catch when (!cancellationToken.IsCancellationRequested)
        {
            // A failed render is not kept: the next request tries again.
            _entries.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }

    private async Task<byte[]> RenderAsync(MeetingDocument document, CancellationToken cancellationToken)
    {
        await _renders.WaitAsync(cancellationToken);
        try
        {
            return await writer.WriteAsync(document, cancellationToken);
        }
        finally
        {
            _renders.Release();
        }
    }
}
