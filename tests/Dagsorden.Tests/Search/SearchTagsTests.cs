using Dagsorden.Core.Items;
using Dagsorden.Core.Search;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using static Dagsorden.Tests.Search.SearchFixtures;

namespace Dagsorden.Tests.Search;

/// <summary>
/// The tag words through which the engines apply filters and access while they walk their matches.
/// They may only narrow: the filters' SQL conditions decide, and the searcher's words never reach them.
/// </summary>
public sealed class SearchTagsTests
{
    [Fact]
    public void ADocumentIsTaggedWithItsForumYearStateOutcomeAndEveryKlePrefix()
    {
        var closed = new SearchDocument(7, 3, 4, new DateOnly(2016, 8, 18), 2, "Titel", "Tekst", isClosed: true, "83.02.00", DecisionOutcome.ApprovedWithRemarks);
        var open = new SearchDocument(8, 3, 4, new DateOnly(2016, 8, 18), 3, "Titel", "Tekst", isClosed: false, null, null);

        Assert.Equal("zzf4 zzy2016 zzclosed zzoapprovedwithremarks zzk83 zzk8302 zzk830200", SearchTags.For(closed));
        Assert.Equal("zzf4 zzy2016", SearchTags.For(open));
    }

    [Fact]
    public void AnIrregularKleSubjectStillCarriesTheTagsOfTheFiltersThatMatchIt()
    {
        // "83.021" is matched by the filters 83 and 83.02 (a prefix in SQL), so it must carry both tags.
        var document = new SearchDocument(7, 3, 4, new DateOnly(2016, 8, 18), 2, "Titel", "Tekst", isClosed: false, "83.021", null);

        Assert.Equal("zzf4 zzy2016 zzk83 zzk8302", SearchTags.For(document));
    }

    [Fact]
    public void AccessExcludesClosedItemsExceptInTheSearchersForums()
    {
        var request = new SearchRequest { Text = "budget" };

        var anonymous = SearchTags.Required(request, SearchAccess.Public, forumId: null);
        var member = SearchTags.Required(request, SearchAccess.Member([5, 2]), forumId: null);
        var administrator = SearchTags.Required(request, SearchAccess.Administrator, forumId: null);

        Assert.Empty(anonymous.Required);
        Assert.True(anonymous.ClosedExcluded);
        Assert.Empty(anonymous.ClosedAllowedIn);
        Assert.True(member.ClosedExcluded);
        Assert.Equal(["zzf2", "zzf5"], member.ClosedAllowedIn);
        Assert.False(administrator.ClosedExcluded);
        Assert.Empty(administrator.Required);
    }

    [Fact]
    public void FiltersBecomeGroupsOfTags()
    {
        var request = new SearchRequest
        {
            Text = "budget",
            From = new DateOnly(2014, 7, 1),
            To = new DateOnly(2016, 2, 1),
            KleSubject = "83.02",
            Outcome = DecisionOutcome.Approved,
            Closed = true,
        };

        var tags = SearchTags.Required(request, SearchAccess.Administrator, forumId: 3);

        Assert.Equal(
            ["zzf3", "zzy2014 zzy2015 zzy2016", "zzk8302", "zzoapproved", "zzclosed"],
            tags.Required.Select(group => string.Join(' ', group)));
        Assert.False(tags.ClosedExcluded);
    }

    [Fact]
    public void OpenEndedOrVeryWideDateRangesAndOnlyOpenItemsAreLeftToSql()
    {
        var from = SearchTags.Required(new SearchRequest { Text = "x", From = new DateOnly(2020, 1, 1) }, SearchAccess.Administrator, null);
        var to = SearchTags.Required(new SearchRequest { Text = "x", To = new DateOnly(2020, 1, 1) }, SearchAccess.Administrator, null);
        var wide = SearchTags.Required(new SearchRequest { Text = "x", From = new DateOnly(1900, 1, 1), To = new DateOnly(2020, 1, 1) }, SearchAccess.Administrator, null);
        var open = SearchTags.Required(new SearchRequest { Text = "x", Closed = false }, SearchAccess.Administrator, null);

        Assert.Empty(from.Required);
        Assert.Empty(to.Required);
        Assert.Empty(wide.Required);
        Assert.Empty(open.Required);
        Assert.True(open.ClosedExcluded);
        Assert.Empty(open.ClosedAllowedIn);
    }

    [Fact]
    public void TheTagsAreExactUnlessADateRangeStartsOrEndsInsideAYear()
    {
        bool Exact(DateOnly? from, DateOnly? to) =>
            SearchTags.Required(new SearchRequest { Text = "x", From = from, To = to, ForumCode = "TF", KleSubject = "83" }, SearchAccess.Member([1]), 1).IsExact;

        Assert.True(Exact(null, null));
        Assert.True(Exact(new(2014, 1, 1), new(2016, 12, 31)));
        Assert.False(Exact(new(2014, 1, 2), new(2016, 12, 31)));
        Assert.False(Exact(new(2014, 1, 1), new(2016, 12, 30)));
        Assert.False(Exact(new(2014, 1, 1), null));
        Assert.False(Exact(null, new(2016, 12, 31)));
        Assert.False(Exact(new(1900, 1, 1), new(2016, 12, 31)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheSearchersWordsNeverMatchTheTags(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        await StoreAsync(
            db,
            Meeting("TF", new(2016, 6, 2), Item("Vejbelysning", "Lygter.", "83.02.00-P20-1-16", DecisionOutcome.Approved), Item("Fortrolig sag", "Lygter og zzyzx-lamper.", closed: true)));
        var forumId = await db.Forums.Where(f => f.Code == "TF").Select(f => f.Id).SingleAsync();

        foreach (var word in new[] { "zzclosed", "zzy2016", $"zzf{forumId}", "zzoapproved", "zzk83", "zzk830200", "zztvejbelysning", "lygter zzclosed", "\"zzk83 zzk8302\"", "{tags} : zzclosed", "tags:zzclosed OR lygter", "- {title body} zzclosed" })
            Assert.Equal(0, (await SearchAsync(db, word, SearchAccess.Administrator)).Total);
        Assert.Equal(2, (await SearchAsync(db, "lygter", SearchAccess.Administrator)).Total);

        // A word of the text that starts like a tag is still found in the text.
        Assert.Equal(["Fortrolig sag"], (await SearchAsync(db, "zzyzx lygter", SearchAccess.Administrator)).Hits.Select(h => h.Title));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FiltersAndAccessTogetherGiveWhatTheColumnsSay(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        await StoreAsync(
            db,
            Meeting("TF", new(2015, 6, 4), Item("Lygter 2015", "Lygter."), Item("Lukket TF 2015", "Lygter.", closed: true)),
            Meeting("TF", new(2016, 9, 1), Item("Lygter 2016", "Lygter."), Item("Lukket TF 2016", "Lygter.", closed: true)),
            Meeting("ØU", new(2016, 3, 3), Item("Lygter ØU", "Lygter."), Item("Lukket ØU", "Lygter.", closed: true)));
        var tf = await db.Forums.Where(f => f.Code == "TF").Select(f => f.Id).SingleAsync();
        var member = SearchAccess.Member([tf]);

        async Task<IReadOnlyList<string>> FindAsync(SearchAccess access, SearchRequest request) =>
            (await SearchAsync(db, "lygter", access, request)).Hits.Select(h => h.Title).Order(StringComparer.Ordinal).ToList();

        // The member sees the closed items of TF only; the public none.
        Assert.Equal(["Lukket TF 2015", "Lukket TF 2016", "Lygter 2015", "Lygter 2016", "Lygter ØU"], await FindAsync(member, new()));
        Assert.Equal(["Lygter 2015", "Lygter 2016", "Lygter ØU"], await FindAsync(SearchAccess.Public, new()));
        Assert.Equal(["Lygter ØU"], await FindAsync(member, new() { ForumCode = "ØU" }));
        Assert.Equal(["Lukket TF 2015", "Lukket TF 2016"], await FindAsync(member, new() { Closed = true }));
        Assert.Empty(await FindAsync(SearchAccess.Public, new() { Closed = true }));

        // Both years' tags let 2015-06-04 and 2016-09-01 through; the dates decide.
        Assert.Equal(["Lygter ØU"], await FindAsync(member, new() { From = new(2015, 7, 1), To = new(2016, 6, 30) }));
        Assert.Equal(["Lukket TF 2016", "Lygter 2016", "Lygter ØU"], await FindAsync(member, new() { From = new(2016, 1, 1) }));

        // Facets of a filtered search count what the columns say as well.
        var facets = (await SearchAsync(db, "lygter", member, new() { From = new(2016, 1, 1), To = new(2016, 12, 31) })).Facets;
        Assert.Equal([new FacetCount<string>("TF", 2), new FacetCount<string>("ØU", 1)], facets.Forums);
    }

    [Fact]
    public async Task AnSqliteIndexFromBeforeTheTagsIsBuiltAgainOnOpen()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using (var db = await database.OpenAsync())
        {
            await StoreAsync(db, Meeting("TF", new(2016, 6, 2), Item("Vejbelysning", "Lygter."), Item("Fortrolig sag", "Lygter.", closed: true)));

            // As the table looked before it had the tags column.
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"SearchFts\"");
            await db.Database.ExecuteSqlRawAsync("CREATE VIRTUAL TABLE \"SearchFts\" USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')");
        }

        await using var reopened = await database.OpenAsync();

        Assert.Equal(["TF:2016-06-02 1"], Keys(await SearchAsync(reopened, "lygter", SearchAccess.Public, new() { ForumCode = "TF" })));
        Assert.Equal(["TF:2016-06-02 2"], Keys(await SearchAsync(reopened, "lygter", SearchAccess.Administrator, new() { Closed = true })));
    }

    [Fact]
    public void SqliteTagsTheTitlesWordsInOrderAndChecksTitleHitsByThem()
    {
        var terms = new SearchRequest { Text = "\"ny telefonpolitik\" budget" }.Terms;

        Assert.Equal("zztny zzttelefonpolitik zztbudget", SqliteSearchIndex.TitleTags("ny telefonpolitik  budget"));
        Assert.Equal("(M) AND {tags} : (\"zztny zzttelefonpolitik\" OR \"zztbudg\")", SqliteSearchIndex.TitleMatchExpression("M", terms));
    }

    [Fact]
    public async Task AnSqliteIndexFromBeforeTheTitleTagsIsBuiltAgainWhenTheDatabaseIsMigrated()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using (var db = await database.OpenAsync())
        {
            await StoreAsync(db, Meeting("TF", new(2016, 6, 2), Item("Vejbelysning", "Lygter i hele byen."), Item("Lygter", "Udskiftning.")));

            // As the database looked before the migration: its index has no title tags.
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" LIKE '%_SearchTitleTags'");
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"SearchFts\"(\"SearchFts\") VALUES ('delete-all')");
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"SearchFts\"(rowid, title, body, tags) SELECT \"ItemId\", lower(\"Title\"), 'lygt', 'zzf1' FROM \"SearchDocuments\"");
        }

        await using var reopened = await database.OpenAsync();
        await reopened.Database.OpenConnectionAsync();
        await using var command = reopened.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"SearchFts\" WHERE \"SearchFts\" MATCH '{tags} : \"zztlygt\"'";

        Assert.Equal(1L, await command.ExecuteScalarAsync());
        Assert.Equal(["TF:2016-06-02 1", "TF:2016-06-02 2"], Keys(await SearchAsync(reopened, "lygter", SearchAccess.Public)).Order());
    }

    [Fact]
    public async Task PostgresSearchSettingsEndWithTheSearchAndStayOutOfACallersTransaction()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.PostgreSql);
        await using var db = await database.OpenAsync();
        await StoreAsync(db, Meeting("TF", new(2016, 6, 2), Item("Vejbelysning", "Lygter.")));
        await db.Database.OpenConnectionAsync();

        Assert.Equal(1, (await SearchAsync(db, "lygter")).Total);
        Assert.Equal("on", await PostgresSettingAsync(db, "enable_seqscan"));

        await using var transaction = await db.Database.BeginTransactionAsync();
        Assert.Equal(1, (await SearchAsync(db, "lygter")).Total);
        Assert.Equal("on", await PostgresSettingAsync(db, "enable_seqscan"));
        Assert.Same(transaction, db.Database.CurrentTransaction);
    }

    [Fact]
    public async Task PostgresSearchInsideACallersTransactionStillReadsOnlyTheIndexAndLeavesTheTransactionUsable()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.PostgreSql);
        await using var db = await database.OpenAsync();
        await StoreAsync(db, Meeting("TF", new(2016, 6, 2), Item("Vejbelysning", "Lygter."), Item("Fortove", "Fliser.")));
        await db.Database.OpenConnectionAsync();

        await using var transaction = await db.Database.BeginTransactionAsync();

        // On a table this small the planner reads everything unless the search's settings hold. The
        // session's statistics not yet reported (reported only outside a transaction, so they hold
        // still within this one) show which scans the search added.
        var before = await ScansAsync(db);
        Assert.Equal(1, (await SearchAsync(db, "lygter")).Total);
        var after = await ScansAsync(db);
        Assert.Equal(before.Sequential, after.Sequential);
        Assert.True(after.Index > before.Index);

        Assert.Equal("on", await PostgresSettingAsync(db, "enable_seqscan"));
        Assert.Equal("on", await PostgresSettingAsync(db, "enable_indexscan"));
        Assert.Same(transaction, db.Database.CurrentTransaction);

        // The caller's transaction goes on: its own write commits.
        await db.Database.ExecuteSqlRawAsync("UPDATE \"Forums\" SET \"Name\" = 'Teknisk forum' WHERE \"Code\" = 'TF'");
        await transaction.CommitAsync();
        Assert.Equal("Teknisk forum", await db.Forums.AsNoTracking().Where(f => f.Code == "TF").Select(f => f.Name).SingleAsync());
    }

    private static async Task<(long Sequential, long Index)> ScansAsync(DagsordenDbContext db)
    {
        await using var scans = db.Database.GetDbConnection().CreateCommand();
        scans.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        scans.CommandText = "SELECT seq_scan, idx_scan FROM pg_stat_xact_user_tables WHERE relname = 'SearchDocuments'";
        await using var reader = await scans.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    [Fact]
    public async Task PostgresSearchThatFailsInsideACallersTransactionLeavesTheTransactionUsable()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.PostgreSql);
        await using var db = await database.OpenAsync();
        await StoreAsync(db, Meeting("TF", new(2016, 6, 2), Item("Vejbelysning", "Lygter.")));

        // Another session holds the documents, so the search gives up after the caller's lock timeout.
        await using var other = await database.OpenAsync();
        await using var blocking = await other.Database.BeginTransactionAsync();
        await other.Database.ExecuteSqlRawAsync("LOCK TABLE \"SearchDocuments\" IN ACCESS EXCLUSIVE MODE");

        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync("SET LOCAL lock_timeout = '200ms'");
        var failure = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => SearchAsync(db, "lygter"));
        Assert.Equal("55P03", failure.SqlState);
        await blocking.RollbackAsync();

        // Without the savepoint PostgreSQL would refuse every further statement of the transaction.
        Assert.Equal("on", await PostgresSettingAsync(db, "enable_seqscan"));
        Assert.Equal(1, (await SearchAsync(db, "lygter")).Total);
        await db.Database.ExecuteSqlRawAsync("UPDATE \"Forums\" SET \"Name\" = 'Teknisk forum' WHERE \"Code\" = 'TF'");
        await transaction.CommitAsync();
        Assert.Equal("Teknisk forum", await db.Forums.AsNoTracking().Where(f => f.Code == "TF").Select(f => f.Name).SingleAsync());
    }
}
