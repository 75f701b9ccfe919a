using System.IO.Compression;
using Dagsorden.Core.Documents;
using Dagsorden.Core.Documents.Docx;
using Dagsorden.Core.Documents.Html;
using Dagsorden.Tests.Support;
using UglyToad.PdfPig;

namespace Dagsorden.Tests.Documents;

/// <summary>A marker in every field of a closed item must reach no public HTML, PDF or DOCX.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DocumentLeakTests(SharedBrowser browser)
{
    private const string Marker = "LÆK-Z8W4";

    private static MeetingDocument Document(DocumentAudience audience) =>
        MeetingDocument.From(Support.Documents.FromImported(Builders.MeetingWithClosedItem(Marker)), audience);

    [Fact]
    public void PublicHtmlHasNoClosedText()
    {
        var page = MeetingHtml.RenderPage(Document(DocumentAudience.Public));
        var fragment = MeetingHtml.RenderFragment(Document(DocumentAudience.Public));

        foreach (var html in new[] { page, fragment })
        {
            Assert.DoesNotContain(Marker, html, StringComparison.Ordinal);
            Assert.DoesNotContain("Internt notat", html, StringComparison.Ordinal);
            Assert.Contains("Punkt 2: Lukket</h", html, StringComparison.Ordinal);
            Assert.Contains("Lukket.....", html, StringComparison.Ordinal);
        }

        Assert.Contains(Marker, MeetingHtml.RenderPage(Document(DocumentAudience.Internal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicPdfHasNoClosedText()
    {
        var publicText = PdfText(await browser.Writer.WriteAsync(Document(DocumentAudience.Public)));
        var internalText = PdfText(await browser.Writer.WriteAsync(Document(DocumentAudience.Internal)));

        Assert.DoesNotContain(Marker.Replace("-", "", StringComparison.Ordinal), publicText.Replace("-", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("Internt", publicText, StringComparison.Ordinal);
        Assert.Contains("Punkt 2: Lukket", publicText, StringComparison.Ordinal);
        Assert.Contains(Marker, internalText, StringComparison.Ordinal);
    }

    [Fact]
    public void PublicDocxHasNoClosedTextInAnyPart()
    {
        var publicXml = DocxXml(DocxDocumentWriter.Write(Document(DocumentAudience.Public)));
        var internalXml = DocxXml(DocxDocumentWriter.Write(Document(DocumentAudience.Internal)));

        Assert.DoesNotContain(Marker, publicXml, StringComparison.Ordinal);
        Assert.DoesNotContain("Internt notat", publicXml, StringComparison.Ordinal);
        Assert.Contains("Punkt 2: Lukket", publicXml, StringComparison.Ordinal);
        Assert.Contains(Marker, internalXml, StringComparison.Ordinal);
    }

    /// <summary>Every word on every page, and the document information.</summary>
    internal static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var words = document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text);
        return string.Join(' ', words) + "\n" + document.Information.Title + "\n" + document.Information.Subject;
    }

    internal static string DocxXml(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        return string.Join('\n', zip.Entries.Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        }));
    }
}
