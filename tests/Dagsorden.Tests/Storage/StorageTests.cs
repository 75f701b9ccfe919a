using Dagsorden.Core;
using Dagsorden.Core.Import;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Core.Text;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.Storage;

/// <summary>Storage behaviour that must hold on SQLite and on PostgreSQL alike.</summary>
public sealed class StorageTests
{
    private static string Fixture => Path.Combine(Repository.Fixtures, "lederforum-dagsorden.txt");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CommittedMigrationsMatchTheModel(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changed since the last migration: run tools/Dagsorden.Migrations.");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Contains(await db.Database.GetAppliedMigrationsAsync(), m => m.EndsWith("_InitialSchema", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReimportUpdatesTheMeetingInPlaceWithoutDuplicates(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var importer = new MeetingImporter(db);
        var first = await importer.ImportFileAsync(Fixture);
        var idsBefore = await db.Items.OrderBy(i => i.Number).Select(i => i.Id).ToListAsync();

        var changed = Path.Combine(database.Directory, "changed.txt");
        await File.WriteAllTextAsync(changed, (await File.ReadAllTextAsync(Fixture)).Replace("Cykelparkering ved skolerne", "Cykelparkering ved alle skoler", StringComparison.Ordinal));
        var second = await importer.ImportFileAsync(changed);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Key, second.Key);
        Assert.Equal(1, await db.Meetings.CountAsync());
        Assert.Equal(1, await db.Forums.CountAsync());
        Assert.Equal(idsBefore, await db.Items.OrderBy(i => i.Number).Select(i => i.Id).ToListAsync());
        var meeting = await db.FindAsync(second.Key);
        Assert.Equal("Cykelparkering ved alle skoler", meeting!.Items[1].Title);
        Assert.Equal(1, await db.Attachments.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RichTextAndItemPartsSurviveTheDatabase(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var parsed = MinutesTextParser.Parse(await File.ReadAllTextAsync(Fixture), "fixture");

        var (key, _) = await new MeetingImporter(db).StoreAsync(parsed);
        var stored = await db.FindAsync(key);

        Assert.NotNull(stored);
        foreach (var (number, expected) in parsed.Items)
        {
            var actual = stored.Items.Single(i => i.Number == number).Content;
            Assert.Equal(expected.FullTitleOrEmpty(), actual.FullTitleOrEmpty());
            Assert.Equal(expected.CaseNumber, actual.CaseNumber);
            Assert.Equal(expected.IsClosed, actual.IsClosed);
            Assert.Equal(expected.IsToFollow, actual.IsToFollow);
            Assert.Equal(expected.MinutesApproval, actual.MinutesApproval);
            Assert.Equal(expected.Sections.Select(s => (s.Kind, s.Heading, RichTextFormat.Render(s.Body).Count)), actual.Sections.Select(s => (s.Kind, s.Heading, RichTextFormat.Render(s.Body).Count)));
            Assert.Equal(expected.Sections.Select(s => s.Body), actual.Sections.Select(s => s.Body));
            Assert.Equal(expected.Recommendation?.ToBody(), actual.Recommendation?.ToBody());
            Assert.Equal(expected.Attachments, actual.Attachments);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AFailedImportWritesNothingNotEvenItsForum(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var item = Builders.OpenItem("Et punkt");
        var duplicateNumbers = Builders.Meeting(new DateOnly(2025, 1, 9), item) with { Items = [(1, item), (1, item)] };

        var error = await Assert.ThrowsAsync<DomainException>(() => new MeetingImporter(db).StoreAsync(duplicateNumbers));

        Assert.Contains("Item number 1 occurs more than once", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.Forums.CountAsync());
        Assert.Equal(0, await db.Meetings.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OverlongTitleIsRejectedTheSameWayOnEveryProvider(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var meeting = Builders.Meeting(new DateOnly(2025, 1, 9), Builders.OpenItem(new string('x', Limits.Title + 1)));

        var error = await Assert.ThrowsAsync<DomainException>(() => new MeetingImporter(db).StoreAsync(meeting));

        Assert.Contains("item title is 1001 characters long", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.Meetings.CountAsync());
    }
}

internal static class ItemContentExtensions
{
    public static string FullTitleOrEmpty(this ItemContent content) => ItemTitle.Compose(content.ForumPrefix, content.Title);
}
