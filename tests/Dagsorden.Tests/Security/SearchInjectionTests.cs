using System.Net;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Dagsorden.Tests.Web;

namespace Dagsorden.Tests.Security;

/// <summary>
/// SQL and FTS query syntax typed into the public search page: a clear answer or a Danish message,
/// never a server error and never a closed item's text. (The engines' own handling of the syntax is
/// tested on both providers in Search/SearchQualityTests.QuerySyntaxFromTheUserIsSearchedAsWordsNeverRun.)
/// </summary>
public sealed class SearchInjectionTests
{
    private static readonly string[] Queries =
    [
        "\"budget", "budget\"", "\"\"\"", "'", "budget' OR '1'='1", "'; DROP TABLE \"Items\"; --", "\"; DROP TABLE SearchFts; --",
        "NEAR(budget lukket)", "NEAR(budget", "budget*", "*", "^budget", "title:budget", "Title:LUKKET*", "body:" + WorkflowFixture.ClosedMarker,
        "IsClosed:1", "{Title Body}: lukket", "budget AND NOT x", "budget OR 1=1", "budget & !x | y", "lukket:*", "(budget", "budget)", "\\", "%", "_%_",
        "LUKKET*", "LUKKET-W2T", "\"LUKKET W2T\"", "lukket OR budget", "\u0000budget", "budget\u0000' --", "$$; SELECT 1; $$",
        "budget' UNION SELECT \"Title\", \"Body\" FROM \"SearchBodies\" --",
        new string('a', 5000), string.Join(' ', Enumerable.Repeat("budget", 500)), string.Join(' ', Enumerable.Repeat("\"", 999)),
    ];

    [Fact]
    public async Task InjectionIsAnsweredWithoutAnErrorOrClosedText()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await WorkflowFixture.SeedAsync(database);
        await using var app = new TestApp(database);
        using var anonymous = app.CreateClient();

        foreach (var (query, address) in Queries.SelectMany(q => new[] { (q, "/soeg?q=" + Uri.EscapeDataString(q)), (q, "/soeg?forum=TF&q=" + Uri.EscapeDataString(q)) }))
        {
            var response = await anonymous.GetAsync(address);
            var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{address[..Math.Min(80, address.Length)]}: {response.StatusCode}");
            Assert.Contains("<html lang=\"da\"", page, StringComparison.Ordinal);

            // The search box repeats the query; what else the page says must hold no closed text.
            var rest = page.Replace(query, "", StringComparison.Ordinal);
            Assert.False(rest.Contains("W2T", StringComparison.Ordinal), $"{address[..Math.Min(80, address.Length)]} shows closed text");
        }

        await using var db = await database.OpenAsync();
        Assert.True(db.Items.Any(), "The items table is gone.");
    }
}
