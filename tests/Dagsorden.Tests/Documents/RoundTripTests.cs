using Dagsorden.Core.Documents;
using Dagsorden.Core.Import;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;

namespace Dagsorden.Tests.Documents;

/// <summary>Our own documents, in both templates, survive import and export through a real database.</summary>
public sealed class RoundTripTests
{
    public static TheoryData<StorageProvider, string> OwnDocuments()
    {
        var data = new TheoryData<StorageProvider, string>();
        var files = Repository.SampleDocuments()
            .Concat(Directory.GetFiles(Repository.Fixtures, "*.txt"))
            .Select(f => Path.GetRelativePath(Repository.Root, f))
            .ToList();
        foreach (var provider in new[] { StorageProvider.Sqlite, StorageProvider.PostgreSql })
        {
            foreach (var file in files)
                data.Add(provider, file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OwnDocuments))]
    public async Task ExportOfImportReproducesOurOwnDocument(StorageProvider provider, string relativePath)
    {
        var path = Path.Combine(Repository.Root, relativePath);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();

        var result = await new MeetingImporter(db).ImportFileAsync(path);
        var meeting = await db.FindAsync(result.Key);

        Assert.NotNull(meeting);
        MinutesText.AssertSameDocument(await File.ReadAllTextAsync(path), TextDocumentWriter.Write(meeting, DocumentAudience.Internal), relativePath);
    }
}
