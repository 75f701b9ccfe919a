using System.Net;
using Dagsorden.Core.Import;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;

namespace Dagsorden.Tests.Web;

public sealed class PublicPagesTests
{
    private const string Marker = "FORTROLIG-K9X";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MeetingPageShowsClosedItemOnlyAsLukketWithCaseNumber(StorageProvider provider)
    {
        await using var database = await SeededDatabaseAsync(provider);
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var response = await client.GetAsync("/tf/2025-06-05");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(Marker, html, StringComparison.Ordinal);
        Assert.Contains("Punkt 2: Lukket</h2>", html, StringComparison.Ordinal);
        Assert.Contains("00.01.00-A00-96-25", html, StringComparison.Ordinal);
        Assert.Contains("Punkt 1: TF - Åbent punkt</h2>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/tf/2025-06-05.pdf\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Internt notat", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"da\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/tf/2025-06-05.pdf", "application/pdf")]
    [InlineData("/tf/2025-06-05.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    public async Task DownloadsArePublicVersionsWithoutClosedText(string address, string contentType)
    {
        await using var database = await SeededDatabaseAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var response = await client.GetAsync(address);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        var text = contentType == "application/pdf" ? Documents.DocumentLeakTests.PdfText(bytes) : Documents.DocumentLeakTests.DocxXml(bytes);
        Assert.Contains("Punkt 2: Lukket", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Internt notat", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/tf/2025-13-45.pdf")]
    [InlineData("/tf/2099-01-01.docx")]
    [InlineData("/xx/2025-06-05.pdf")]
    public async Task DownloadOfAnUnknownMeetingIsNotFound(string address)
    {
        await using var database = await SeededDatabaseAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var response = await client.GetAsync(address);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task FrontPageListsMeetingsWithoutClosedContent()
    {
        await using var database = await SeededDatabaseAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var html = await client.GetStringAsync("/");

        Assert.Contains("Torsdag d. 5. juni 2025", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/tf/2025-06-05\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/tf/2025-13-45", "er ikke en dato")]
    [InlineData("/tf/2099-01-01", "Der er intet møde i TF")]
    [InlineData("/xx/2025-06-05", "Der findes intet forum med koden")]
    [InlineData("/tf/%3Cscript%3E", "&lt;script&gt;")]
    public async Task BadAddressesGiveADanishNotFoundPage(string address, string message)
    {
        await using var database = await SeededDatabaseAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var response = await client.GetAsync(address);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthEndpointAnswers()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        Assert.Equal("ok", await client.GetStringAsync("/health"));
    }

    private static async Task<TestDatabase> SeededDatabaseAsync(StorageProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        await new MeetingImporter(db).StoreAsync(Builders.MeetingWithClosedItem(Marker));
        return database;
    }
}
