using Dagsorden.Core.Items;
using Dagsorden.Core.Search;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Dagsorden.Tests.Search.SearchFixtures;

namespace Dagsorden.Tests.Search;

public sealed class SearchLeakTests
{
    private const string Marker = "hemmeligzyx";

    // Every word that stands next to the marker in some field of the closed items, and the marker's inflections.
    private static readonly string[] Queries =
    [
        Marker, Marker + "en", Marker + "erne", "\"titel " + Marker + "\"", "titel", "indhold", "overskrift", "tekst", "chefen", "indstiller",
        "beslutning", "bilag", "udtrukket", "fortrolig", "notat", "internt", "afsnit", "punkt", "åbent",
    ];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PublicSearchNeverReturnsClosedItemText(StorageProvider provider)
    {
        await using var withClosed = await TestDatabase.CreateAsync(provider);
        await using var withoutClosed = await TestDatabase.CreateAsync(provider);
        await using var db = await withClosed.OpenAsync();
        await using var reference = await withoutClosed.OpenAsync();
        await StoreAsync(db, Fixture(includeClosed: true));
        await StoreAsync(reference, Fixture(includeClosed: false));

        foreach (var query in Queries)
        {
            var found = await SearchAsync(db, query, SearchAccess.Public);
            var expected = await SearchAsync(reference, query, SearchAccess.Public);

            Assert.All(found.Hits, h => Assert.False(h.IsClosed, query));
            Assert.DoesNotContain(Marker, string.Concat(found.Hits.SelectMany(h => h.Snippet.Concat(h.TitleParts)).Select(p => p.Text)), StringComparison.OrdinalIgnoreCase);
            Assert.Equal(expected.Total, found.Total);
            Assert.Equal(Keys(expected), Keys(found));
            Assert.Equal(expected.Facets.Forums, found.Facets.Forums);
            Assert.Equal(expected.Facets.Outcomes, found.Facets.Outcomes);
            Assert.Equal(expected.Facets.Years, found.Facets.Years);
        }

        Assert.Equal(0, (await SearchAsync(db, Marker, SearchAccess.Public)).Total);
        Assert.Equal(0, (await SearchAsync(db, "fortrolig", SearchAccess.Public)).Total);

        // The fixture really holds the marker, where an administrator finds it in every closed item.
        Assert.Equal(2, (await SearchAsync(db, Marker, SearchAccess.Administrator)).Total);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MembersSeeTheClosedItemsOfTheirOwnForumsOnly(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        await StoreAsync(db, Fixture(includeClosed: true));
        var forums = await db.Forums.ToDictionaryAsync(f => f.Code, f => f.Id);

        var member = await SearchAsync(db, Marker, SearchAccess.Member([forums["TF"]]));
        var other = await SearchAsync(db, Marker, SearchAccess.Member([forums["ØU"]]));
        var unrelated = await SearchAsync(db, Marker, SearchAccess.Member([forums["ØU"] + 1000]));

        Assert.Equal(["TF:2025-06-05 2"], Keys(member));
        Assert.Equal([new FacetCount<string>("TF", 1)], member.Facets.Forums);
        Assert.Contains(member.Hits[0].Snippet, p => p.Highlighted && p.Text.Contains(Marker, StringComparison.Ordinal));
        Assert.Equal(["ØU:2025-06-12 1"], Keys(other));
        Assert.Equal(0, unrelated.Total);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnOpenItemsInternalAttachmentIsNotSearchable(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var open = Item("Åbent punkt") with
        {
            Attachments = [new AttachmentContent("Offentligt bilag", true), new AttachmentContent("Internt notat", false, File("Fortrolig opgørelse"))],
        };
        await StoreAsync(db, Meeting("TF", new(2025, 6, 5), open));

        Assert.Equal(1, (await SearchAsync(db, "offentligt", SearchAccess.Public)).Total);
        Assert.Equal(0, (await SearchAsync(db, "notat", SearchAccess.Public)).Total);
        Assert.Equal(0, (await SearchAsync(db, "opgørelse", SearchAccess.Public)).Total);
    }

    /// <summary>
    /// TF:2025-06-05 with an open item and a closed one, and ØU:2025-06-12 with a closed one; the
    /// closed items carry the marker in every field, extracted attachment text included.
    /// </summary>
    private static Core.Import.ImportedMeeting[] Fixture(bool includeClosed)
    {
        var open = Item("Åbent punkt", "Et afsnit om kantinen.", "00.01.00-A00-1-25", DecisionOutcome.Approved) with
        {
            Attachments = [new AttachmentContent("Offentligt bilag", true), new AttachmentContent("Internt notat", false, File("Fortrolig tekst"))],
        };
        var closedTf = Closed("00.01.00-A00-96-25");
        var closedOu = Closed("00.01.00-A00-97-25");
        return includeClosed
            ? [Meeting("TF", new(2025, 6, 5), open, closedTf), Meeting("ØU", new(2025, 6, 12), closedOu)]
            : [Meeting("TF", new(2025, 6, 5), open), Meeting("ØU", new(2025, 6, 12))];
    }

    private static ItemContent Closed(string caseNumber) => Builders.ClosedItem(Marker, caseNumber) with
    {
        Sections =
        [
            new SectionContent(SectionKind.Text, $"Overskrift {Marker}", Core.Text.RichText.FromParagraphs($"Tekst {Marker}erne fortrolig", $"Punkt om {Marker}en")),
            new SectionContent(SectionKind.Recommendation, "Indstilling", Core.Text.RichText.Empty),
            new SectionContent(SectionKind.Decision, "Beslutning", Core.Text.RichText.Empty),
            new SectionContent(SectionKind.Attachments, "Bilag", Core.Text.RichText.Empty),
        ],
        Attachments = [new AttachmentContent($"Bilag {Marker}", true, File($"Udtrukket {Marker} fortrolig"))],
    };

    private static AttachmentFile File(string text) =>
        new("bilag.pdf", "application/pdf", new string('a', 64), 10, "aa/" + new string('a', 64) + ".pdf", text);
}
