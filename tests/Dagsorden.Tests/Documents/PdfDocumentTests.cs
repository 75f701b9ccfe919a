using System.Text.RegularExpressions;
using Dagsorden.Core;
using Dagsorden.Core.Documents;
using Dagsorden.Core.Documents.Pdf;
using Dagsorden.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Dagsorden.Tests.Documents;

[Collection(BrowserCollection.Name)]
public sealed partial class PdfDocumentTests(SharedBrowser browser)
{
    public static TheoryData<string, DocumentAudience> RealMinutesInBothVersions()
    {
        var data = new TheoryData<string, DocumentAudience>();
        foreach (var file in Directory.GetFiles(Repository.SharedMinutes, "*.txt").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file), DocumentAudience.Public);
            data.Add(Path.GetFileName(file), DocumentAudience.Internal);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RealMinutesInBothVersions))]
    public async Task EachTocPageNumberIsThePageOfThatItemsHeading(string fileName, DocumentAudience audience)
    {
        var meeting = Support.Documents.FromFile(Path.Combine(Repository.SharedMinutes, fileName));

        var pdf = await browser.Writer.WriteAsync(MeetingDocument.From(meeting, audience));

        using var document = PdfDocument.Open(pdf);
        var pageWords = document.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))).ToList();
        var tocPages = TocPageNumbers(pageWords[0] + " " + pageWords[1]);
        Assert.Equal(meeting.Items.Count, tocPages.Count);
        for (var i = 0; i < meeting.Items.Count; i++)
        {
            var number = meeting.Items[i].Number;
            var page = tocPages[i];
            Assert.True(page >= 2 && page <= pageWords.Count, $"Item {number}: TOC says page {page}, the PDF has {pageWords.Count} pages.");
            var heading = $"Punkt {number}: ";
            Assert.True(pageWords[page - 1].Contains(heading, StringComparison.Ordinal), $"Item {number}: TOC says page {page}, but its heading is not there.");
            Assert.DoesNotContain(pageWords.Take(page - 1), p => p.Contains(heading, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task TheSameDocumentPrintsToTheSameBytesDatedByItsMeeting()
    {
        var meeting = Support.Documents.FromFile(Path.Combine(Repository.SharedMinutes, "000_81c4a3c2ef6f212b.txt"));
        var document = MeetingDocument.From(meeting, DocumentAudience.Public);

        var first = await browser.Writer.WriteAsync(document);
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var second = await browser.Writer.WriteAsync(document);

        Assert.Equal(first, second);
        using var pdf = PdfDocument.Open(first);
        Assert.StartsWith("D:20160818000000", pdf.Information.CreationDate, StringComparison.Ordinal);
        Assert.StartsWith("D:20160818000000", pdf.Information.ModifiedDate, StringComparison.Ordinal);
    }

    [Fact]
    public void DateStampsAreReplacedInPlaceAndNothingElseIsTouched()
    {
        var text = "%PDF-1.4\n<</CreationDate (D:20261123010835+00'00')\n/ModDate (D:20261123010836+00'00')>>\n/CreationDate (D:not-a-date)";
        var pdf = System.Text.Encoding.ASCII.GetBytes(text);

        var stamped = System.Text.Encoding.ASCII.GetString(PdfDates.StampWith(pdf, new DateOnly(2016, 8, 18)));

        Assert.Equal(text.Length, stamped.Length);
        Assert.Equal("%PDF-1.4\n<</CreationDate (D:20160818000000+00'00')\n/ModDate (D:20160818000000+00'00')>>\n/CreationDate (D:not-a-date)", stamped);
    }

    [Fact]
    public async Task PdfIsTaggedDanishWithTitleAndABookmarkPerItem()
    {
        var meeting = Support.Documents.FromFile(Path.Combine(Repository.SharedMinutes, "000_81c4a3c2ef6f212b.txt"));

        var pdf = await browser.Writer.WriteAsync(MeetingDocument.From(meeting, DocumentAudience.Public));

        using var document = PdfDocument.Open(pdf);
        var catalog = document.Structure.Catalog.CatalogDictionary;
        Assert.True(catalog.ContainsKey(NameToken.StructTreeRoot), "A tagged PDF has a structure tree.");
        Assert.True(catalog.Data.TryGetValue("Lang", out var language) && language is StringToken { Data: var code } && code.StartsWith("da", StringComparison.Ordinal), "The document language is Danish.");
        Assert.Equal("Referat – Chefforum 18-08-2016", document.Information.Title);
        Assert.True(document.TryGetBookmarks(out var bookmarks));
        var titles = bookmarks.GetNodes().Select(b => b.Title).ToList();
        foreach (var item in meeting.Items)
            Assert.Contains(titles, t => t.StartsWith($"Punkt {item.Number}:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PagesCarryForumDateAndSideXAfY()
    {
        var meeting = Support.Documents.FromFile(Path.Combine(Repository.SharedMinutes, "001_ca4162980987873e.txt"));

        var pdf = await browser.Writer.WriteAsync(MeetingDocument.From(meeting, DocumentAudience.Public));

        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        var last = string.Join(' ', pages[^1].GetWords().Select(w => w.Text));
        Assert.Contains($"Side {pages.Count} af {pages.Count}", last, StringComparison.Ordinal);
        Assert.Contains("Chefforum", last, StringComparison.Ordinal);
        Assert.Contains("Referat 19-06-2014", last, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingBrowserIsExplained()
    {
        var error = Assert.Throws<DomainException>(() => ChromiumPdfEngine.FindBrowser("/ingen/browser/her"));

        Assert.Contains("The browser '/ingen/browser/her' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains(ChromiumPdfEngine.BrowserEnvironmentVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APdfWithoutMinutesIsRejectedClearly()
    {
        var error = Assert.Throws<Dagsorden.Core.Import.ImportException>(() => PdfMinutesText.Extract("%PDF-1.4 not really"u8.ToArray(), "falsk.pdf"));

        Assert.StartsWith("falsk.pdf: the PDF cannot be read", error.Message, StringComparison.Ordinal);
    }

    private static List<int> TocPageNumbers(string text) =>
        TocEntry().Matches(text).Select(m => int.Parse(m.Groups["page"].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    [GeneratedRegex(@"\.{3,}\s+(?<page>\d+)")]
    private static partial Regex TocEntry();
}
