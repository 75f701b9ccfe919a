using Dagsorden.Core.Import;
using Dagsorden.Core.Items;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.Storage;

/// <summary>Created/modified stamps and tombstones, which the OParl API's filters read.</summary>
public sealed class ChangeTrackingTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportStampsObjectsAndReimportRecordsChangesAndDeletions(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        db.Clock = clock;
        var importer = new MeetingImporter(db);
        var first = Builders.Meeting(new DateOnly(2026, 2, 26), Builders.OpenItem("Et"), Builders.OpenItem("To"), Builders.OpenItem("Tre"));
        await importer.StoreAsync(first);
        var firstStamp = clock.GetUtcNow().UtcDateTime;

        clock.Advance(TimeSpan.FromHours(1));
        var second = first with { Items = [(1, first.Items[0].Content), (2, Builders.OpenItem("To, ændret"))] };
        await importer.StoreAsync(second);
        var secondStamp = clock.GetUtcNow().UtcDateTime;

        var stamps = await db.Items.OrderBy(i => i.Number)
            .Select(i => new { i.Number, Created = EF.Property<DateTime>(i, ChangeTracking.Created), Modified = EF.Property<DateTime>(i, ChangeTracking.Modified) })
            .ToListAsync();
        Assert.Equal([1, 2], stamps.Select(s => s.Number));
        Assert.All(stamps, s => Assert.Equal(firstStamp, s.Created));
        Assert.Equal(secondStamp, stamps[1].Modified);
        var deleted = Assert.Single(await db.DeletedRecords.Where(d => d.Type == nameof(AgendaItem)).ToListAsync());
        Assert.Equal(secondStamp, deleted.Deleted);
        Assert.Equal(firstStamp, await db.Forums.Select(f => EF.Property<DateTime>(f, ChangeTracking.Created)).SingleAsync());
    }
}

/// <summary>A clock that moves only when told to.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
