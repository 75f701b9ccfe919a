using System.Net;
using Dagsorden.Core.CaseNumbers;
using Dagsorden.Core.Import;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;

namespace Dagsorden.Tests.Web;

/// <summary>The public portal: forums, a forum's meetings by year, and item permalinks with the case's timeline.</summary>
public sealed class PortalPagesTests
{
    private const string Marker = "SKJULT-P4Q";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ItemPermalinkShowsTheItemAndTheCasesTimeline(StorageProvider provider)
    {
        await using var database = await SamplesAsync(provider);
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var response = await client.GetAsync("/cf/2025-03-20/punkt/2");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Punkt 2: CF - Differentierede svarfrister i telefonbetjeningen</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Sagens forløb", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/cf/2025-03-06/punkt/2\">Punkt 2: CF - Ny model for telefonbetjening af borgerne</a>", html, StringComparison.Ordinal);
        Assert.True(
            html.IndexOf("06-03-2025", StringComparison.Ordinal) < html.IndexOf("20-03-2025", StringComparison.Ordinal),
            "The timeline runs oldest first.");
    }

    [Fact]
    public async Task ClosedItemPermalinkAndTimelineShowOnlyLukket()
    {
        await using var database = await SamplesAsync(StorageProvider.Sqlite);
        await using (var db = await database.OpenAsync())
        {
            var closed = Builders.ClosedItem(Marker, "83.02.00-P20-3-24");
            await new MeetingImporter(db).StoreAsync(Builders.Meeting(new DateOnly(2025, 4, 3), Builders.OpenItem("Åbent"), closed));
        }

        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var closedPage = await client.GetStringAsync("/tf/2025-04-03/punkt/2");
        var openPage = await client.GetStringAsync("/cf/2025-03-06/punkt/2");

        Assert.Contains("Punkt 2: Lukket</h1>", closedPage, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, closedPage, StringComparison.Ordinal);
        Assert.Contains("href=\"/tf/2025-04-03/punkt/2\">Punkt 2: Lukket</a>", openPage, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, openPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForumPageShowsTheNewestYearsPlanAndLinksOtherYears()
    {
        await using var database = await SamplesAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var newest = await client.GetStringAsync("/cf");
        var older = await client.GetStringAsync("/CF/2014");

        Assert.Contains("<h2>Møder i 2025</h2>", newest, StringComparison.Ordinal);
        Assert.Contains("Torsdag d. 6. marts 2025", newest, StringComparison.Ordinal);
        Assert.Contains("Torsdag d. 20. marts 2025", newest, StringComparison.Ordinal);
        Assert.Contains("href=\"/cf/2014\">2014</a>", newest, StringComparison.Ordinal);
        Assert.Contains("href=\"/cf/moeder.ics\"", newest, StringComparison.Ordinal);
        Assert.Contains("Torsdag d. 13. november 2014", older, StringComparison.Ordinal);
        Assert.DoesNotContain("marts 2025", older, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/xx", "Der findes intet forum med koden »xx«")]
    [InlineData("/cf/1999", "Chefforum har ingen møder i 1999.")]
    [InlineData("/cf/2025-03-06/punkt/99", "Punkt 99 findes ikke på mødet.")]
    [InlineData("/cf/2025-02-30/punkt/1", "er ikke en dato")]
    [InlineData("/cf/2025-03-06/punkt/abc", "Siden findes ikke")]
    public async Task UnknownForumYearOrItemIsADanishNotFound(string address, string message)
    {
        await using var database = await SamplesAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var response = await client.GetAsync(address);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimelineQueryFindsTheSameKleSubjectAcrossYears()
    {
        await using var database = await SamplesAsync(StorageProvider.PostgreSql);
        await using var db = await database.OpenAsync();

        var timeline = await Dagsorden.Core.Items.ItemQueries.TimelineAsync(db, CaseNumber.Parse("83.02.00-P20-9-19"));

        Assert.Equal(2, timeline.Count);
        Assert.All(timeline, e => Assert.False(e.SameCase));
        Assert.Equal([new DateOnly(2025, 3, 6), new DateOnly(2025, 3, 20)], timeline.Select(e => e.Meeting.Date));
    }

    private static async Task<TestDatabase> SamplesAsync(StorageProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var importer = new MeetingImporter(db);
        foreach (var file in Repository.SampleDocuments())
            await importer.ImportFileAsync(file);
        return database;
    }
}
