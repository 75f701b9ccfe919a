using System.Text;
using Dagsorden.Core.Attachments;
using Dagsorden.Core.Import;
using Dagsorden.Core.Items;
using Dagsorden.Core.Meetings;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Esdh;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.CrashSafety;

/// <summary>
/// Nothing is orphaned either way: files whose rows never landed are removed — by the import that
/// wrote them when its commit fails, or by the sweep after a crash — while a file any row still
/// references (an item, a draft, a published version) stays, and so does a file too young to judge.
/// </summary>
public sealed class AttachmentSweepTests
{
    private static AttachmentStore Store(TestDatabase database) => new(Path.Combine(database.Directory, "attachments"));

    private static byte[] Export(string date, string committee, params string[] pdfTexts) => MaliciousInputTests.Zip(
        [("Publication1/Publication1.xml", Encoding.UTF8.GetBytes(MaliciousInputTests.Publication(date, committee))),
         .. pdfTexts.Select((text, i) => ($"Publication1/Enclosures/{i + 1}.pdf", MaliciousInputTests.Pdf(text)))]);

    private static string KeyOf(string pdfText) => AttachmentFileKey(MaliciousInputTests.Pdf(pdfText));

    private static string AttachmentFileKey(byte[] bytes)
    {
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        return $"{sha[..2]}/{sha}.pdf";
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnImportWhoseCommitFailsRemovesTheFilesItWroteButKeepsSharedOnes(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.OpenAsync();
        var importer = new MeetingImporter(db, Store(database));
        var first = Path.Combine(database.Directory, "first.zip");
        await File.WriteAllBytesAsync(first, Export("15-05-2013 16:30:00", "Testudvalget", "fælles bilag", "første"));
        await importer.ImportFileAsync(first, fingerprint: new string('a', 64));

        // The same fingerprint again breaks the unique index at commit, after the files are written.
        var second = Path.Combine(database.Directory, "second.zip");
        await File.WriteAllBytesAsync(second, Export("16-05-2013 16:30:00", "Testudvalget", "fælles bilag", "kun i den fejlede"));
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => importer.ImportFileAsync(second, fingerprint: new string('a', 64)));

        var keys = Store(database).Keys().ToHashSet();
        Assert.Contains(KeyOf("fælles bilag"), keys);
        Assert.Contains(KeyOf("første"), keys);
        Assert.DoesNotContain(KeyOf("kun i den fejlede"), keys);
        Assert.Equal(1, await db.Meetings.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SweepRemovesOnlyOldFilesNoItemDraftOrVersionReferences(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = Store(database);
        await using var db = await database.OpenAsync();
        await new MeetingImporter(db, store).ImportExportAsync(Core.Import.Esdh.ExportPackage.FromZip(Export("15-05-2013 16:30:00", "Testudvalget", "på punktet", "også på punktet"), "m.zip"));
        var meeting = await db.Meetings.Include(m => m.Forum).SingleAsync();

        var inDraft = await store.StoreAsync(MaliciousInputTests.Pdf("i et udkast"), "udkast.pdf", "test");
        var inVersion = await store.StoreAsync(MaliciousInputTests.Pdf("i en udgave"), "udgave.pdf", "test");
        var orphan = await store.StoreAsync(MaliciousInputTests.Pdf("forældreløs"), "x.pdf", "test");
        var young = await store.StoreAsync(MaliciousInputTests.Pdf("lige skrevet"), "y.pdf", "test");
        db.ItemDrafts.Add(new ItemDraft(meeting.Forum, "forfatter-id", "Forfatter", Builders.OpenItem("Udkast", attachments: new AttachmentContent("Bilag", true, inDraft))));
        db.MeetingVersions.Add(new MeetingVersion(meeting.Id, 1, DateTime.UtcNow, "Sekretær", new MeetingSnapshot(
            DocumentKind.Agenda, null, null, null, meeting.Template, [], [new SnapshotItem(1, 1, Builders.OpenItem("Udgivet", attachments: new AttachmentContent("Bilag", true, inVersion)))])));
        await db.SaveChangesAsync();

        var temporary = Path.Combine(store.Root, orphan.StorageKey[..2], $".{Path.GetFileName(orphan.StorageKey)}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllBytesAsync(temporary, [1, 2, 3]);
        var old = DateTime.UtcNow.AddHours(-2);
        foreach (var key in store.Keys().Where(k => k != young.StorageKey))
            File.SetLastWriteTimeUtc(store.PathOf(key), old);
        File.SetLastWriteTimeUtc(temporary, old);

        var result = await new AttachmentSweep(db, store).RunAsync(AttachmentSweep.DefaultGrace);

        Assert.Equal([orphan.StorageKey], result.RemovedKeys);
        Assert.Equal(1, result.RemovedTemporaryFiles);
        Assert.False(File.Exists(temporary));
        Assert.Equal(
            new[] { KeyOf("på punktet"), KeyOf("også på punktet"), inDraft.StorageKey, inVersion.StorageKey, young.StorageKey }.Order(StringComparer.Ordinal),
            store.Keys().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task StoringAFileThatIsAlreadyThereMakesItYoungAgainSoTheSweepSparesIt()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var store = Store(database);
        var file = await store.StoreAsync(MaliciousInputTests.Pdf("genbrugt"), "a.pdf", "test");
        File.SetLastWriteTimeUtc(store.PathOf(file.StorageKey), DateTime.UtcNow.AddHours(-2));

        // An import about to reference the orphan stores it again before its rows commit.
        var again = await store.PutAsync(MaliciousInputTests.Pdf("genbrugt"), "a.pdf", "test");
        await using var db = await database.OpenAsync();
        var result = await new AttachmentSweep(db, store).RunAsync(AttachmentSweep.DefaultGrace);

        Assert.Null(again.WrittenAt);
        Assert.Empty(result.RemovedKeys);
        Assert.True(File.Exists(store.PathOf(file.StorageKey)));
    }

    [Fact]
    public async Task TheSweepCommandReportsWhatItRemovedAndRefusesABadGrace()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var store = new AttachmentStore(Path.Combine(database.Directory, "data", "attachments"));
        var orphan = await store.StoreAsync(MaliciousInputTests.Pdf("forældreløs"), "x.pdf", "test");

        var young = await CliRunner.RunAsync(database.Directory, "attachments", "sweep");
        var now = await CliRunner.RunAsync(database.Directory, "attachments", "sweep", "--grace", "0");
        var bad = await CliRunner.RunAsync(database.Directory, "attachments", "sweep", "--grace", "-5");
        var words = await CliRunner.RunAsync(database.Directory, "attachments", "sweep", "--grace", "en time");
        var unknown = await CliRunner.RunAsync(database.Directory, "attachments", "clean");

        Assert.Equal(0, young.ExitCode);
        Assert.EndsWith("0 unreferenced files removed (0 bytes), 0 temporary files removed, 1 files kept.\n", young.Output, StringComparison.Ordinal);
        Assert.Equal(0, now.ExitCode);
        Assert.StartsWith($"removed {orphan.StorageKey}\n1 unreferenced files removed", now.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(store.PathOf(orphan.StorageKey)));
        Assert.Equal(2, bad.ExitCode);
        Assert.Equal(2, words.ExitCode);
        Assert.Contains("--grace takes a whole number of minutes", words.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("attachments sweep", unknown.Error, StringComparison.Ordinal);
    }
}
