using System.Diagnostics;
using Dagsorden.Core.Documents;
using Dagsorden.Core.Documents.Docx;
using Dagsorden.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;

namespace Dagsorden.Tests.Documents;

public sealed class DocxDocumentTests
{
    private static byte[] RealMinutesDocx(string file = "002_2a65481ceb61ab7e.txt") =>
        DocxDocumentWriter.Write(MeetingDocument.From(Support.Documents.FromFile(Path.Combine(Repository.SharedMinutes, file)), DocumentAudience.Internal));

    [Fact]
    public void ItemsAreHeadingsListsAreRealListsAndThereIsATocField()
    {
        using var package = WordprocessingDocument.Open(new MemoryStream(RealMinutesDocx("000_81c4a3c2ef6f212b.txt")), false);
        var body = package.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Elements<Paragraph>().ToList();

        var headings = paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Equal(11, headings.Count);
        Assert.StartsWith("Punkt 1: CF - Godkendelse af dagsorden og referat", headings[0], StringComparison.Ordinal);
        Assert.Contains(paragraphs, p => p.Descendants<FieldCode>().Any(f => f.Text.Contains("TOC \\o", StringComparison.Ordinal)));
        var listParagraphs = paragraphs.Where(p => p.ParagraphProperties?.NumberingProperties is not null).ToList();
        Assert.Contains(listParagraphs, p => p.InnerText.StartsWith("at chefforum godkender dagsordenen", StringComparison.Ordinal));
        Assert.Contains(listParagraphs, p => p.ParagraphProperties!.NumberingProperties!.NumberingLevelReference!.Val!.Value == 1);
        Assert.NotEmpty(package.MainDocumentPart.NumberingDefinitionsPart!.Numbering!.Elements<AbstractNum>());
        Assert.Contains(body.Descendants<Italic>(), i => i.Parent?.Parent is Run run && run.InnerText == "alle");
    }

    [Fact]
    public async Task LibreOfficeConvertsTheDocxWithoutRepair()
    {
        var directory = Directory.CreateTempSubdirectory("dagsorden-docx-").FullName;
        try
        {
            var docx = Path.Combine(directory, "referat.docx");
            await File.WriteAllBytesAsync(docx, RealMinutesDocx());

            var start = new ProcessStartInfo("libreoffice", ["--headless", $"-env:UserInstallation=file://{directory}/profile", "--convert-to", "pdf", "--outdir", directory, docx])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.True(process.ExitCode == 0, "libreoffice failed: " + output);
            var pdf = Path.Combine(directory, "referat.pdf");
            Assert.True(File.Exists(pdf), "libreoffice wrote no PDF: " + output);
            using var document = PdfDocument.Open(pdf);
            var text = string.Join(' ', document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Contains("Punkt 10: CF - Evt.", text, StringComparison.Ordinal);
            Assert.Contains("Punkt 4: Lukket", text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
