using Dagsorden.Core.Items;
using Dagsorden.Core.Search;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Dagsorden.Tests.Search.SearchFixtures;

namespace Dagsorden.Tests.Search;

/// <summary>
/// What keeps a search fast on a large archive: hits are counted only up to a limit, and above a
/// limit only a bounded set is ranked in full. The limits are lowered here, so a few items show it.
/// </summary>
public sealed class SearchScaleTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AboveTheCountLimitTheTotalSaysMoreThanAndNoFacetsAreGiven(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        await StoreAsync(db, Meeting("TF", new(2016, 5, 1), Budget(5)));

        var results = await Index(db, countLimit: 3).SearchAsync(new SearchRequest { Text = "budgettet" }, SearchAccess.Public);

        Assert.True(results.IsTotalCapped);
        Assert.Equal(3, results.Total);
        Assert.Equal(SearchFacets.Empty, results.Facets);
        Assert.InRange(results.Hits.Count, 3, 5);
        Assert.Equal(results.Hits.Count, results.Hits.Select(h => h.ItemId).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AtTheCountLimitTheTotalAndFacetsAreExact(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        await StoreAsync(db, Meeting("TF", new(2016, 5, 1), Budget(3)));

        var results = await Index(db, countLimit: 3).SearchAsync(new SearchRequest { Text = "budgettet" }, SearchAccess.Public);

        Assert.False(results.IsTotalCapped);
        Assert.Equal(3, results.Total);
        Assert.Equal([new FacetCount<string>("TF", 3)], results.Facets.Forums);
        Assert.Equal([new FacetCount<int>(2016, 3)], results.Facets.Years);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ClosedItemsNeverCountTowardsTheLimit(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();

        // Closed items stored first and last, so an engine that counted before filtering would reach the limit.
        var closed = Enumerable.Range(1, 3).Select(i => Item($"Lukket budget {i}", "Budgettet for en fortrolig sag.", closed: true));
        await StoreAsync(
            db,
            Meeting("TF", new(2015, 5, 1), [.. closed]),
            Meeting("TF", new(2016, 5, 1), Budget(3)),
            Meeting("TF", new(2017, 5, 1), [.. closed]));

        var index = Index(db, countLimit: 3);
        var open = await index.SearchAsync(new SearchRequest { Text = "budgettet" }, SearchAccess.Public);
        var all = await index.SearchAsync(new SearchRequest { Text = "budgettet" }, SearchAccess.Administrator);

        // Exactly what a database without the closed items gives.
        Assert.False(open.IsTotalCapped);
        Assert.Equal(3, open.Total);
        Assert.Equal([new FacetCount<string>("TF", 3)], open.Facets.Forums);
        Assert.Equal([new FacetCount<int>(2016, 3)], open.Facets.Years);
        Assert.All(open.Hits, h => Assert.False(h.IsClosed));
        Assert.True(all.IsTotalCapped);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ADateRangeInsideAYearIsCountedByTheDatesNotTheYear(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        await StoreAsync(
            db,
            Meeting("TF", new(2016, 3, 3), Budget(4)),
            Meeting("TF", new(2016, 9, 1), Budget(1)));
        var index = Index(db, countLimit: 3);

        // The year's tag lets all five through; the range holds one.
        var autumn = await index.SearchAsync(new SearchRequest { Text = "budgettet", From = new(2016, 7, 1), To = new(2016, 12, 31) }, SearchAccess.Public);
        var year = await index.SearchAsync(new SearchRequest { Text = "budgettet", From = new(2016, 1, 1), To = new(2016, 12, 31) }, SearchAccess.Public);

        Assert.False(autumn.IsTotalCapped);
        Assert.Equal(1, autumn.Total);
        Assert.Equal([new FacetCount<int>(2016, 1)], autumn.Facets.Years);
        Assert.True(year.IsTotalCapped);
        Assert.Equal(3, year.Total);
        Assert.Equal(SearchFacets.Empty, year.Facets);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ATitleMatchRanksFirstAlsoAboveTheFullRankLimit(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();

        // The title match is the oldest and first stored item: neither date nor storage order puts it first.
        await StoreAsync(
            db,
            Meeting("TF", new(2015, 5, 1), Item("Telefonpolitik", "Politikken for telefoner revideres.")),
            Meeting("TF", new(2016, 5, 1), Mentions(2)),
            Meeting("TF", new(2017, 5, 1), Mentions(2)),
            Meeting("TF", new(2018, 5, 1), Mentions(2)));

        var results = await Index(db, fullRankLimit: 2).SearchAsync(new SearchRequest { Text = "telefonpolitikken" }, SearchAccess.Public);

        Assert.Equal(7, results.Total);
        Assert.Equal("TF:2015-05-01 1", Keys(results)[0]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PagesAboveTheFullRankLimitShowEveryHitOnce(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        await StoreAsync(
            db,
            Meeting("TF", new(2015, 5, 1), Item("Telefonpolitik", "Politikken for telefoner revideres."), Item("Budget", "Intet om telefoner.")),
            Meeting("TF", new(2016, 5, 1), Mentions(3)),
            Meeting("TF", new(2017, 5, 1), Mentions(3)),
            Meeting("TF", new(2018, 5, 1), Mentions(3)));
        var index = Index(db, fullRankLimit: 2);

        var seen = new List<int>();
        for (var offset = 0; offset < 12; offset += 2)
            seen.AddRange((await index.SearchAsync(new SearchRequest { Text = "telefonpolitikken", Offset = offset, Limit = 2 }, SearchAccess.Public)).Hits.Select(h => h.ItemId));
        var everything = await Index(db).SearchAsync(new SearchRequest { Text = "telefonpolitikken" }, SearchAccess.Public);

        Assert.Equal(10, seen.Count);
        Assert.Equal(everything.Hits.Select(h => h.ItemId).Order(), seen.Order());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PagesAboveTheCountLimitShowEachHitOnceAndNoClosedOne(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        await StoreAsync(
            db,
            Meeting("TF", new(2015, 5, 1), Item("Telefonpolitik", "Politikken for telefoner revideres."), Item("Lukket telefonpolitik", "Fortroligt.", closed: true)),
            Meeting("TF", new(2016, 5, 1), Mentions(4)),
            Meeting("TF", new(2017, 5, 1), [.. Mentions(4), Item("Telefonpolitikken, lukket del", "Fortroligt.", closed: true)]));
        var index = Index(db, countLimit: 3, fullRankLimit: 2);

        var seen = new List<SearchHit>();
        for (var offset = 0; offset < 14; offset += 2)
            seen.AddRange((await index.SearchAsync(new SearchRequest { Text = "telefonpolitikken", Offset = offset, Limit = 2 }, SearchAccess.Public)).Hits);

        // SQLite pages through every hit; PostgreSQL ranks (and pages through) the hits it counted.
        Assert.Equal(provider == StorageProvider.Sqlite ? 9 : 4, seen.Count);
        Assert.Equal(seen.Count, seen.Select(h => h.ItemId).Distinct().Count());
        Assert.All(seen, h => Assert.False(h.IsClosed));
    }

    [Fact]
    public async Task PostgresCountsALargeResultNewestYearFirst()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.PostgreSql);
        await using var db = await database.OpenAsync();
        await StoreAsync(
            db,
            Meeting("TF", new(2015, 5, 1), Mentions(4)),
            Meeting("TF", new(2016, 5, 1), Mentions(4)),
            Meeting("TF", new(2017, 5, 1), Mentions(4)));
        var request = new SearchRequest { Text = "telefonpolitikken" };

        var (sliced, whole) = await SlicedAndWholeAsync(db, request, countLimit: 3);

        // Read by year, the newest year alone fills the count; read whole, the heap's order (oldest stored first) decides.
        Assert.True(sliced.IsTotalCapped);
        Assert.Equal(3, sliced.Total);
        Assert.All(sliced.Hits, h => Assert.Equal(new DateOnly(2017, 5, 1), h.Meeting.Date));
        Assert.Contains(whole.Hits, h => h.Meeting.Date.Year < 2017);
    }

    [Fact]
    public async Task PostgresWidensItsYearSlicesByTheHitsSoFarAndKeepsTheNewestYears()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.PostgreSql);
        await using var db = await database.OpenAsync();
        await StoreAsync(
            db,
            Meeting("TF", new(2010, 5, 1), Mentions(4)),
            Meeting("TF", new(2015, 5, 1), Mentions(1)),
            Meeting("TF", new(2016, 5, 1), Mentions(1)),
            Meeting("TF", new(2017, 5, 1), Mentions(1)));
        var request = new SearchRequest { Text = "telefonpolitikken" };

        // 2017 alone (one hit), then 2013-2016 (two), 2011-2012 (none), 2010 (one of its four is enough).
        var (sliced, whole) = await SlicedAndWholeAsync(db, request, countLimit: 3);

        Assert.True(sliced.IsTotalCapped);
        Assert.Equal([2017, 2016, 2015, 2010], sliced.Hits.Select(h => h.Meeting.Date.Year));
        Assert.All(whole.Hits, h => Assert.Equal(2010, h.Meeting.Date.Year));
    }

    [Fact]
    public async Task PostgresCountByYearIsExactBelowTheLimitFromTheFirstYearToTheLast()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.PostgreSql);
        await using var db = await database.OpenAsync();
        await StoreAsync(
            db,
            Meeting("TF", new(1999, 5, 1), Mentions(1)),
            Meeting("TF", new(2015, 5, 1), [.. Mentions(2), Item("Lukket telefonpolitik", "Telefonpolitikken, fortroligt.", closed: true)]),
            Meeting("TF", new(2016, 5, 1), Mentions(2)),
            Meeting("TF", new(2040, 5, 1), Mentions(1)));
        // Three words and the slices' parameters make five, from which Npgsql looks parameters up by
        // name through a dictionary that removing one left wrong.
        var request = new SearchRequest { Text = "telefonpolitikken kantinen nævnt" };

        // 2040 is read first; its one hit says the other years cannot fill the count, so they are read in one more pass.
        var (sliced, whole) = await SlicedAndWholeAsync(db, request);

        Assert.False(sliced.IsTotalCapped);
        Assert.Equal(6, sliced.Total);
        Assert.Equal([new FacetCount<int>(2040, 1), new FacetCount<int>(2016, 2), new FacetCount<int>(2015, 2), new FacetCount<int>(1999, 1)], sliced.Facets.Years);
        Assert.Equal(whole.Facets.Years, sliced.Facets.Years);
        Assert.Equal(whole.Facets.Forums, sliced.Facets.Forums);
        Assert.Equal(whole.Hits.Select(h => h.ItemId), sliced.Hits.Select(h => h.ItemId));
        Assert.All(sliced.Hits, h => Assert.False(h.IsClosed));
    }

    /// <summary>The same public search on PostgreSQL counted by years (whatever the planner expects) and read whole.</summary>
    private static async Task<(SearchResults Sliced, SearchResults Whole)> SlicedAndWholeAsync(DagsordenDbContext db, SearchRequest request, int countLimit = SearchResults.CountLimit) => (
        await new PostgresSearchIndex(db) { CountLimit = countLimit, SliceAbove = 0 }.SearchAsync(request, SearchAccess.Public),
        await new PostgresSearchIndex(db) { CountLimit = countLimit }.SearchAsync(request, SearchAccess.Public));

    [Fact]
    public async Task PostgresCountByYearLeavesTheIndexScanSettingAsItWas()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.PostgreSql);
        await using var db = await database.OpenAsync();
        await StoreAsync(db, Meeting("TF", new(2016, 5, 1), Mentions(2)));
        await db.Database.OpenConnectionAsync();
        var index = new PostgresSearchIndex(db) { SliceAbove = 0 };

        // Inside a caller's transaction the search's own settings are not applied, and the year
        // range's index scan must not change the caller's.
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_indexscan = off");
        Assert.Equal(2, (await index.SearchAsync(new SearchRequest { Text = "telefonpolitikken" }, SearchAccess.Public)).Total);
        Assert.Equal("off", await PostgresSettingAsync(db, "enable_indexscan"));
    }

    [Fact]
    public async Task SqliteRanksAFilteredSearchByTitleThenNewestAndAnUnfilteredOneByBm25()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenAsync();
        await StoreAsync(
            db,
            Meeting("TF", new(2015, 5, 1), Item("Telefonpolitik", "Politikken for telefoner revideres.")),
            Meeting("TF", new(2016, 5, 1), Item("Kantinen", "Telefonpolitikken, telefonpolitikken og atter telefonpolitikken.")),
            Meeting("TF", new(2017, 5, 1), Item("Eventuelt", "Kort nævnt: telefonpolitikken og meget andet om kantinen, parkering og cykler.")));
        var index = Index(db);

        var unfiltered = Keys(await index.SearchAsync(new SearchRequest { Text = "telefonpolitikken" }, SearchAccess.Public));
        var filtered = Keys(await index.SearchAsync(new SearchRequest { Text = "telefonpolitikken", ForumCode = "TF" }, SearchAccess.Public));

        // bm25 puts the item that says it three times before the passing mention; the filtered list is newest first after the title hit.
        Assert.Equal(["TF:2015-05-01 1", "TF:2016-05-01 1", "TF:2017-05-01 1"], unfiltered);
        Assert.Equal(["TF:2015-05-01 1", "TF:2017-05-01 1", "TF:2016-05-01 1"], filtered);
    }

    [Fact]
    public async Task SqliteTellsTitleHitsFromTheCountAsTheTitleTagsDo()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenAsync();

        // Capital letters outside a-z, a word that only contains the stem, an inflected title word,
        // and a phrase whose words stand in the title in the other order.
        await StoreAsync(
            db,
            Meeting("TF", new(2015, 5, 1), Item("Ny ÆLDREPOLITIK", "Udkast til ældrepolitik.")),
            Meeting("TF", new(2016, 5, 1), Item("Sundhedsplan", "Ældrepolitikken nævnes kort.")),
            Meeting("TF", new(2017, 5, 1), Item("Forældrepolitik i skolerne", "Se også ældrepolitikken.")),
            Meeting("TF", new(2018, 5, 1), Item("Ældrepolitikkens høring", "Høring om ældrepolitik.")),
            Meeting("TF", new(2019, 5, 1), Item("Ældrepolitik, ny udgave", "En ny ældrepolitik."), Item("Lukket ældrepolitik", "Ny ældrepolitik.", closed: true)));

        async Task<IReadOnlyList<string>> RankAsync(SearchRequest request)
        {
            // Ranked from the count, and (a count capped just below the total) by the title tags in the index.
            var counted = await new SqliteSearchIndex(db) { FullRankLimit = 0 }.SearchAsync(request, SearchAccess.Public);
            var capped = await new SqliteSearchIndex(db) { FullRankLimit = counted.Total - 1, CountLimit = counted.Total - 1 }.SearchAsync(request, SearchAccess.Public);
            Assert.True(capped.IsTotalCapped);
            Assert.Equal(Keys(counted), Keys(capped));
            return Keys(counted);
        }

        List<string> word = ["TF:2019-05-01 1", "TF:2018-05-01 1", "TF:2015-05-01 1", "TF:2017-05-01 1", "TF:2016-05-01 1"];
        Assert.Equal(word, await RankAsync(new SearchRequest { Text = "ældrepolitikken" }));
        Assert.Equal(word, await RankAsync(new SearchRequest { Text = "ældrepolitikken", ForumCode = "TF" }));
        Assert.Equal(["TF:2015-05-01 1", "TF:2019-05-01 1"], await RankAsync(new SearchRequest { Text = "\"ny ældrepolitik\"" }));
    }

    [Fact]
    public async Task SqliteSearchesReadTheFileThroughMemoryMapping()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = await database.OpenAsync();
        await StoreAsync(db, Meeting("TF", new(2016, 5, 1), Budget(2)));
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA mmap_size";
        Assert.Equal(0L, await command.ExecuteScalarAsync());

        Assert.Equal(2, (await Index(db).SearchAsync(new SearchRequest { Text = "budgettet" }, SearchAccess.Public)).Total);

        Assert.True((long)(await command.ExecuteScalarAsync())! >= 1L << 30);
    }

    private static ISearchIndex Index(DagsordenDbContext db, int countLimit = SearchResults.CountLimit, int fullRankLimit = 1000) => db.Provider switch
    {
        StorageProvider.Sqlite => new SqliteSearchIndex(db) { CountLimit = countLimit, FullRankLimit = fullRankLimit },
        _ => new PostgresSearchIndex(db) { CountLimit = countLimit, FullRankLimit = fullRankLimit },
    };

    private static ItemContent[] Budget(int count) =>
        Enumerable.Range(1, count).Select(i => Item($"Budget {i}", "Budgettet for næste år.", outcome: DecisionOutcome.Approved)).ToArray();

    private static ItemContent[] Mentions(int count) =>
        Enumerable.Range(1, count).Select(i => Item($"Eventuelt {i}", "Kort nævnt: telefonpolitikken og meget andet om kantinen.")).ToArray();
}
