using Dagsorden.Core.CaseNumbers;
using Dagsorden.Core.Forums;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;

namespace Dagsorden.Tests.Items;

public sealed class DraftQueriesTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheQueueListsOnlyTheForumsSubmittedDraftsOldestFirst(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var chefforum = new Forum("CF", "Chefforum");
        var lederforum = new Forum("LF", "Lederforum");
        db.Forums.AddRange(chefforum, lederforum);
        await db.SaveChangesAsync();

        ItemDraft Draft(Forum forum, string title, string? caseNumber = null, bool closed = false) => new(
            forum, "author-1", "Mette Hansen",
            new ItemContent(title, null, null, caseNumber is null ? null : CaseNumber.Parse(caseNumber), closed, false, StandardItems.EmptySections(forum.Template), null, null, [], null));
        var later = Draft(chefforum, "Senere", "83.02.00-P20-1-15", closed: true);
        var earlier = Draft(chefforum, "Tidligere");
        var unsubmitted = Draft(chefforum, "Kladde");
        var otherForum = Draft(lederforum, "Andet forum");
        var placed = Draft(chefforum, "Placeret");
        db.ItemDrafts.AddRange(later, earlier, unsubmitted, otherForum, placed);
        await db.SaveChangesAsync();
        earlier.Submit(new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc));
        later.Submit(new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc));
        otherForum.Submit(new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc));
        placed.Submit(new DateTime(2026, 2, 1, 9, 0, 0, DateTimeKind.Utc));
        placed.MarkPlaced(12345);
        await db.SaveChangesAsync();

        var queue = await DraftQueries.SubmittedAsync(db, chefforum.Id);

        Assert.Equal(
            [
                new QueuedDraft(earlier.Id, "Tidligere", "Mette Hansen", new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc), null, false),
                new QueuedDraft(later.Id, "Senere", "Mette Hansen", new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc), "83.02.00-P20-1-15", true),
            ],
            queue.Select(q => q with { Submitted = DateTime.SpecifyKind(q.Submitted, DateTimeKind.Utc) }));
        Assert.Equal(
            ["Placeret", "Andet forum", "Kladde", "Tidligere", "Senere"],
            (await DraftQueries.ByAuthorAsync(db, "author-1")).Select(d => d.Title));
        Assert.Empty(await DraftQueries.ByAuthorAsync(db, "someone-else"));
    }
}
