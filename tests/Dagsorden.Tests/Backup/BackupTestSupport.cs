using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Dagsorden.Core.Attachments;
using Dagsorden.Core.Documents;
using Dagsorden.Core.Documents.Docx;
using Dagsorden.Core.Documents.Html;
using Dagsorden.Core.Import;
using Dagsorden.Core.Meetings;
using Dagsorden.Tests.Esdh;
using Dagsorden.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dagsorden.Tests.Backup;

/// <summary>Sample data with attachments, the exported documents of a database, and archives taken apart and put together again.</summary>
internal static class BackupTestSupport
{
    public static AttachmentStore Store(TestDatabase database) => new(Path.Combine(database.Directory, "attachments"));

    /// <summary>The sample minutes, and two SBSYS exports whose four attachment files share one PDF.</summary>
    public static async Task SeedAsync(TestDatabase database)
    {
        await using var db = await database.OpenAsync();
        var importer = new MeetingImporter(db, Store(database));
        foreach (var sample in Repository.SampleDocuments())
            await importer.ImportFileAsync(sample);
        await importer.ImportExportAsync(ExportPackage("maj.zip", MaliciousInputTests.GoodZip("15-05-2013 16:30:00")));
        await importer.ImportExportAsync(ExportPackage("juni.zip", MaliciousInputTests.Zip(
            ("Publication1/Publication1.xml", Encoding.UTF8.GetBytes(MaliciousInputTests.Publication("12-06-2013 16:30:00"))),
            ("Publication1/Enclosures/1.pdf", MaliciousInputTests.Pdf("bilag 1")),
            ("Publication1/Enclosures/2.pdf", MaliciousInputTests.Pdf("bilag i juni")))));
    }

    public static Core.Import.Esdh.ExportPackage ExportPackage(string name, byte[] zip) => Core.Import.Esdh.ExportPackage.FromZip(zip, name);

    /// <summary>Every meeting exported as text, HTML and DOCX, public and internal, by "KEY audience.format".</summary>
    public static async Task<SortedDictionary<string, byte[]>> ExportsAsync(TestDatabase database)
    {
        await using var db = await database.OpenAsync();
        var keys = (await db.Meetings.Include(m => m.Forum).ToListAsync()).Select(m => m.Key).ToList();
        var exports = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var meeting = (await db.FindAsync(key))!;
            foreach (var audience in new[] { DocumentAudience.Public, DocumentAudience.Internal })
            {
                var document = MeetingDocument.From(meeting, audience);
                exports[$"{key} {audience}.txt"] = Encoding.UTF8.GetBytes(TextDocumentWriter.Write(document));
                exports[$"{key} {audience}.html"] = Encoding.UTF8.GetBytes(MeetingHtml.RenderPage(document));
                exports[$"{key} {audience}.docx"] = DocxDocumentWriter.Write(document);
            }
        }

        return exports;
    }

    /// <summary>Every file in the store, by key.</summary>
    public static SortedDictionary<string, byte[]> Files(AttachmentStore store) =>
        new(store.Keys().ToDictionary(k => k, k => File.ReadAllBytes(store.PathOf(k))), StringComparer.Ordinal);

    public static List<(string Name, byte[] Bytes)> ReadArchive(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        var entries = new List<(string, byte[])>();
        while (tar.GetNextEntry() is { } entry)
        {
            using var bytes = new MemoryStream();
            entry.DataStream?.CopyTo(bytes);
            entries.Add((entry.Name, bytes.ToArray()));
        }

        return entries;
    }

    public static void WriteArchive(string path, IEnumerable<(string Name, byte[] Bytes)> entries)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        foreach (var (name, bytes) in entries)
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(bytes) });
    }

    public static async Task<int> MeetingCountAsync(TestDatabase database)
    {
        await using var db = await database.OpenAsync();
        return await db.Meetings.CountAsync();
    }
}
