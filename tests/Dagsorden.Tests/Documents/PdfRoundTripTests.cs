using Dagsorden.Core.Documents;
using Dagsorden.Core.Documents.Pdf;
using Dagsorden.Tests.Support;

namespace Dagsorden.Tests.Documents;

[Collection(BrowserCollection.Name)]
public sealed class PdfRoundTripTests(SharedBrowser browser)
{
    public static TheoryData<string> AllMinutes()
    {
        var files = Directory.GetFiles(Repository.SharedMinutes, "*.txt")
            .Concat(Repository.SampleDocuments())
            .Concat(Directory.GetFiles(Repository.Fixtures, "*.txt"))
            .Select(f => Path.GetRelativePath(Repository.Root, f));
        return new TheoryData<string>(files);
    }

    [Theory]
    [MemberData(nameof(AllMinutes))]
    public async Task TextOfAnExportedPdfImportsBackToTheSameDocument(string relativePath)
    {
        var meeting = Support.Documents.FromFile(Path.Combine(Repository.Root, relativePath));
        var firstText = TextDocumentWriter.Write(meeting, DocumentAudience.Internal);

        var pdf = await browser.Writer.WriteAsync(MeetingDocument.From(meeting, DocumentAudience.Internal));
        var extracted = PdfMinutesText.Extract(pdf, "export.pdf");
        var again = Support.Documents.FromText(extracted, "export.pdf");

        MinutesText.AssertSameDocument(firstText, TextDocumentWriter.Write(again, DocumentAudience.Internal), relativePath);
    }
}
