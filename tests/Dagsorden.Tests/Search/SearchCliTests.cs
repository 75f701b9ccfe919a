using Dagsorden.Core.Items;
using Dagsorden.Core.Search;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Dagsorden.Tests.Search.SearchFixtures;

namespace Dagsorden.Tests.Search;

public sealed class SearchCliTests
{
    [Fact]
    public async Task SearchPrintsRankedHitsWithSnippets()
    {
        await using var database = await SeededAsync();

        var run = await CliRunner.RunAsync(database.Directory, "search", "telefonpolitikken");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("TF:2016-05-01 punkt 1: Telefonpolitik", lines[0]);
        Assert.StartsWith("    ", lines[1], StringComparison.Ordinal);
        Assert.Contains("mobiltelefoner", lines[1], StringComparison.Ordinal);
        Assert.Equal("TF:2017-05-01 punkt 1: Eventuelt", lines[2]);
        Assert.Contains("2 of 2 hits", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutPublicTheCliSeesClosedItemsAndWithPublicItDoesNot()
    {
        await using var database = await SeededAsync();

        var admin = await CliRunner.RunAsync(database.Directory, "search", "fortrolig");
        var anonymous = await CliRunner.RunAsync(database.Directory, "search", "fortrolig", "--public");

        Assert.Contains("TF:2017-05-01 punkt 2 (closed): Personalesag", admin.Output, StringComparison.Ordinal);
        Assert.Equal("", anonymous.Output);
        Assert.Contains("0 of 0 hits (public)", anonymous.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiltersNarrowTheHits()
    {
        await using var database = await SeededAsync();

        var run = await CliRunner.RunAsync(
            database.Directory, "search", "telefonpolitik", "--forum", "tf", "--from", "2016-01-01", "--to", "2016-12-31", "--kle", "83.02", "--outcome", "approved", "--open", "--limit", "5");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["TF:2016-05-01 punkt 1: Telefonpolitik"], run.Output.Split('\n').Where(l => l.StartsWith("TF", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ReindexRebuildsTheIndex()
    {
        await using var database = await SeededAsync();

        var run = await CliRunner.RunAsync(database.Directory, "search", "--reindex");
        var after = await CliRunner.RunAsync(database.Directory, "search", "telefonpolitik");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Rebuilt the search index: 3 items.", run.Output.Trim());
        Assert.Contains("2 of 2 hits", after.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--from", "2016-13-01", "--from '2016-13-01' is not a date of the form YYYY-MM-DD.")]
    [InlineData("--to", "01-05-2016", "--to '01-05-2016' is not a date of the form YYYY-MM-DD.")]
    [InlineData("--kle", "83%", "--kle: The KLE subject '83%' is not of the form 83, 83.02 or 83.02.00.")]
    [InlineData("--outcome", "maybe", "--outcome 'maybe' is not one of")]
    [InlineData("--limit", "ten", "--limit 'ten' is not a whole number.")]
    [InlineData("--limit", "0", "--limit: The limit must be between 1 and 200; got 0.")]
    [InlineData("--forum", "XX", "--forum: No forum has the code 'XX'.")]
    public async Task BadParameterValuesAreUsageErrors(string option, string value, string message)
    {
        await using var database = await SeededAsync();

        var run = await CliRunner.RunAsync(database.Directory, "search", "telefonpolitik", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Theory]
    [InlineData("***", "the query '***' has no words to search for.")]
    [InlineData("NEAR(", "")]
    public async Task QueriesWithoutWordsOrWithOperatorsNeverCrash(string query, string message)
    {
        await using var database = await SeededAsync();

        var run = await CliRunner.RunAsync(database.Directory, "search", query);

        if (message.Length > 0)
        {
            Assert.Equal(2, run.ExitCode);
            Assert.Contains(message, run.Error, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("0 of 0 hits", run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UsageDescribesSearch()
    {
        var run = await CliRunner.RunAsync(Path.GetTempPath(), "help");

        Assert.Contains("search \"QUERY\" [--public]", run.Output, StringComparison.Ordinal);
        Assert.Contains("search --reindex", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AboveTenThousandHitsTheCliSaysMoreThan()
    {
        await using var database = await SeededAsync();
        await using (var db = await database.OpenAsync())
        {
            // Documents straight into the index: ten thousand imported items would make a slow test.
            var meeting = await db.Meetings.AsNoTracking().OrderBy(m => m.Id).FirstAsync();
            var documents = Enumerable.Range(0, SearchResults.CountLimit + 1)
                .Select(i => new SearchDocument(1_000_000 + i, meeting.Id, meeting.ForumId, meeting.Date, 100 + i, "Vejplan", "Vejene i kommunen.", false, null, null))
                .ToList();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await SearchIndexes.For(db).AddAsync(documents);
            await transaction.CommitAsync();
        }

        var run = await CliRunner.RunAsync(database.Directory, "search", "vejene", "--public");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("20 of more than 10000 hits (mere end 10.000 resultater) (public).", run.Error, StringComparison.Ordinal);
    }

    private static async Task<TestDatabase> SeededAsync()
    {
        var database = await TestDatabase.CreateAsync(Core.Storage.StorageProvider.Sqlite);
        await using var db = await database.OpenAsync();
        await StoreAsync(
            db,
            Meeting("TF", new(2016, 5, 1), Item("Telefonpolitik", "Politik for mobiltelefoner.", "83.02.00-P20-1-16", DecisionOutcome.Approved)),
            Meeting("TF", new(2017, 5, 1), Item("Eventuelt", "Kort nævnt: telefonpolitikken."), Item("Personalesag", "Fortrolig sag.", closed: true)));
        return database;
    }
}
