using Dagsorden.Core.Meetings;
using Dagsorden.Core.Search;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using static Dagsorden.Tests.Search.SearchFixtures;
using static Dagsorden.Tests.Web.WorkflowFixture;

namespace Dagsorden.Tests.Search;

/// <summary>Search holds what is published: no planned meeting, and a workflow meeting's latest version, even after a rebuild.</summary>
public sealed class PublishedSearchTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SearchFindsNeitherPlannedMeetingsNorUnpublishedEdits(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var fixture = await SeedAsync(database);
        await using var db = await database.OpenAsync();

        await AssertOnlyPublishedAsync(db);

        // A rebuild reads the stored versions, not the live rows.
        Assert.Equal(5, await SearchIndexes.RebuildAsync(db));
        await AssertOnlyPublishedAsync(db);

        // Publishing makes the edits findable.
        await new MeetingWorkflow(db).PublishAgendaAsync(fixture.PublishedId, "Sekretær");
        Assert.Equal(2, (await SearchAsync(db, EditMarker)).Total);
        Assert.Equal(0, (await SearchAsync(db, PlanMarker)).Total);
        Assert.Equal(6, await SearchIndexes.RebuildAsync(db));
        Assert.Equal(2, (await SearchAsync(db, EditMarker)).Total);
    }

    private static async Task AssertOnlyPublishedAsync(DagsordenDbContext db)
    {
        // Not even the administrator's search, which sees every closed item, finds them: they are not indexed.
        Assert.Equal(0, (await SearchAsync(db, PlanMarker)).Total);
        Assert.Equal(0, (await SearchAsync(db, EditMarker)).Total);
        Assert.Equal(0, (await SearchAsync(db, "plan")).Total);
        var budget = await SearchAsync(db, "budget");
        var hit = Assert.Single(budget.Hits);
        Assert.Equal(3, hit.Number);
        Assert.Equal("Budget", string.Concat(hit.TitleParts.Select(p => p.Text)));
        Assert.Equal(1, (await SearchAsync(db, "budgettet")).Total);
        Assert.Equal(1, (await SearchAsync(db, ClosedMarker, SearchAccess.Administrator)).Total);
        Assert.Equal(0, (await SearchAsync(db, ClosedMarker, SearchAccess.Public)).Total);
    }
}
