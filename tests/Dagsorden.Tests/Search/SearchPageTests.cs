using System.Globalization;
using System.Net;
using Dagsorden.Core.Items;
using Dagsorden.Core.Search;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Dagsorden.Web.Search;
using Microsoft.EntityFrameworkCore;
using static Dagsorden.Tests.Search.SearchFixtures;

namespace Dagsorden.Tests.Search;

public sealed class SearchPageTests
{
    private const string Marker = "hemmeligqvx";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SearchPageShowsRankedHitsWithMarkedSnippetsAndLinks(StorageProvider provider)
    {
        await using var database = await SeededAsync(provider);
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var response = await client.GetAsync("/soeg?q=telefonpolitikken");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"da\">", html, StringComparison.Ordinal);
        Assert.Contains("2 punkter fundet", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/tf/2016-05-01#punkt-1\"", html, StringComparison.Ordinal);
        Assert.Contains("<mark>Telefonpolitik</mark>", html, StringComparison.Ordinal);
        Assert.Contains("<mark>telefonpolitikken</mark>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("/tf/2016-05-01#punkt-1", StringComparison.Ordinal) < html.IndexOf("/tf/2017-05-01#punkt-1", StringComparison.Ordinal));
        Assert.Contains("href=\"/soeg?q=telefonpolitikken&amp;forum=TF\">TF</a> <span class=\"count\">(2)</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"count\">(1)</span>", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SearchPageNeverShowsOrCountsClosedItems(StorageProvider provider)
    {
        await using var database = await SeededAsync(provider);
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var marker = await (await client.GetAsync("/soeg?q=" + Marker)).Content.ReadAsStringAsync();
        var near = await (await client.GetAsync("/soeg?q=personalesag")).Content.ReadAsStringAsync();
        var facets = await (await client.GetAsync("/soeg?q=sag")).Content.ReadAsStringAsync();

        Assert.Contains("0 punkter fundet", marker, StringComparison.Ordinal);
        Assert.Contains("0 punkter fundet", near, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, facets.Replace("q=" + Marker, "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("1 punkt fundet", facets, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FiltersAreGetParameters(StorageProvider provider)
    {
        await using var database = await SeededAsync(provider);
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var html = await (await client.GetAsync("/soeg?q=telefonpolitik&forum=tf&fra=2016-01-01&til=2016-12-31&kle=83.02&udfald=godkendt")).Content.ReadAsStringAsync();

        Assert.Contains("1 punkt fundet", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/tf/2016-05-01#punkt-1\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/tf/2017-05-01#punkt-1", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/soeg?q=telefon&fra=1.5.2016", "Fra dato: »1.5.2016« er ikke en dato.")]
    [InlineData("/soeg?q=telefon&til=2016-02-30", "Til dato: »2016-02-30« er ikke en dato.")]
    [InlineData("/soeg?q=telefon&kle=83%25", "»83%« er ikke et KLE-emne.")]
    [InlineData("/soeg?q=telefon&udfald=maaske", "»maaske« er ikke et beslutningsudfald.")]
    [InlineData("/soeg?q=telefon&forum=XX", "Der findes intet forum med koden »XX«.")]
    [InlineData("/soeg?q=telefon&fra=2017-01-01&til=2016-01-01", "Til dato ligger før fra dato.")]
    [InlineData("/soeg?q=telefon&side=-1", "»-1« er ikke et sidetal.")]
    [InlineData("/soeg?q=%22%2A%28-%29%22", "Skriv mindst ét ord at søge efter.")]
    public async Task BadParameterValuesGiveADanishMessageNotAnError(string address, string message)
    {
        await using var database = await SeededAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var response = await client.GetAsync(address);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Søgningen kan ikke udføres", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InjectionAttemptsAreSearchedAsWords()
    {
        await using var database = await SeededAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        foreach (var query in new[] { "NEAR(telefonpolitik", "telefonpolitik*", "telefonpolitik OR 1=1", "'; DROP TABLE \"SearchFts\"; --", "<script>alert(1)</script>" })
        {
            var response = await client.GetAsync("/soeg?q=" + Uri.EscapeDataString(query));
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        }

        Assert.Contains("2 punkter fundet", await (await client.GetAsync("/soeg?q=telefonpolitik*")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AboveTenThousandHitsThePageSaysMoreThanAndShowsNoFacetNumbers()
    {
        await using var database = await SeededAsync(StorageProvider.Sqlite);
        await using (var db = await database.OpenAsync())
        {
            // Documents straight into the index: ten thousand imported items would make a slow test.
            var meeting = await db.Meetings.AsNoTracking().OrderBy(m => m.Id).FirstAsync();
            var documents = Enumerable.Range(0, SearchResults.CountLimit + 1)
                .Select(i => new SearchDocument(1_000_000 + i, meeting.Id, meeting.ForumId, meeting.Date, 100 + i, "Vejplan " + i.ToString(CultureInfo.InvariantCulture), "Vejene i kommunen.", false, null, null))
                .ToList();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await SearchIndexes.For(db).AddAsync(documents);
            await transaction.CommitAsync();
        }

        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var html = await (await client.GetAsync("/soeg?q=vejene")).Content.ReadAsStringAsync();

        Assert.Contains("Mere end 10.000 punkter fundet", html, StringComparison.Ordinal);
        Assert.Contains("Fordelingen på forum, beslutning og år vises, når søgningen finder højst 10.000 punkter.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"count\"", html, StringComparison.Ordinal);
        Assert.Equal(IndexModel.PageSize, CountOccurrences(html, "class=\"hit-title\""));
        Assert.Contains("rel=\"next\"", html, StringComparison.Ordinal);
        Assert.Contains("1 punkt fundet", await (await client.GetAsync("/soeg?q=telefonpolitik&fra=2016-01-01&til=2016-12-31")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
            count++;
        return count;
    }

    [Fact]
    public async Task AnEmptySearchPageShowsTheForm()
    {
        await using var database = await SeededAsync(StorageProvider.Sqlite);
        await using var app = new TestApp(database);
        using var client = app.CreateClient();

        var response = await client.GetAsync("/soeg");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("role=\"search\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("fundet", html, StringComparison.Ordinal);
    }

    private static async Task<TestDatabase> SeededAsync(StorageProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        await StoreAsync(
            db,
            Meeting("TF", new(2016, 5, 1), Item("Telefonpolitik", "Politik for mobiltelefoner, sag om abonnementer.", "83.02.00-P20-1-16", DecisionOutcome.Approved)),
            Meeting("TF", new(2017, 5, 1), Item("Eventuelt", "Kort nævnt: telefonpolitikken."), Item("Personalesag", $"{Marker} sag.", closed: true)));
        return database;
    }
}
