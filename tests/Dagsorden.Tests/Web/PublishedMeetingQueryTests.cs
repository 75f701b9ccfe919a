using Dagsorden.Core.CaseNumbers;
using Dagsorden.Core.Import;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Dagsorden.Tests.Web.WorkflowFixture;

namespace Dagsorden.Tests.Web;

/// <summary>PublishedMeetings: the one rule for what of a meeting is published.</summary>
public sealed class PublishedMeetingQueryTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PublishedMeetingIsTheLatestVersionAndAPlannedMeetingIsNone(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var fixture = await SeedAsync(database);
        await using var db = await database.OpenAsync();
        await new MeetingImporter(db).StoreAsync(Builders.Meeting(new DateOnly(2025, 6, 5), Builders.OpenItem("Importeret")));

        var published = await db.FindPublishedAsync(new MeetingKey("TF", Published));
        var planned = await db.FindPublishedAsync(new MeetingKey("TF", Planned));
        var imported = await db.FindPublishedAsync(new MeetingKey("TF", new DateOnly(2025, 6, 5)));
        var live = await new MeetingWorkflow(db).LoadAsync(fixture.PublishedId);

        Assert.Null(planned);
        Assert.NotNull(published);
        Assert.Equal(2, published.Latest?.Number);
        Assert.Equal(MeetingStatus.AgendaPublished, published.Status);
        Assert.Equal(["Godkendelse af dagsorden og referat", "Titel " + ClosedMarker, "Budget", "Tillægspunkt", "Evt."], published.Meeting.Items.Select(i => i.Title));
        Assert.Equal(6, live.Items.Count);
        Assert.Equal(live.Items.Single(i => i.Title.StartsWith("Budget", StringComparison.Ordinal)).Id, published.ItemId(3));
        Assert.Null(published.ItemId(6));

        Assert.NotNull(imported);
        Assert.Null(imported.Latest);
        Assert.Equal("Importeret", Assert.Single(imported.Meeting.Items).Title);
        Assert.Equal(await db.Items.Where(i => i.Title == "Importeret").Select(i => i.Id).SingleAsync(), imported.ItemId(1));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CaseTimelineShowsOnlyPublishedItemsAsPublished(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await using var db = await database.OpenAsync();

        var timeline = await db.TimelineAsync(CaseNumber.Parse(SharedCase));

        // The planned meeting's item and the unpublished new item share the case; neither is told, and Budget keeps its
        // published title. The closed item is there by its KLE subject.
        Assert.All(timeline, e => Assert.Equal(new MeetingKey("TF", Published), e.Meeting));
        Assert.Equal([2, 3], timeline.Select(e => e.Number));
        var entry = Assert.Single(timeline, e => e.SameCase);
        Assert.Equal(new MeetingKey("TF", Published), entry.Meeting);
        Assert.Equal(3, entry.Number);
        Assert.Equal("TF - Budget", entry.FullTitle);
        Assert.True(entry.SameCase);
    }
}
