using System.Globalization;
using Dagsorden.Core.Search;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using static Dagsorden.Tests.Search.SearchFixtures;

namespace Dagsorden.Tests.Search;

/// <summary>
/// SQLite ranks small results with bm25 whose documents-per-word come from SearchTermCounts
/// instead of a walk over every document of every word (SqliteBm25, ADR 0011). The counts must be
/// FTS5's own, through every way the index changes, and the score bm25's.
/// </summary>
public sealed class SqliteBm25Tests
{
    private static readonly string[] Queries = ["kantinen", "frugt kantinen", "parkering pladser cykler", "budget kantinen frugt", "frugt frugt"];

    [Fact]
    public async Task TheFunctionScoresEveryHitAsFts5sOwnBm25()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenAsync();
        await StoreArchiveAsync(db);

        foreach (var query in Queries)
        {
            var scores = await ScoresAsync(db, query);
            Assert.True(scores.Count >= 2, $"'{query}' should find at least two items, found {scores.Count}");
            Assert.All(scores, s => Assert.Equal(s.Bm25, s.Ours, 12));
            Assert.Contains(scores, s => s.Bm25 != scores[0].Bm25);
        }
    }

    [Fact]
    public async Task TheKeptCountsAreFts5sThroughReimportsRebuildsAndClosedItems()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenAsync();
        await StoreArchiveAsync(db);
        await AssertCountsAreFts5sAsync(db);

        // The same meeting again with other items: its old words go, some for good.
        await StoreAsync(db, Meeting("TF", new(2016, 3, 3), Item("Kantineordning", "Grøntsager hver dag i kantinen."), Item("Lukket sag om kantinen", "Fortroligt udbud.", closed: true)));
        await AssertCountsAreFts5sAsync(db);
        Assert.Null(await KeptCountAsync(db, SearchText.Stems("pæreskrog")));

        Assert.True(await SearchIndexes.RebuildAsync(db) > 0);
        await AssertCountsAreFts5sAsync(db);
    }

    [Fact]
    public async Task OpeningADatabaseWithoutTheCountsCountsWhatIsIndexed()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        Dictionary<string, long> before;
        await using (var db = await database.OpenAsync())
        {
            await StoreArchiveAsync(db);
            before = await KeptCountsAsync(db);
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"SearchTermCounts\"");
        }

        await using (var db = await database.OpenAsync())
        {
            Assert.Equal(before, await KeptCountsAsync(db));
            await AssertCountsAreFts5sAsync(db);
        }
    }

    [Fact]
    public async Task ARolledBackIndexChangeLeavesTheCountsAsTheyWere()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenAsync();
        await StoreArchiveAsync(db);
        var before = await KeptCountsAsync(db);

        // What an import does inside its transaction, then a failure: the index's rows and counts go with it.
        var meeting = await db.Meetings.OrderBy(m => m.Id).FirstAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await SearchIndexes.For(db).AddAsync([new SearchDocument(100_000, meeting.Id, meeting.ForumId, meeting.Date, 9, "Helt nyt emne", "Solceller på taget og kantinen.", false, null, null)]);
            Assert.Equal(1, await KeptCountAsync(db, SearchText.Stems("solceller")));
            Assert.Equal(before[SearchText.Stems("kantinen")] + 1, await KeptCountAsync(db, SearchText.Stems("kantinen")));
            await transaction.RollbackAsync();
        }

        Assert.Equal(before, await KeptCountsAsync(db));
    }

    [Fact]
    public async Task SearchRanksByTheKeptCounts()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenAsync();

        // Each item has both words, one of them twice; "cykler" is in every item, "solceller" in two.
        await StoreAsync(
            db,
            Meeting("TF", new(2015, 5, 1), Item("Punkt a", "Solceller og solceller, og cykler.")),
            Meeting("TF", new(2016, 5, 1), Item("Punkt b", "Solceller og cykler, og cykler.")),
            Meeting("TF", new(2017, 5, 1), Item("Punkt c", "Cykler i kælderen."), Item("Punkt d", "Flere cykler."), Item("Punkt e", "Nye cykler.")));
        var request = new SearchRequest { Text = "solceller cykler" };
        Assert.Equal(["TF:2015-05-01 1", "TF:2016-05-01 1"], Keys(await SearchIndexes.For(db).SearchAsync(request, SearchAccess.Public)));

        // Counts saying the opposite (the rare word common) turn the order around: they are what the ranking reads.
        var (rare, common) = (SearchText.Stems("solceller"), SearchText.Stems("cykler"));
        await db.Database.ExecuteSqlAsync($"UPDATE \"SearchTermCounts\" SET \"Documents\" = CASE \"Term\" WHEN {rare} THEN 5 ELSE 2 END WHERE \"Term\" IN ({rare}, {common})");
        Assert.Equal(["TF:2016-05-01 1", "TF:2015-05-01 1"], Keys(await SearchIndexes.For(db).SearchAsync(request, SearchAccess.Public)));
    }

    [Fact]
    public async Task AWordWithoutAKeptCountIsRankedByFts5sOwnBm25()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenAsync();
        await StoreArchiveAsync(db);
        var expected = (await ScoresAsync(db, "frugt kantinen")).OrderBy(s => s.Bm25).Select(s => (int)s.ItemId).Take(20).ToList();

        await db.Database.ExecuteSqlAsync($"DELETE FROM \"SearchTermCounts\" WHERE \"Term\" = {SearchText.Stems("frugt")}");
        var results = await SearchIndexes.For(db).SearchAsync(new SearchRequest { Text = "frugt kantinen" }, SearchAccess.Administrator);

        Assert.Equal(expected.Count, results.Total);
        Assert.Equal(expected, results.Hits.Select(h => h.ItemId).ToList());
    }

    [Theory]
    [InlineData("dagsorden_bm25(\"SearchFts\")")]
    [InlineData("dagsorden_bm25(\"SearchFts\", 1.0, 1.0)")]
    public async Task TheFunctionRefusesTooFewWeightsWithAMessage(string call)
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenAsync();
        await StoreArchiveAsync(db);
        var connection = await OpenRegisteredAsync(db);

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {call} FROM \"SearchFts\" WHERE \"SearchFts\" MATCH 'kantin'";
        var error = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteScalarAsync());
        Assert.Contains("give a weight for every column", error.Message, StringComparison.Ordinal);
    }

    // Our own small archive: words in titles and bodies, repeated words, closed items, several meetings.
    private static Task StoreArchiveAsync(DagsordenDbContext db) => StoreAsync(
        db,
        Meeting("TF", new(2015, 5, 1), Item("Kantinen", "Frugt i kantinen hver dag, også frugt om fredagen."), Item("Parkering", "Flere pladser til cykler og biler.")),
        Meeting("TF", new(2016, 3, 3), Item("Kantineordning", "Frugt og pæreskrog."), Item("Budget", "Budgettet for kantinen og frugt.", closed: true)),
        Meeting("TF", new(2017, 9, 7), Item("Cykler", "Parkering af cykler: pladser ved kantinen."), Item("Eventuelt", "Kort om frugt, kantinen, parkering, pladser og cykler.")),
        Meeting("ØU", new(2018, 1, 4), Item("Kantinens budget", "Budget for frugt i kantinen."), Item("Lukket: kantinen", "Kantinen og frugt, fortroligt.", closed: true)));

    private static async Task<SqliteConnection> OpenRegisteredAsync(DagsordenDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        Assert.True(SqliteBm25.EnsureRegistered(connection));
        return connection;
    }

    private static async Task<List<(long ItemId, double Bm25, double Ours)>> ScoresAsync(DagsordenDbContext db, string query)
    {
        var terms = new SearchRequest { Text = query }.Terms;
        var stems = terms.Select(t => Assert.Single(t.Stems)).ToList();
        var connection = await OpenRegisteredAsync(db);
        await using var command = connection.CreateCommand();
        var counts = new List<string>();
        for (var i = 0; i < stems.Count; i++)
        {
            command.Parameters.AddWithValue("documents" + i.ToString(CultureInfo.InvariantCulture), await KeptCountAsync(db, stems[i]) ?? 0);
            counts.Add("@documents" + i.ToString(CultureInfo.InvariantCulture));
        }

        command.Parameters.AddWithValue("match", SqliteSearchIndex.MatchExpression(terms, SearchTags.Required(new SearchRequest { Text = query }, SearchAccess.Administrator, null)));
        command.CommandText = $"SELECT rowid, bm25(\"SearchFts\", 10.0, 1.0, 0.0), dagsorden_bm25(\"SearchFts\", 10.0, 1.0, 0.0, {string.Join(", ", counts)}) FROM \"SearchFts\" WHERE \"SearchFts\" MATCH @match";
        var scores = new List<(long, double, double)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            scores.Add((reader.GetInt64(0), reader.GetDouble(1), reader.GetDouble(2)));
        return scores;
    }

    private static async Task<long?> KeptCountAsync(DagsordenDbContext db, string stem) =>
        (await KeptCountsAsync(db)).TryGetValue(stem, out var count) ? count : null;

    private static async Task<Dictionary<string, long>> KeptCountsAsync(DagsordenDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = "SELECT \"Term\", \"Documents\" FROM \"SearchTermCounts\"";
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }

    /// <summary>Every kept count is the number of rows FTS5 finds the stem in (title or body), and every indexed stem has one.</summary>
    private static async Task AssertCountsAreFts5sAsync(DagsordenDbContext db)
    {
        var kept = await KeptCountsAsync(db);
        var indexed = new HashSet<string>(StringComparer.Ordinal);
        await using (var documents = db.Database.GetDbConnection().CreateCommand())
        {
            documents.CommandText = "SELECT d.\"Title\", b.\"Body\" FROM \"SearchDocuments\" d JOIN \"SearchBodies\" b ON b.\"ItemId\" = d.\"ItemId\"";
            await using var reader = await documents.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                indexed.UnionWith((SearchText.Stems(reader.GetString(0)) + " " + SearchText.Stems(reader.GetString(1))).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        Assert.NotEmpty(indexed);
        Assert.Equal(indexed.Order(StringComparer.Ordinal), kept.Keys.Order(StringComparer.Ordinal));
        await using var command = (SqliteCommand)db.Database.GetDbConnection().CreateCommand();
        var match = command.Parameters.AddWithValue("match", "");
        command.CommandText = "SELECT COUNT(*) FROM \"SearchFts\" WHERE \"SearchFts\" MATCH @match";
        foreach (var (stem, count) in kept)
        {
            match.Value = "{title body} : \"" + stem + "\"";
            Assert.True(count == (long)(await command.ExecuteScalarAsync())!, $"the kept count of '{stem}' is {count}, FTS5 finds it in another number of items");
        }
    }
}
