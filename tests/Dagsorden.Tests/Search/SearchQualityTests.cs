using Dagsorden.Core.Items;
using Dagsorden.Core.Search;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Dagsorden.Tests.Search.SearchFixtures;

namespace Dagsorden.Tests.Search;

public sealed class SearchQualityTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task InflectedFormsFindEachOther(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        await StoreAsync(db, Meeting("TF", new(2015, 3, 5), Item("Ny telefonpolitik", "Forslag til en politik for mobiltelefoner.")));

        var results = await SearchAsync(db, "telefonpolitikken");

        Assert.Equal(["TF:2015-03-05 1"], Keys(results));
        Assert.Contains(results.Hits[0].TitleParts, p => p.Highlighted && p.Text == "telefonpolitik");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SnippetsMarkTheMatchedWordsInTheBody(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        await StoreAsync(db, Meeting("TF", new(2016, 1, 7), Item("Orientering", "Direktionen drøftede medarbejdersiden på intranettet og dens fremtid.")));

        var hit = Assert.Single((await SearchAsync(db, "medarbejdersider")).Hits);

        Assert.Equal("medarbejdersiden", Assert.Single(hit.Snippet, p => p.Highlighted).Text);
        Assert.Equal("Sagsfremstilling Direktionen drøftede medarbejdersiden på intranettet og dens fremtid.", Highlighter.PlainText(hit.Snippet));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task APhraseNeedsItsWordsTogetherInOrder(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        await StoreAsync(db, Meeting(
            "TF",
            new(2017, 2, 2),
            Item("Netværksstruktur", "Version 3 af netværksstrukturen er klar."),
            Item("Andet", "Strukturen i netværket, version 2, er forældet.")));

        Assert.Equal(["TF:2017-02-02 1"], Keys(await SearchAsync(db, "\"version 3 af netværksstrukturen\"")));
        Assert.Equal(2, (await SearchAsync(db, "version")).Total);
        Assert.Empty((await SearchAsync(db, "\"netværksstrukturen version\"")).Hits);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ATitleMatchRanksAboveAPassingMention(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();

        // The passing mention is in the newer meeting, so date order alone would put it first.
        await StoreAsync(
            db,
            Meeting("TF", new(2016, 5, 1), Item("Budgetopfølgning", "Kort status."), Item("Telefonpolitik", "Politikken for telefoner revideres.")),
            Meeting("TF", new(2017, 5, 1), Item("Eventuelt", "Under eventuelt nævntes kort telefonpolitikken og meget andet om kantinen, ferie og parkering.")));

        var results = await SearchAsync(db, "telefonpolitik");

        Assert.Equal(["TF:2016-05-01 2", "TF:2017-05-01 1"], Keys(results));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryFilterNarrowsTheHits(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        await StoreAsync(
            db,
            Meeting("TF", new(2015, 6, 4), Item("Vejbelysning", "Lygter.", "05.01.00-P20-1-15", DecisionOutcome.Approved)),
            Meeting("TF", new(2016, 6, 2), Item("Vejbelysning igen", "Lygter.", "83.02.00-P20-1-16", DecisionOutcome.Postponed)),
            Meeting("ØU", new(2016, 9, 1), Item("Vejbelysning i ØU", "Lygter.", "83.01.00-A00-3-16", DecisionOutcome.Approved), Item("Lukket belysning", "Lygter.", closed: true)));

        async Task<IReadOnlyList<string>> FindAsync(SearchRequest request) => Keys(await SearchAsync(db, "lygter", request: request));

        Assert.Equal(4, (await SearchAsync(db, "lygter")).Total);
        Assert.Equal(["ØU:2016-09-01 1", "ØU:2016-09-01 2"], (await FindAsync(new() { ForumCode = "øu" })).Order(StringComparer.Ordinal));
        Assert.Equal(["TF:2016-06-02 1"], await FindAsync(new() { From = new(2016, 1, 1), To = new(2016, 6, 30) }));
        Assert.Equal(["TF:2016-06-02 1", "ØU:2016-09-01 1"], (await FindAsync(new() { KleSubject = "83" })).Order(StringComparer.Ordinal));
        Assert.Equal(["TF:2016-06-02 1"], await FindAsync(new() { KleSubject = "83.02" }));
        Assert.Equal(["TF:2016-06-02 1"], await FindAsync(new() { KleSubject = "83.02.00" }));
        Assert.Empty(await FindAsync(new() { KleSubject = "83.02.01" }));
        Assert.Equal(["TF:2016-06-02 1"], await FindAsync(new() { Outcome = DecisionOutcome.Postponed }));
        Assert.Equal(["ØU:2016-09-01 2"], await FindAsync(new() { Closed = true }));
        Assert.Equal(3, (await FindAsync(new() { Closed = false })).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FacetsCountAllHitsByForumOutcomeAndYear(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        await StoreAsync(
            db,
            Meeting("TF", new(2015, 6, 4), Item("Skolereform", "Skole.", outcome: DecisionOutcome.Approved), Item("Skolestart", "Skole.")),
            Meeting("ØU", new(2016, 9, 1), Item("Skoler", "Skolerne.", outcome: DecisionOutcome.Approved)));

        var results = await SearchAsync(db, "skole", request: new() { Limit = 1 });

        Assert.Equal(3, results.Total);
        Assert.Single(results.Hits);
        Assert.Equal([new FacetCount<string>("TF", 2), new FacetCount<string>("ØU", 1)], results.Facets.Forums);
        Assert.Equal([new FacetCount<DecisionOutcome?>(DecisionOutcome.Approved, 2), new FacetCount<DecisionOutcome?>(null, 1)], results.Facets.Outcomes);
        Assert.Equal([new FacetCount<int>(2016, 1), new FacetCount<int>(2015, 2)], results.Facets.Years);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReimportLeavesNoStaleHits(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        await StoreAsync(db, Meeting("TF", new(2016, 3, 3), Item("Kantineordning", "Frugt hver dag."), Item("Parkering", "Nye pladser.")));
        await StoreAsync(db, Meeting("TF", new(2016, 3, 3), Item("Kantineordning", "Grøntsager hver dag.")));

        Assert.Empty((await SearchAsync(db, "frugt")).Hits);
        Assert.Empty((await SearchAsync(db, "parkering")).Hits);
        Assert.Equal(["TF:2016-03-03 1"], Keys(await SearchAsync(db, "grøntsager")));
        Assert.Equal(1, (await SearchAsync(db, "dag")).Total);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RebuildingTheIndexGivesTheSameAnswers(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        await StoreAsync(db, Meeting("TF", new(2016, 3, 3), Item("Kantineordning", "Frugt hver dag."), Item("Parkering", "Nye pladser.")));
        var before = Keys(await SearchAsync(db, "frugt pladser kantine"));

        Assert.Equal(2, await SearchIndexes.RebuildAsync(db));

        Assert.Equal(before, Keys(await SearchAsync(db, "frugt pladser kantine")));
        Assert.Equal(["TF:2016-03-03 1"], Keys(await SearchAsync(db, "frugt")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OpeningADatabaseWithItemsButNoIndexBuildsIt(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = await database.OpenAsync())
        {
            await StoreAsync(db, Meeting("TF", new(2016, 3, 3), Item("Kantineordning", "Frugt hver dag.")));

            // As a database looks that was filled before search existed.
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"SearchBodies\"");
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"SearchDocuments\"");
            Assert.Equal(0, (await SearchAsync(db, "frugt")).Total);
        }

        await using var reopened = await database.OpenAsync();
        Assert.Equal(["TF:2016-03-03 1"], Keys(await SearchAsync(reopened, "frugt")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task QuerySyntaxFromTheUserIsSearchedAsWordsNeverRun(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        await StoreAsync(db, Meeting("TF", new(2016, 3, 3), Item("Kantine og frugt", "Frugt, kaffe og kage.")));

        string[] attempts =
        [
            "NEAR(frugt kaffe)", "NEAR(", "\"", "\"\"\"", "frugt*", "*", "-frugt", "frugt -kage", "frugt OR kaffe", "OR", "AND NOT",
            "title:frugt", "^frugt", "frugt'; DROP TABLE \"Items\"; --", "' OR 1=1 --", "frugt & kaffe | !kage", "frugt:*", "(frugt", "{frugt}", "\\", "%", "_",
            "frugt <-> kaffe", "!!", "'", "\0", new string('a', 5000), string.Join(' ', Enumerable.Repeat("frugt", 100)),
        ];
        foreach (var attempt in attempts)
        {
            var results = await SearchAsync(db, attempt);
            Assert.True(results.Total <= 1, attempt);
        }

        // Operators are plain words: the symbols vanish, the words must all be found.
        Assert.Equal(1, (await SearchAsync(db, "frugt*")).Total);
        Assert.Equal(1, (await SearchAsync(db, "-frugt")).Total);
        Assert.Equal(1, (await SearchAsync(db, "(frugt")).Total);
        Assert.Equal(0, (await SearchAsync(db, "title:frugt")).Total);
        Assert.Equal(0, (await SearchAsync(db, "NEAR(frugt kaffe)")).Total);
        Assert.Equal(0, (await SearchAsync(db, "frugt'; DROP TABLE \"Items\"; --")).Total);
        Assert.Equal(1, (await SearchAsync(db, "kantine")).Total);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AQueryOfOnlyPunctuationFindsNothing(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        await StoreAsync(db, Meeting("TF", new(2016, 3, 3), Item("Kantine", "Frugt.")));

        foreach (var query in new[] { "", "   ", "\"\"", "*", "-", "()", ":-) !?", "«»" })
        {
            Assert.Empty(new SearchRequest { Text = query }.Terms);
            Assert.Equal(0, (await SearchAsync(db, query)).Total);
        }
    }

    [Fact]
    public void BadFilterValuesNameTheirField()
    {
        Assert.Equal("kle", Assert.Throws<SearchRequestException>(() => new SearchRequest { KleSubject = "83%" }.Validate()).Field);
        Assert.Equal("kle", Assert.Throws<SearchRequestException>(() => new SearchRequest { KleSubject = "8" }.Validate()).Field);
        Assert.Equal("to", Assert.Throws<SearchRequestException>(() => new SearchRequest { From = new(2017, 1, 1), To = new(2016, 1, 1) }.Validate()).Field);
        Assert.Equal("limit", Assert.Throws<SearchRequestException>(() => new SearchRequest { Limit = 0 }.Validate()).Field);
        Assert.Equal("forum", Assert.Throws<SearchRequestException>(() => new SearchRequest { ForumCode = "C'F" }.Validate()).Field);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnUnknownForumIsAnError(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        await StoreAsync(db, Meeting("TF", new(2016, 3, 3), Item("Kantine", "Frugt.")));

        var error = await Assert.ThrowsAsync<SearchRequestException>(() => SearchAsync(db, "frugt", request: new() { ForumCode = "XX" }));
        Assert.Equal("forum", error.Field);
    }
}
