using Dagsorden.Core.Documents;
using Dagsorden.Core.Import;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;

namespace Dagsorden.Tests.Documents;

/// <summary>Leak tests: closed content must never appear in the public text document.</summary>
public sealed class PublicVersionTests
{
    private const string Marker = "HEMMELIG-7Q3";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PublicTextShowsClosedItemOnlyAsLukketWithCaseNumber(StorageProvider provider)
    {
        var meeting = await StoreAndLoadAsync(provider);

        var document = TextDocumentWriter.Write(meeting, DocumentAudience.Public);

        Assert.DoesNotContain(Marker, document, StringComparison.Ordinal);
        Assert.Contains("Punkt 2: Lukket\n\n00.01.00-A00-96-25\n", document, StringComparison.Ordinal);
        Assert.Contains("\nLukket.....\n", document, StringComparison.Ordinal);
        Assert.DoesNotContain("Internt notat", document, StringComparison.Ordinal);
        Assert.Contains("Offentligt bilag", document, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task InternalTextIsCompleteForMembers(StorageProvider provider)
    {
        var meeting = await StoreAndLoadAsync(provider);

        var document = TextDocumentWriter.Write(meeting, DocumentAudience.Internal);

        foreach (var part in new[] { "Titel", "Indhold", "Overskrift", "Tekst", "Chefen for", "Beslutning", "Bilag" })
            Assert.Contains($"{part} {Marker}", document, StringComparison.Ordinal);
        Assert.Contains("Internt notat", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AttachmentsOfAClosedItemAreNeverPublic()
    {
        var meeting = await StoreAndLoadAsync(StorageProvider.Sqlite);

        var closed = meeting.Items.Single(i => i.IsClosed);

        Assert.All(closed.Attachments, a => Assert.False(a.IsPublic));
    }

    private static async Task<Meeting> StoreAndLoadAsync(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var (key, _) = await new MeetingImporter(db).StoreAsync(Builders.MeetingWithClosedItem(Marker));
        return await db.FindAsync(key) ?? throw new InvalidOperationException("Stored meeting not found.");
    }
}
