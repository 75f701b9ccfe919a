using System.Text;
using Dagsorden.Core;
using Dagsorden.Core.Backup;
using Dagsorden.Core.Import;
using Dagsorden.Core.Storage;
using Dagsorden.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static Dagsorden.Tests.Backup.BackupTestSupport;

namespace Dagsorden.Tests.Backup;

/// <summary>
/// backup and restore: a restore onto a fresh database and attachment folder gives byte-identical
/// documents and files, a backup taken while another connection writes is one consistent moment, and
/// a damaged, altered or foreign archive is refused before anything is replaced.
/// </summary>
public sealed class BackupRestoreTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RestoreOntoAFreshMachineGivesByteIdenticalDocumentsAndFiles(StorageProvider provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await SeedAsync(source);
        var archive = Path.Combine(source.Directory, "backup.tar.gz");

        var backup = await BackupWriter.WriteAsync(source.Options, Store(source), archive);

        await using var fresh = await TestDatabase.CreateAsync(provider);
        var restored = await BackupRestorer.RestoreAsync(archive, fresh.Options, Store(fresh), force: false);

        var expected = await ExportsAsync(source);
        var actual = await ExportsAsync(fresh);
        Assert.Equal(5, restored.Meetings);
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (name, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), $"{name} differs after the restore");

        var files = Files(Store(source));
        Assert.Equal(3, files.Count);
        Assert.Equal(3, backup.AttachmentFiles);
        Assert.Equal(files.Keys, Files(Store(fresh)).Keys);
        foreach (var (key, bytes) in files)
            Assert.Equal(bytes, Files(Store(fresh))[key]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BackupWhileAnotherConnectionWritesHoldsWholeMeetingsOnly(StorageProvider provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await SeedAsync(source);
        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(async () =>
        {
            await using var db = await source.OpenAsync();
            var importer = new MeetingImporter(db, Store(source));
            for (var day = 0; !stop.IsCancellationRequested && day < 300; day++)
            {
                var items = Enumerable.Range(1, 6).Select(n => Builders.OpenItem($"Punkt {n} af dag {day}", body: $"Tekst {n}")).ToArray();
                await importer.StoreAsync(Builders.Meeting(new DateOnly(2030, 1, 1).AddDays(day), items));
                written++;
            }
        });

        var archives = new List<string>();
        while (written < 3)
            await Task.Delay(20);
        for (var i = 0; i < 3; i++)
        {
            var archive = Path.Combine(source.Directory, $"live-{i}.tar.gz");
            await BackupWriter.WriteAsync(source.Options, Store(source), archive);
            archives.Add(archive);
        }

        await stop.CancelAsync();
        await writer;

        foreach (var archive in archives)
        {
            await using var fresh = await TestDatabase.CreateAsync(provider);
            await BackupRestorer.RestoreAsync(archive, fresh.Options, Store(fresh), force: false);
            await using var db = await fresh.OpenAsync();
            var itemCounts = await db.Meetings.Where(m => m.Forum.Code == "TF" && m.Date.Year == 2030).Select(m => m.Items.Count).ToListAsync();
            Assert.All(itemCounts, count => Assert.Equal(6, count));
            var searchRows = await db.SearchDocuments.CountAsync();
            Assert.Equal(await db.Items.CountAsync(), searchRows);
        }
    }

    /// <summary>
    /// SQLite can refuse a reader for a moment even in WAL mode (a writer holding the file, a
    /// checkpoint resetting the log); a backup waits for the lock as a command does instead of failing.
    /// </summary>
    [Fact]
    public async Task ASqliteBackupWaitsForALockedDatabaseInsteadOfFailing()
    {
        await using var source = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await SeedAsync(source);
        var archive = Path.Combine(source.Directory, "backup.tar.gz");

        // A connection in exclusive locking mode keeps the file locked after its write until it
        // closes (once the pooled connections of the seeding have let go): a reader that does not wait is refused.
        SqliteConnection Connect(int timeout) =>
            new(new SqliteConnectionStringBuilder(source.Options.ConnectionString) { Pooling = false, DefaultTimeout = timeout }.ConnectionString);
        using (var pooled = new SqliteConnection(source.Options.ConnectionString))
            SqliteConnection.ClearPool(pooled);
        await using var holder = Connect(30);
        await holder.OpenAsync();
        await using (var lockIt = holder.CreateCommand())
        {
            lockIt.CommandText = "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE \"Forums\" SET \"Name\" = \"Name\"; COMMIT;";
            await lockIt.ExecuteNonQueryAsync();
        }

        await using (var impatient = Connect(1))
        {
            await impatient.OpenAsync();
            await using var read = impatient.CreateCommand();
            read.CommandText = "SELECT COUNT(*) FROM \"Forums\"";
            var refused = await Assert.ThrowsAsync<SqliteException>(() => read.ExecuteScalarAsync());
            Assert.Equal(5, refused.SqliteErrorCode);
        }

        var backup = Task.Run(() => BackupWriter.WriteAsync(source.Options, Store(source), archive));
        await Task.Delay(1000);
        Assert.False(backup.IsCompleted, $"the backup should wait while the file is locked ({backup.Exception?.InnerException?.Message})");
        await holder.DisposeAsync();
        await backup;

        await using var target = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await BackupRestorer.RestoreAsync(archive, target.Options, Store(target), force: false);
        Assert.Equal(await ExportsAsync(source), await ExportsAsync(target));
    }

    [Fact]
    public async Task RestoreRefusesATargetWithDataUnlessForcedAndForceReplacesIt()
    {
        await using var source = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await SeedAsync(source);
        var archive = Path.Combine(source.Directory, "backup.tar.gz");
        await BackupWriter.WriteAsync(source.Options, Store(source), archive);

        await using var target = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using (var db = await target.OpenAsync())
            await new MeetingImporter(db, Store(target)).ImportExportAsync(ExportPackage("andet.zip", Esdh.MaliciousInputTests.Zip(
                ("Publication1/Publication1.xml", Encoding.UTF8.GetBytes(Esdh.MaliciousInputTests.Publication("01-02-2019 10:00:00", "Andet udvalg"))),
                ("Publication1/Enclosures/1.pdf", Esdh.MaliciousInputTests.Pdf("kun i målet")),
                ("Publication1/Enclosures/2.pdf", Esdh.MaliciousInputTests.Pdf("også kun i målet")))));
        var before = Files(Store(target));

        var refused = await Assert.ThrowsAsync<DomainException>(() => BackupRestorer.RestoreAsync(archive, target.Options, Store(target), force: false));
        Assert.Contains("already has tables", refused.Message, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, await MeetingCountAsync(target));

        await BackupRestorer.RestoreAsync(archive, target.Options, Store(target), force: true);

        Assert.Equal(await ExportsAsync(source), await ExportsAsync(target));
        Assert.Equal(Files(Store(source)).Keys, Files(Store(target)).Keys);
        Assert.All(before.Keys, key => Assert.False(File.Exists(Store(target).PathOf(key)), $"{key} belonged only to the replaced data and is swept"));
    }

    [Fact]
    public async Task RestoreRefusesANonEmptyAttachmentFolderUnlessForced()
    {
        await using var source = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await SeedAsync(source);
        var archive = Path.Combine(source.Directory, "backup.tar.gz");
        await BackupWriter.WriteAsync(source.Options, Store(source), archive);
        await using var target = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await Store(target).StoreAsync(Esdh.MaliciousInputTests.Pdf("fremmed"), "x.pdf", "test");

        var refused = await Assert.ThrowsAsync<DomainException>(() => BackupRestorer.RestoreAsync(archive, target.Options, Store(target), force: false));

        Assert.Contains("already holds files", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(target.Directory, "data", "dagsorden.db")), "nothing was restored");
    }

    public static TheoryData<string> BadArchives => new(BadArchiveCases.Keys.ToArray());

    /// <summary>Each bad archive, made from a good one's entries, and what the refusal must say.</summary>
    private static readonly Dictionary<string, (Action<string, string> Make, string Expected)> BadArchiveCases = new()
    {
        ["corrupted"] = ((good, bad) =>
        {
            var bytes = File.ReadAllBytes(good);
            for (var i = bytes.Length / 3; i < bytes.Length / 3 + 64; i++)
                bytes[i] ^= 0x5A;
            File.WriteAllBytes(bad, bytes);
        }, "damaged"),
        ["truncated"] = ((good, bad) => File.WriteAllBytes(bad, File.ReadAllBytes(good)[..(int)(new FileInfo(good).Length * 2 / 3)]), "truncated"),
        ["tampered attachment"] = ((good, bad) => WriteArchive(bad, ReadArchive(good).Select(e =>
            e.Name.StartsWith("attachments/", StringComparison.Ordinal) ? (e.Name, Flip(e.Bytes)) : e)), "checksum of 'attachments/"),
        ["tampered database"] = ((good, bad) => WriteArchive(bad, ReadArchive(good).Select(e =>
            e.Name.StartsWith("database/", StringComparison.Ordinal) ? (e.Name, Flip(e.Bytes)) : e)), "checksum of 'database/dagsorden.db'"),
        ["missing manifest"] = ((good, bad) => WriteArchive(bad, ReadArchive(good).Where(e => e.Name != "manifest.json")), "does not start with manifest.json"),
        ["missing file"] = ((good, bad) => WriteArchive(bad, ReadArchive(good).Where(e => !e.Name.StartsWith("attachments/", StringComparison.Ordinal))), "missing from the archive; the backup is truncated or incomplete"),
        ["path traversal entry"] = ((good, bad) => WriteArchive(bad, [.. ReadArchive(good), ("../evil.sh", "rm -rf /"u8.ToArray())]), "refusing the entry '../evil.sh'"),
        ["path traversal in manifest"] = ((good, bad) => WriteArchive(bad, ReadArchive(good).Select(e => e.Name == "manifest.json"
            ? (e.Name, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(e.Bytes).Replace("\"database/dagsorden.db\"", "\"database/../../evil.db\"", StringComparison.Ordinal)))
            : e)), "refusing the entry 'database/../../evil.db'"),
        ["unlisted entry"] = ((good, bad) => WriteArchive(bad, [.. ReadArchive(good), ("database/extra.db", [1, 2, 3])]), "not listed in manifest.json"),
        ["foreign tar"] = ((_, bad) => WriteArchive(bad, [("manifest.json", "{\"format\":\"something-else\"}"u8.ToArray()), ("README", "hej"u8.ToArray())]), "not a Dagsorden backup manifest"),
        ["zip file"] = ((_, bad) => File.WriteAllBytes(bad, Esdh.MaliciousInputTests.GoodZip()), "damaged or truncated"),
    };

    [Theory]
    [MemberData(nameof(BadArchives))]
    public async Task ABadArchiveIsRefusedAndTheOldDataStays(string name)
    {
        await using var source = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await SeedAsync(source);
        var good = Path.Combine(source.Directory, "backup.tar.gz");
        await BackupWriter.WriteAsync(source.Options, Store(source), good);
        var bad = Path.Combine(source.Directory, "bad.tar.gz");
        BadArchiveCases[name].Make(good, bad);

        // A target with data of its own: even --force must leave it as it was.
        await using var target = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using (var db = await target.OpenAsync())
            await new MeetingImporter(db, Store(target)).ImportExportAsync(ExportPackage("maj.zip", Esdh.MaliciousInputTests.GoodZip("20-03-2020 10:00:00")));
        var exportsBefore = await ExportsAsync(target);
        var filesBefore = Files(Store(target));

        var refused = await Assert.ThrowsAsync<DomainException>(() => BackupRestorer.RestoreAsync(bad, target.Options, Store(target), force: true));

        Assert.True(refused.Message.Contains(BadArchiveCases[name].Expected, StringComparison.Ordinal), refused.Message);
        Assert.StartsWith(bad, refused.Message, StringComparison.Ordinal);
        Assert.Equal(exportsBefore, await ExportsAsync(target));
        Assert.Equal(filesBefore, Files(Store(target)));
        Assert.Empty(Directory.GetFileSystemEntries(target.Directory, "*evil*", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetDirectories(target.Directory, ".restore-*"));
    }

    [Fact]
    public async Task ASqliteBackupIsRefusedByAPostgresTarget()
    {
        await using var source = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await SeedAsync(source);
        var archive = Path.Combine(source.Directory, "backup.tar.gz");
        await BackupWriter.WriteAsync(source.Options, Store(source), archive);
        await using var target = await TestDatabase.CreateAsync(StorageProvider.PostgreSql);

        var refused = await Assert.ThrowsAsync<DomainException>(() => BackupRestorer.RestoreAsync(archive, target.Options, Store(target), force: false));

        Assert.Contains("this is a sqlite backup; it cannot be restored into PostgreSQL", refused.Message, StringComparison.Ordinal);
        Assert.Empty(Store(target).Keys());
    }

    [Fact]
    public async Task TheCommandLineBacksUpAndRestoresAndRefusesWithAnExitCode()
    {
        await using var source = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await CliRunner.RunAsync(source.Directory, "import", Path.Combine(Repository.Samples, "chefforum-2014-template", "CF_2014-11-13_referat.txt"));

        var backup = await CliRunner.RunAsync(source.Directory, "backup", "kopi.tar.gz");
        await using var fresh = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var restore = await CliRunner.RunAsync(fresh.Directory, "restore", Path.Combine(source.Directory, "kopi.tar.gz"));
        var again = await CliRunner.RunAsync(fresh.Directory, "restore", Path.Combine(source.Directory, "kopi.tar.gz"));
        var noFile = await CliRunner.RunAsync(fresh.Directory, "restore");
        var meetings = await CliRunner.RunAsync(fresh.Directory, "meetings");

        Assert.Equal(0, backup.ExitCode);
        Assert.StartsWith("kopi.tar.gz: SQLite ", backup.Output, StringComparison.Ordinal);
        Assert.Contains("0 attachment files", backup.Output, StringComparison.Ordinal);
        Assert.Equal(0, restore.ExitCode);
        Assert.Contains("restored 1 meetings and 0 attachment files", restore.Output, StringComparison.Ordinal);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already has tables", again.Error, StringComparison.Ordinal);
        Assert.Equal(2, noFile.ExitCode);
        Assert.Contains("restore needs exactly one file", noFile.Error, StringComparison.Ordinal);
        Assert.StartsWith("CF:2014-11-13", meetings.Output, StringComparison.Ordinal);
    }

    private static byte[] Flip(byte[] bytes)
    {
        var copy = bytes.ToArray();
        copy[copy.Length / 2] ^= 0xFF;
        return copy;
    }
}
