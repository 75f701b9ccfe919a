using Dagsorden.Core.Documents.Pdf;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;

namespace Dagsorden.Tests.Documents;

/// <summary>import FILE.pdf through the command line, into real databases.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PdfImportTests(SharedBrowser browser)
{
    public static TheoryData<string> RealMinutes() =>
        new(Directory.GetFiles(Repository.SharedMinutes, "*.txt").Order(StringComparer.Ordinal).Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(RealMinutes))]
    public async Task ExportedPdfImportedIntoAFreshDatabaseExportsTheSameText(string fileName)
    {
        await using var first = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var second = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var source = Path.Combine(Repository.SharedMinutes, fileName);
        var imported = await CliRunner.RunAsync(first.Directory, "import", source);
        var key = imported.Output.Split(' ')[1];
        var firstText = (await CliRunner.RunAsync(first.Directory, "export", key, "--format", "text")).Output;
        var pdf = Path.Combine(second.Directory, "referat.pdf");
        Assert.Equal(0, (await CliRunner.RunAsync(first.Directory, "export", key, "--format", "pdf", "-o", pdf)).ExitCode);

        var pdfImport = await CliRunner.RunAsync(second.Directory, "import", "referat.pdf");
        var secondText = (await CliRunner.RunAsync(second.Directory, "export", key, "--format", "text")).Output;

        Assert.Equal(0, pdfImport.ExitCode);
        Assert.StartsWith($"referat.pdf: {key} ", pdfImport.Output, StringComparison.Ordinal);
        MinutesText.AssertSameDocument(firstText, secondText, fileName + " via PDF");
    }

    [Fact]
    public async Task APdfThatIsNotMinutesIsRejectedAndChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await CliRunner.RunAsync(database.Directory, "import", Path.Combine(Repository.Fixtures, "lederforum-dagsorden.txt"));
        var before = (await CliRunner.RunAsync(database.Directory, "meetings")).Output;
        var letter = await browser.Engine.PrintAsync(
            "<!DOCTYPE html><html lang=\"da\"><body><h1>Invitation til julefrokost</h1><p>Vi ses fredag kl. 12 i kantinen.</p></body></html>",
            new PdfPrintOptions());
        await File.WriteAllBytesAsync(Path.Combine(database.Directory, "julefrokost.pdf"), letter.Pdf);

        var run = await CliRunner.RunAsync(database.Directory, "import", "julefrokost.pdf");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("julefrokost.pdf", run.Error, StringComparison.Ordinal);
        Assert.Contains("expected a first line such as 'REFERAT Chefforum d. 18-08-2016'", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, (await CliRunner.RunAsync(database.Directory, "meetings")).Output);
    }
}
